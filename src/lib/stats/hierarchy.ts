// Disclosure control along a tree of units (gmina centre → powiat → voivodeship → Poland). Every unit shows its n;
// a rate k/n is hidden where k or n − k is small. The k of a parent is the sum of its children's, so a hidden k must
// not follow from its siblings and parent, nor a hidden parent from its children: while any hidden k is determined
// by those sums (solved as one linear system), the smallest shown unit that breaks the determination is hidden too.
// Nor may any group the lines let one count be small: a line's hidden parts together (its shown total less its
// shown parts), where each hidden part may also be read as its own hidden parts (subtracting its shown ones), down
// the tree. Small is 1 to 4, and 0 too: counts are never negative, so a group of 0 tells that each hidden unit in
// it is 0 (a hidden 0 "covered" by a hidden 0 is read all the same). Group sizes are tracked as sets of 0–4 and
// "5 or more", so every such group is checked without listing them; a test checks the same against an attacker
// who solves the lines as one linear system. Where a group is small one more part is hidden, never one of size 0.
// The work is done over index arrays (`TreeShape`), built once per tree: a national filter change protects three
// counts over the same 2,900 units, and string-keyed maps and objects cost most of its time (12–17 ms measured).
import { rateIsDisclosive } from './disclosure';

export interface TreeCount {
	id: string;
	/** The unit whose count this one is a part of; null at the root. */
	parent: string | null;
	n: number;
	k: number;
	/** Published by the centre itself: public, so never hidden and never picked to hide. */
	fixed?: boolean;
	/** Hidden whatever its counts, by another rule (a neighbouring view would give it away). */
	hide?: boolean;
}

export interface Entry {
	cell: Readonly<Record<string, string>>;
	count: number;
	hidden: boolean;
	unit: TreeCount;
}

/**
 * The lines "parts = total" of a set of units, as index arrays. Line l's members are
 * `lineMembers[lineStart[l]] … lineMembers[lineStart[l + 1] − 1]`: its parts in the units' order, then its total.
 * A unit stands in at most two lines (a part of its parent's, the total of its own): `unitLines[2u]` and
 * `unitLines[2u + 1]`, in ascending order, −1 where there is none.
 */
export interface TreeShape {
	units: number;
	lineStart: Int32Array;
	lineMembers: Int32Array;
	unitLines: Int32Array;
}

/** The shape of a tree given by each unit's parent index (−1 at the root). Lines come in the order of their first part. */
export function treeShape(parent: ArrayLike<number>): TreeShape {
	const units = parent.length;
	const lineOfTotal = new Int32Array(units).fill(-1);
	const totals: number[] = [];
	const parts: number[] = [];
	for (let u = 0; u < units; u++) {
		const p = parent[u];
		if (p < 0) continue;
		if (lineOfTotal[p] < 0) {
			lineOfTotal[p] = totals.length;
			totals.push(p);
			parts.push(0);
		}
		parts[lineOfTotal[p]] += 1;
	}
	const lines = totals.length;
	const lineStart = new Int32Array(lines + 1);
	for (let l = 0; l < lines; l++) lineStart[l + 1] = lineStart[l] + parts[l] + 1;
	const lineMembers = new Int32Array(lineStart[lines]);
	const next = lineStart.slice(0, lines);
	const unitLines = new Int32Array(units * 2).fill(-1);
	for (let u = 0; u < units; u++) {
		if (parent[u] < 0) continue;
		const l = lineOfTotal[parent[u]];
		lineMembers[next[l]++] = u;
		unitLines[2 * u] = l;
	}
	for (let l = 0; l < lines; l++) {
		const total = totals[l];
		lineMembers[next[l]] = total;
		// Its own line after its parent's, unless its parent's line came later (a parent listed after its children).
		const other = unitLines[2 * total];
		if (other > l) (unitLines[2 * total] = l), (unitLines[2 * total + 1] = other);
		else if (other < 0) unitLines[2 * total] = l;
		else unitLines[2 * total + 1] = l;
	}
	return { units, lineStart, lineMembers, unitLines };
}

