// The user's imported files: loaded into DuckDB beside the built-in data, kept in this browser's IndexedDB so a
// reload keeps them, and removable. Nothing here ever leaves the machine.
import { get, set } from 'idb-keyval';
import type { TableName } from '../dictionary';
import type { DatabaseDoor } from '../db/database';
import { catalogue } from './catalogue.svelte';

const KEY = 'pokl711.imports';

export interface ImportedFile {
	file: string;
	table: TableName;
	rows: number;
	/** ISO date-time of the import. */
	at: string;
}

interface StoredImport extends ImportedFile {
	/** The checked rows as Arrow IPC: compact, and loaded as they are. */
	ipc: Uint8Array;
}

class Imports {
	files = $state<ImportedFile[]>([]);
	/** Files kept from an earlier visit that could not be loaded again, with why. */
	failed = $state<string[]>([]);

	private async stored(): Promise<StoredImport[]> {
		try {
			return ((await get(KEY)) as StoredImport[] | undefined) ?? [];
		} catch {
			// IndexedDB off (private mode, policy): imports then last for this visit only.
			return [];
		}
	}

	private async save(list: StoredImport[]) {
		try {
			await set(KEY, list);
		} catch {
			// As above: nothing is lost from DuckDB, only the copy for the next visit.
		}
	}

	/** Loads the kept files again, in the order they came; one that no longer fits is reported, not fatal. */
	async restore(db: DatabaseDoor) {
		const list = await this.stored();
		const kept: StoredImport[] = [];
		this.failed = [];
		for (const item of list) {
			try {
				// A copy: the engine may take over (transfer) the buffer it is given, and this one is kept.
				await db.importArrow(item.table, item.ipc.slice(), item.file);
				kept.push(item);
			} catch (e) {
				this.failed = [...this.failed, `${item.file}: ${e instanceof Error ? e.message : String(e)}`];
			}
		}
		this.files = kept.map(({ ipc: _, ...file }) => file);
		if (kept.length !== list.length) await this.save(kept);
	}

	/** For an export's description: the built-in sources and each of the user's files. */
	sources(builtIn: readonly string[]): string[] {
		return [...builtIn, ...this.files.map((f) => `Plik użytkownika (provenance = imported): ${f.file}, ${f.rows} wierszy, wczytany ${f.at.slice(0, 10)}`)];
	}

	async add(db: DatabaseDoor, file: string, table: TableName, ipc: Uint8Array, rows: number) {
		await db.importArrow(table, ipc.slice(), file);
		const item: StoredImport = { file, table, rows, at: new Date().toISOString(), ipc };
		await this.save([...(await this.stored()).filter((s) => s.file !== file), item]);
		this.files = [...this.files.filter((f) => f.file !== file), { file, table, rows, at: item.at }];
		await catalogue.refresh(db);
	}

	async remove(db: DatabaseDoor, file: string) {
		await db.removeImport(file);
		await this.save((await this.stored()).filter((s) => s.file !== file));
		this.files = this.files.filter((f) => f.file !== file);
		await catalogue.refresh(db);
	}
}

export const imports = new Imports();
