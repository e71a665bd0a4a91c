// The user's imported files: loaded into DuckDB beside the built-in data, kept in this browser's IndexedDB so a
// reload keeps them, and removable. Nothing here ever leaves the machine.
import { del, get, set } from 'idb-keyval';
import type { TableName } from '../dictionary';
import type { DatabaseDoor } from '../db/database';
import { catalogue } from './catalogue.svelte';

import { IMPORT_INDEX as INDEX, importDataKey } from './import-keys';

export interface ImportedFile {
	file: string;
	table: TableName;
	rows: number;
	/** ISO date-time of the import. */
	at: string;
}

/** IndexedDB may be off (private mode, policy): imports then last for this visit only, and nothing fails. */
async function quietly<T>(action: () => Promise<T>, fallback: T): Promise<T> {
	try {
		return await action();
	} catch {
		return fallback;
	}
}

class Imports {
	files = $state<ImportedFile[]>([]);
	/** Files kept from an earlier visit that could not be loaded again, with why. */
	failed = $state<string[]>([]);

	private index = () => quietly(async () => ((await get(INDEX)) as ImportedFile[] | undefined) ?? [], [] as ImportedFile[]);

	/** Loads the kept files again, in the order they came; one that no longer fits is reported, not fatal. */
	async restore(db: DatabaseDoor) {
		const kept: ImportedFile[] = [];
		this.failed = [];
		for (const item of await this.index()) {
			try {
				const ipc = (await get(importDataKey(item.file))) as Uint8Array | undefined;
				if (!ipc) throw new Error('brak zapisanych danych');
				await db.importArrow(item.table, ipc, item.file);
				kept.push(item);
			} catch (e) {
				this.failed = [...this.failed, `${item.file}: ${e instanceof Error ? e.message : String(e)}`];
				await quietly(() => del(importDataKey(item.file)), undefined);
			}
		}
		this.files = kept;
		await quietly(() => set(INDEX, $state.snapshot(kept)), undefined);
	}

	/** For an export's description: the built-in sources and each of the user's files. */
	sources(builtIn: readonly string[]): string[] {
		return [...builtIn, ...this.files.map((f) => `Plik użytkownika (provenance = imported): ${f.file}, ${f.rows} wierszy, wczytany ${f.at.slice(0, 10)}`)];
	}

	/** `ipc` is already kept under importDataKey(file) by the worker; only the small index is written here. */
	async add(db: DatabaseDoor, file: string, table: TableName, ipc: Uint8Array, rows: number) {
		try {
			await db.importArrow(table, ipc, file);
		} catch (e) {
			await quietly(() => del(importDataKey(file)), undefined);
			throw e;
		}
		const entry: ImportedFile = { file, table, rows, at: new Date().toISOString() };
		this.files = [...this.files.filter((f) => f.file !== file), entry];
		await quietly(() => set(INDEX, $state.snapshot(this.files)), undefined);
		await catalogue.refresh(db);
	}

	async remove(db: DatabaseDoor, file: string) {
		await db.removeImport(file);
		this.files = this.files.filter((f) => f.file !== file);
		await quietly(() => set(INDEX, $state.snapshot(this.files)), undefined);
		await quietly(() => del(importDataKey(file)), undefined);
		await catalogue.refresh(db);
	}
}

export const imports = new Imports();