/** The shape of arbitrary lines of entries, each entry in at most two of them (for `determinedInTree`). */
function linesShape(lines: { parts: Entry[]; total: Entry }[]): { shape: TreeShape; entries: Entry[] } {
	const index = new Map<Entry, number>();
	const entries: Entry[] = [];
	const lineStart = new Int32Array(lines.length + 1);
	const members: number[] = [];
	lines.forEach((line, l) => {
		for (const e of [...line.parts, line.total]) {
			let i = index.get(e);
			if (i === undefined) index.set(e, (i = entries.push(e) - 1));
			members.push(i);
		}
		lineStart[l + 1] = members.length;
	});
	const unitLines = new Int32Array(entries.length * 2).fill(-1);
	for (let l = 0; l < lines.length; l++)
		for (let m = lineStart[l]; m < lineStart[l + 1]; m++) {
			const u = members[m];
			// The solver counts on what a tree gives: each entry in at most two lines, once in each.
			if (unitLines[2 * u] === l || unitLines[2 * u + 1] === l) throw new Error('determinedInTree: an entry stands twice in one line');
			if (unitLines[2 * u] < 0) unitLines[2 * u] = l;
			else if (unitLines[2 * u + 1] < 0) unitLines[2 * u + 1] = l;
			else throw new Error('determinedInTree: an entry stands in more than two lines');
		}
	return { shape: { units: entries.length, lineStart, lineMembers: Int32Array.from(members), unitLines }, entries };
}

/**
 * The hidden units that follow from the lines. A line with one unknown left solves it, and solving repeats until no
 * line has exactly one. That is exact for a tree: where it stops, every line with unknowns has two or more, and each
 * unknown lies on a path between two free ends, along which it can change without any line changing, so it is
 * undetermined. Linear in the tree's size, where Gauss–Jordan (linked-tables.ts) was cubic.
 * The solver owns `hidden` from here on: `hide(u, value)` changes it, `determined()` returns how many hidden units are
 * determined, and `order` holds them, in the order they were solved. Each line's count of hidden members is kept
 * between calls, updated by `hide`: protectShape asks again after every unit it hides or tries, hundreds of times a
 * filter change, and counting every line's members anew each time was most of the solver's time.
 */
function treeSolver(shape: TreeShape, hidden: Uint8Array) {
	const { units, lineStart, lineMembers, unitLines } = shape;
	const lines = lineStart.length - 1;
	const hiddenIn = new Int32Array(lines);
	const unknown = new Int32Array(lines);
	const queue = new Int32Array(lines + 2 * units);
	const solved = new Uint8Array(units);
	const order = new Int32Array(units);
	for (let l = 0; l < lines; l++) for (let m = lineStart[l]; m < lineStart[l + 1]; m++) hiddenIn[l] += hidden[lineMembers[m]];
	/** Hides (1) or shows (0) unit u, keeping the lines' counts. */
	function hide(u: number, value: 0 | 1) {
		if (hidden[u] === value) return;
		hidden[u] = value;
		for (let s = 2 * u; s < 2 * u + 2; s++) if (unitLines[s] >= 0) hiddenIn[unitLines[s]] += value ? 1 : -1;
	}
	/** How many hidden units follow from the lines. */
	function determined(): number {
		let queued = 0;
		unknown.set(hiddenIn);
		for (let l = 0; l < lines; l++) if (unknown[l] === 1) queue[queued++] = l;
		solved.fill(0);
		let found = 0;
		while (queued > 0) {
			const l = queue[--queued];
			if (unknown[l] !== 1) continue;
			let entry = -1;
			for (let m = lineStart[l]; m < lineStart[l + 1]; m++) {
				const u = lineMembers[m];
				if (hidden[u] && !solved[u]) {
					entry = u;
					break;
				}
			}
			solved[entry] = 1;
			order[found++] = entry;
			for (let s = 2 * entry; s < 2 * entry + 2; s++) {
				const j = unitLines[s];
				if (j < 0) continue;
				unknown[j] -= 1;
				if (unknown[j] === 1) queue[queued++] = j;
			}
		}
		return found;
	}
	return { hide, determined, order };
}

/** The hidden entries that follow from the lines "parts = total" of a tree. */
export function determinedInTree(lines: { parts: Entry[]; total: Entry }[]): Entry[] {
	const { shape, entries } = linesShape(lines);
	const solver = treeSolver(shape, Uint8Array.from(entries, (e) => Number(e.hidden)));
	const found = solver.determined();
	return Array.from(solver.order.subarray(0, found), (u) => entries[u]);
}

