// Brotli and gzip copies beside every text file and the wasm of a build, for a host that serves precompressed files
// (`npm start` does, through sirv). adapter-static's own precompress used brotli's top quality on everything: 97 s for
// the 1,700 pages and scripts and 82 s for DuckDB's 34 MB wasm, in each of the two builds. Here the wasm, which is
// most of a first visit's download, takes quality 10 (36 s, 5.38 MB; quality 11 took 70 s for 5.19 MB) and is
// compressed once per content (kept by its hash in node_modules/.cache, so the second build and every later one
// reuse it); pages, scripts and data take quality 6, which measured 2.4 s for all of them and 17.05 MB against
// quality 11's 14.71 MB. Files are compressed two at a time on libuv's thread pool (zlib's async calls), one per
// core: 34.5 s one at a time for the demo build's 1,712 files with the wasm cached.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|arrow|wasm)$/u;
/** Files below this are sent as they are: compression would save less than a packet. */
const MIN_BYTES = 1024;
const CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/precompress');

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const brotli = (bytes: Buffer, quality: number) =>
	brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });

/** Quality 10 for the wasm, once per content; 6 for the rest. */
async function brotliOf(path: string, bytes: Buffer): Promise<Buffer> {
	if (!path.endsWith('.wasm')) return brotli(bytes, 6);
	const cached = join(CACHE, `${createHash('sha256').update(bytes).digest('hex')}-q10.br`);
	if (existsSync(cached)) return readFileSync(cached);
	const out = await brotli(bytes, 10);
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

export async function precompress(dir: string, parallel = 2): Promise<{ files: number; bytes: number; brotli: number }> {
	let bytes = 0;
	let compressed = 0;
	// Largest first, so that the wasm does not start last and leave the other core idle at the end.
	const found = files(dir)
		.map((path) => ({ path, size: statSync(path).size }))
		.filter((f) => f.size >= MIN_BYTES)
		.sort((a, b) => b.size - a.size);
	let next = 0;
	const lane = async () => {
		for (let i = next++; i < found.length; i = next++) {
			const { path } = found[i];
			const raw = readFileSync(path);
			const [br, gz] = [await brotliOf(path, raw), await gzipAsync(raw, { level: 9 })];
			writeFileSync(`${path}.br`, br);
			writeFileSync(`${path}.gz`, gz);
			bytes += raw.length;
			compressed += br.length;
		}
	};
	await Promise.all(Array.from({ length: parallel }, lane));
	return { files: found.length, bytes, brotli: compressed };
}

// Run after `vite build` (and, for the public release, after its files are pruned).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const dir = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');
	const started = performance.now();
	const { files: n, bytes, brotli: br } = await precompress(dir);
	console.log(`precompressed ${n} files in ${dir}: ${(bytes / 1e6).toFixed(1)} MB → ${(br / 1e6).toFixed(1)} MB brotli, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
