// The one door to DuckDB: starts the engine once (race-safe), loads the data, and answers queries with plain
// rows, caching results by SQL text so two charts asking the same question run it once.
import { toColumns, toRows } from './rows';
import { schemaSql, type DerivedKind } from './schema';
import { dictionary, type TableName } from '../dictionary';
import type { Columns, DataManifest, Database, EngineConnection, Row, SqlParam, SqlQuery } from './types';
import { ui } from '../i18n';
import { span } from '../timeline';

export interface DatabaseOptions {
	/** Opens the engine; called once, on the first query. */
	open: () => Promise<EngineConnection>;
	/** Reads one data file named in the manifest. */
	read: (file: string) => Promise<Uint8Array>;
	manifest: () => Promise<DataManifest>;
	/** The engine is up and the data starts going in (the files are fetched meanwhile, see `connect`). */
	onOpen?: () => void;
	onProgress?: (step: { table: string; loaded: number; total: number }) => void;
	/** Off only for the benchmark, which must time the engine rather than the cache. */
	cache?: boolean;
	/**
	 * How edition_facts (schema.ts) is made: materialised (the default), or as a view for an engine that reads it
	 * rarely and whose first answer waits on its start (the national pages read it only under constant prices, over
	 * 9 editions; materialising the derived tables took 170–260 ms of a cold visit, on the worker's first use of
	 * DuckDB's grouping and window code). price_levels is a view either way.
	 */
	derived?: DerivedKind;
	/** Which engine this is, in the names of its spans in the performance timeline ('centres', 'national', …). */
	name?: string;
}

export interface Exploration {
	columns: { name: string; type: string }[];
	rows: Row[];
}

export interface DatabaseDoor extends Database {
	ready: () => Promise<void>;
	importArrow: (table: TableName, ipc: Uint8Array, file: string) => Promise<void>;
	removeImport: (file: string) => Promise<void>;
	/**
	 * Locks the engine for a researcher's own SQL: no files, no addresses, no setting changes, whatever the spelling
	 * (DuckDB's own settings, so the engine refuses, not a text check). For an instance of its own: it cannot be
	 * undone, and the dashboard's engine must keep changing settings when a file is imported.
	 */
	lock: () => Promise<void>;
	/** A researcher's own query on a locked engine: never cached, with its columns (even with no rows). */
	explore: (sql: string) => Promise<Exploration>;
	/** Ends the engine at once, a running query too; the next question starts it afresh from the files. */
	close: () => Promise<void>;
}

/** An import whose rows other imports' rows point at (an edition's participants, a centre's editions): removing it
 * first would leave those rows pointing at nothing. `dependents` are the other imports' ids. */
export class ImportInUse extends Error {
	readonly code = 'import_in_use';
	constructor(
		readonly file: string,
		readonly dependents: string[]
	) {
		super(`import ${file}: rows of ${dependents.join(', ')} point at its rows`);
	}
}

/** The columns of any table that point into one of `tables`, as [table, column]. */
function referencesTo(tables: TableName[]): [TableName, (typeof dictionary.tables)[TableName]['columns'][number]][] {
	return (Object.keys(dictionary.tables) as TableName[]).flatMap((other) =>
		dictionary.tables[other].columns.filter((c) => c.references !== undefined && tables.includes(c.references as TableName)).map((c): [TableName, typeof c] => [other, c])
	);
}

/** Set before the explorer's first statement; `lock_configuration` last, so nothing after can unset either. */
export const LOCKDOWN = ['SET enable_external_access = false', 'SET lock_configuration = true'];

/**
 * A researcher's statement as one query the engine will only read with. DuckDB's parser decides: the text goes
 * inside a subquery, where only a query (SELECT, FROM, WITH, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE, PIVOT) can
 * stand, and it is prepared, which refuses more than one statement. So a quote, a comment or a closing bracket in
 * the text can at most make another query or a syntax error, never a write. EXPLAIN [ANALYZE] stays in front.
 */
