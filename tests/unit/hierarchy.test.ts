// Disclosure control along Poland's tree of units. The attacker here knows every shown k and every n, and solves
// each "children add up to the parent" line that has one unknown left, again and again: whatever it can recover
// must not be a hidden k. fast-check builds the trees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedInTree, protectTree, type Entry, type TreeCount } from '../../src/lib/stats/hierarchy';
import { determinedCells } from '../../src/lib/stats/linked-tables';
import { rateIsDisclosive } from '../../src/lib/stats/disclosure';

/** What a hostile reader recovers by subtracting shown parts from shown totals, repeated to a fixpoint. */
function recovered(units: TreeCount[], hidden: Set<string>): Set<string> {
	const known = new Map(units.filter((u) => !hidden.has(u.id)).map((u) => [u.id, u.k]));
	const lines = units.filter((u) => units.some((c) => c.parent === u.id)).map((u) => ({ total: u.id, parts: units.filter((c) => c.parent === u.id).map((c) => c.id) }));
	let progress = true;
	while (progress) {
		progress = false;
		for (const { total, parts } of lines) {
			const unknown = [total, ...parts].filter((id) => !known.has(id));
			if (unknown.length !== 1) continue;
			const [id] = unknown;
			const partsSum = parts.filter((p) => p !== id).reduce((s, p) => s + known.get(p)!, 0);
			known.set(id, id === total ? partsSum : known.get(total)! - partsSum);
			progress = true;
		}
	}
	return new Set([...hidden].filter((id) => known.has(id)));
}

/** A tree: root, voivodeships, powiats, centres; totals add up. */
function tree(centres: { woj: number; pow: number; n: number; k: number }[]): TreeCount[] {
	const units: TreeCount[] = centres.map((c, i) => ({ id: `c${i}`, parent: `p${c.woj}-${c.pow}`, n: c.n, k: c.k }));
	const add = (id: string, parent: string | null, parts: TreeCount[]) => units.push({ id, parent, n: parts.reduce((s, p) => s + p.n, 0), k: parts.reduce((s, p) => s + p.k, 0) });
	const powiats = [...new Set(centres.map((c) => `p${c.woj}-${c.pow}`))];
	for (const p of powiats) add(p, `w${p.slice(1).split('-')[0]}`, units.filter((u) => u.parent === p));
	const wojs = [...new Set(centres.map((c) => `w${c.woj}`))];
	for (const w of wojs) add(w, 'PL', units.filter((u) => u.parent === w));
	add('PL', null, units.filter((u) => u.parent === 'PL'));
	return units;
}

describe('protectTree', () => {
	it('hides a lone small centre together with its smallest sibling, and nothing else', () => {
		const units = tree([
			{ woj: 1, pow: 1, n: 10, k: 2 },
			{ woj: 1, pow: 1, n: 50, k: 20 },
			{ woj: 1, pow: 1, n: 30, k: 10 },
			{ woj: 1, pow: 2, n: 40, k: 10 },
			{ woj: 2, pow: 1, n: 50, k: 25 }
		]);
		expect([...protectTree(units)].sort()).toEqual(['c0', 'c2']);
	});

	it('hides a city powiat with its only centre, and then a second powiat beside it', () => {
		const units = tree([
			{ woj: 1, pow: 1, n: 12, k: 3 },
			{ woj: 1, pow: 2, n: 60, k: 20 },
			{ woj: 1, pow: 2, n: 70, k: 30 },
			{ woj: 1, pow: 3, n: 80, k: 30 }
		]);
		const hidden = protectTree(units);
		expect(hidden.has('c0')).toBe(true);
		expect(hidden.has('p1-1')).toBe(true);
		expect(recovered(units, hidden)).toEqual(new Set());
	});

	it('never hides a published figure, and protects around it', () => {
		const units = tree([
			{ woj: 1, pow: 1, n: 10, k: 2 },
			{ woj: 1, pow: 1, n: 8, k: 3 },
			{ woj: 1, pow: 1, n: 90, k: 40 }
		]).map((u) => (u.id === 'c1' ? { ...u, fixed: true } : u));
		const hidden = protectTree(units);
		expect(hidden.has('c1')).toBe(false);
		expect(hidden.has('c0')).toBe(true);
		expect(recovered(units, hidden)).toEqual(new Set());
	});

	it('leaves nothing recoverable by subtraction, for any tree (property)', () => {
		const centre = fc.record({ woj: fc.integer({ min: 1, max: 3 }), pow: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 5, max: 60 }), share: fc.double({ min: 0, max: 1, noNaN: true }) });
		fc.assert(
			fc.property(fc.array(centre, { minLength: 1, maxLength: 30 }), fc.boolean(), (raw, parentsFirst) => {
				// In either order: the national guard lists a centre before its powiat, the build may list them the other way.
				const built = tree(raw.map((c) => ({ woj: c.woj, pow: c.pow, n: c.n, k: Math.round(c.share * c.n) })));
				const units = parentsFirst ? built.reverse() : built;
				const hidden = protectTree(units);
				for (const u of units) if (rateIsDisclosive(u.k, u.n)) expect(hidden.has(u.id)).toBe(true);
				expect(recovered(units, hidden)).toEqual(new Set());
			}),
			{ numRuns: 300, seed: 7112013 }
		);
	});
});

