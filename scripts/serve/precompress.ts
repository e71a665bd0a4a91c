// Brotli and gzip copies beside every text file and the wasm of a build, for a host that serves precompressed files
// (`npm start` does, through sirv). adapter-static's own precompress used brotli's top quality on everything: 97 s for
// the 1,700 pages and scripts and 82 s for DuckDB's 34 MB wasm, in each of the two builds. Here the wasm, which is
// most of a first visit's download, takes quality 10 (36 s, 5.38 MB; quality 11 took 70 s for 5.19 MB) and is
// compressed once per content (kept by its hash in node_modules/.cache, so the second build and every later one
// reuse it); pages, scripts and data take quality 6, which measured 2.4 s for all of them and 17.05 MB against
// quality 11's 14.71 MB.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|arrow|wasm)$/u;
/** Files below this are sent as they are: compression would save less than a packet. */
const MIN_BYTES = 1024;
const CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/precompress');

const brotli = (bytes: Buffer, quality: number) =>
	brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });

/** Quality 10 for the wasm, once per content; 6 for the rest. */
function brotliOf(path: string, bytes: Buffer): Buffer {
	if (!path.endsWith('.wasm')) return brotli(bytes, 6);
	const cached = join(CACHE, `${createHash('sha256').update(bytes).digest('hex')}-q10.br`);
	if (existsSync(cached)) return readFileSync(cached);
	const out = brotli(bytes, 10);
	mkdirSync(CACHE, { recursive: true });
	writeFileSync(cached, out);
	return out;
}

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : COMPRESSIBLE.test(name) ? [path] : [];
	});
}

export function precompress(dir: string): { files: number; bytes: number; brotli: number } {
	let bytes = 0;
	let compressed = 0;
	const found = files(dir).filter((path) => statSync(path).size >= MIN_BYTES);
	for (const path of found) {
		const raw = readFileSync(path);
		const br = brotliOf(path, raw);
		writeFileSync(`${path}.br`, br);
		writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
		bytes += raw.length;
		compressed += br.length;
	}
	return { files: found.length, bytes, brotli: compressed };
}

// Run after `vite build` (and, for the public release, after its files are pruned).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const dir = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');
	const started = performance.now();
	const { files: n, bytes, brotli: br } = precompress(dir);
	console.log(`precompressed ${n} files in ${dir}: ${(bytes / 1e6).toFixed(1)} MB → ${(br / 1e6).toFixed(1)} MB brotli, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
