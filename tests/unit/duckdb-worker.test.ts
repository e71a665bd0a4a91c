// The change to duckdb-wasm's worker (scripts/vite/duckdb-worker.ts): on the installed worker it turns the one eager
// GOT loop into the lazy one, makes side modules fail, and touches nothing else; on a worker it was not written for
// it stops the build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EAGER_GOT, LAZY_GOT, NO_SIDE_MODULE, SIDE_MODULE, lazyGot } from '../../scripts/vite/duckdb-worker';

const resolve = createRequire(import.meta.url).resolve;
const installed = readFileSync(resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');

describe('the DuckDB worker’s lazy GOT', () => {
	it('changes the installed worker in its updateGOT loop and where a side module would link, and nowhere else', () => {
		const changed = lazyGot(installed);
		expect(changed).not.toContain(EAGER_GOT);
		// Undo the two changes, in place: what is left is the installed worker, byte for byte.
		const got = changed.indexOf(LAZY_GOT);
		const side = changed.indexOf(NO_SIDE_MODULE);
		expect(got).toBeGreaterThan(0);
		expect(side).toBeGreaterThan(got);
		const undone = changed.slice(0, got) + EAGER_GOT + changed.slice(got + LAZY_GOT.length, side) + SIDE_MODULE + changed.slice(side + NO_SIDE_MODULE.length);
		expect(undone).toBe(installed);
		// The loader's own on-demand entries, which the lazy loop relies on, are still there.
		expect(changed).toContain('GOTHandler={get(e,t){var r=GOT[t];return r||(r=GOT[t]=new WebAssembly.Global(');
		expect(changed).toContain('loadDylibs=()=>{if(!dynamicLibraries.length){reportUndefinedSymbols();return}');
	});

	it('leaves no entry the loader reads by name to be made on demand: the only one is an entry the wasm imports', () => {
		// Every place the loader touches the GOT, as written in 1.32.0: a new reader (GOT["x"], GOT.x) would show here.
		const uses = [...installed.matchAll(/(?<!["'])\bGOT(\[[^\]]*\]|\.\w+|\))/g)].map((m) => m[0]);
		expect([...new Set(uses)].sort()).toEqual(['GOT)', 'GOT.__heap_base', 'GOT[r]', 'GOT[t]']);
		// GOT[r] is updateGOT's loop, GOT[t] the on-demand GOTHandler, GOT) reportUndefinedSymbols' walk over the
		// entries there are; GOT.__heap_base (memory handed out before start) must be an entry the main module imports.
		const wasm = new WebAssembly.Module(readFileSync(resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')));
		const imported = new Set(WebAssembly.Module.imports(wasm).filter((i) => i.module === 'GOT.mem' || i.module === 'GOT.func').map((i) => i.name));
		expect(imported.size).toBe(268);
		expect(imported.has('__heap_base')).toBe(true);
	});

	it('makes a side module fail with a reason, before it links', () => {
		const changed = lazyGot(installed);
		const start = changed.indexOf(NO_SIDE_MODULE);
		// The loader's first statement, as served, closed after it: it throws before anything of the module is read.
		const loader = new Function(`var ${changed.slice(start, start + NO_SIDE_MODULE.length)}}; return loadWebAssemblyModule;`)();
		expect(() => loader(new Uint8Array(), {}, 'json.duckdb_extension.wasm', {}, 0)).toThrow(/DuckDB extensions cannot be loaded here/);
	});

	it('stops at a worker without either place, or with one twice, naming the file to check', () => {
		expect(() => lazyGot(installed.replace(EAGER_GOT, ''))).toThrow(/updateGOT once in the eh worker, found it 0 times; check scripts\/vite\/duckdb-worker\.ts/);
		expect(() => lazyGot(installed + EAGER_GOT)).toThrow(/updateGOT once .* found it 2 times/);
		expect(() => lazyGot(installed.replace(SIDE_MODULE, 'loadWebAssemblyModule=(a,b,c,d,e)=>{'))).toThrow(/loadWebAssemblyModule once .* found it 0 times/);
	});
});
