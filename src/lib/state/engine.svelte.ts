// The browser's database and its start-up state (download, data, ready, error) for progress and status UI.
import { base } from '$app/paths';
import { createDatabase } from '../db/database';
import { openBrowserEngine } from '../db/browser';
import type { DataManifest } from '../db/types';
import { nationalTables, type NationalManifest } from '../db/national';
import { imports } from './imports.svelte';
import { catalogue } from './catalogue.svelte';
import { Explorer } from './explorer.svelte';
import { EngineState } from './engine-state.svelte';

export const engine = new EngineState();

async function fetchBytes(path: string): Promise<Uint8Array> {
	const response = await fetch(`${base}/${path}`);
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

const fetchJson = async <T>(path: string) => JSON.parse(new TextDecoder().decode(await fetchBytes(path))) as T;
const readData = (file: string) => fetchBytes(`data/${file}`);
const fetchManifest = () => fetchJson<DataManifest>('data/manifest.json');

export const database = createDatabase({
	open: () =>
		openBrowserEngine((loaded, total) => {
			// With compression the byte count can pass the (compressed) total; keep the bar honest at 100%.
			engine.progress = total > 0 ? Math.min(1, loaded / total) : 0;
		}),
	manifest: fetchManifest,
	onOpen: () => {
		engine.phase = 'data';
		engine.progress = 0;
	},
	read: readData,
	onProgress: ({ loaded, total }) => (engine.progress = loaded / total),
	name: 'centres'
});

/**
 * The SQL explorer's engine: the five centres' files (from the HTTP cache by now) and this tab's imports, or the
 * national set's tables with, for a regional view, one voivodeship's participant rows; its own worker either way.
 */
export const explorer = new Explorer(
	({ dataset, region }, onProgress) =>
		createDatabase({
			open: () => openBrowserEngine((loaded, total) => onProgress({ step: 'engine', loaded: Math.min(loaded, total), total })),
			...(dataset === 'national'
				? { manifest: async () => nationalTables(await fetchJson<NationalManifest>('national/manifest.json'), region), read: (file) => fetchBytes(`national/${file}`) }
				: { manifest: fetchManifest, read: readData }),
			onProgress: ({ loaded, total }) => onProgress({ step: 'tables', loaded, total }),
			name: `explorer ${dataset}`
		}),
	{ copy: (door) => imports.copyInto(door), version: () => imports.version }
);

/**
 * Begins DuckDB's start (worker, wasm, data files) without touching the status, so it may run while the page
 * hydrates: the wasm's download, compile and start-up take a second or more on two cores, and hydration's few
 * hundred milliseconds need not come first. startEngine then takes over the same start and reports it.
 */
export function beginEngine() {
	database.ready().catch(() => undefined);
}

/** Starts DuckDB once; later calls return the same start. */
let starting: Promise<void> | undefined;
export function startEngine(): Promise<void> {
	if (starting) return starting;
	const started = performance.now();
	engine.phase = 'engine';
	engine.error = null;
	starting = database
		.ready()
		// The user's kept imports go in before any page asks its first question.
		.then(() => imports.restore(database))
		.then(() => catalogue.refresh(database))
		.then(() => {
			engine.phase = 'ready';
			engine.progress = 1;
			engine.startupMs = Math.round(performance.now() - started);
		})
		.catch((error: unknown) => {
			engine.phase = 'error';
			engine.error = error instanceof Error ? error.message : String(error);
			starting = undefined;
		});
	return starting;
}
