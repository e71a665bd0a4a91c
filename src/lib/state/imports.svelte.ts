// The user's imported files: loaded into DuckDB beside the built-in data, kept in this browser's IndexedDB so a
// reload keeps them, and removable. Every import has its own id, so two files of the same name are two imports;
// tabs tell each other what they added or removed, so each tab's list and DuckDB follow. Nothing leaves the machine.
import { tableFromIPC } from 'apache-arrow';
import { dictionary, type TableName } from '../dictionary';
import { ImportInUse, type DatabaseDoor } from '../db/database';
import { forget, indexedDbStore, keep, keptEntry, keptImports, type KeptStore } from '../import/kept';
import { catalogue } from './catalogue.svelte';
import { IMPORT_CHANNEL, IMPORT_LOCK, importDataKey, type ImportMessage, type ImportedFile } from './import-keys';
import { ui } from '../i18n';

export type { ImportedFile };

const IMPORTABLE: TableName[] = ['participants', 'support', 'editions', 'centres'];

/** IndexedDB may be off (private mode, policy): imports then last for this visit only, and nothing fails. */
async function quietly<T>(action: () => Promise<T>, fallback: T): Promise<T> {
	try {
		return await action();
	} catch {
		return fallback;
	}
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One tab's turn for imports (`IMPORT_LOCK`), where the browser has Web Locks. */
async function withImportLock<T>(step: () => Promise<T>): Promise<T> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? await locks.request(IMPORT_LOCK, step) : step();
}

/** The dictionary table whose columns an import's Arrow bytes have, or null. */
function tableOf(ipc: Uint8Array): { table: TableName; rows: number } | null {
	const arrow = tableFromIPC(ipc);
	const names = arrow.schema.fields.map((f) => f.name).sort().join();
	const table = IMPORTABLE.find((t) => dictionary.tables[t].columns.map((c) => c.name).sort().join() === names);
	return table ? { table, rows: arrow.numRows } : null;
}

export interface ImportsOptions {
	store?: KeptStore;
	/** How this tab hears the others; none where BroadcastChannel is missing. */
	channel?: () => BroadcastChannel | null;
}

export class Imports {
	files = $state<ImportedFile[]>([]);
	/** Files kept from an earlier visit or another tab that could not be loaded, with why. */
	failed = $state<string[]>([]);
	/** The last removal refused, because other imports' rows point at the file's: its name and theirs. */
	inUse = $state<{ file: string; dependents: string[] } | null>(null);
	private store: KeptStore;
	private channel: BroadcastChannel | null = null;
	private openChannel: () => BroadcastChannel | null;
	private db: DatabaseDoor | null = null;
	/** Restores, additions, removals and other tabs' news, one at a time and in order. */
	private queue: Promise<unknown> = Promise.resolve();
	/** This tab's files known to be kept in this browser: one of them gone from the store was removed in another tab. */
	private kept = new Set<string>();

