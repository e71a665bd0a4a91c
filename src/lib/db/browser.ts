// Browser only: duckdb-wasm's single-threaded `eh` bundle in a Web Worker, served from our own origin.
// The JS of the engine is imported on demand, so the prerendered first view never waits for it.
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { EngineConnection, SqlParam } from './types';

export async function openBrowserEngine(onDownload: (loaded: number, total: number) => void): Promise<EngineConnection> {
	const duckdb = await import('@duckdb/duckdb-wasm');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
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
	return {
		run: (sql: string, params: SqlParam[]) => (params.length === 0 ? conn.query(sql) : prepared(sql, params)),
		runOne: (sql: string) => prepared(sql, []),
		insertArrow: (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: true }),
		close: () => db.terminate()
	};
}
