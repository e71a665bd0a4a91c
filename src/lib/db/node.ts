// Node only (build scripts and unit tests): the same duckdb-wasm engine as the browser, through its Node build,
// so every query the UI runs is tested on the engine that runs it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { createDatabase } from './database';
import type { DataManifest, EngineConnection, SqlParam } from './types';

const require = createRequire(import.meta.url);

export async function openNodeEngine(): Promise<EngineConnection> {
	const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof import('@duckdb/duckdb-wasm/blocking');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/blocking'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = db.connect();
	function prepared(sql: string, params: SqlParam[]): Table {
		const statement = conn.prepare(sql);
		try {
			return statement.query(...params);
		} finally {
			statement.close();
		}
	}
	// Each text prepared once and kept, as the browser's engine does (db/browser.ts), so that a question asked
	// again with other values costs here what it costs on a page: the bench times it so.
	type Statement = ReturnType<typeof conn.prepare>;
	const statements = new Map<string, Statement>();
	const KEPT = 64;
	function drop(sql: string) {
		const statement = statements.get(sql);
		// Out of the map first: a statement whose closing fails is not kept, and its error is not the caller's.
		statements.delete(sql);
		try {
			statement?.close();
		} catch {
			// Nothing to keep: the statement is gone either way.
		}
	}
	function kept(sql: string, params: SqlParam[]): Table {
		let statement = statements.get(sql);
		if (statement) statements.delete(sql);
		else statement = conn.prepare(sql);
		// Most recently used last, so the oldest is the first to go.
		statements.set(sql, statement);
		if (statements.size > KEPT) drop(statements.keys().next().value!);
		try {
			return statement.query(...params);
		} catch (error) {
			// A statement that failed is not kept: the next ask prepares it afresh.
			drop(sql);
			throw error;
		}
	}
	return {
		run: async (sql: string, params: SqlParam[]) => (params.length === 0 ? conn.query(sql) : kept(sql, params)),
		runOne: async (sql: string) => prepared(sql, []),
		forget: async () => {
			for (const sql of [...statements.keys()]) drop(sql);
		},
		async insertArrow(name: string, ipc: Uint8Array) {
			conn.insertArrowFromIPCStream(ipc, { name, create: true });
		},
		async close() {
			for (const sql of [...statements.keys()]) drop(sql);
			conn.close();
			db.reset();
		}
	};
}

/** A database over the data files in `dir` (static/data after `npm run data`); `cache: false` asks afresh each time. */
export function createNodeDatabase(dir: string, { cache = true }: { cache?: boolean } = {}) {
	return createDatabase({
		cache,
		open: openNodeEngine,
		manifest: async () => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as DataManifest,
		read: async (file) => new Uint8Array(await readFile(join(dir, file)))
	});
}
