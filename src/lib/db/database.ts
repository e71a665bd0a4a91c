// The one door to DuckDB: starts the engine once (race-safe), loads the data, and answers queries with plain
// rows, caching results by SQL text so two charts asking the same question run it once.
import { toRows } from './rows';
import { SCHEMA_SQL } from './schema';
import { dictionary, type TableName } from '../dictionary';
import type { DataManifest, Database, EngineConnection, Row, SqlParam, SqlQuery } from './types';

export interface DatabaseOptions {
	/** Opens the engine; called once, on the first query. */
	open: () => Promise<EngineConnection>;
	/** Reads one data file named in the manifest. */
	read: (file: string) => Promise<Uint8Array>;
	manifest: () => Promise<DataManifest>;
	onProgress?: (step: { table: string; loaded: number; total: number }) => void;
	/** Off only for the benchmark, which must time the engine rather than the cache. */
	cache?: boolean;
}

export interface Exploration {
	columns: { name: string; type: string }[];
	rows: Row[];
	ms: number;
}

export interface DatabaseDoor extends Database {
	ready: () => Promise<void>;
	explore: (sql: string) => Promise<Exploration>;
	reset: () => Promise<void>;
	importArrow: (table: TableName, ipc: Uint8Array, file: string) => Promise<void>;
	removeImport: (file: string) => Promise<void>;
}

/** Which imported file each imported row came from, so a file can be taken out again. */
const IMPORT_REGISTRY = 'CREATE TABLE IF NOT EXISTS imported_rows (file VARCHAR, table_name VARCHAR, key VARCHAR)';

export function createDatabase(options: DatabaseOptions): DatabaseDoor {
	let connection: Promise<EngineConnection> | undefined;
	const cache = new Map<string, Promise<Row[]>>();

	let manifest: DataManifest | undefined;

	async function load(engine: EngineConnection, replace: boolean) {
		manifest ??= await options.manifest();
		let loaded = 0;
		// Sequential on purpose: one worker, and progress that counts up steadily.
		for (const table of manifest.tables) {
			if (replace) await engine.run(`DROP TABLE IF EXISTS "${table.name}"`, []);
			await engine.insertArrow(table.name, await options.read(table.file));
			options.onProgress?.({ table: table.name, loaded: ++loaded, total: manifest.tables.length });
		}
		if (replace) await engine.run('DROP TABLE IF EXISTS imported_rows', []);
		await engine.run(IMPORT_REGISTRY, []);
		for (const sql of SCHEMA_SQL) await engine.run(sql, []);
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
		}
		// Derived tables follow their sources, and no cached answer may outlive the data it came from.
		for (const sql of SCHEMA_SQL) await engine.run(sql, []);
		cache.clear();
	}

	function connect(): Promise<EngineConnection> {
		connection ??= (async () => {
			const engine = await options.open();
			await load(engine, false);
			return engine;
		})();
		// A failed start may be retried; a good one is kept for the life of the page.
		connection.catch(() => (connection = undefined));
		return connection;
	}

	return {
		ready: async () => void (await connect()),
		/** A researcher's own query: never cached, with its columns (even with no rows) and its time. */
		async explore(sql: string): Promise<Exploration> {
			const engine = await connect();
			const start = performance.now();
			const table = await engine.run(sql, []);
			const ms = performance.now() - start;
			return { columns: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })), rows: toRows(table), ms };
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
				if (clash.n > 0) throw new Error(`${file}: ${clash.n} kluczy „${key}” jest już wczytanych`);
				await transaction(engine, [
					[`INSERT INTO "${table}" BY NAME SELECT * FROM import_batch`, []],
					[`INSERT INTO imported_rows SELECT ?, ?, "${key}" FROM import_batch`, [file, table]]
				]);
			} finally {
				await engine.run('DROP TABLE IF EXISTS import_batch', []);
			}
		},
		/** Every row a file brought, out again. */
		async removeImport(file: string) {
			const engine = await connect();
			const tables = (toRows<{ table_name: string }>(await engine.run('SELECT DISTINCT table_name FROM imported_rows WHERE file = ?', [file]))).map((r) => r.table_name as TableName);
			await transaction(engine, [
				...tables.map((table): [string, SqlParam[]] => [
					`DELETE FROM "${table}" WHERE "${dictionary.tables[table].key[0]}" IN (SELECT key FROM imported_rows WHERE file = ? AND table_name = ?)`,
					[file, table]
				]),
				['DELETE FROM imported_rows WHERE file = ?', [file]]
			]);
		},
		/** Every table back to the loaded files, and the cache emptied: the explorer's way back to a known state. */
		async reset() {
			await load(await connect(), true);
			cache.clear();
		},
		query<T extends Row>({ sql, params = [] }: SqlQuery): Promise<T[]> {
			const key = JSON.stringify([sql, params]);
			let result = cache.get(key);
			if (!result) {
				result = connect().then((engine) => engine.run(sql, params)).then((table) => toRows<Row>(table));
				if (options.cache !== false) cache.set(key, result);
				result.catch(() => cache.delete(key));
			}
			return result as Promise<T[]>;
		}
	};
}
