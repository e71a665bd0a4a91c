// Disclosure control for a national page under filters. Every unit (centre, powiat, voivodeship, Poland) shows its
// head count, two rates and a cost per participant for the selected participants. Three rules, in this order:
// 1. a small count or a rate whose k or n − k is small is hidden (the <5 rule);
// 2. differencing: a figure is hidden where subtracting it from a neighbouring view (a filter removed, or one value
//    of a filter removed) leaves a small group, as for the five centres (queries/differencing.ts);
// 3. the tree: while a hidden figure follows from its parent and siblings, one more is hidden (stats/hierarchy.ts).
// The whole country is protected at once, so a figure hidden on one page is hidden on every page.
import type { Columns } from '../db/types';
import type { SelectionRow } from '../queries/national';
import { isSmall, rateIsDisclosive } from './disclosure';
import { protectTree, type TreeCount } from './hierarchy';

export interface Tally {
	n: number;
	employed: number;
	completed: number;
	cost: number;
}

export interface GuardedUnit extends Tally {
	hidden: { n: boolean; employed: boolean; completed: boolean };
}

/** A unit's code ('' for Poland, then 2, 4 and 7 digits) and the codes above it. */
const lineage = (teryt: string) => [teryt, teryt.slice(0, 4), teryt.slice(0, 2), ''];
const parentOf = (code: string) => (code === '' ? null : code.length === 7 ? code.slice(0, 4) : code.length === 4 ? code.slice(0, 2) : '');
const ROOT = 'PL';
const treeId = (code: string) => (code === '' ? ROOT : code);

/**
 * The answer as DuckDB sends it, column by column and all numbers, so it reaches the guard as Arrow's typed arrays
 * with no string decoded per row (measured: 15 ms of a 2,477-centre filter change went to decoding): the centre's
 * 7-digit TERC code as an integer, and the row's combination of the filters' values as one number (see `comboOf`).
 */
export interface SelectionColumns extends Columns {
	teryt: ArrayLike<number>;
	combo: ArrayLike<number>;
	n: ArrayLike<number>;
	employed: ArrayLike<number>;
	completed: ArrayLike<number>;
	cost: ArrayLike<number>;
}

/**
 * A row's combination of the active filters' values as one number, mixed radix, most significant first: per
 * dimension 0 stands for "not a selected value" and 1… for the selected values in order. The query (queries/national.ts
 * `selectionSql`) computes it in SQL; the guard reads it back with `digitsOf`.
 */
export const radixOf = (selected: readonly (readonly unknown[])[]) => selected.map((values) => values.length + 1);
export function comboOf(digits: readonly number[], radix: readonly number[]): number {
	let combo = 0;
	for (let d = 0; d < radix.length; d++) combo = combo * radix[d] + digits[d];
	return combo;
}
export function digitsOf(combo: number, radix: readonly number[]): number[] {
	const out = new Array<number>(radix.length);
	for (let d = radix.length - 1; d >= 0; d--) {
		out[d] = combo % radix[d];
		combo = Math.floor(combo / radix[d]);
	}
	return out;
}

/** The TERC code of a centre from its integer form (codes start with a zero below voivodeship 10). */
export const terytOf = (code: number) => String(code).padStart(7, '0');

/** Which rows a selection keeps: per dimension, every row ('all'), the selected values, or all but one of them. */
type Keep = 'all' | 'selected' | { without: string };

/** Every view one subtraction away: any set of filters removed, or one value of a filter (of two or more) removed. */
export function neighbourSelections(selected: string[][]): Keep[][] {
	const out: Keep[][] = [];
	for (let mask = 1; mask < 1 << selected.length; mask++) out.push(selected.map((_, i) => (mask & (1 << i) ? 'all' : 'selected')));
	selected.forEach((values, d) => {
		if (values.length < 2) return;
		for (const v of values) out.push(selected.map((_, i) => (i === d ? { without: v } : 'selected')));
	});
	return out;
}

const small = (difference: number) => isSmall(Math.abs(difference));

/**
 * The selection's figures for every unit with participants in the cube, and which of them the page must hide.
 * `selected` holds the values of each active filter, in the order of the rows' `values`. Rows spelled out, for
 * the tests: the page hands DuckDB's columns straight to `protectColumns`.
 */
export function protectSelection(rows: SelectionRow[], selected: string[][]): Map<string, GuardedUnit> {
	const radix = radixOf(selected);
	const index = selected.map((values) => new Map(values.map((v, i) => [v, i + 1])));
	return protectColumns(
		{
			teryt: rows.map((r) => Number(r.teryt)),
			combo: rows.map((r) => comboOf(r.values.map((v, d) => (v === null ? 0 : index[d].get(v)!)), radix)),
			n: rows.map((r) => r.n),
			employed: rows.map((r) => r.employed),
			completed: rows.map((r) => r.completed),
			cost: rows.map((r) => r.cost)
		},
		selected
	);
}

