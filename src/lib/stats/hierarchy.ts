// Disclosure control along a tree of units (gmina centre → powiat → voivodeship → Poland). Every unit shows its n;
// a rate k/n is hidden where k or n − k is small. The k of a parent is the sum of its children's, so a hidden k must
// not follow from its siblings and parent, nor a hidden parent from its children: while any hidden k is determined
// by those sums (solved as one linear system), the smallest shown unit that breaks the determination is hidden too.
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

/** The ids whose k (and so whose rate) must be hidden. */
export function protectTree(units: TreeCount[]): Set<string> {
	const entries = new Map(units.map((u) => [u.id, { cell: { id: u.id }, count: u.k, hidden: !u.fixed && (u.hide === true || rateIsDisclosive(u.k, u.n)), unit: u } as Entry]));
	const children = new Map<string, Entry[]>();
	for (const u of units) {
		if (u.parent === null) continue;
		const parts = children.get(u.parent);
		if (parts) parts.push(entries.get(u.id)!);
		else children.set(u.parent, [entries.get(u.id)!]);
	}
	const lines = [...children].map(([parent, parts]) => ({ parts, total: entries.get(parent)! }));
	for (const line of lines) if (!line.total) throw new Error('protectTree: a parent is missing from the units');
	const tree = treeSolver(lines);
	const determined = tree.determined;

	let left = determined();
	while (left.length) {
		// The hidden units tied to the first determined one through shared lines; a shown unit on any of their lines
		// may break the chain (a city powiat's only centre is freed by hiding a sibling powiat, one level up).
		const linesOf = (e: Entry) => tree.linesOf.get(e) ?? [];
		const tied = new Set<Entry>([left[0]]);
		for (const e of tied) for (const l of linesOf(e)) for (const m of tree.members[l]) if (m.hidden) tied.add(m);
		const around = [...tied].flatMap(linesOf).flatMap((l) => tree.members[l]);
		const candidates = [...new Set(around)]
			.filter((e) => !e.hidden && !e.unit.fixed)
			.sort((a, b) => a.unit.n - b.unit.n || (a.unit.id < b.unit.id ? -1 : 1));
		let best: { entry: Entry; left: number } | null = null;
		for (const entry of candidates) {
			entry.hidden = true;
			const after = determined().length;
			entry.hidden = false;
			if (!best || after < best.left) best = { entry, left: after };
			if (after < left.length) break;
		}
		// Every unit around it is published or hidden already: nothing more can be done, and that is a data error.
		if (!best) throw new Error(`protectTree: ${left[0].unit.id} cannot be protected`);
		best.entry.hidden = true;
		left = determined();
	}
	return new Set([...entries.values()].filter((e) => e.hidden).map((e) => e.unit.id));
}

/**
 * The hidden entries that follow from the lines "parts = total" of a tree. Each entry stands in at most two lines
 * (as a part of its parent's, as the total of its own), so a line with one unknown left solves it, and solving
 * repeats until no line has exactly one. That is exact for a tree: where it stops, every line with unknowns has two
 * or more, and each unknown lies on a path between two free ends, along which it can change without any line
 * changing, so it is undetermined. Linear in the tree's size, where Gauss–Jordan (linked-tables.ts) was cubic:
 * this runs on every filter change of a national page.
 */
export function determinedInTree(lines: { parts: Entry[]; total: Entry }[]): Entry[] {
	return treeSolver(lines).determined();
}

/** The tree's lines as arrays, once: protectTree asks for the determined entries after every trial hiding. */
function treeSolver(lines: { parts: Entry[]; total: Entry }[]) {
	const members = lines.map((line) => [...line.parts, line.total]);
	const linesOf = new Map<Entry, number[]>();
	members.forEach((line, i) => {
		for (const e of line) {
			const of = linesOf.get(e);
			if (of) of.push(i);
			else linesOf.set(e, [i]);
		}
	});
	const unknown = new Int32Array(lines.length);
	function determined(): Entry[] {
		const queue: number[] = [];
		for (let i = 0; i < members.length; i++) {
			let count = 0;
			for (const e of members[i]) if (e.hidden) count += 1;
			unknown[i] = count;
			if (count === 1) queue.push(i);
		}
		const solved = new Set<Entry>();
		while (queue.length) {
			const i = queue.pop()!;
			if (unknown[i] !== 1) continue;
			const entry = members[i].find((e) => e.hidden && !solved.has(e))!;
			solved.add(entry);
			for (const j of linesOf.get(entry)!) {
				unknown[j] -= 1;
				if (unknown[j] === 1) queue.push(j);
			}
		}
		return [...solved];
	}
	return { members, linesOf, determined };
}