export interface ShapeUnits {
	/** Each unit's size: the smallest shown unit is hidden first. */
	n: ArrayLike<number>;
	/**
	 * The counts a line's hidden parts must not add up to a small group in (k and n − k for a rate, n for a size):
	 * where a line's total is shown, its hidden parts together are that total less its shown parts. Without it, the
	 * first count of `n` alone.
	 */
	values?: ArrayLike<number>[];
	/** Whether unit a's id sorts before b's, for a tie in size. */
	before: (a: number, b: number) => boolean;
	/** The unit's id, for an error. */
	name: (u: number) => string;
	/** Published by the centre itself: never picked to hide. */
	fixed?: Uint8Array;
}

/**
 * Protects one count over a tree: `hidden` (1 = hidden by the rules so far) gains the units hidden so that no hidden
 * one follows from the others. Returns `hidden`.
 */
export function protectShape(shape: TreeShape, hidden: Uint8Array, { n, before, name, fixed, values = [n] }: ShapeUnits): Uint8Array {
	const { lineStart, lineMembers, unitLines } = shape;
	// From here `hidden` changes only through the solver's `hide`, which keeps its counts.
	const { hide, determined, order } = treeSolver(shape, hidden);
	const seen = new Uint8Array(shape.units);
	const bySize = (a: number, b: number) => n[a] - n[b] || (before(a, b) ? -1 : 1);
	const lines = lineStart.length - 1;
	const ownLine = new Int32Array(shape.units).fill(-1);
	for (let l = 0; l < lines; l++) ownLine[lineMembers[lineStart[l + 1] - 1]] = l;
	// A group's size as a bit of a 6-bit set: 0 to 4 each, 5 for "5 or more" (as good as any larger).
	const bit = (v: number) => 1 << Math.min(5, Math.round(Math.abs(v)));
	const plus = (a: number, b: number) => {
		let out = 0;
		for (let i = 0; i < 6; i++) if (a & (1 << i)) for (let j = 0; j < 6; j++) if (b & (1 << j)) out |= 1 << Math.min(5, i + j);
		return out;
	};
	// 1 to 4 is a small group; 0 too, for a group of hidden units: counts are never negative, so each of them is 0,
	// a value known (a hidden 0 beside a hidden 0 under a shown 0 is no cover, nor k = 0 beside k = 0).
	const SMALL = 0b011111;
	// The sizes a hidden unit can stand for in a group an attacker reads: itself, or (subtracting its shown parts
	// from it) its hidden parts, each again itself or its own parts. Kept per count until `hidden` changes.
	const reach = values.map(() => new Int32Array(shape.units));
	const reachOf = (i: number, u: number): number => {
		if (reach[i][u]) return reach[i][u];
		let out = bit(values[i][u]);
		const l = ownLine[u];
		if (l >= 0) {
			let parts = 1;
			for (let m = lineStart[l]; m < lineStart[l + 1] - 1; m++) if (hidden[lineMembers[m]]) parts = plus(parts, reachOf(i, lineMembers[m]));
			out |= parts;
		}
		return (reach[i][u] = out);
	};
	const changed = () => reach.forEach((r) => r.fill(0));
	/** Per count, the sizes of the groups line l's hidden parts can make, where its total is shown and it has hidden
	 * parts (else null). An expansion with no hidden part left stands for an empty group: the unit is recoverable. */
	const groups = (l: number): number[] | null => {
		if (hidden[lineMembers[lineStart[l + 1] - 1]]) return null;
		let any = false;
		for (let m = lineStart[l]; m < lineStart[l + 1] - 1 && !any; m++) any = hidden[lineMembers[m]] === 1;
		if (!any) return null;
		return values.map((_, i) => {
			let sizes = 1;
			for (let m = lineStart[l]; m < lineStart[l + 1] - 1; m++) if (hidden[lineMembers[m]]) sizes = plus(sizes, reachOf(i, lineMembers[m]));
			return sizes;
		});
	};
	/** The first line from `from` on whose hidden parts make a group of 0 to 4 in some count, or −1. */
	const smallLine = (from: number): number => {
		for (let l = from; l < lines; l++) if (groups(l)?.some((sizes) => sizes & SMALL)) return l;
		return -1;
	};
	let left = determined();
	// Lines are checked in order, from where the last one was mended; a full pass with none found ends it.
	let from = 0;
	for (;;) {
		let line = -1;
		if (left === 0) {
			line = smallLine(from);
			if (line < 0 && from > 0) line = smallLine((from = 0));
			if (line < 0) break;
			from = line;
		}
		if (line >= 0) {
			// One more shown part joins the hidden ones: the smallest that lifts every sum out of the small range, else
			// the largest there is (the loop comes back to this line); none shown, then the line's total goes.
			const sizes = groups(line)!;
			const parts: number[] = [];
			for (let m = lineStart[line]; m < lineStart[line + 1] - 1; m++) {
				const u = lineMembers[m];
				if (!hidden[u] && !fixed?.[u] && n[u] > 0) parts.push(u);
			}
			parts.sort(bySize);
			const total = lineMembers[lineStart[line + 1] - 1];
			const lifts = (u: number) => sizes.every((set, i) => !(plus(set, reachOf(i, u)) & SMALL));
			const pick = parts.find(lifts) ?? parts.at(-1) ?? (fixed?.[total] ? -1 : total);
			if (pick < 0) throw new Error(`protectTree: the hidden parts of ${name(total)} add up to a small group`);
			hide(pick, 1);
			changed();
			left = determined();
			// A hidden total changes its parent's line, which may come earlier.
			if (pick === total) from = 0;
			continue;
		}
		// The hidden units tied to the first determined one through shared lines; a shown unit on any of their lines
		// may break the chain (a city powiat's only centre is freed by hiding a sibling powiat, one level up).
		seen.fill(0);
		const tied = [order[0]];
		seen[order[0]] = 1;
		for (let t = 0; t < tied.length; t++)
			for (let s = 2 * tied[t]; s < 2 * tied[t] + 2; s++) {
				const l = unitLines[s];
				if (l < 0) continue;
				for (let m = lineStart[l]; m < lineStart[l + 1]; m++) {
					const u = lineMembers[m];
					if (hidden[u] && !seen[u]) (seen[u] = 1), tied.push(u);
				}
			}
		const candidates: number[] = [];
		for (const e of tied)
			for (let s = 2 * e; s < 2 * e + 2; s++) {
				const l = unitLines[s];
				if (l < 0) continue;
				for (let m = lineStart[l]; m < lineStart[l + 1]; m++) {
					const u = lineMembers[m];
					if (!seen[u] && !hidden[u] && !fixed?.[u]) (seen[u] = 1), candidates.push(u);
				}
			}
		// Units of 0 last: a 0 in this view is often a 0 in a wider one too, which shows it, and then covers nothing.
		candidates.sort((a, b) => Number(n[a] === 0) - Number(n[b] === 0) || bySize(a, b));
		let best = -1;
		let bestLeft = Infinity;
		for (const u of candidates) {
			hide(u, 1);
			const after = determined();
			hide(u, 0);
			if (after < bestLeft) (best = u), (bestLeft = after);
			if (after < left) break;
		}
		// Every unit around it is published or hidden already: nothing more can be done, and that is a data error.
		if (best < 0) throw new Error(`protectTree: ${name(order[0])} cannot be protected`);
		hide(best, 1);
		changed();
		left = determined();
		// A newly hidden part may make any line's hidden parts small: check them all again.
		from = 0;
	}
	return hidden;
}

/** The ids whose k (and so whose rate) must be hidden; `count`: k is the count n itself, protected alone. */
export function protectTree(units: TreeCount[], { count = false }: { count?: boolean } = {}): Set<string> {
	const index = new Map(units.map((u, i) => [u.id, i]));
	const parent = Int32Array.from(units, (u) => {
		if (u.parent === null) return -1;
		const p = index.get(u.parent);
		if (p === undefined) throw new Error('protectTree: a parent is missing from the units');
		return p;
	});
	const fixed = Uint8Array.from(units, (u) => Number(u.fixed === true));
	const hidden = Uint8Array.from(units, (u) => Number(!u.fixed && (u.hide === true || rateIsDisclosive(u.k, u.n))));
	// A count protected as the "rate" n of n has no other side: its n − k is 0 by construction, not a group of 0.
	const values = count ? [units.map((u) => u.k)] : [units.map((u) => u.k), units.map((u) => u.n - u.k)];
	protectShape(treeShape(parent), hidden, { n: units.map((u) => u.n), values, before: (a, b) => units[a].id < units[b].id, name: (u) => units[u].id, fixed });
	return new Set(units.filter((_, i) => hidden[i]).map((u) => u.id));
}
