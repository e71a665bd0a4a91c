// The national pages' filters (years, sex, age band, constant prices), their address, and the questions that
// answer every view of a national page under them: the cube's figures (centre × year × sex × age band), read once
// per price basis, and its 70 strata, read once; per filter change, each cube row's combination of the active
// filters' values, worked out from the kept strata, so the differencing guard can work out every neighbouring
// selection from the same answer (stats/selection-guard.ts). A filter change asks DuckDB nothing new (only a price
// basis asked for the first time does): the cube is the pre-aggregate (Mosaic's data cube), and asking it again
// for 70 numbers cost more than they do to work out.
import { allowedValues } from '../dictionary';
import type { Database, SqlParam, SqlQuery } from '../db/types';
import { comboOf, digitsOf, protectColumns, radixOf, terytOf, type GuardedUnit, type GuardedUnits, type SelectionColumns } from '../stats/selection-guard';
import { perturbUnits, selectionKeys } from '../stats/cell-key';
import { atPrices } from './prices';
import { span } from '../timeline';

/** What a national page selects. One value per participant filter at most (`decodeNationalFilters`), or none. */
export interface NationalFilters {
	years: number[];
	sex: string[];
	ageBands: string[];
	/** Money in constant prices of this year (GUS CPI), or null for current prices. */
	priceBase: number | null;
}

export const NO_NATIONAL_FILTERS: NationalFilters = { years: [], sex: [], ageBands: [], priceBase: null };

/** The filters that select participants; prices only restate money. */
export const NATIONAL_DIMENSIONS = ['years', 'sex', 'ageBands'] as const;
export type NationalDimension = (typeof NATIONAL_DIMENSIONS)[number];

/** The filters that select, in NATIONAL_DIMENSIONS order: the digits of a combination (`comboOf`). */
export const activeDimensions = (filters: NationalFilters): NationalDimension[] => NATIONAL_DIMENSIONS.filter((d) => filters[d].length > 0);
export const selectsParticipants = (filters: NationalFilters) => activeDimensions(filters).length > 0;
export const isUnfiltered = (filters: NationalFilters) => !selectsParticipants(filters) && filters.priceBase === null;

/** The same parameter names as the five centres' overview, so a filter reads the same in every address. */
const PARAMS: Record<NationalDimension, string> = { years: 'lata', sex: 'plec', ageBands: 'wiek' };
const PRICES = /^stale-(\d{4})$/;

/**
 * Filters from an address; unknown or invalid values are ignored and named, so an old link still opens. One value
 * per filter (or none, "all"): with several, a reader could ask every subset of a centre's years (127 views of the
 * same 7 cells), and the cell keys of so many overlapping sums could be solved for the counts (stats/cell-key.ts).
 * A second value is named as ignored, like an unknown one.
 */
export function decodeNationalFilters(params: URLSearchParams, years: readonly number[], priceYears: readonly number[]): { filters: NationalFilters; ignored: string[] } {
	const filters: NationalFilters = structuredClone(NO_NATIONAL_FILTERS);
	const ignored: string[] = [];
	const allowed: Record<NationalDimension, readonly string[]> = { years: years.map(String), sex: allowedValues('sex'), ageBands: allowedValues('age_band') };
	for (const d of NATIONAL_DIMENSIONS) {
		// Every occurrence (`?lata=2010&lata=2011` too), so a surplus value is named, never dropped silently.
		for (const raw of params.getAll(PARAMS[d]).flatMap((p) => p.split(',')).filter(Boolean)) {
			const list = filters[d] as (string | number)[];
			if (allowed[d].includes(raw) && list.length === 0) list.push(d === 'years' ? Number(raw) : raw);
			else ignored.push(`${PARAMS[d]}=${raw}`);
		}
	}
	const prices = params.get('ceny');
	if (prices !== null) {
		const base = PRICES.exec(prices);
		if (base && priceYears.includes(Number(base[1]))) filters.priceBase = Number(base[1]);
		else ignored.push(`ceny=${prices}`);
	}
	filters.years.sort((a, b) => a - b);
	return { filters, ignored };
}