export function confine(sql: string): string {
	const body = sql.replace(/[\s;]+$/, '');
	const explain = /^\s*(EXPLAIN(?:\s+ANALY[SZ]E)?)\s+/i.exec(body);
	const query = explain ? body.slice(explain[0].length) : body;
	return `${explain ? `${explain[1]} ` : ''}SELECT * FROM (\n${query}\n)`;
}

/** Which imported file each imported row came from, so a file can be taken out again. */
const IMPORT_REGISTRY = 'CREATE TABLE IF NOT EXISTS imported_rows (file VARCHAR, table_name VARCHAR, key VARCHAR)';

export function createDatabase(options: DatabaseOptions): DatabaseDoor {
	let connection: Promise<EngineConnection> | undefined;
	// Answers by their SQL and values, and values worked out from them (`remember`): all dropped when the data changes.
	const cache = new Map<string, Promise<unknown>>();
	function keep<T>(key: string, make: () => Promise<T>): Promise<T> {
		let result = cache.get(key) as Promise<T> | undefined;
		if (!result) {
			result = make();
			if (options.cache !== false) cache.set(key, result);
			result.catch(() => cache.delete(key));
		}
		return result;
	}

	let manifest: DataManifest | undefined;
	const schema = schemaSql(options.derived);

	/** The manifest and every file it names, all requested at once. */
	async function fetchFiles() {
		manifest ??= await options.manifest();
		return manifest.tables.map((table) => ({ table, bytes: options.read(table.file) }));
	}

	async function load(engine: EngineConnection, files: Awaited<ReturnType<typeof fetchFiles>>) {
		let loaded = 0;
		// Inserted one after another (one worker, and progress that counts up steadily), from files already on the way.
		for (const { table, bytes } of files) {
			await engine.insertArrow(table.name, await bytes);
			options.onProgress?.({ table: table.name, loaded: ++loaded, total: files.length });
		}
		await engine.run(IMPORT_REGISTRY, []);
		for (const sql of schema) await engine.run(sql, []);
	}

	/** Statements that must hold together or not at all: the data already loaded never ends half-changed. */
	async function transaction(engine: EngineConnection, steps: [string, SqlParam[]][]) {
		await engine.run('BEGIN TRANSACTION', []);
		try {
			for (const [sql, params] of steps) await engine.run(sql, params);
			await engine.run('COMMIT', []);
		} catch (error) {
			await engine.run('ROLLBACK', []);
			throw error;
		} finally {
			// An answer asked while the transaction ran saw rows a rollback took back: none is kept, either way.
			cache.clear();
		}
		// Derived tables follow their sources, and no cached answer (or statement) may outlive the data it came from.
		for (const sql of schema) await engine.run(sql, []);
		await engine.forget?.();
		cache.clear();
	}

	let locked = false;

	function connect(): Promise<EngineConnection> {
		connection ??= (async () => {
			// The data downloads while the engine starts (the wasm's download and compile take most of a cold start).
			const files = fetchFiles();
			// Read later, after the engine; a failed download must not be an unhandled rejection meanwhile.
			files.then((all) => all.forEach((f) => f.bytes.catch(() => undefined))).catch(() => undefined);
			const opening = performance.now();
			const engine = await options.open();
			const opened = performance.now();
			options.onOpen?.();
			await load(engine, await files);
			// Named in the browser's performance timeline, so a trace or the bench can say where a cold start went.
			span(`engine ${options.name ?? ''}: open`, opening, opened);
			span(`engine ${options.name ?? ''}: data`, opened);
			return engine;
		})();
		// A failed start may be retried; a good one is kept for the life of the page.
		connection.catch(() => (connection = undefined));
		return connection;
	}

	return {
		ready: async () => void (await connect()),
		async lock() {
			const engine = await connect();
			for (const sql of LOCKDOWN) await engine.run(sql, []);
			locked = true;
		},
		async explore(sql: string): Promise<Exploration> {
			if (!locked) throw new Error('explore() runs only on a locked engine: call lock() first');
			const table = await (await connect()).runOne(confine(sql));
			return { columns: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })), rows: toRows(table) };
		},
		async close() {
			const closing = connection;
			connection = undefined;
			locked = false;
			cache.clear();
			if (closing) await (await closing).close();
		},
		/**
		 * Rows already checked (import/check.ts) and encoded as Arrow (by the import worker, or kept from an earlier
		 * visit) added to a table, all or none, and recorded under their file.
		 */
		async importArrow(table: TableName, ipc: Uint8Array, file: string) {
			const engine = await connect();
			const key = dictionary.tables[table].key[0];
			await engine.run('DROP TABLE IF EXISTS import_batch', []);
			await engine.insertArrow('import_batch', ipc);
			try {
				// Loaded tables carry no key constraint, so a clash is looked for here, before anything changes.
				const [clash] = toRows<{ n: number }>(await engine.run(`SELECT count(*) AS n FROM import_batch JOIN "${table}" USING ("${key}")`, []));
				if (clash.n > 0) throw new Error(ui.imports.rules.keysClash(file, clash.n, key));
				await transaction(engine, [
					[`INSERT INTO "${table}" BY NAME SELECT * FROM import_batch`, []],
					[`INSERT INTO imported_rows SELECT ?, ?, "${key}" FROM import_batch`, [file, table]]
				]);
			} finally {
				await engine.run('DROP TABLE IF EXISTS import_batch', []);
			}
		},
		/** Every row a file brought, out again; refused (`ImportInUse`) while another import's rows point at them. */
		async removeImport(file: string) {
			const engine = await connect();
			const tables = (toRows<{ table_name: string }>(await engine.run('SELECT DISTINCT table_name FROM imported_rows WHERE file = ?', [file]))).map((r) => r.table_name as TableName);
			const dependents = new Set<string>();
			for (const [other, column] of referencesTo(tables)) {
				const otherKey = dictionary.tables[other].key[0];
				const rows = await engine.run(
					`SELECT DISTINCT r.file FROM "${other}" o JOIN imported_rows r ON r.table_name = ? AND r.key = CAST(o."${otherKey}" AS VARCHAR)
					 WHERE r.file <> ? AND CAST(o."${column.name}" AS VARCHAR) IN (SELECT key FROM imported_rows WHERE file = ? AND table_name = ?)`,
					[other, file, file, column.references!]
				);
				for (const r of toRows<{ file: string }>(rows)) dependents.add(r.file);
			}
			// Removed, they would leave rows pointing at nothing: counted by some questions and not by others.
			if (dependents.size > 0) throw new ImportInUse(file, [...dependents].sort());
			await transaction(engine, [
				...tables.map((table): [string, SqlParam[]] => [
					`DELETE FROM "${table}" WHERE "${dictionary.tables[table].key[0]}" IN (SELECT key FROM imported_rows WHERE file = ? AND table_name = ?)`,
					[file, table]
				]),
				['DELETE FROM imported_rows WHERE file = ?', [file]]
			]);
		},
		has: ({ sql, params = [] }: SqlQuery) => cache.has(JSON.stringify([sql, params])),
		query<T extends Row>({ sql, params = [] }: SqlQuery): Promise<T[]> {
			return keep(JSON.stringify([sql, params]), () => connect().then((engine) => engine.run(sql, params)).then((table) => toRows<T>(table)));
		},
		// Its own prefix: a key of `query`'s is a JSON array, never this.
		remember: <T>(key: string, make: () => Promise<T>) => keep(`remembered: ${key}`, make),
		columns<T extends Columns>({ sql, params = [] }: SqlQuery): Promise<T> {
			return connect().then((engine) => engine.run(sql, params)).then((table) => toColumns<T>(table));
		}
	};
}