	constructor({ store = indexedDbStore, channel = () => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(IMPORT_CHANNEL)) }: ImportsOptions = {}) {
		this.store = store;
		this.openChannel = channel;
	}

	private serial<T>(step: () => Promise<T>): Promise<T> {
		const next = this.queue.then(step);
		this.queue = next.catch(() => undefined);
		return next;
	}

	private listen(db: DatabaseDoor) {
		this.db = db;
		if (this.channel) return;
		this.channel = this.openChannel();
		if (this.channel) this.channel.onmessage = (event: MessageEvent<ImportMessage>) => void this.serial(() => this.hear(event.data));
	}

	private tell(message: ImportMessage) {
		this.channel?.postMessage(message);
	}

	/** Another tab added or removed an import: this tab's DuckDB and list follow. Its kept bytes are never touched here. */
	private async hear({ type, id }: ImportMessage) {
		const db = this.db;
		if (!db) return;
		const loaded = this.files.some((f) => f.id === id);
		if (type === 'removed' && loaded) {
			try {
				await db.removeImport(id);
			} catch (e) {
				if (!(e instanceof ImportInUse)) throw e;
				// The other tab removed it not knowing of a file of this tab's that points at it (one never kept, with
				// IndexedDB off, or a race of milliseconds: a removal catches up with what is kept first). Kept here, and
				// said as this tab's refusal, never silent.
				this.inUse = this.refusal(e);
				return;
			}
			this.files = this.files.filter((f) => f.id !== id);
			this.kept.delete(id);
			if (this.inUse && !this.files.some((f) => f.file === this.inUse!.file)) this.inUse = null;
		} else if (type === 'added' && !loaded) {
			if (!(await this.loadKept(db, id))) return;
		} else return;
		await catalogue.refresh(db);
	}

	/**
	 * Loads the kept files again, in the order they came. One that no longer fits is reported and removed. Bytes left
	 * without an entry by an earlier version are loaded again under a new entry when their table can be told.
	 */
	restore(db: DatabaseDoor) {
		this.listen(db);
		return this.serial(async () => {
			const loaded: ImportedFile[] = [];
			const failed: string[] = [];
			const { entries, unlisted } = await quietly(() => keptImports(this.store), { entries: [] as ImportedFile[], unlisted: [] as string[] });
			for (const id of unlisted) {
				const ipc = (await quietly(() => this.store.get(importDataKey(id)), undefined)) as Uint8Array | undefined;
				const known = ipc ? await quietly(async () => tableOf(ipc), null) : null;
				if (ipc && known) {
					const entry: ImportedFile = { id, file: id.replace(/#[0-9a-f]{12}$/, ''), table: known.table, rows: known.rows, at: new Date().toISOString() };
					await quietly(() => keep(this.store, entry, ipc), undefined);
					entries.push(entry);
				} else {
					failed.push(`${id}: ${ui.imports.kept.unreadable}`);
					await quietly(() => forget(this.store, id), undefined);
				}
			}
			for (const entry of entries) {
				try {
					const kept = await keptEntry(this.store, entry.id);
					if (!kept) throw new Error(ui.imports.kept.missing);
					await db.importArrow(entry.table, kept.ipc, entry.id);
					loaded.push(entry);
					this.kept.add(entry.id);
				} catch (e) {
					failed.push(`${entry.file}: ${reason(e)}`);
					await quietly(() => forget(this.store, entry.id), undefined);
				}
			}
			this.files = loaded;
			this.failed = failed;
		});
	}

	/**
	 * This tab's imports, as they stand, into another engine (the SQL explorer's), from where they are kept. Nothing
	 * kept or listed changes; one that can no longer be read is left out, as the list already reports it.
	 */
	async copyInto(db: DatabaseDoor) {
		for (const entry of this.files) {
			const kept = await quietly(() => keptEntry(this.store, entry.id), null);
			if (kept) await db.importArrow(entry.table, kept.ipc, entry.id);
		}
	}

	/** Which imports this tab has now: an engine that copied another set is out of date. */
	get version(): string {
		return this.files.map((f) => f.id).join('\n');
	}

	/** For an export's description: the built-in sources and each of the user's files. */
	sources(builtIn: readonly string[]): string[] {
		return [...builtIn, ...this.files.map((f) => ui.imports.sourceLine(f.file, f.rows, f.at.slice(0, 10)))];
	}

	/**
	 * A checked import into DuckDB. Its entry and bytes are already kept (the worker keeps them, off this thread), if
	 * `kept`: with IndexedDB off or full, for this visit only.
	 */
	add(db: DatabaseDoor, entry: ImportedFile, ipc: Uint8Array, kept = false) {
		this.listen(db);
		return this.serial(async () => {
			// Already loaded by a removal's catch-up (it finds what is kept, and the worker keeps a file before this runs).
			if (this.files.some((f) => f.id === entry.id)) return this.tell({ type: 'added', id: entry.id });
			try {
				await db.importArrow(entry.table, ipc, entry.id);
			} catch (e) {
				await quietly(() => forget(this.store, entry.id), undefined);
				throw e;
			}
			this.files = [...this.files, entry];
			if (kept) this.kept.add(entry.id);
			this.tell({ type: 'added', id: entry.id });
			await catalogue.refresh(db);
		});
	}

	/** A kept import into this tab's DuckDB and list; false where it is gone from the store or cannot be loaded (said). */
	private async loadKept(db: DatabaseDoor, id: string): Promise<boolean> {
		const kept = await quietly(() => keptEntry(this.store, id), null);
		if (!kept) return false;
		try {
			await db.importArrow(kept.entry.table, kept.ipc, id);
		} catch (e) {
			this.failed = [...this.failed, `${kept.entry.file}: ${reason(e)}`];
			return false;
		}
		this.files = [...this.files, kept.entry];
		this.kept.add(id);
		return true;
	}

	/** Loads the imports kept in this browser that this tab does not have yet, as if it had heard of each. */
	private async catchUp(db: DatabaseDoor): Promise<boolean> {
		let loaded = false;
		const { entries } = await quietly(() => keptImports(this.store), { entries: [] as ImportedFile[], unlisted: [] as string[] });
		for (const entry of entries) if (!this.files.some((f) => f.id === entry.id)) loaded = (await this.loadKept(db, entry.id)) || loaded;
		return loaded;
	}

	/**
	 * Takes in what other tabs did that this one has not heard of yet (no BroadcastChannel, a message still on its
	 * way): their removals of files this tab has, then their additions. Nothing, where the store cannot be read.
	 */
	private async settle(db: DatabaseDoor) {
		const stored = await quietly(async () => new Set((await keptImports(this.store)).entries.map((e) => e.id)), null);
		if (!stored) return;
		// Newest first, as their references run (an edition before its centre), and again while one more goes.
		for (let removed = true; removed; ) {
			removed = false;
			for (const file of [...this.files].reverse())
				if (this.kept.has(file.id) && !stored.has(file.id) && this.files.includes(file)) {
					await this.hear({ type: 'removed', id: file.id });
					removed ||= !this.files.includes(file);
				}
		}
		if (await this.catchUp(db)) await catalogue.refresh(db);
	}

	/**
	 * Runs `step` (a check made again if need be, then the worker's keep and `add`) in this browser's turn for imports,
	 * after taking in what other tabs did: a removal in another tab cannot fall between this tab's check and its keep.
	 */
	exclusive<T>(db: DatabaseDoor, step: () => Promise<T>): Promise<T> {
		this.listen(db);
		return withImportLock(async () => {
			await this.serial(() => this.settle(db));
			return step();
		});
	}

	/** A refused removal as the page says it: the file's name and its dependents', by this tab's list. */
	private refusal(e: ImportInUse) {
		const name = (fileId: string) => this.files.find((f) => f.id === fileId)?.file ?? fileId;
		return { file: name(e.file), dependents: e.dependents.map(name) };
	}

	/** One import out of DuckDB and out of this browser; other tabs take it out too. Other imports are not touched. */
	remove(db: DatabaseDoor, id: string) {
		this.listen(db);
		// In this browser's turn (Web Locks): an addition in another tab is either kept before the catch-up below sees
		// it, or starts after this removal and takes it in first (`exclusive`).
		return withImportLock(() => this.serial(async () => {
			// First what other tabs kept and this one never heard of (no BroadcastChannel, a message lost): their rows
			// may point at this file's, and the check below sees only this tab's DuckDB.
			const caughtUp = await this.catchUp(db);
			this.inUse = null;
			try {
				await db.removeImport(id);
			} catch (e) {
				if (!(e instanceof ImportInUse)) throw e;
				// Nothing was removed: the reader is told which files to remove first.
				this.inUse = this.refusal(e);
				if (caughtUp) await catalogue.refresh(db);
				return;
			}
			// Out of the browser's store before out of the list: a reload right after the list says "removed" must
			// not load the file again (a test that reloaded at once found 18 participants where 16 were left).
			await quietly(() => forget(this.store, id), undefined);
			this.files = this.files.filter((f) => f.id !== id);
			this.kept.delete(id);
			this.tell({ type: 'removed', id });
			await catalogue.refresh(db);
		}));
	}
}

export const imports = new Imports();