/** The filters as address parameters, in a fixed order so one view has one address. */
export function encodeNationalFilters(filters: NationalFilters): Record<string, string> {
	const out: Record<string, string> = {};
	for (const d of NATIONAL_DIMENSIONS) if (filters[d].length) out[PARAMS[d]] = filters[d].join(',');
	if (filters.priceBase !== null) out.ceny = `stale-${filters.priceBase}`;
	return out;
}

/** One row of the answer: a centre (by TERC code), the active filters' values (null where the row misses them). */
export interface SelectionRow {
	teryt: string;
	/** Per active dimension, in NATIONAL_DIMENSIONS order: the row's value if the filter keeps it, else null. */
	values: (string | null)[];
	n: number;
	employed: number;
	completed: number;
	cost: number;
}

const COLUMN: Record<NationalDimension, string> = { years: 'q.year', sex: 'q.sex', ageBands: 'q.age_band' };

/**
 * The cube's rows as they stand (centre × year × sex × age band): the centre's integer TERC code, the row's stratum
 * (its year, sex and age band, table `strata`) and the figures, money at the chosen prices. They do not change with
 * the filters, so a page asks for them once per price basis (`cubeFigures`).
 */
export function cubeFiguresSql(priceBase: number | null): SqlQuery {
	const money = atPrices('q.cost_pln', 'q.year', priceBase);
	return {
		sql: `SELECT q.centre_code AS teryt, q.stratum, q.participants AS n, q.employed, q.completed, CAST(${money.sql} AS DOUBLE) AS cost FROM cube q`,
		params: money.params
	};
}

/**
 * Which combination of the active filters' values each stratum falls in (`comboOf`: 0 per filter where it misses
 * it). A combination depends on a cube row's year, sex and age band alone, so it is asked of the 70 strata, not of
 * the cube's 120,651 rows, and spread over the rows by their stratum (`selectionColumns`): asked of every row it
 * took 8–9 ms in Node, most of it writing the rows to Arrow, against 1.5 ms; grouping the rows per centre and
 * combination in SQL, as the page did first, took 17–29 ms. The guard sums the rows in its own pass anyway.
 * Since 2026-11-27 a page works the same out from the kept strata (`strataCombos`): asked of DuckDB at every click
 * it waited on the worker's round trip beside SvelteKit's navigation (12–18 ms of a change in the median, 37–52 on
 * a visit's first click). This stays as the engine's reference, which a unit test holds `strataCombos` to for
 * every filter set a page can ask, and the bench times beside it.
 */
export function selectionSql(filters: NationalFilters): SqlQuery & { dimensions: NationalDimension[] } {
	const dimensions = activeDimensions(filters);
	const radix = radixOf(dimensions.map((d) => filters[d]));
	const params: SqlParam[] = [];
	const terms = dimensions.map((d, i) => {
		params.push(...filters[d]);
		const weight = radix.slice(i + 1).reduce((a, b) => a * b, 1);
		return `(CASE ${COLUMN[d]} ${filters[d].map((_, v) => `WHEN ? THEN ${v + 1}`).join(' ')} ELSE 0 END) * ${weight}`;
	});
	return {
		sql: `SELECT q.stratum, CAST(${terms.length ? terms.join(' + ') : '0'} AS INTEGER) AS combo FROM strata q`,
		params,
		dimensions
	};
}

/** The guard's columns with each row's stratum, which with its centre gives its cell keys (stats/cell-key.ts). */
export type StratifiedColumns = SelectionColumns & { stratum: ArrayLike<number> };
type CubeFigures = Pick<StratifiedColumns, 'teryt' | 'stratum' | 'n' | 'employed' | 'completed' | 'cost'>;
/**
 * The cube's figures at a price basis (see `cubeFiguresSql`), from DuckDB the first time, then kept by the database
 * door (`remember`: a failed answer is not kept, and none outlives a change of the data).
 */
