// Where the user's imports are kept in IndexedDB: shared by the page and the import worker (no runes here, so the
// worker can import it). Each import has its own id and its own two keys, so two files of the same name, or two
// tabs adding and removing at once, never overwrite each other's entries.
import type { TableName } from '../dictionary';

export interface ImportedFile {
	/** Unique for every import: the file's name and a random suffix. */
	id: string;
	/** The file's name, as the user knows it. */
	file: string;
	table: TableName;
	rows: number;
	/** ISO date-time of the import. */
	at: string;
}

const ENTRY = 'pokl711.import:';
const DATA = 'pokl711.import-data:';

/** One import's entry (what the list shows). */
export const importEntryKey = (id: string) => `${ENTRY}${id}`;

/** One import's Arrow bytes. */
export const importDataKey = (id: string) => `${DATA}${id}`;

/** The id behind an entry or data key; null for any other key. */
export function importIdOf(key: string): { kind: 'entry' | 'data'; id: string } | null {
	if (key.startsWith(ENTRY)) return { kind: 'entry', id: key.slice(ENTRY.length) };
	if (key.startsWith(DATA)) return { kind: 'data', id: key.slice(DATA.length) };
	return null;
}

/**
 * Earlier versions kept one list of every import under this key and rewrote it whole, so two tabs overwrote each
 * other's. It is read once, moved to one entry per file (the id of such a file is its name, which is where its
 * bytes already are), and deleted.
 */
export const LEGACY_INDEX = 'pokl711.imports';

/** A new import's id: its name, so a key says what it holds, and a random suffix, so the same name twice is two. */
export function newImportId(file: string): string {
	const suffix = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
	return `${file}#${suffix}`;
}

/** Tabs of this site tell each other what they added and removed, so every tab's list and DuckDB stay the same. */
export const IMPORT_CHANNEL = 'pokl711.imports';
export type ImportMessage = { type: 'added' | 'removed'; id: string };

/** Tabs of this site take it in turns to add and remove imports under this Web Lock, where the browser has them. */
export const IMPORT_LOCK = 'pokl711.imports';
