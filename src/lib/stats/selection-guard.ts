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
import { protectShape, treeShape, type TreeShape } from './hierarchy';

export interface Tally {
	n: number;
	employed: number;
	completed: number;
	cost: number;
}

export interface GuardedUnit extends Tally {
	hidden: { n: boolean; employed: boolean; completed: boolean };
}

/** A unit's figures in `GuardedUnits.figures`, four per unit slot, in this order. */
export const FIGURES = 4; // n, employed, completed, cost
/** Bits of `GuardedUnits.hidden`, one byte per unit slot. */
export const HIDDEN = { n: 1, employed: 2, completed: 4 } as const;

/**
 * Every unit's guarded figures, kept as columns by the tree's unit slot and read as a map by code. A page keeps its
 * recent answers (state/national.svelte.ts); as maps of objects each kept about 5,800 of them, and the collector's
 * copying and marking of those made the second to fourth filter changes of a visit the slowest (a trace: a major
 * collection of 9–10 ms, then scavenges of 6–8 ms). As columns an answer is two typed arrays; `get` makes the
 * unit's object when a reader asks, and it dies young.
 */
export class GuardedUnits implements ReadonlyMap<string, GuardedUnit> {
	constructor(
		readonly tree: Pick<UnitTree, 'count' | 'codes' | 'slotOf'>,
		/** `FIGURES` numbers per slot: n, employed, completed, cost. Never written after: a page's kept answer. */
		readonly figures: Float64Array,
		/** `HIDDEN` bits per slot. Never written after: a bit cleared would show a hidden figure to every reader. */
		readonly hidden: Uint8Array
	) {
		if (figures.length !== tree.count * FIGURES || hidden.length !== tree.count) throw new Error('GuardedUnits: columns do not fit the tree');
	}
	get size() {
		return this.tree.count;
	}
	has(code: string) {
		return this.tree.slotOf.has(code);
	}
	get(code: string): GuardedUnit | undefined {
		const u = this.tree.slotOf.get(code);
		return u === undefined ? undefined : this.at(u);
	}
	/** The unit in slot `u`. A slot outside the tree is an error: its bits would read as "shown". */
	at(u: number): GuardedUnit {
		if (!(Number.isInteger(u) && u >= 0 && u < this.tree.count)) throw new RangeError(`GuardedUnits: no unit in slot ${u}`);
		const { figures, hidden } = this;
		const at = u * FIGURES;
		const bits = hidden[u];
		return {
			n: figures[at],
			employed: figures[at + 1],
			completed: figures[at + 2],
			cost: figures[at + 3],
			hidden: { n: (bits & HIDDEN.n) !== 0, employed: (bits & HIDDEN.employed) !== 0, completed: (bits & HIDDEN.completed) !== 0 }
		};
	}
	*entries(): MapIterator<[string, GuardedUnit]> {
		for (let u = 0; u < this.tree.count; u++) yield [this.tree.codes[u], this.at(u)];
	}
	*keys(): MapIterator<string> {
		yield* this.tree.codes;
	}
	*values(): MapIterator<GuardedUnit> {
		for (let u = 0; u < this.tree.count; u++) yield this.at(u);
	}
	[Symbol.iterator]() {
		return this.entries();
	}
	forEach(each: (unit: GuardedUnit, code: string, map: ReadonlyMap<string, GuardedUnit>) => void) {
		for (const [code, unit] of this) each(unit, code, this);
	}
}

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
 * dimension 0 stands for "not a selected value" and 1… for the selected values in order. A page works it out per
 * stratum (queries/national.ts `strataCombos`, held to DuckDB's `selectionSql`); the guard reads it back with `digitsOf`.
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
export function protectSelection(rows: SelectionRow[], selected: string[][]): GuardedUnits {
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

let kept = new Float64Array(0);
/** `length` zeros in a buffer kept between calls (the guard runs to the end in one go, so one buffer serves). */
function talliesBuffer(length: number): Float64Array {
	// Grown to twice the need, so a selection widened click by click does not make (and first touch) a new one each time.
	if (kept.length < length) kept = new Float64Array(Math.max(length, 2 * kept.length));
	else kept.fill(0, 0, length);
	return kept.subarray(0, length);
}

/** A unit's slot key: its level (0 Poland, 1 voivodeship, 2 powiat, 3 centre) and its code as a number. */
const unitKey = (level: number, code: number) => level * 1e7 + code;
/** A unit's TERC code as a string from its slot key ('' for Poland). */
const codeOfKey = (key: number) => {
	const level = Math.floor(key / 1e7);
	return level === 0 ? '' : String(key - level * 1e7).padStart([0, 2, 4, 7][level], '0');
};

/**
 * The units a cube's rows make, which no filter changes: each unit's slot (given as its first centre brings it: the
 * centre, its powiat, voivodeship, then Poland, so the tree's order, which decides among equally good units to hide,
 * is the order the rows come in), its parent's slot, its code, each row's centre slot, and the tree's shape.
 */
export interface UnitTree {
	/** The centre column the tree was built from, as it was then: a column written to since is seen, not trusted. */
	built: Float64Array;
	count: number;
	codes: string[];
	/** Each unit's slot by its code. */
	slotOf: Map<string, number>;
	parents: Int32Array;
	/** Centres, then powiats, then voivodeships, each in slot order: the order their sums go up the tree. */
	upward: Int32Array;
	centreOfRow: Int32Array;
	shape: TreeShape;
	before: (a: number, b: number) => boolean;
	name: (u: number) => string;
}

/** Trees by the cube's `teryt` column. A page's cube is asked for once, so its tree is built once. */
const trees = new WeakMap<object, UnitTree>();

/** Whether a column holds the same values as a copy of it (a pass over 120,651 numbers: about 0.1 ms). */
export function sameValues(column: ArrayLike<number>, copy: Float64Array): boolean {
	if (column.length !== copy.length) return false;
	for (let i = 0; i < copy.length; i++) if (!Object.is(column[i], copy[i])) return false;
	return true;
}

/**
 * The units of the rows' centres (`UnitTree`), built on a column's first use and then kept beside it; built again
 * if the column was written to since. A code that is no TERC code of a centre (a whole number of up to 7 digits)
 * stops the guard: its powiat and voivodeship, which the code spells, would be a guess.
 */
export function unitTree(teryt: ArrayLike<number>): UnitTree {
	let tree = trees.get(teryt);
	if (tree && sameValues(teryt, tree.built)) return tree;
	const built = Float64Array.from(teryt);
	for (let i = 0; i < built.length; i++)
		if (!(Number.isInteger(built[i]) && built[i] >= 0 && built[i] < 1e7)) throw new Error(`protectColumns: row ${i} has centre code ${built[i]}, not a TERC code`);
	const slot = new Map<number, number>();
	const keys: number[] = [];
	const parentKeys: number[] = [];
	const slotOf = (key: number, parentKey: number) => {
		let u = slot.get(key);
		if (u === undefined) {
			slot.set(key, (u = keys.length));
			keys.push(key);
			parentKeys.push(parentKey);
		}
		return u;
	};
	const centreOfRow = new Int32Array(teryt.length);
	for (let i = 0, lastCode = -1, centre = -1; i < teryt.length; i++) {
		const code = teryt[i];
		if (code !== lastCode) {
			lastCode = code;
			const powiat = unitKey(2, Math.floor(code / 1000));
			const voivodeship = unitKey(1, Math.floor(code / 100_000));
			const poland = unitKey(0, 0);
			centre = slotOf(unitKey(3, code), powiat);
			slotOf(powiat, voivodeship);
			slotOf(voivodeship, poland);
			slotOf(poland, -1);
		}
		centreOfRow[i] = centre;
	}
	const parents = Int32Array.from(parentKeys, (key) => (key < 0 ? -1 : slot.get(key)!));
	const upward = Int32Array.from([3, 2, 1].flatMap((level) => keys.flatMap((key, u) => (Math.floor(key / 1e7) === level ? [u] : []))));
	const codes = keys.map(codeOfKey);
	// Ties in size break by TERC code, Poland ('PL') last.
	const ids = codes.map(treeId);
	tree = { built, count: keys.length, codes, slotOf: new Map(codes.map((code, u) => [code, u])), parents, upward, centreOfRow, shape: treeShape(parents), before: (a, b) => ids[a] < ids[b], name: (u) => ids[u] };
	trees.set(teryt, tree);
	return tree;
}

/**
 * Adds each unit's block of `width` values into its parent's, centres first (`upward`): a powiat's, a voivodeship's
 * and Poland's values become the sums of the units below them. The tallies and the cell keys go up the same way.
 */
export function sumUpTree(tree: UnitTree, values: { [index: number]: number }, width: number) {
	const { upward, parents } = tree;
	for (let k = 0; k < upward.length; k++) {
		const from = upward[k] * width;
		const to = parents[upward[k]] * width;
		for (let m = 0; m < width; m++) values[to + m] += values[from + m];
	}
}

/**
 * The same, from the query's columns: each row a centre (TERC code as a number) and a combination of values.
 * Numbers and typed arrays throughout, no object or string per row or per neighbouring view: this runs over the
 * whole country on every filter change (measured in Node over the real cube: 22–29 ms with maps and objects).
 */
export function protectColumns(rows: SelectionColumns, selected: string[][]): GuardedUnits {
	// A unit's participants are a small array of tallies by combination (`comboOf` above).
	const radix = radixOf(selected);
	const combos = radix.reduce((a, b) => a * b, 1);
	const all = (length: number) => Array.from({ length }, (_, i) => i);
	// The neighbouring views (`neighbourSelections`) come in two kinds, each summed the cheap way:
	// - filters removed: a unit's tallies are folded once into 2^D cells, by which of the D filters a combination
	//   meets, and each such view sums the cells it keeps (3^D cells over all of them, not every combination per view);
	// - one value of a filter removed: that view differs from the selection by the value's slice alone, summed directly.
	const full = (1 << radix.length) - 1;
	const metBy = Int32Array.from(all(combos), (combo) => digitsOf(combo, radix).reduce((met, digit, d) => met | (digit > 0 ? 1 << d : 0), 0));
	/** Per set of filters removed (bit d: filter d), the cells its view keeps: every filter not removed met. */
	const removedViews = all(full).map((i) => Int32Array.from(all(full + 1).filter((met) => (met | (i + 1)) === full)));
	/** Per value of a filter with two or more, the combinations with that value and every other filter met. */
	const valueSlices = selected.flatMap((values, d) =>
		values.length < 2
			? []
			: values.map((_, v) =>
					Int32Array.from(
						all(combos).filter((combo) => {
							const digits = digitsOf(combo, radix);
							return digits[d] === v + 1 && digits.every((digit) => digit > 0);
						})
					)
				)
	);

	const tree = unitTree(rows.teryt);
	const { count, centreOfRow } = tree;
	// The tallies at their exact size in a kept buffer: a fresh array of 6–8 MB per filter change cost a major garbage
	// collection in the browser on the narrow selections (measured: the guard's 50–130 ms).
	const { combo: comboOfRow, n: nOfRow, employed: employedOfRow, completed: completedOfRow, cost: costOfRow } = rows;
	const tallies = talliesBuffer(count * combos * FIGURES);
	// Each row is tallied into its centre; powiats, voivodeships and Poland are summed from those below them after.
	for (let i = 0; i < centreOfRow.length; i++) {
		const combo = comboOfRow[i];
		// A combination out of range would land in the next unit's tallies: never guess, stop.
		if (!(combo >= 0 && combo < combos)) throw new Error(`protectColumns: row ${i} has combination ${combo} of ${combos}`);
		const at = (centreOfRow[i] * combos + combo) * FIGURES;
		tallies[at] += nOfRow[i];
		tallies[at + 1] += employedOfRow[i];
		tallies[at + 2] += completedOfRow[i];
		tallies[at + 3] += costOfRow[i];
	}
	sumUpTree(tree, tallies, combos * FIGURES);
	// Rules 1 and 2, per unit and measure: 1 where the figure must be hidden.
	const figures = new Float64Array(count * FIGURES);
	const exposedN = new Uint8Array(count);
	const exposedEmployed = new Uint8Array(count);
	const exposedCompleted = new Uint8Array(count);
	const met = new Float64Array((full + 1) * FIGURES);
	for (let u = 0; u < count; u++) {
		met.fill(0);
		for (let combo = 0, at = u * combos * FIGURES; combo < combos; combo++, at += FIGURES) {
			const cell = metBy[combo] * FIGURES;
			for (let m = 0; m < FIGURES; m++) met[cell + m] += tallies[at + m];
		}
		const own = full * FIGURES;
		const n = met[own];
		const employed = met[own + 1];
		const completed = met[own + 2];
		figures.set(met.subarray(own, own + FIGURES), u * FIGURES);
		let hideN = isSmall(n);
		let hideEmployed = rateIsDisclosive(employed, n);
		let hideCompleted = rateIsDisclosive(completed, n);
		// Each neighbour's difference from the selection: its n, employed and completed.
		const differs = (dn: number, de: number, dc: number) => {
			if (small(dn)) hideN = true;
			if (small(de) || small(dn - de)) hideEmployed = true;
			if (small(dc) || small(dn - dc)) hideCompleted = true;
		};
		for (const cells of removedViews) {
			let dn = -n;
			let de = -employed;
			let dc = -completed;
			for (let c = 0; c < cells.length; c++) {
				const at = cells[c] * FIGURES;
				dn += met[at];
				de += met[at + 1];
				dc += met[at + 2];
			}
			differs(dn, de, dc);
		}
		for (const slice of valueSlices) {
			let dn = 0;
			let de = 0;
			let dc = 0;
			for (let c = 0, base = u * combos; c < slice.length; c++) {
				const at = (base + slice[c]) * FIGURES;
				dn += tallies[at];
				de += tallies[at + 1];
				dc += tallies[at + 2];
			}
			differs(dn, de, dc);
		}
		exposedN[u] = Number(hideN);
		exposedEmployed[u] = Number(hideEmployed);
		exposedCompleted[u] = Number(hideCompleted);
	}

	// Rule 3 over the tree's shape for the three counts.
	const { shape } = tree;
	const column = (m: number) => Float64Array.from({ length: count }, (_, u) => figures[u * FIGURES + m]);
	const [n, employed, completed] = [column(0), column(1), column(2)];
	// A count is protected as a "rate" of n out of n: then only n itself can be small.
	const hiddenN = protectShape(shape, exposedN, { n, before: tree.before, name: tree.name });
	// Where a unit's size is hidden, so are its rates: with n gone, k must not stand alone either. A line's hidden
	// rates must not add up to a small group of those employed, nor of those not.
	const rest = (k: Float64Array) => k.map((value, u) => n[u] - value);
	const hiddenEmployed = protectShape(shape, exposedEmployed.map((e, u) => e | hiddenN[u]), { n, before: tree.before, name: tree.name, values: [employed, rest(employed)] });
	const hiddenCompleted = protectShape(shape, exposedCompleted.map((e, u) => e | hiddenN[u]), { n, before: tree.before, name: tree.name, values: [completed, rest(completed)] });
	const hidden = Uint8Array.from({ length: count }, (_, u) => hiddenN[u] * HIDDEN.n | hiddenEmployed[u] * HIDDEN.employed | hiddenCompleted[u] * HIDDEN.completed);
	return new GuardedUnits(tree, figures, hidden);
}