export function cubeFigures(db: Database, priceBase: number | null): Promise<CubeFigures> {
	return db.remember(`national cube figures at ${priceBase ?? 'current'} prices`, () => {
		const asked = performance.now();
		const figures = db.columns<CubeFigures>(cubeFiguresSql(priceBase));
		figures.then(() => span('national: cube figures', asked), () => undefined);
		return figures;
	});
}

/**
 * Each cube row's combination, from its stratum's: one per stratum in the answer, and every row's stratum answered,
 * or an error. A row given another stratum's combination would be summed, and protected, in the wrong group.
 */
export function spreadCombos(rowStrata: ArrayLike<number>, answer: { stratum: ArrayLike<number>; combo: ArrayLike<number> }): Int32Array {
	let largest = -1;
	for (let i = 0; i < answer.stratum.length; i++) largest = Math.max(largest, answer.stratum[i]);
	const byStratum = new Int32Array(largest + 1).fill(-1);
	for (let i = 0; i < answer.stratum.length; i++) {
		if (byStratum[answer.stratum[i]] !== -1) throw new Error(`national selection: stratum ${answer.stratum[i]} answered twice`);
		byStratum[answer.stratum[i]] = answer.combo[i];
	}
	const combo = new Int32Array(rowStrata.length);
	for (let i = 0; i < combo.length; i++) {
		// A stratum that is no whole number in the answer's range (NULL, 1.5, 300) is no stratum at all.
		const c = Number.isInteger(rowStrata[i]) && rowStrata[i] >= 0 && rowStrata[i] <= largest ? byStratum[rowStrata[i]] : -1;
		if (c === -1) throw new Error(`national selection: cube row ${i} is in stratum ${rowStrata[i]}, which the answer does not name`);
		combo[i] = c;
	}
	return combo;
}

/** A stratum of the cube: its number, and the year, sex and age band its rows count. */
export type Stratum = {
	stratum: number;
	year: number;
	sex: string;
	age_band: string;
};
export const STRATA_SQL = 'SELECT stratum, year, sex, age_band FROM strata ORDER BY stratum';

/** The cube's 70 strata (table `strata`), from DuckDB the first time, then kept by the database door's answers. */
export const keptStrata = (db: Database): Promise<Stratum[]> => db.query<Stratum>({ sql: STRATA_SQL });

const STRATUM_VALUE: Record<NationalDimension, (s: Stratum) => string | number> = { years: (s) => s.year, sex: (s) => s.sex, ageBands: (s) => s.age_band };

/** Each stratum's combination of the active filters' values (`comboOf`), as `selectionSql` works it out in SQL. */
export function strataCombos(strata: readonly Stratum[], filters: NationalFilters): { stratum: Int32Array; combo: Int32Array } {
	const dimensions = activeDimensions(filters);
	const radix = radixOf(dimensions.map((d) => filters[d]));
	return {
		stratum: Int32Array.from(strata, (s) => s.stratum),
		combo: Int32Array.from(strata, (s) => comboOf(dimensions.map((d) => (filters[d] as (string | number)[]).indexOf(STRATUM_VALUE[d](s)) + 1), radix))
	};
}

/** The selection's columns for the guard: the cube's figures with each row's combination beside them. */
export async function selectionColumns(db: Database, filters: NationalFilters): Promise<{ columns: StratifiedColumns; dimensions: NationalDimension[] }> {
	const [figures, strata] = await Promise.all([cubeFigures(db, filters.priceBase), keptStrata(db)]);
	return { columns: { ...figures, combo: spreadCombos(figures.stratum, strataCombos(strata, filters)) }, dimensions: activeDimensions(filters) };
}

/** The answer as rows with the filters' values spelled out: for tests, and for reading an answer by eye. */
export function selectionRows(columns: SelectionColumns, selected: readonly (readonly string[])[]): SelectionRow[] {
	const radix = radixOf(selected);
	return Array.from({ length: columns.teryt.length }, (_, i) => ({
		teryt: terytOf(columns.teryt[i]),
		values: digitsOf(columns.combo[i], radix).map((digit, d) => (digit === 0 ? null : selected[d][digit - 1])),
		n: columns.n[i],
		employed: columns.employed[i],
		completed: columns.completed[i],
		cost: columns.cost[i]
	}));
}

