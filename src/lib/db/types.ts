// The small contract every part of the app uses to ask DuckDB a question, whatever engine answers it.
export type SqlParam = string | number | boolean | null;

export interface SqlQuery {
	sql: string;
	params?: SqlParam[];
}

export type Row = Record<string, unknown>;
/** An answer column by column, by name. */
export type Columns = Record<string, ArrayLike<unknown>>;

/** A database the UI can query: the browser's duckdb-wasm, the same engine in Node for tests, or later a server. */
export interface Database {
	query<T extends Row = Row>(query: SqlQuery): Promise<T[]>;
	/**
	 * The answer column by column, numbers as Arrow's typed arrays where nothing is null: for answers of thousands
	 * of rows read whole (the national pages), with no object made per row. Not cached.
	 */
	columns<T extends Columns = Columns>(query: SqlQuery): Promise<T>;
	/** Whether `query`'s answer is at hand (kept, or on its way), so asking it again costs no trip to the engine. */
	has(query: SqlQuery): boolean;
	/**
	 * A value worked out from kept answers (`key` names it), kept beside them: dropped with them when the data changes,
	 * never kept if it failed, and not kept at all where answers are not (the benchmark's engine).
	 */
	remember<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** What an engine must do for `createDatabase`: run SQL with parameters and take Arrow IPC bytes as a table. */
export interface EngineConnection {
	run(sql: string, params: SqlParam[]): Promise<import('apache-arrow').Table>;
	/** Exactly one statement, as the engine's own parser counts them: it prepares the text and refuses several. */
	runOne(sql: string): Promise<import('apache-arrow').Table>;
	insertArrow(table: string, ipc: Uint8Array): Promise<void>;
	/** Drops what the engine keeps between questions (prepared statements): the tables they read have changed. */
	forget?(): Promise<void>;
	/** Ends the engine at once, even in the middle of a query (the browser terminates its worker). */
	close(): Promise<void>;
}

export interface DataManifest {
	tables: { name: string; file: string; rows: number; bytes: number }[];
}
