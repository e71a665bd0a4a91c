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

const zero = (): Tally => ({ n: 0, employed: 0, completed: 0, cost: 0 });
function add(into: Tally, t: Tally) {
	into.n += t.n;
	into.employed += t.employed;
	into.completed += t.completed;
	into.cost += t.cost;
}

/** Which rows a selection keeps: per dimension, every row ('all'), the selected values, or all but one of them. */
type Keep = 'all' | 'selected' | { without: string };
const keeps = (values: (string | null)[], selection: Keep[]) =>
	selection.every((k, i) => k === 'all' || (values[i] !== null && (k === 'selected' || values[i] !== k.without)));

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
	// Per unit, its participants split by the filters' values (or their absence): what every neighbouring view sums.
	const parts = new Map<string, Map<string, { values: (string | null)[]; tally: Tally }>>();
	for (const row of rows) {
		const key = row.values.join('\u0001');
		for (const code of lineage(row.teryt)) {
			let unit = parts.get(code);
			if (!unit) parts.set(code, (unit = new Map()));
			let part = unit.get(key);
			if (!part) unit.set(key, (part = { values: row.values, tally: zero() }));
			add(part.tally, row);
		}
	}
	const all: Keep[] = selected.map(() => 'selected');
	const around = neighbourSelections(selected);
	const sum = (unit: Map<string, { values: (string | null)[]; tally: Tally }>, selection: Keep[]) => {
		const t = zero();
		for (const part of unit.values()) if (keeps(part.values, selection)) add(t, part.tally);
		return t;
	};

	interface Entry extends Tally {
		code: string;
		exposed: GuardedUnit['hidden'];
	}
	const units: Entry[] = [];
	for (const [code, unit] of parts) {
		const own = sum(unit, all);
		const exposed = { n: isSmall(own.n), employed: rateIsDisclosive(own.employed, own.n), completed: rateIsDisclosive(own.completed, own.n) };
		for (const selection of around) {
			const other = sum(unit, selection);
			const n = other.n - own.n;
			if (small(n)) exposed.n = true;
			for (const k of ['employed', 'completed'] as const) if (small(other[k] - own[k]) || small(n - (other[k] - own[k]))) exposed[k] = true;
		}
		units.push({ ...own, code, exposed });
	}

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