/**
 * The five real centres' cost per participant at constant prices: each edition's published budget moved to the base
 * year's prices by its own year, over the centre's participants (its sources are the current-price figure's). Null where an edition with a published head count
 * states no budget or no year: an amount that cannot be deflated stays unknown.
 */
export function realCostSql(priceBase: number): SqlQuery {
	const money = atPrices('f.budget_pln', 'f.year', priceBase);
	return {
		sql: `
WITH rows AS (SELECT centre_id, sum(participants) AS n FROM cube GROUP BY ALL)
SELECT c.teryt, CASE WHEN bool_and(f.budget_pln IS NOT NULL AND f.year IS NOT NULL) THEN sum(${money.sql}) / any_value(r.n) END AS cost
FROM edition_facts f JOIN centres c USING (centre_id) JOIN rows r USING (centre_id)
WHERE c.has_sources AND f.participants IS NOT NULL
GROUP BY ALL`,
		params: money.params
	};
}

/** What a national page shows under its filters: every unit's protected figures, from one question and one guard. */
export interface NationalSelection {
	filters: NationalFilters;
	/** By unit code: '' Poland, 2 digits a voivodeship, 4 a powiat, 7 a centre; in the cube tree's order. Every unit of
	 * the cube, with n = 0 where no one is selected. */
	units: ReadonlyMap<string, GuardedUnit>;
	/** The real centres' cost per participant at constant prices, by TERC code (null where it cannot be deflated). */
	realCosts: Map<string, number | null>;
	/** Where the time went, for the status line and the bench: `query` the wait for the cube's figures and strata
	 * (kept, so DuckDB's only on a first answer or a new price basis) and the combinations; `guard` the protection. */
	ms: { query: number; guard: number };
}

export async function nationalSelection(db: Database, filters: NationalFilters): Promise<NationalSelection> {
	const started = performance.now();
	const [{ columns, dimensions }, real] = await Promise.all([
		selectionColumns(db, filters),
		filters.priceBase !== null && !selectsParticipants(filters) ? db.query<{ teryt: string; cost: number | null }>(realCostSql(filters.priceBase)) : Promise.resolve([])
	]);
	const answered = performance.now();
	const units = guardSelection(columns, dimensions.map((d) => filters[d].map(String)));
	span('national: query', started, answered);
	span('national: guard', answered);
	return {
		filters,
		units,
		realCosts: new Map(real.map((r) => [r.teryt, r.cost])),
		ms: { query: answered - started, guard: performance.now() - answered }
	};
}

/**
 * Every unit's figures for a selection as a page may show them: protected on the true counts (`protectColumns`),
 * then, where the filters select participants, each count moved by its cell key (stats/cell-key.ts), so that no sum
 * of several views gives a hidden group exactly. Without a participant filter the counts are the built ones.
 */
export function guardSelection(columns: StratifiedColumns, selected: string[][]): GuardedUnits {
	const units = protectColumns(columns, selected);
	if (selected.length === 0) return units;
	// The rows every active filter keeps: no digit of their combination is 0 ("not a selected value").
	const radix = radixOf(selected);
	const inSelection = Uint8Array.from({ length: radix.reduce((a, b) => a * b, 1) }, (_, combo) => Number(digitsOf(combo, radix).every((digit) => digit > 0)));
	return perturbUnits(units, selectionKeys(columns, inSelection));
}

/** The centres a national comparison shows, by TERC code, from `?osrodki=`: known ones, each once, at most `max`. */
export function decodeComparedCentres(raw: string | null, known: ReadonlySet<string>, max: number): { codes: string[]; ignored: string[] } {
	const codes: string[] = [];
	const ignored: string[] = [];
	for (const code of (raw ?? '').split(',').filter(Boolean)) {
		if (known.has(code) && !codes.includes(code) && codes.length < max) codes.push(code);
		else ignored.push(`osrodki=${code}`);
	}
	return { codes, ignored };
}
