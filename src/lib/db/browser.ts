// Browser only: duckdb-wasm's single-threaded `eh` bundle in a Web Worker, served from our own origin.
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { EngineConnection, SqlParam } from './types';

type DuckDBModule = typeof import('@duckdb/duckdb-wasm');
let given: DuckDBModule | undefined;

/**
 * duckdb-wasm's main-thread module, handed over by the client's start (hooks.client.ts), so that opening the engine
 * needs no await before the worker and the wasm are on their way. Imported here it would run on the server, where
 * it cannot (it needs `Worker`); imported on demand, its continuation waited for hydration to end (0.3 to 0.4 s).
 */
export function provideDuckDB(module: DuckDBModule) {
	given = module;
}

/** The worker's address, for the page's head: static/engine-start.js starts it before the app's scripts run. */
export { workerUrl as duckdbWorkerUrl };

/**
 * The worker engine-start.js began, if it is this bundle's: the first engine takes it, later ones make their own.
 * <html data-duckdb-worker> says which the first engine got ('early' or 'own'), for the tests and the bench.
 */
function takeEarlyWorker(): Worker | null {
	const early = (globalThis as { __earlyDuckDBWorker?: { url: string; worker: Worker } }).__earlyDuckDBWorker;
	delete (globalThis as { __earlyDuckDBWorker?: unknown }).__earlyDuckDBWorker;
	const taken = early?.url === new URL(workerUrl, location.href).href ? early.worker : null;
	if (early && !taken) early.worker.terminate();
	document.documentElement.dataset.duckdbWorker ??= taken ? 'early' : 'own';
	return taken;
}

export async function openBrowserEngine(onDownload: (loaded: number, total: number) => void): Promise<EngineConnection> {
	const duckdb = given ?? (await import('@duckdb/duckdb-wasm'));
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), takeEarlyWorker() ?? new Worker(workerUrl));
	await db.instantiate(wasmUrl, null, (p) => onDownload(p.bytesLoaded, p.bytesTotal));
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	async function prepared(sql: string, params: SqlParam[]) {
		const statement = await conn.prepare(sql);
		try {
			return await statement.query(...params);
		} finally {
			await statement.close();
		}
	}
	// The dashboard's questions come back with new values in the same text: each text is prepared once and kept,
	// so a question costs one message to the worker and back, not three (prepare, run, close). A filter change's
	// answers waited on those round trips while the main thread was busy re-rendering.
	type Statement = Awaited<ReturnType<typeof conn.prepare>>;
	const statements = new Map<string, Promise<Statement>>();
	const KEPT = 64;
	function drop(sql: string) {
		const statement = statements.get(sql);
		statements.delete(sql);
		statement?.then((s) => s.close()).catch(() => undefined);
	}
	async function kept(sql: string, params: SqlParam[]) {
		let statement = statements.get(sql);
		if (statement) {
			// Most recently used last, so the oldest is the first to go.
			statements.delete(sql);
			statements.set(sql, statement);
		} else {
			statements.set(sql, (statement = conn.prepare(sql)));
			if (statements.size > KEPT) drop(statements.keys().next().value!);
		}
		try {
			return await (await statement).query(...params);
		} catch (error) {
			// A statement that failed (or could not be prepared) is not kept: the next ask prepares it afresh.
			drop(sql);
			throw error;
		}
	}
	return {
		run: (sql: string, params: SqlParam[]) => (params.length === 0 ? conn.query(sql) : kept(sql, params)),
		runOne: (sql: string) => prepared(sql, []),
		insertArrow: (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: true }),
		forget: async () => {
			for (const sql of [...statements.keys()]) drop(sql);
		},
		close: () => db.terminate()
	};
}
