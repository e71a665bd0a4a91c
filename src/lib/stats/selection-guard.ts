// Disclosure control for a national page under filters. Every unit (centre, powiat, voivodeship, Poland) shows its
// head count, two rates and a cost per participant for the selected participants. Three rules, in this order:
// 1. a small count or a rate whose k or n − k is small is hidden (the <5 rule);
// 2. differencing: a figure is hidden where subtracting it from a neighbouring view (a filter removed, or one value
//    of a filter removed) leaves a small group, as for the five centres (queries/differencing.ts);
// 3. the tree: while a hidden figure follows from its parent and siblings, one more is hidden (stats/hierarchy.ts).
// The whole country is protected at once, so a figure hidden on one page is hidden on every page.
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
 * `selected` holds the values of each active filter, in the order of the rows' `values`.
 */
export function protectSelection(rows: SelectionRow[], selected: string[][]): Map<string, GuardedUnit> {
	// Each row's combination of the filters' values (or their absence) as one number, mixed radix: 0 stands for
	// "not a selected value", 1… for the selected values in order. A unit's participants are a small array of
	// tallies by combination, which every neighbouring view sums with a mask, in typed arrays: this runs over the
	// whole country on every filter change.
	const radix = selected.map((values) => values.length + 1);
	const combos = radix.reduce((a, b) => a * b, 1);
	const index = selected.map((values) => new Map(values.map((v, i) => [v, i + 1])));
	const comboOf = (values: (string | null)[]) => {
		let combo = 0;
		for (let d = 0; d < values.length; d++) combo = combo * radix[d] + (values[d] === null ? 0 : index[d].get(values[d]!)!);
		return combo;
	};
	const digits = (combo: number) => {
		const out = new Array<number>(radix.length);
		for (let d = radix.length - 1; d >= 0; d--) {
			out[d] = combo % radix[d];
			combo = Math.floor(combo / radix[d]);
		}
		return out;
	};
	const maskOf = (selection: Keep[]) =>
		Uint8Array.from({ length: combos }, (_, combo) =>
			Number(digits(combo).every((digit, d) => selection[d] === 'all' || (digit > 0 && (selection[d] === 'selected' || selected[d][digit - 1] !== (selection[d] as { without: string }).without))))
		);
	const own = maskOf(selected.map(() => 'selected'));
	const around = neighbourSelections(selected).map(maskOf);

	const MEASURES = 4; // n, employed, completed, cost
	const slot = new Map<string, number>();
	const codes: string[] = [];
	let tallies = new Float64Array(4096 * combos * MEASURES);
	for (const row of rows) {
		const combo = comboOf(row.values);
		for (const code of lineage(row.teryt)) {
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
			const at = (u * combos + combo) * MEASURES;
			tallies[at] += row.n;
			tallies[at + 1] += row.employed;
			tallies[at + 2] += row.completed;
			tallies[at + 3] += row.cost;
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
