// The national set's DuckDB and the answer a national page shows under its filters. An engine of its own, over
// static/national/ (the cube, the centres, the real centres' editions and figures): the five centres' engine and
// its imports stay as they are. It starts when a page asks, or when the browser is idle on a national page, so
// the first filter finds it warm. Without filters a page shows its prerendered figures and needs no engine.
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import { createDatabase } from '../db/database';
import { openBrowserEngine } from '../db/browser';
import type { NationalManifest } from '../db/national';
import { NATIONAL_DIMENSIONS, cubeFigures, keptStrata, decodeNationalFilters, guardSelection, isUnfiltered, nationalSelection, type NationalFilters, type NationalSelection } from '../queries/national';
import { EngineState } from './engine-state.svelte';
import { span } from '../timeline';

export const nationalEngine = new EngineState();

async function fetchBytes(file: string): Promise<Uint8Array> {
	const response = await fetch(`${base}/national/${file}`);
	if (!response.ok) throw new Error(`national/${file}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

export const nationalDatabase = createDatabase({
	open: () => openBrowserEngine((loaded, total) => (nationalEngine.progress = total > 0 ? Math.min(1, loaded / total) : 0)),
	// The pages' own list: the explorer's has every synthetic edition too, which no national page reads.
	manifest: async () => ({ tables: (JSON.parse(new TextDecoder().decode(await fetchBytes('manifest.json'))) as NationalManifest).pages }),
	onOpen: () => {
		nationalEngine.phase = 'data';
		nationalEngine.progress = 0;
	},
	read: fetchBytes,
	onProgress: ({ loaded, total }) => (nationalEngine.progress = loaded / total),
	derived: 'VIEW',
	name: 'national'
});

/**
 * Begins the national engine's start while the page hydrates (hooks.client.ts), without touching its status, as
 * the five centres' does; startNationalEngine then takes over the same start and reports it.
 */
export function beginNationalEngine() {
	begunAt ??= performance.now();
	nationalDatabase.ready().catch(() => undefined);
	rehearseGuard();
}

let rehearsed = false;
/** At the main thread's next idle moment (a short timeout where the browser has no idle callbacks). */
const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => run()) : setTimeout(run, 50));

/**
 * While DuckDB starts in its worker (1–2 s, the main thread idle), the guard runs over a small made-up country with
 * one, two and three filters, its answers thrown away: the first answer and the first clicks then find its code
 * compiled (the first click of a visit took 60–90 ms of guard against 20–25 for later ones). No real figure is read.
 */
function rehearseGuard() {
	if (rehearsed) return;
	rehearsed = true;
	whenIdle(() => {
		// An answer already asked for (the engine was quicker than an idle moment) compiles the guard itself.
		if (answered.size > 0) return;
		const start = performance.now();
		const rows = 4096;
		const teryt = new Int32Array(rows);
		const n = new Int32Array(rows);
		const employed = new Int32Array(rows);
		const completed = new Int32Array(rows);
		const cost = new Float64Array(rows);
		const stratum = Uint8Array.from({ length: rows }, (_, i) => i & 7);
		for (let i = 0; i < rows; i++) {
			// 512 centres in 16 voivodeships of 4 powiats, 8 rows each; small counts, so cells get hidden as in life.
			const centre = i >> 3;
			teryt[i] = (2 + 2 * (centre % 16)) * 100_000 + ((centre >> 4) % 4) * 1000 + centre;
			n[i] = (i * 7919) % 23;
			employed[i] = n[i] >> 2;
			completed[i] = n[i] >> 1;
			cost[i] = n[i] * 8400;
		}
		for (const dimensions of [1, 2, 3]) {
			const combo = Int32Array.from({ length: rows }, (_, i) => i % 2 ** dimensions);
			guardSelection({ teryt, stratum, combo, n, employed, completed, cost }, Array.from({ length: dimensions }, () => ['0']));
		}
		span('guard rehearsal', start);
	});
}
/** When the start began, so the time reported is the whole start, hydration included. */
let begunAt: number | undefined;

let starting: Promise<void> | undefined;
export function startNationalEngine(): Promise<void> {
	if (starting) return starting;
	const started = begunAt ?? performance.now();
	begunAt = undefined;
	nationalEngine.phase = 'engine';
	nationalEngine.error = null;
	// Also when a national page is reached from another page of the site, where hooks.client.ts began nothing.
	rehearseGuard();
	starting = nationalDatabase.ready().then(
		() => {
			nationalEngine.phase = 'ready';
			nationalEngine.progress = 1;
			nationalEngine.startupMs = Math.round(performance.now() - started);
			// The cube's figures at current prices and its strata, which every filter change reads: asked now, so a
			// first click on an unfiltered page asks DuckDB nothing. A failure here is the first question's to report.
			keptStrata(nationalDatabase).catch(() => undefined);
			cubeFigures(nationalDatabase, null).then(warmGuard, () => undefined);
		},
		(error: unknown) => {
			nationalEngine.phase = 'error';
			nationalEngine.error = error instanceof Error ? error.message : String(error);
			starting = undefined;
		}
	);
	return starting;
}

/**
 * Runs the guard once over the whole cube at an idle moment, its answer thrown away: beyond the rehearsal (which
 * compiles the guard's code over a small made-up country), the real cube's 120,651 rows then pass through it once,
 * which its first real answer otherwise pays (80–120 ms cold against 10–25 warm), and its buffer is grown to the
 * widest one-value selection (three filters: 8 combinations per unit), not in the middle of a click. Only on a
 * page opened without filters, whose figures are prerendered and whose main thread has nothing else to do.
 * Measured beside the rehearsal (10 cold visits of /polska/ each, a first click 4 s in): the first click took 175–242
 * ms with it, its guard 27–40, against 206–320 and 48–80 without.
 */
function warmGuard(figures: Awaited<ReturnType<typeof cubeFigures>>) {
	const widest = NATIONAL_DIMENSIONS.map(() => ['0']);
	whenIdle(() => {
		// A page opened with filters has asked already, and its own first answer compiles the guard: a warm-up then
		// would only hold that answer back (measured: 126–183 ms, run while the first answer was on its way).
		if (answered.size > 0) return;
		const start = performance.now();
		guardSelection({ ...figures, combo: new Int32Array(figures.teryt.length) }, widest);
		// Named in the browser's performance timeline, so a trace or the bench can say what it cost.
		span('guard warm-up', start);
	});
}

/** Answers already worked out, by filters: back and forward between views redraw without asking again. */
const answered = new Map<string, Promise<NationalSelection>>();
const KEPT = 24;

function selectionFor(filters: NationalFilters): Promise<NationalSelection> {
	const key = JSON.stringify(filters);
	let answer = answered.get(key);
	if (!answer) {
		answer = nationalSelection(nationalDatabase, filters);
		answered.set(key, answer);
		answer.catch(() => answered.delete(key));
		if (answered.size > KEPT) answered.delete(answered.keys().next().value!);
	}
	return answer;
}

/**
 * The selection a page shows for its filters: null while there is nothing to compute (no filters: the prerendered
 * figures stand) or while it is being computed; then the last answer stays on screen, marked stale. A slower answer
 * to an older question never overwrites a newer one.
 */
export function nationalAnswer(filters: () => NationalFilters) {
	let live = $state.raw<NationalSelection | null>(null);
	let error = $state<string | null>(null);
	let latest = '';
	const key = $derived(JSON.stringify(filters()));
	$effect(() => {
		const asked = key;
		const question = filters();
		latest = asked;
		if (isUnfiltered(question)) return;
		if (nationalEngine.phase !== 'ready') {
			void startNationalEngine();
			return;
		}
		selectionFor(question).then(
			(value) => asked === latest && ((live = value), (error = null)),
			(e: unknown) => asked === latest && (error = e instanceof Error ? e.message : String(e))
		);
	});
	return {
		get value(): NationalSelection | null {
			return live && JSON.stringify(live.filters) === key ? live : null;
		},
		/** The last answer, for the stale view while the next one is computed. */
		get last(): NationalSelection | null {
			return live;
		},
		get error() {
			return error;
		}
	};
}

/**
 * A national view's state from its address: the filters (and what was ignored), whether there are any, and the
 * selection on screen (the last one, marked stale, while the next is worked out). The national pages and the
 * compare view read the same.
 */
export function nationalView(params: () => URLSearchParams, years: () => number[]) {
	/** The filters of an address, as this view reads them. */
	const decode = (search: URLSearchParams) => decodeNationalFilters(search, years(), years());
	const decoded = $derived(decode(params()));
	const unfiltered = $derived(isUnfiltered(decoded.filters));
	const answer = nationalAnswer(() => decoded.filters);
	// Derived, so that a filter change, which keeps the last answer on screen until the next one comes, does not
	// make every view of it work itself out again for the same answer (measured: 15–45 ms of main thread per click).
	const selection = $derived(unfiltered ? null : (answer.value ?? answer.last));
	return {
		get filters() {
			return decoded.filters;
		},
		get ignored() {
			return decoded.ignored;
		},
		get unfiltered() {
			return unfiltered;
		},
		/** The protected selection to show; null without filters, where the built figures stand. */
		get selection() {
			return selection;
		},
		get stale() {
			return !unfiltered && answer.value === null;
		},
		get answer() {
			return answer;
		},
		/**
		 * Opens `href`, this view under other filters, having begun their answer first (from the kept cube, or from
		 * DuckDB where a price basis is asked for the first time, which then answers in its worker while SvelteKit
		 * navigates); the view's own ask, once the address has changed, finds the answer kept by its filters
		 * (selectionFor), decoded as the view decodes them.
		 */
		go(href: string) {
			try {
				const next = decode(new URL(href, location.href).searchParams).filters;
				if (!isUnfiltered(next) && nationalEngine.phase === 'ready') selectionFor(next).catch(() => undefined);
			} catch {
				// Only a head start: whatever goes wrong here, the click still navigates and the view asks for itself.
			}
			return goto(href, { keepFocus: true, noScroll: true });
		}
	};
}
export type NationalView = ReturnType<typeof nationalView>;
