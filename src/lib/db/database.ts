// The one door to DuckDB: starts the engine once (race-safe), loads the data, and answers queries with plain
// rows, caching results by SQL text so two charts asking the same question run it once.
import { toRows } from './rows';
import { SCHEMA_SQL } from './schema';
import type { DataManifest, Database, EngineConnection, Row, SqlQuery } from './types';

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

export function createDatabase(options: DatabaseOptions): Database & { ready: () => Promise<void>; explore: (sql: string) => Promise<Exploration>; reset: () => Promise<void> } {
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
		for (const sql of SCHEMA_SQL) await engine.run(sql, []);
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