/** The same, from the query's columns: each row a centre (TERC code as a number) and a combination of values. */
export function protectColumns(rows: SelectionColumns, selected: string[][]): Map<string, GuardedUnit> {
	// A unit's participants are a small array of tallies by combination (`comboOf` above), which every
	// neighbouring view sums with a mask, in typed arrays: this runs over the whole country on every filter change.
	const radix = radixOf(selected);
	const combos = radix.reduce((a, b) => a * b, 1);
	const maskOf = (selection: Keep[]) =>
		Uint8Array.from({ length: combos }, (_, combo) =>
			Number(digitsOf(combo, radix).every((digit, d) => selection[d] === 'all' || (digit > 0 && (selection[d] === 'selected' || selected[d][digit - 1] !== (selection[d] as { without: string }).without))))
		);
	const own = maskOf(selected.map(() => 'selected'));
	const around = neighbourSelections(selected).map(maskOf);

	const MEASURES = 4; // n, employed, completed, cost
	const slot = new Map<string, number>();
	const codes: string[] = [];
	let tallies = new Float64Array(4096 * combos * MEASURES);
	const slotOf = (code: string) => {
		let u = slot.get(code);
		if (u === undefined) {
			slot.set(code, (u = codes.length));
			codes.push(code);
			if ((u + 1) * combos * MEASURES > tallies.length) {
				const grown = new Float64Array(tallies.length * 2);
				grown.set(tallies);
				tallies = grown;
			}
		}
		return u;
	};
	// A centre's four units (itself, its powiat, voivodeship and Poland), looked up once per centre, not per row.
	const unitsOfCentre = new Map<number, number[]>();
	for (let i = 0; i < rows.teryt.length; i++) {
		let units = unitsOfCentre.get(rows.teryt[i]);
		if (!units) unitsOfCentre.set(rows.teryt[i], (units = lineage(terytOf(rows.teryt[i])).map(slotOf)));
		const combo = rows.combo[i];
		for (const u of units) {
			const at = (u * combos + combo) * MEASURES;
			tallies[at] += rows.n[i];
			tallies[at + 1] += rows.employed[i];
			tallies[at + 2] += rows.completed[i];
			tallies[at + 3] += rows.cost[i];
		}
	}
	const sum = (u: number, mask: Uint8Array): Tally => {
		let n = 0;
		let employed = 0;
		let completed = 0;
		let cost = 0;
		for (let combo = 0, at = u * combos * MEASURES; combo < combos; combo++, at += MEASURES) {
			if (!mask[combo]) continue;
			n += tallies[at];
			employed += tallies[at + 1];
			completed += tallies[at + 2];
			cost += tallies[at + 3];
		}
		return { n, employed, completed, cost };
	};

	interface Entry extends Tally {
		code: string;
		exposed: GuardedUnit['hidden'];
	}
	const units: Entry[] = codes.map((code, u) => {
		const selection = sum(u, own);
		const exposed = { n: isSmall(selection.n), employed: rateIsDisclosive(selection.employed, selection.n), completed: rateIsDisclosive(selection.completed, selection.n) };
		for (const mask of around) {
			const other = sum(u, mask);
			const n = other.n - selection.n;
			if (small(n)) exposed.n = true;
			for (const k of ['employed', 'completed'] as const) if (small(other[k] - selection[k]) || small(n - (other[k] - selection[k]))) exposed[k] = true;
		}
		return { ...selection, code, exposed };
	});

	const tree = (count: (u: Entry) => number, hide: (u: Entry) => boolean): Set<string> =>
		protectTree(units.map((u): TreeCount => {
			const parent = parentOf(u.code);
			return { id: treeId(u.code), parent: parent === null ? null : treeId(parent), n: u.n, k: count(u), hide: hide(u) };
		}));
	// A count is protected as a "rate" of n out of n: then only n itself can be small.
	const hiddenN = tree((u) => u.n, (u) => u.exposed.n);
	// Where a unit's size is hidden, so are its rates: with n gone, k must not stand alone either.
	const hiddenEmployed = tree((u) => u.employed, (u) => u.exposed.employed || hiddenN.has(treeId(u.code)));
	const hiddenCompleted = tree((u) => u.completed, (u) => u.exposed.completed || hiddenN.has(treeId(u.code)));
	return new Map(
		units.map(({ code, n, employed, completed, cost }) => {
			const id = treeId(code);
			return [code, { n, employed, completed, cost, hidden: { n: hiddenN.has(id), employed: hiddenEmployed.has(id), completed: hiddenCompleted.has(id) } }];
		})
	);
}