/**
 * Every group of people an attacker can count in one view: a set of hidden units, none inside another, whose sum
 * follows from the shown units and the lines "parts = total" (its indicator lies in their span, by exact
 * elimination). Returns those of 1 to 4 people in k or in n − k. Independent of the guard's own reasoning.
 */
function smallGroupsBySpan(units: TreeCount[], hidden: Set<string>): string[] {
	const index = new Map(units.map((u, i) => [u.id, i]));
	const size = units.length;
	const basis: number[][] = [];
	const pivots: number[] = [];
	const reduce = (v: number[]) => {
		basis.forEach((b, r) => {
			const f = v[pivots[r]];
			if (f !== 0) for (let j = 0; j < size; j++) v[j] -= f * b[j];
		});
		return v;
	};
	const add = (v: number[]) => {
		reduce(v);
		const p = v.findIndex((x) => Math.abs(x) > 1e-9);
		if (p < 0) return;
		const f = v[p];
		for (let j = 0; j < size; j++) v[j] /= f;
		basis.forEach((b) => {
			const g = b[p];
			if (g !== 0) for (let j = 0; j < size; j++) b[j] -= g * v[j];
		});
		basis.push(v);
		pivots.push(p);
	};
	const unitVector = (ids: string[]) => {
		const v = new Array<number>(size).fill(0);
		for (const id of ids) v[index.get(id)!] += 1;
		return v;
	};
	for (const u of units) if (!hidden.has(u.id)) add(unitVector([u.id]));
	for (const t of units) {
		const parts = units.filter((c) => c.parent === t.id);
		if (!parts.length) continue;
		const v = unitVector(parts.map((c) => c.id));
		v[index.get(t.id)!] -= 1;
		add(v);
	}
	const ancestors = (id: string) => {
		const out = new Set<string>();
		for (let p = units[index.get(id)!].parent; p !== null; p = units[index.get(p)!].parent) out.add(p);
		return out;
	};
	const list = [...hidden];
	// Every subset is tried: kept to trees small enough for that.
	expect(list.length).toBeLessThan(24);
	const found: string[] = [];
	for (let mask = 1; mask < 1 << list.length; mask++) {
		const group = list.filter((_, i) => mask & (1 << i));
		if (group.some((id) => group.some((other) => ancestors(id).has(other)))) continue;
		if (reduce(unitVector(group)).some((x) => Math.abs(x) > 1e-9)) continue;
		const k = group.reduce((sum, id) => sum + units[index.get(id)!].k, 0);
		const rest = group.reduce((sum, id) => sum + units[index.get(id)!].n - units[index.get(id)!].k, 0);
		// Counts are never negative: a group of 0 gives each of its hidden units as 0, which is no cover either.
		if (k <= 4) found.push(`{${group.join(', ')}}: k = ${k}`);
		if (rest <= 4) found.push(`{${group.join(', ')}}: n − k = ${rest}`);
	}
	return found;
}

