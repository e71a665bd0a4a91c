// The shareable part of the view (filters, the published-only switch, prices, sort order) as URL search params
// and back.
// Unknown or invalid values are ignored and reported, so an old or mistyped link opens a working page with a
// notice instead of a broken one.
import { allowedValues } from '../dictionary';
import { combinable, DEFAULT_FILTERS, OUTCOMES, type Filters } from '../queries/filters';
import { isSortColumn, type Sort } from './sort';

export type UrlState = Filters & { sort: Sort | null };

export const DEFAULT_URL_STATE: UrlState = { ...DEFAULT_FILTERS, sort: null };

type ListKey = Exclude<keyof Filters, 'view' | 'years' | 'centres' | 'priceBase'>;

/** Polish parameter names, and the allowed values of each list filter. */
const LISTS: Record<ListKey, { param: string; allowed: () => readonly string[] }> = {
	sex: { param: 'plec', allowed: () => allowedValues('sex') },
	ageBands: { param: 'wiek', allowed: () => allowedValues('age_band') },
	education: { param: 'wyksztalcenie', allowed: () => allowedValues('education') },
	labourStatus: { param: 'status', allowed: () => allowedValues('labour_status') },
	supportForms: { param: 'wsparcie', allowed: () => allowedValues('support_form') },
	outcomes: { param: 'wynik', allowed: () => OUTCOMES }
};
const VIEWS: Record<string, Filters['view']> = { wszystkie: 'all', opublikowane: 'published' };
const UNKNOWN_YEAR = 'brak';

/** `ceny=stale-2013`: constant prices of 2013; absent: nominal (current) prices. */
const PRICES = /^stale-(\d{4})$/;
/** `sortuj=praca` ascending, `sortuj=-praca` descending. */
const SORT = /^(-?)(.+)$/;

/**
 * `ignored`: unknown or invalid parameters. `notCombined`: valid ones dropped because a form of support does not
 * combine with them (filters.ts, NOT_WITH_SUPPORT_FORM); the form of support is kept.
 */
export function decodeUrlState(
	params: URLSearchParams,
	knownCentres: readonly string[],
	priceYears: readonly number[] = []
): { state: UrlState; ignored: string[]; notCombined: string[] } {
	const state: UrlState = structuredClone(DEFAULT_URL_STATE);
	const ignored: string[] = [];
	const values = (raw: string) => raw.split(',').filter(Boolean);
	for (const [key, raw] of params) {
		if (key === 'widok') {
			if (raw in VIEWS) state.view = VIEWS[raw];
			else ignored.push(`${key}=${raw}`);
		} else if (key === 'ceny') {
			const base = PRICES.exec(raw);
			if (base && priceYears.includes(Number(base[1]))) state.priceBase = Number(base[1]);
			else ignored.push(`${key}=${raw}`);
		} else if (key === 'sortuj') {
			const [, minus, column] = SORT.exec(raw) ?? [];
			if (column && isSortColumn(column)) state.sort = { column, descending: minus === '-' };
			else ignored.push(`${key}=${raw}`);
		} else if (key === 'osrodki') {
			for (const v of values(raw)) (knownCentres.includes(v) && !state.centres.includes(v) ? state.centres.push(v) : ignored.push(`${key}=${v}`));
		} else if (key === 'lata') {
			for (const v of values(raw)) {
				const year = v === UNKNOWN_YEAR ? null : /^\d{4}$/.test(v) ? Number(v) : undefined;
				if (year !== undefined && !state.years.includes(year)) state.years.push(year);
				else ignored.push(`${key}=${v}`);
			}
		} else {
			const list = (Object.keys(LISTS) as ListKey[]).find((k) => LISTS[k].param === key);
			if (!list) {
				ignored.push(`${key}=${raw}`);
				continue;
			}
			const target = state[list] as string[];
			for (const v of values(raw)) (LISTS[list].allowed().includes(v) && !target.includes(v) ? target.push(v) : ignored.push(`${key}=${v}`));
		}
	}
	const { filters, dropped } = combinable(state);
	return { state: filters, ignored, notCombined: dropped.map((key) => `${LISTS[key].param}=${(state[key] as string[]).join(',')}`) };
}

export function encodeUrlState(state: UrlState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.centres.length) params.set('osrodki', state.centres.join(','));
	if (state.years.length) params.set('lata', state.years.map((y) => (y === null ? UNKNOWN_YEAR : String(y))).join(','));
	for (const key of Object.keys(LISTS) as ListKey[]) if (state[key].length) params.set(LISTS[key].param, state[key].join(','));
	if (state.priceBase !== null) params.set('ceny', `stale-${state.priceBase}`);
	if (state.sort) params.set('sortuj', `${state.sort.descending ? '-' : ''}${state.sort.column}`);
	if (state.view !== DEFAULT_URL_STATE.view) params.set('widok', Object.keys(VIEWS).find((k) => VIEWS[k] === state.view)!);
	return params;
}

/** Adds the value if absent, removes it if present: what a click on a bar, row or chip does. */
export function toggle<K extends keyof Omit<Filters, 'view' | 'priceBase'>>(state: UrlState, key: K, value: Filters[K][number]): UrlState {
	const list = state[key] as unknown[];
	const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
	return { ...state, [key]: next };
}
