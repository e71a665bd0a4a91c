// Where the user's imports are kept in IndexedDB: shared by the page and the import worker (no runes here, so the
// worker can import it).
/** A small index of the kept files. */
export const IMPORT_INDEX = 'pokl711.imports';

/** Each file's Arrow bytes, under their own key. */
export const importDataKey = (file: string) => `pokl711.import-data:${file}`;
