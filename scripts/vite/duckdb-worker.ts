// duckdb-wasm's worker, served with one change to its start-up: Emscripten's dynamic linker makes the global
// offset table's entries (GOT) when a module imports them, not one for each of the main module's 75,011 exports.
//
// Why: duckdb-eh.wasm is built as an Emscripten MAIN_MODULE, and its loader's `updateGOT` made a
// `WebAssembly.Global` for every export and put every exported function in the wasm table (`addFunction`, growing
// it one slot at a time), about 0.2 s of the worker on a cold visit here. Only the 268 entries the main module
// imports are ever read (no side module is loaded: extensions cannot be fetched). The loader already makes an entry
// on demand (`GOTHandler`) and fills it from the exports after a side module loads (`reportUndefinedSymbols`), so a
// later module still finds every symbol. Known upstream as emscripten-core/emscripten#9791.
//
// Done here, on the file as Vite serves and emits it, rather than as a patch of node_modules: the worker is one
// 772 kB line, and its emitted name is hashed from the patched text, so a change here is a new address.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** As duckdb-wasm 1.32.0 writes it: each export gets an entry, made if missing, then a value. */
export const EAGER_GOT = 'GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&';
/** Only entries that exist get a value: those a module imported, made by the loader's GOTHandler. */
export const LAZY_GOT = 'GOT[r]&&(t||GOT[r].value==0)&&';

/** The worker's text with its GOT made on demand. Throws where the loader is not the one this was written for. */
export function lazyGot(source: string): string {
	const found = source.split(EAGER_GOT).length - 1;
	if (found !== 1) throw new Error(`duckdb-worker: expected duckdb-wasm's updateGOT once in the eh worker, found it ${found} times; check scripts/vite/duckdb-worker.ts against this duckdb-wasm version`);
	return source.replace(EAGER_GOT, LAZY_GOT);
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
