// The change to duckdb-wasm's worker (scripts/vite/duckdb-worker.ts): on the installed worker it turns the one eager
// GOT loop into the lazy one and touches nothing else; on a worker it was not written for it stops the build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EAGER_GOT, LAZY_GOT, lazyGot } from '../../scripts/vite/duckdb-worker';

const installed = readFileSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');

describe('the DuckDB worker’s lazy GOT', () => {
	it('changes the installed worker in its one updateGOT loop, and nowhere else', () => {
		const changed = lazyGot(installed);
		expect(changed).not.toContain(EAGER_GOT);
		const at = installed.indexOf(EAGER_GOT);
		expect(changed.slice(0, at)).toBe(installed.slice(0, at));
		expect(changed.slice(at, at + LAZY_GOT.length)).toBe(LAZY_GOT);
		expect(changed.slice(at + LAZY_GOT.length)).toBe(installed.slice(at + EAGER_GOT.length));
		// The loader's own on-demand entries, which the lazy loop relies on, are still there.
		expect(changed).toContain('GOTHandler={get(e,t){var r=GOT[t];return r||(r=GOT[t]=new WebAssembly.Global(');
		expect(changed).toContain('flags.allowUndefined||reportUndefinedSymbols()');
	});

	it('leaves no entry the worker reads by name to be made on demand: each is one the wasm imports', () => {
		// With entries made only for imports, an entry the loader's JavaScript reads directly (GOT.__heap_base, when
		// memory is handed out before start) must be one the main module imports, or it would be missing.
		const wasm = new WebAssembly.Module(readFileSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')));
		const imported = new Set(WebAssembly.Module.imports(wasm).filter((i) => i.module === 'GOT.mem' || i.module === 'GOT.func').map((i) => i.name));
		expect(imported.size).toBeGreaterThan(200);
		const read = [...new Set([...installed.matchAll(/\bGOT\.(\w+)\.value/g)].map((m) => m[1]))];
		expect(read).toEqual(['__heap_base']);
		for (const name of read) expect(imported.has(name)).toBe(true);
	});

	it('stops at a worker without that loop, or with it twice, naming the file to check', () => {
		expect(() => lazyGot(installed.replace(EAGER_GOT, ''))).toThrow(/found it 0 times; check scripts\/vite\/duckdb-worker\.ts/);
		expect(() => lazyGot(installed + EAGER_GOT)).toThrow(/found it 2 times/);
	});
});
