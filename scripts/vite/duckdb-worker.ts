// duckdb-wasm's worker, served with one change to its start-up: Emscripten's dynamic linker fills the global
// offset table's entries (GOT) that a module imports, instead of making one for each of the main module's 75,011
// exports.
//
// Why: duckdb-eh.wasm is built as an Emscripten MAIN_MODULE, and its loader's `updateGOT` made a
// `WebAssembly.Global` for every export and looked every exported function up in the wasm table (adding those not
// there), about 0.17 s of a cold visit here. The main module reads only the 268 entries it imports, which the
// loader makes on demand (`GOTHandler`) and fills after start (`reportUndefinedSymbols`), as before.
//
// A side module (a DuckDB extension) would now link to its own copy of a symbol both define, where the main
// module's used to win: two copies of one C++ inline or typeinfo. None can load here (extensions are not fetched,
// auto-loading is off, the explorer refuses LOAD), so loading one is made to fail with a clear error, not to half work.
//
// Done here, on the file as Vite serves and emits it, rather than as a patch of node_modules: the worker is one
// 772 kB line, and its emitted name is hashed from the changed text, so a change here is a new address.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** As duckdb-wasm 1.32.0 writes it: each export gets an entry, made if missing, then a value. */
export const EAGER_GOT = 'GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&';
/** Only entries that exist get a value: those a module imported, made by the loader's GOTHandler. */
export const LAZY_GOT = 'GOT[r]&&(t||GOT[r].value==0)&&';

/** Where the loader starts linking a side module (dlopen, or a preloaded .so). */
export const SIDE_MODULE = 'loadWebAssemblyModule=(binary,flags,libName,localScope,handle)=>{';
export const NO_SIDE_MODULE = `${SIDE_MODULE}throw new Error("DuckDB extensions cannot be loaded here: this worker fills only the GOT entries its main module imports (scripts/vite/duckdb-worker.ts)");`;

/** The worker's text with its GOT made on demand. Throws where the loader is not the one this was written for. */
export function lazyGot(source: string): string {
	for (const [what, text] of [
		['updateGOT', EAGER_GOT],
		['loadWebAssemblyModule', SIDE_MODULE]
	]) {
		const found = source.split(text).length - 1;
		if (found !== 1) throw new Error(`duckdb-worker: expected duckdb-wasm's ${what} once in the eh worker, found it ${found} times; check scripts/vite/duckdb-worker.ts against this duckdb-wasm version`);
	}
	return source.replace(EAGER_GOT, LAZY_GOT).replace(SIDE_MODULE, NO_SIDE_MODULE);
}

const SPECIFIER = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
const VIRTUAL = '\0duckdb-browser-eh-worker-url';
const DEV_PATH = '/@duckdb/duckdb-browser-eh.worker.js';

/** `import url from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'` gives the changed worker's address. */
export function duckdbWorker(): Plugin {
	let patched: string | undefined;
	const text = () => (patched ??= lazyGot(readFileSync(createRequire(import.meta.url).resolve(SPECIFIER.replace(/\?url$/, '')), 'utf8')));
	let building = false;
	return {
		name: 'duckdb-worker',
		enforce: 'pre',
		configResolved(config) {
			building = config.command === 'build';
		},
		resolveId(source) {
			return source === SPECIFIER ? VIRTUAL : null;
		},
		load(id) {
			if (id !== VIRTUAL) return null;
			if (!building) return `export default ${JSON.stringify(DEV_PATH)};`;
			const reference = this.emitFile({ type: 'asset', name: 'duckdb-browser-eh.worker.js', source: text() });
			return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
		},
		configureServer(server) {
			server.middlewares.use((request, response, next) => {
				if (request.url?.split('?')[0] !== DEV_PATH) return next();
				response.setHeader('Content-Type', 'text/javascript');
				response.end(text());
			});
		}
	};
}
