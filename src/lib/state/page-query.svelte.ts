// A page's shareable state (decoded from its URL) and DuckDB's answer to the question it asks. Shared by the
// overview and the compare view: the prerendered answer first, then DuckDB's; while a new answer loads the last
// one stays on screen, marked stale; a slower answer to an older question never overwrites a newer one.
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { engine, database } from './engine.svelte';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState, type UrlState } from './url';
import type { Database } from '../db/types';
import { PUBLIC_RELEASE } from '../release';
import { restrictOverview, type Overview } from '../queries/overview';

/** The URL's state, with what it had to ignore, and a way to move to another state (a new history entry). */
export function urlState(knownCentres: () => readonly string[], priceYears: () => readonly number[]) {
	// Search params do not exist while prerendering; the browser reads them on hydration.
	const url = $derived(browser ? decodeUrlState(page.url.searchParams, knownCentres(), priceYears()) : { state: DEFAULT_URL_STATE, ignored: [], notCombined: [] });
	return {
		get state() {
			return url.state;
		},
		get ignored() {
			return url.ignored;
		},
		get notCombined() {
			return url.notCombined;
		},
		/** The state `next` becomes once it has been through the URL (ignored and uncombinable filters dropped). */
		resolve(next: UrlState): UrlState {
			return decodeUrlState(encodeUrlState(next), knownCentres(), priceYears()).state;
		},
		navigate(next: UrlState) {
			const params = encodeUrlState(next).toString();
			return goto(params ? `?${params}` : page.url.pathname, { keepFocus: true, noScroll: true });
		}
	};
}

/** What DuckDB is asked: the view and the sort order only re-shape an answer, so they are not part of it. */
export const questionKey = (state: UrlState) => JSON.stringify({ ...state, view: 'all', sort: null });

/**
 * The built overview (computed with the site) for a state that departs from the default only by its centres: the
 * pages' answer before DuckDB's, narrowed to those centres; null for any other state.
 */
export function builtOverview(built: Overview, state: UrlState): Overview | null {
	if (questionKey({ ...state, centres: [] }) !== questionKey(DEFAULT_URL_STATE)) return null;
	return state.centres.length ? restrictOverview(built, state.centres) : built;
}

/** `unavailable`: the public release has no participant rows to answer this view from, only the built ones. */
export type AnswerSource = 'snapshot' | 'duckdb' | 'stale' | 'loading' | 'unavailable';

export function liveAnswer<T>(state: () => UrlState, ask: (db: Database, state: UrlState) => Promise<T>, prerendered: (state: UrlState) => T | null) {
	let live = $state.raw<{ key: string; state: UrlState; value: T } | null>(null);
	let error = $state<string | null>(null);
	let latest = '';
	/** An answer asked for before the URL changed (see `prefetch`), taken by the next question if it is the same. */
	let early: { key: string; answer: Promise<T> } | null = null;
	const key = $derived(questionKey(state()));
	$effect(() => {
		if (PUBLIC_RELEASE || engine.phase !== 'ready') return;
		const asked = key;
		const question = state();
		latest = asked;
		const taken = early?.key === asked ? early.answer : null;
		early = null;
		(taken ?? ask(database, question)).then(
			(value) => asked === latest && ((live = { key: asked, state: question, value }), (error = null)),
			(e: unknown) => asked === latest && (error = e instanceof Error ? e.message : String(e))
		);
	});
	const fresh = $derived(live?.key === key ? live.value : null);
	// The built answer stands in until DuckDB's first: after that the last answer does, marked stale, since the built
	// one knows nothing of rows imported since (a reviewer's catch, once the overview narrowed it to some centres).
	const fallback = $derived(fresh === null && (PUBLIC_RELEASE || engine.phase !== 'ready' || live === null) ? prerendered(state()) : null);
	const value = $derived(fresh ?? fallback ?? live?.value ?? null);
	return {
		/**
		 * Asks DuckDB about `next` at once, before the URL and the page catch up: a click's queries then run in the
		 * worker while the main thread navigates and re-renders (measured: 15 to 50 ms of a filter change).
		 */
		prefetch(next: UrlState) {
			if (PUBLIC_RELEASE || engine.phase !== 'ready') return;
			const asked = questionKey(next);
			if (asked === key) return;
			early = { key: asked, answer: ask(database, next) };
			// Its error, if any, is reported by the effect that takes it.
			early.answer.catch(() => undefined);
		},
		/** The answer on screen: fresh, prerendered, or the last one while the new one loads. */
		get value() {
			return value;
		},
		/**
		 * The state the answer on screen answers: the address's, except while the next answer is computed (the last
		 * one's). What labels and exports the figures must read this, not the address, which runs ahead of them. The
		 * view and the order are no part of the question (`questionKey`): they follow the address at once. With nothing
		 * on screen yet, the address's.
		 */
		get state(): UrlState {
			const now = state();
			if (fresh !== null || fallback !== null || !live) return now;
			return { ...live.state, view: now.view, sort: now.sort };
		},
		get source(): AnswerSource {
			if (fresh !== null) return 'duckdb';
			if (fallback !== null) return 'snapshot';
			if (PUBLIC_RELEASE) return 'unavailable';
			return value !== null ? 'stale' : 'loading';
		},
		get error() {
			return error;
		}
	};
}
