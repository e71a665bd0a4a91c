// Disclosure control along a tree of units (gmina centre → powiat → voivodeship → Poland). Every unit shows its n;
// a rate k/n is hidden where k or n − k is small. The k of a parent is the sum of its children's, so a hidden k must
// not follow from its siblings and parent, nor a hidden parent from its children: while any hidden k is determined
// by those sums (solved as one linear system), the smallest shown unit that breaks the determination is hidden too.
import { rateIsDisclosive } from './disclosure';
import { determinedCells } from './linked-tables';

export interface TreeCount {
	id: string;
	/** The unit whose count this one is a part of; null at the root. */
	parent: string | null;
	n: number;
	k: number;
	/** Published by the centre itself: public, so never hidden and never picked to hide. */
	fixed?: boolean;
}

interface Entry {
	cell: Readonly<Record<string, string>>;
	count: number;
	hidden: boolean;
	unit: TreeCount;
}

/** The ids whose k (and so whose rate) must be hidden. */
export function protectTree(units: TreeCount[]): Set<string> {
	const entries = new Map(units.map((u) => [u.id, { cell: { id: u.id }, count: u.k, hidden: !u.fixed && rateIsDisclosive(u.k, u.n), unit: u } as Entry]));
	const children = new Map<string, Entry[]>();
	for (const u of units) if (u.parent !== null) children.set(u.parent, [...(children.get(u.parent) ?? []), entries.get(u.id)!]);
	const lines = [...children].map(([parent, parts]) => ({ parts, total: entries.get(parent)! }));
	for (const line of lines) if (!line.total) throw new Error('protectTree: a parent is missing from the units');
	const equations = lines.map((l) => [l.parts, [l.total]]);
	const determined = () => determinedCells(equations) as Entry[];

	let left = determined();
	while (left.length) {
		// The hidden units tied to the first determined one through shared lines; a shown unit on any of their lines
		// may break the chain (a city powiat's only centre is freed by hiding a sibling powiat, one level up).
		const linesOf = (e: Entry) => lines.filter((l) => l.total === e || l.parts.includes(e));
		const tied = new Set<Entry>([left[0]]);
		for (const e of tied) for (const l of linesOf(e)) for (const m of [...l.parts, l.total]) if (m.hidden) tied.add(m);
		const around = [...tied].flatMap(linesOf).flatMap((l) => [...l.parts, l.total]);
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
