// Cell-key perturbation for the national pages under filters: the method of the table builders of statistical
// offices (the ABS's TableBuilder, the ONS's census tables), which let a reader ask any combination of filters.
// Suppression alone cannot hold there: a centre with 40 participants in each of 2008–2013 and 3 in 2014 shows 40 on
// each single-year page and 243 unfiltered, so 243 − 6 × 40 gives the hidden 3, and no pattern worked out per view
// can see every such sum of views. So every count a filtered view shows moves by −2…+2, decided by its people:
// - each cube row (one centre, year, sex and age band: the finest cell any view can ask for) has fixed 32-bit keys,
//   one for its people and one each for those employed, those who completed, and its cost's rounding;
// - a view's key is the sum of the keys of the rows it keeps, modulo 2³²: the same people are the same rows, so
//   whichever view, filter or level asks for them gets the same key, and asking again (or another way) gives the
//   same number, never a fresh draw;
// - the key, mixed, picks the change from a fixed table of 256, symmetric around 0.
// The statistical offices give each person a key and sum those; per row is the same wherever every view is a union
// of rows, and costs nothing to ship: per-person key sums in the cube were 1.5 MB more to download (2.1 MB against
// 0.58 MB, brotli), and in a static site a key in a file is no more secret than one from a hash in the code.
// Keys of 32 bits, not the 8 of the first version: keys add up, so with many overlapping views of the same cells a
// reader can search for keys that explain every shown figure; among 256 per cell the search pinned the counts (a
// reviewer's solver over all year subsets: 50 of 50), among 2³² it has nothing to prune with.
// A sum of several views then carries the noise of each: 243 − 6 × (40 ± 2) no longer tells 3 from 0 or 7.
// The cost per participant is rounded to 100 zł the same way, since an exact average would undo the noise.
// The <5 rule, differencing and the tree (selection-guard.ts) still run first, on the true counts.
import { FIGURES, GuardedUnits, HIDDEN, sameValues, sumUpTree, unitTree, type UnitTree } from './selection-guard';
import { DISCLOSURE_THRESHOLD } from './disclosure';

/** Keys run 0…KEYS − 1; a cell's key is its records' keys summed modulo KEYS. */
export const KEYS = 2 ** 32;

/** Entries of the change table; a cell's key, mixed, picks one. */
export const TABLE = 256;

/** The change per entry: 26 entries give −2, 51 give −1, 102 give 0, 51 give +1, 26 give +2 (variance 1.2). */
const CHANGE = Int8Array.from({ length: TABLE }, (_, i) => (i < 26 ? -2 : i < 77 ? -1 : i < 179 ? 0 : i < 230 ? 1 : 2));

/** The change of table entry `i` (0…255): for the tests, which count the table. */
export const changeAt = (i: number) => CHANGE[i];

