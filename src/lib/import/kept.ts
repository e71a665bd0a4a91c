// The user's imports as kept in this browser: each import's entry and bytes under keys of their own, written and
// deleted together, so nothing is ever read, changed and written back whole (two tabs did that and lost files).
import { delMany, get, keys, setMany } from 'idb-keyval';
import { LEGACY_INDEX, importDataKey, importEntryKey, importIdOf, type ImportedFile } from '../state/import-keys';

/** The little of IndexedDB the imports need; tests hand in a Map. */
export interface KeptStore {
	get(key: string): Promise<unknown>;
	setMany(entries: [string, unknown][]): Promise<void>;
	delMany(keys: string[]): Promise<void>;
	keys(): Promise<string[]>;
}

export const indexedDbStore: KeptStore = { get, setMany, delMany, keys: async () => (await keys()).map(String) };

/** An import's entry and its bytes, in one transaction: one is never kept without the other. */
export function keep(store: KeptStore, entry: ImportedFile, ipc: Uint8Array) {
	return store.setMany([
		[importDataKey(entry.id), ipc],
		[importEntryKey(entry.id), entry]
	]);
}

/** An import's entry and bytes, out together. */
export function forget(store: KeptStore, id: string) {
	return store.delMany([importEntryKey(id), importDataKey(id)]);
}

export async function keptEntry(store: KeptStore, id: string): Promise<{ entry: ImportedFile; ipc: Uint8Array } | null> {
	const [entry, ipc] = await Promise.all([store.get(importEntryKey(id)), store.get(importDataKey(id))]);
	return entry && ipc ? { entry: entry as ImportedFile, ipc: ipc as Uint8Array } : null;
}

/**
 * Every kept import in the order they came, after moving an earlier version's single list over; and the ids whose
 * bytes have no entry (kept by a version that lost its list entry), so the caller can recover or remove them.
 */
export async function keptImports(store: KeptStore): Promise<{ entries: ImportedFile[]; unlisted: string[] }> {
	const legacy = (await store.get(LEGACY_INDEX)) as Omit<ImportedFile, 'id'>[] | undefined;
	if (legacy) {
		await store.setMany(legacy.map((item) => [importEntryKey(item.file), { ...item, id: item.file }]));
		await store.delMany([LEGACY_INDEX]);
	}
	const ids = { entry: new Set<string>(), data: new Set<string>() };
	for (const key of await store.keys()) {
		const found = importIdOf(key);
		if (found) ids[found.kind].add(found.id);
	}
	const entries = (await Promise.all([...ids.entry].map((id) => store.get(importEntryKey(id))))) as ImportedFile[];
	return {
		entries: entries.filter(Boolean).sort((a, b) => a.at.localeCompare(b.at)),
		unlisted: [...ids.data].filter((id) => !ids.entry.has(id))
	};
}