describe('groups read off a protected tree', () => {
	// Some centres hidden by another rule (a neighbouring view), whatever their size: 0s among them.
	const centre = fc.record({ woj: fc.integer({ min: 1, max: 2 }), pow: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 0, max: 40 }), share: fc.double({ min: 0, max: 1, noNaN: true }), hide: fc.integer({ min: 0, max: 4 }).map((i) => i === 0) });
	const built = (raw: { woj: number; pow: number; n: number; share: number; hide?: boolean }[]) =>
		tree(raw.map((c) => ({ woj: c.woj, pow: c.pow, n: c.n, k: Math.round(c.share * c.n) }))).map((u) => (raw[Number(u.id.slice(1))]?.hide && u.id.startsWith('c') ? { ...u, hide: true } : u));

	it('no set of hidden units whose sum follows from the shown ones is a group of 0 to 4, in k or in n − k (property)', () => {
		let checked = 0;
		fc.assert(
			fc.property(fc.array(centre, { minLength: 1, maxLength: 9 }), (raw) => {
				const units = built(raw);
				const hidden = protectTree(units);
				checked += hidden.size;
				expect(smallGroupsBySpan(units, hidden)).toEqual([]);
			}),
			{ numRuns: 400, seed: 26112026 }
		);
		expect(checked).toBeGreaterThan(400);
	});

	it('the span attacker finds the 3 that a hidden 0 was meant to cover, so it can fail', () => {
		// Powiat p1-1: c0 with k 3 of 3 (hidden), c1 with none, c2 with 20 of 40. Hiding c0 and c1 alone leaves
		// p1-1 − c2 = c0 + c1, a group of 3.
		const units = tree([
			{ woj: 1, pow: 1, n: 3, k: 3 },
			{ woj: 1, pow: 1, n: 0, k: 0 },
			{ woj: 1, pow: 1, n: 40, k: 20 },
			{ woj: 1, pow: 2, n: 50, k: 25 }
		]);
		expect(smallGroupsBySpan(units, new Set(['c0', 'c1']))).toContain('{c0, c1}: k = 3');
		expect(smallGroupsBySpan(units, protectTree(units))).toEqual([]);
	});

	it('a group across two lines: a hidden centre with its hidden sibling powiat, read through both lines', () => {
		// The per-line check alone passed this tree; the span attacker found {c0, p1-1} = 1 in n − k.
		const units = built([
			{ woj: 1, pow: 3, n: 0, share: 0 },
			{ woj: 1, pow: 1, n: 1, share: 0 },
			{ woj: 1, pow: 3, n: 5, share: 0 },
			{ woj: 1, pow: 1, n: 0, share: 0 }
		]);
		expect(smallGroupsBySpan(units, protectTree(units))).toEqual([]);
	});

	it('a hidden 0 is no cover: two rates hidden with k = 0 each, beside a shown powiat, give both away', () => {
		// a is hidden by another rule (a neighbouring view); b, with k = 0 too, would add nothing: k(a) + k(b) = 0.
		const units = tree([
			{ woj: 1, pow: 1, n: 6, k: 0 },
			{ woj: 1, pow: 1, n: 5, k: 0 },
			{ woj: 1, pow: 1, n: 40, k: 20 },
			{ woj: 1, pow: 2, n: 50, k: 25 }
		]).map((u) => (u.id === 'c0' ? { ...u, hide: true } : u));
		expect(smallGroupsBySpan(units, new Set(['c0', 'c1']))).toContain('{c0, c1}: k = 0');
		const hidden = protectTree(units);
		expect(hidden.has('c0')).toBe(true);
		expect(smallGroupsBySpan(units, hidden)).toEqual([]);
	});
});

describe('determinedInTree', () => {
	it('finds exactly the hidden units Gauss–Jordan finds, on any tree and any hiding (property)', () => {
		const centre = fc.record({ woj: fc.integer({ min: 1, max: 3 }), pow: fc.integer({ min: 1, max: 4 }) });
		fc.assert(
			fc.property(fc.array(centre, { minLength: 1, maxLength: 25 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (raw, hide) => {
				const units = tree(raw.map((c) => ({ ...c, n: 10, k: 5 })));
				const entries = new Map(units.map((u, i) => [u.id, { cell: { id: u.id }, count: u.k, hidden: hide[i % hide.length], unit: u } as Entry]));
				const lines = units
					.filter((u) => units.some((c) => c.parent === u.id))
					.map((u) => ({ total: entries.get(u.id)!, parts: units.filter((c) => c.parent === u.id).map((c) => entries.get(c.id)!) }));
				const ids = (found: { cell: Record<string, string> }[]) => found.map((e) => e.cell.id).sort();
				expect(ids(determinedInTree(lines))).toEqual(ids(determinedCells(lines.map((l) => [l.parts, [l.total]]))));
			}),
			{ numRuns: 500, seed: 20261125 }
		);
	});

	it('solves a chain: a hidden powiat from its voivodeship, then its hidden centre from the powiat', () => {
		const units = tree([
			{ woj: 1, pow: 1, n: 10, k: 5 },
			{ woj: 1, pow: 1, n: 10, k: 5 },
			{ woj: 1, pow: 2, n: 10, k: 5 }
		]);
		const entries = new Map(units.map((u) => [u.id, { cell: { id: u.id }, count: u.k, hidden: u.id === 'p1-1' || u.id === 'c0', unit: u } as Entry]));
		const lines = units.filter((u) => units.some((c) => c.parent === u.id)).map((u) => ({ total: entries.get(u.id)!, parts: units.filter((c) => c.parent === u.id).map((c) => entries.get(c.id)!) }));
		expect(determinedInTree(lines).map((e) => e.cell.id).sort()).toEqual(['c0', 'p1-1']);
	});
});