/** murmur3's 32-bit finaliser: every bit of the key moves every bit of the result. */
function mix(key: number): number {
	let h = key >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** A key as the table reads it: any number, taken modulo KEYS. */
const norm = (key: number) => ((key % KEYS) + KEYS) % KEYS;

/** The most a shown count moves, for the page's note. */
export const MAX_CHANGE = 2;

/** Money under filters is shown in steps of this many złoty (see `roundCost`). */
export const COST_STEP = 100;

/**
 * The cost per participant a filtered view shows: the true average, rounded to COST_STEP zł, up or down as the
 * cell's key says (random rounding: unbiased over keys, and the same for the same people). To the grosz, the true
 * average gave the noise away: support costs are whole złoty, so avg × n is whole only for the true n, and the
 * averages of a view and its parts pin the ratio of their counts (a reviewer's attack recovered 867 of 878 hidden
 * cells of the demo cube exactly that way; rounded to 100 zł, 1).
 */
export function roundCost(average: number, cellKey: number): number {
	const up = ((mix(norm(cellKey)) >>> 16) + 0.5) / 65_536;
	return COST_STEP * Math.floor(average / COST_STEP + up);
}

/** The keys of a cube row: 0 its people, 1 those employed, 2 those who completed, 3 its cost's rounding. */
export type KeyOf = 0 | 1 | 2 | 3;
const SALT = [0x9e3779b9, 0x7f4a7c15, 0x85ebca77, 0xc2b2ae3d];

/**
 * A cube row by who it counts, not where it lies: its centre's TERC code and its stratum (year × sex × age band,
 * table `strata`), as one number under 2³². Keys hashed from a row's position changed for 104,952 of 120,651 rows
 * when the cube's rows were reordered (a reviewer's count), and a reader with pages of both builds would have had
 * two draws of the same cells; by identity, a reorder draws nothing new, nor does DuckDB's order of rows. Strata are
 * numbered over the set the cube holds (scripts/national/cube.ts), so data with another set of years renumbers them,
 * and draws anew: a change of data, not of order.
 */
export const cubeRowId = (teryt: number, stratum: number) => teryt * 256 + stratum;

/** A cube row's key of the given kind: its identity (`cubeRowId`), mixed twice with the kind's salt. */
export const rowKey = (row: number, kind: KeyOf) => mix(mix(row) ^ SALT[kind]);

/** The change of a cell with this key, −2…+2. */
export const changeOf = (cellKey: number) => CHANGE[mix(norm(cellKey)) & (TABLE - 1)];

/**
 * A count as a filtered view shows it. 0 stays 0 (nobody to protect, and "no one" is its own reason on screen);
 * 1–4 stay as they are, since the guard hides them; 5 or more move by the key's change, and never below 5, so a
 * shown count is never read as a small one that escaped the guard (5 − 2 becomes 5 + 2).
 */
export function perturbCount(value: number, cellKey: number): number {
	if (value < DISCLOSURE_THRESHOLD) return value;
	const change = changeOf(cellKey);
	return value + change >= DISCLOSURE_THRESHOLD ? value + change : value - change;
}

/** Cell keys per unit slot of the cube's tree (`unitTree`), four each: of its people, of those employed, of those
 * who completed, and for its cost. */
export interface CellKeys {
	tree: UnitTree;
	keys: Uint32Array;
}

/**
 * Each cube row's four keys (`rowKey`), row by row: they never change, so they are kept beside the cube's tree
 * (`unitTree`, which is made anew when the centre column was written to) and its strata, checked the same way.
 */
const rowKeysKept = new WeakMap<UnitTree, { stratum: Float64Array; keys: Uint32Array }>();
function rowKeys(tree: UnitTree, stratum: ArrayLike<number>): Uint32Array {
	const kept = rowKeysKept.get(tree);
	if (kept && sameValues(stratum, kept.stratum)) return kept.keys;
	const teryt = tree.built;
	const keys = new Uint32Array(4 * teryt.length);
	for (let i = 0; i < teryt.length; i++) {
		const id = cubeRowId(teryt[i], stratum[i]);
		for (let kind = 0; kind < 4; kind++) keys[4 * i + kind] = rowKey(id, kind as KeyOf);
	}
	rowKeysKept.set(tree, { stratum: Float64Array.from(stratum), keys });
	return keys;
}

/**
 * Each unit's cell keys for the selection: the keys of the cube rows every active filter keeps (`kept`, by
 * combination), summed up the tree. A row with no one employed (or no one who completed) adds nothing to that key:
 * the same employed people must give the same key whether or not a view also takes in rows where there are none.
 * The rows' keys and the tree are the cube's, built on the first filter change and kept; a change only sums.
 */
export function selectionKeys(
	rows: { teryt: ArrayLike<number>; stratum: ArrayLike<number>; combo: ArrayLike<number>; employed: ArrayLike<number>; completed: ArrayLike<number> },
	kept: Uint8Array
): CellKeys {
	const tree = unitTree(rows.teryt);
	const { count, centreOfRow } = tree;
	const keys = rowKeys(tree, rows.stratum);
	// Summed modulo 2³² as they go (a Uint32Array keeps the low 32 bits of what is stored): exact at any size, in any
	// order. A double holding the whole sums would lose its last bits past about 2²¹ rows (a reviewer's 6M-row cube).
	const sums = new Uint32Array(4 * count);
	for (let i = 0; i < centreOfRow.length; i++) {
		if (kept[rows.combo[i]] !== 1) continue;
		const at = 4 * centreOfRow[i];
		sums[at] += keys[4 * i];
		if (rows.employed[i] > 0) sums[at + 1] += keys[4 * i + 1];
		if (rows.completed[i] > 0) sums[at + 2] += keys[4 * i + 2];
		sums[at + 3] += keys[4 * i + 3];
	}
	sumUpTree(tree, sums, 4);
	return { tree, keys: sums };
}

/**
 * A rate's k as shown beside the shown n: moved by its own key, and kept where a shown rate must stand, so that
 * neither side reads as a group of 1–4 (the guard showed it because k and n − k are each 0 or 5 or more). k = 0 and
 * k = n stay so; otherwise k is held within 5…n − 5, which moves it by no more than the two changes did. Where the
 * shown n leaves no such room (a true n of 10 or 11 shown as 8 or 9), null: the rate is hidden.
 */
export function perturbRate(k: number, n: number, shownN: number, kKey: number): number | null {
	if (k === 0) return 0;
	if (k === n) return shownN;
	if (shownN < 2 * DISCLOSURE_THRESHOLD) return null;
	return Math.min(shownN - DISCLOSURE_THRESHOLD, Math.max(DISCLOSURE_THRESHOLD, perturbCount(k, kKey)));
}

/**
 * The guard's units with their counts perturbed, for a view that selects participants. Which figures are hidden
 * was decided on the true counts and stays (`perturbRate` may hide a rate more). A rate's k and n move apart, each
 * by its own key. The cost per participant is rounded (`roundCost`) by its own key. Units and keys must come from
 * the same cube's tree: a key read for another unit would move a count by someone else's people.
 */
export function perturbUnits(units: GuardedUnits, { tree, keys }: CellKeys): GuardedUnits {
	if (units.tree !== tree) throw new Error('perturbUnits: the units and the keys are of different cubes');
	const { figures: truth, hidden: hiddenBefore } = units;
	const figures = new Float64Array(truth.length);
	const hidden = Uint8Array.from(hiddenBefore);
	for (let u = 0; u < tree.count; u++) {
		const at = u * FIGURES;
		// Plain locals, not destructured arrays: two short-lived arrays per unit would be 5,700 a change before the
		// optimiser removes them, on exactly the first clicks this layout is for.
		const trueN = truth[at];
		const trueEmployed = truth[at + 1];
		const trueCompleted = truth[at + 2];
		const trueCost = truth[at + 3];
		const keyN = keys[4 * u];
		const keyEmployed = keys[4 * u + 1];
		const keyCompleted = keys[4 * u + 2];
		const keyCost = keys[4 * u + 3];
		const n = perturbCount(trueN, keyN);
		const employed = hidden[u] & HIDDEN.employed ? null : perturbRate(trueEmployed, trueN, n, keyEmployed);
		const completed = hidden[u] & HIDDEN.completed ? null : perturbRate(trueCompleted, trueN, n, keyCompleted);
		figures[at] = n;
		// A hidden rate's k is never shown (selectedFigures); moved like a shown one all the same.
		figures[at + 1] = employed ?? Math.min(n, perturbCount(trueEmployed, keyEmployed));
		figures[at + 2] = completed ?? Math.min(n, perturbCount(trueCompleted, keyCompleted));
		// Stored as the total the shown average and the shown n make, so every reader of cost / n gets `roundCost`'s.
		figures[at + 3] = trueN > 0 ? roundCost(trueCost / trueN, keyCost) * n : trueCost;
		if (employed === null) hidden[u] |= HIDDEN.employed;
		if (completed === null) hidden[u] |= HIDDEN.completed;
	}
	return new GuardedUnits(tree, figures, hidden);
}
