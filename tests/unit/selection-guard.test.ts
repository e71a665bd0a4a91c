// The national pages under filters, attacked. The attacker sees a filtered view and every view one subtraction
// away (a filter removed, one value removed), each protected by its own guard, and subtracts: a unit shown in two
// of them must never differ by a small group, and within a view no hidden figure may follow from the tree's sums.
// The query itself is checked against a hand-written loop over the real national cube.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createNodeDatabase, openNodeEngine } from '../../src/lib/db/node';
import { createDatabase } from '../../src/lib/db/database';
import type { NationalManifest } from '../../src/lib/db/national';
import { NATIONAL_DIMENSIONS, keptStrata, decodeComparedCentres, guardSelection, decodeNationalFilters, encodeNationalFilters, nationalSelection, selectionColumns, selectionRows, selectionSql, spreadCombos, strataCombos, type NationalDimension, type NationalFilters, type SelectionRow } from '../../src/lib/queries/national';
import { KEYS, cubeRowId, perturbCount, perturbRate, rowKey } from '../../src/lib/stats/cell-key';
import { isSmall, rateIsDisclosive } from '../../src/lib/stats/disclosure';
import { protectTree } from '../../src/lib/stats/hierarchy';
import { comboOf, digitsOf, GuardedUnits, neighbourSelections, protectSelection, terytOf, type GuardedUnit, type SelectionColumns } from '../../src/lib/stats/selection-guard';
import { perturbUnits, selectionKeys } from '../../src/lib/stats/cell-key';

interface CubeRow {
	teryt: string;
	year: number;
	sex: string;
	age_band: string;
	participants: number;
	employed: number;
	completed: number;
	cost: number;
	/** The row's stratum in the real cube: with its centre, who it counts, which gives its cell keys (stats/cell-key.ts). */
	stratum?: number;
}

const VALUE: Record<NationalDimension, (r: CubeRow) => string> = { years: (r) => String(r.year), sex: (r) => r.sex, ageBands: (r) => r.age_band };

/** The cube summed by hand per centre and per active filter's value or its absence, as the guard sums the engine's rows. */
function rowsByHand(cube: CubeRow[], filters: NationalFilters): { rows: SelectionRow[]; selected: string[][] } {
	const dims = NATIONAL_DIMENSIONS.filter((d) => filters[d].length);
	const selected = dims.map((d) => filters[d].map(String));
	const out = new Map<string, SelectionRow>();
	for (const r of cube) {
		const values = dims.map((d, i) => (selected[i].includes(VALUE[d](r)) ? VALUE[d](r) : null));
		const key = `${r.teryt}|${values.join('|')}`;
		const row = out.get(key) ?? { teryt: r.teryt, values, n: 0, employed: 0, completed: 0, cost: 0 };
		row.n += r.participants;
		row.employed += r.employed;
		row.completed += r.completed;
		row.cost += r.cost;
		out.set(key, row);
	}
	return { rows: [...out.values()], selected };
}

const protect = (cube: CubeRow[], filters: NationalFilters) => {
	const { rows, selected } = rowsByHand(cube, filters);
	return protectSelection(rows, selected);
};

/** The page with no filter, as the build protects it (scripts/national/summary.ts): every n shown, rates by the tree. */
function builtView(cube: CubeRow[]): Map<string, GuardedUnit> {
	const units = protect(cube, { years: [], sex: [], ageBands: [], priceBase: null });
	const parent = (code: string) => (code === '' ? null : code.length === 7 ? code.slice(0, 4) : code.length === 4 ? code.slice(0, 2) : 'PL');
	const hidden = (k: 'employed' | 'completed') => protectTree([...units].map(([code, u]) => ({ id: code || 'PL', parent: parent(code), n: u.n, k: u[k] })));
	const employed = hidden('employed');
	const completed = hidden('completed');
	return new Map([...units].map(([code, u]) => [code, { ...u, hidden: { n: false, employed: employed.has(code || 'PL'), completed: completed.has(code || 'PL') } }]));
}

/** A neighbouring view's filters, from the guard's own description of it. */
function neighbourFilters(filters: NationalFilters): NationalFilters[] {
	const dims = NATIONAL_DIMENSIONS.filter((d) => filters[d].length);
	return neighbourSelections(dims.map((d) => filters[d].map(String))).map((keep) => {
		const next: NationalFilters = structuredClone(filters);
		keep.forEach((k, i) => {
			const d = dims[i];
			if (k === 'all') next[d] = [];
			else if (k !== 'selected') (next[d] as (string | number)[]) = (filters[d] as (string | number)[]).filter((v) => String(v) !== k.without);
		});
		return next;
	});
}

/** Every small difference an attacker can read between two protected views: none may exist. */
function smallDifferences(a: ReadonlyMap<string, GuardedUnit>, b: ReadonlyMap<string, GuardedUnit>): string[] {
	const found: string[] = [];
	for (const [code, x] of a) {
		const y = b.get(code) ?? { n: 0, employed: 0, completed: 0, cost: 0, hidden: { n: false, employed: false, completed: false } };
		if (x.hidden.n || y.hidden.n) continue;
		const dn = y.n - x.n;
		if (isSmall(Math.abs(dn))) found.push(`${code}: n ${x.n} → ${y.n}`);
		for (const k of ['employed', 'completed'] as const) {
			if (x.hidden[k] || y.hidden[k]) continue;
			const dk = y[k] - x[k];
			if (isSmall(Math.abs(dk)) || isSmall(Math.abs(dn - dk))) found.push(`${code}: ${k} ${x[k]}/${x.n} → ${y[k]}/${y.n}`);
		}
	}
	return found;
}

/** Hidden figures an attacker recovers inside one view, solving "children add up to the parent" lines. */
function recoveredInTree(units: ReadonlyMap<string, GuardedUnit>, key: 'n' | 'employed' | 'completed'): string[] {
	const parent = (code: string) => (code.length === 7 ? code.slice(0, 4) : code.length === 4 ? code.slice(0, 2) : '');
	const known = new Set([...units].filter(([, u]) => !u.hidden[key]).map(([code]) => code));
	const lines = [...units.keys()].filter((c) => [...units.keys()].some((x) => x !== '' && x !== c && parent(x) === c)).map((total) => [total, ...[...units.keys()].filter((x) => x !== '' && x !== total && parent(x) === total)]);
	let progress = true;
	while (progress) {
		progress = false;
		for (const line of lines) {
			const unknown = line.filter((c) => !known.has(c));
			if (unknown.length === 1) {
				known.add(unknown[0]);
				progress = true;
			}
		}
	}
	return [...units].filter(([code, u]) => u.hidden[key] && known.has(code)).map(([code]) => code);
}

/**
 * Groups an attacker reads off one view as a line's shown total less its shown parts: the hidden parts together.
 * For a rate, those employed (or completed) and those not; for a size, the people. None may be 1 to 4.
 */
function smallHiddenSums(units: ReadonlyMap<string, GuardedUnit>, key: 'n' | 'employed' | 'completed'): string[] {
	const parent = (code: string) => (code.length === 7 ? code.slice(0, 4) : code.length === 4 ? code.slice(0, 2) : '');
	const found: string[] = [];
	for (const [total, t] of units) {
		if (t.hidden[key] || t.hidden.n) continue;
		const parts = [...units].filter(([code]) => code !== '' && code !== total && parent(code) === total);
		const hidden = parts.filter(([, u]) => u.hidden[key]);
		if (!parts.length || !hidden.length) continue;
		const counts = (u: GuardedUnit) => (key === 'n' ? [u.n] : [u[key], u.n - u[key]]);
		counts(t).forEach((whole, i) => {
			const rest = whole - parts.filter(([, u]) => !u.hidden[key]).reduce((sum, [, u]) => sum + counts(u)[i], 0);
			if (isSmall(Math.abs(rest))) found.push(`${total || 'PL'} ${key}: hidden ${hidden.map(([c]) => c).join(' + ')} = ${rest}`);
		});
	}
	return found;
}

/** A small country: voivodeships 02 and 04, two powiats each, a few centres, years 2010–2011. */
const cubeArbitrary = fc
	.array(
		fc.record({
			place: fc.constantFrom('0201011', '0201022', '0202011', '0401011', '0401022', '0401033', '0402011'),
			year: fc.constantFrom(2010, 2011),
			sex: fc.constantFrom('K', 'M'),
			age_band: fc.constantFrom('18-24', '25-34'),
			participants: fc.integer({ min: 1, max: 30 }),
			share: fc.double({ min: 0, max: 1, noNaN: true })
		}),
		{ minLength: 1, maxLength: 40 }
	)
	.map((raw) => raw.map((r) => ({ teryt: r.place, year: r.year, sex: r.sex, age_band: r.age_band, participants: r.participants, employed: Math.round(r.share * r.participants), completed: Math.round((1 - r.share / 2) * r.participants), cost: 1000 * r.participants })));

const filtersArbitrary = fc
	.record({ years: fc.subarray([2010, 2011]), sex: fc.subarray(['K', 'M']), ageBands: fc.subarray(['18-24', '25-34']) })
	.map((f): NationalFilters => ({ ...f, priceBase: null }))
	.filter((f) => f.years.length + f.sex.length + f.ageBands.length > 0);

/**
 * The guard spelled out the slow way, as a reference: every neighbouring view (`neighbourSelections`) summed from the
 * rows, each unit's figures compared with it (rules 1 and 2), then the tree (`protectTree`) for the three counts.
 * Units are listed as the guard meets them (a centre, its powiat, voivodeship, Poland), since the tree's choice
 * among equally small units follows that order.
 */
function referenceGuard(rows: SelectionRow[], selected: string[][]): Map<string, GuardedUnit['hidden']> {
	type Keep = ReturnType<typeof neighbourSelections>[number][number];
	const keeps = (row: SelectionRow, view: Keep[]) =>
		view.every((keep, d) => keep === 'all' || (row.values[d] !== null && (keep === 'selected' || row.values[d] !== keep.without)));
	const codes: string[] = [];
	for (const r of rows) for (const code of [r.teryt, r.teryt.slice(0, 4), r.teryt.slice(0, 2), '']) if (!codes.includes(code)) codes.push(code);
	const inUnit = (code: string) => rows.filter((r) => r.teryt.startsWith(code));
	const sum = (rs: SelectionRow[]) => rs.reduce((t, r) => ({ n: t.n + r.n, employed: t.employed + r.employed, completed: t.completed + r.completed }), { n: 0, employed: 0, completed: 0 });
	const own = selected.map((): Keep => 'selected');
	const exposed = new Map(
		codes.map((code) => {
			const unit = inUnit(code);
			const s = sum(unit.filter((r) => keeps(r, own)));
			const hide = { n: isSmall(s.n), employed: rateIsDisclosive(s.employed, s.n), completed: rateIsDisclosive(s.completed, s.n) };
			for (const view of neighbourSelections(selected)) {
				const o = sum(unit.filter((r) => keeps(r, view)));
				const dn = o.n - s.n;
				if (isSmall(Math.abs(dn))) hide.n = true;
				for (const k of ['employed', 'completed'] as const) if (isSmall(Math.abs(o[k] - s[k])) || isSmall(Math.abs(dn - (o[k] - s[k])))) hide[k] = true;
			}
			return [code, { figures: s, hide }];
		})
	);
	const id = (code: string) => code || 'PL';
	const parent = (code: string) => (code === '' ? null : id(code.length === 7 ? code.slice(0, 4) : code.length === 4 ? code.slice(0, 2) : ''));
	const tree = (k: 'n' | 'employed' | 'completed', hide: (code: string) => boolean) =>
		protectTree(
			codes.map((code) => ({ id: id(code), parent: parent(code), n: exposed.get(code)!.figures.n, k: exposed.get(code)!.figures[k], hide: hide(code) })),
			{ count: k === 'n' }
		);
	const hiddenN = tree('n', (code) => exposed.get(code)!.hide.n);
	const employed = tree('employed', (code) => exposed.get(code)!.hide.employed || hiddenN.has(id(code)));
	const completed = tree('completed', (code) => exposed.get(code)!.hide.completed || hiddenN.has(id(code)));
	return new Map(codes.map((code) => [code, { n: hiddenN.has(id(code)), employed: employed.has(id(code)), completed: completed.has(id(code)) }]));
}

/** Filters of the small country with up to three values each (the years 2009–2011 here), any of them active. */
const widerFiltersArbitrary = fc
	.record({ years: fc.subarray([2009, 2010, 2011]), sex: fc.subarray(['K', 'M']), ageBands: fc.subarray(['18-24', '25-34', '35-44']) })
	.map((f): NationalFilters => ({ ...f, priceBase: null }));

describe('the national selection guard', () => {
	it('hides exactly what the guard spelled out the slow way hides, for any small country and filters, called again and again (property)', () => {
		const wider = cubeArbitrary.chain((cube) => fc.constant(cube.map((r, i) => ({ ...r, year: [2009, 2010, 2011][i % 3], age_band: ['18-24', '25-34', '35-44'][i % 3] }))));
		let hidings = 0;
		fc.assert(
			fc.property(wider, widerFiltersArbitrary, (cube, filters) => {
				const { rows, selected } = rowsByHand(cube, filters);
				const fast = protectSelection(rows, selected);
				const slow = referenceGuard(rows, selected);
				expect(new Set(fast.keys())).toEqual(new Set(slow.keys()));
				for (const [code, hidden] of slow) expect([code, fast.get(code)!.hidden]).toEqual([code, hidden]);
				hidings += [...slow.values()].filter((h) => h.n || h.employed || h.completed).length;
			}),
			{ numRuns: 400, seed: 26112026 }
		);
		// The property had something to compare: hidden figures in many of the countries.
		expect(hidings).toBeGreaterThan(400);
	});

	it('hides a centre whose filtered count is 3 short of its whole count, and one more in its powiat so the sum cannot give it back', () => {
		const cube: CubeRow[] = [
			{ teryt: '0201011', year: 2010, sex: 'K', age_band: '18-24', participants: 12, employed: 6, completed: 10, cost: 1 },
			{ teryt: '0201011', year: 2010, sex: 'M', age_band: '18-24', participants: 3, employed: 1, completed: 3, cost: 1 },
			{ teryt: '0201022', year: 2010, sex: 'K', age_band: '18-24', participants: 40, employed: 20, completed: 30, cost: 1 },
			{ teryt: '0201022', year: 2010, sex: 'M', age_band: '18-24', participants: 50, employed: 25, completed: 40, cost: 1 }
		];
		const units = protect(cube, { years: [], sex: ['K'], ageBands: [], priceBase: null });
		// The women of 0201011 are 12, all its participants 15: the difference is the 3 men.
		expect(units.get('0201011')!.hidden).toEqual({ n: true, employed: true, completed: true });
		expect(units.get('0201022')!.hidden.n).toBe(true);
		expect(recoveredInTree(units, 'n')).toEqual([]);
	});

	it('leaves no small difference between a view and any neighbouring view, and nothing recoverable inside a view (property)', () => {
		fc.assert(
			fc.property(cubeArbitrary, filtersArbitrary, (cube, filters) => {
				const view = protect(cube, filters);
				for (const key of ['n', 'employed', 'completed'] as const) {
					expect(recoveredInTree(view, key)).toEqual([]);
					expect(smallHiddenSums(view, key)).toEqual([]);
				}
				for (const other of neighbourFilters(filters)) {
					const neighbour = other.years.length + other.sex.length + other.ageBands.length ? protect(cube, other) : builtView(cube);
					expect(smallDifferences(view, neighbour)).toEqual([]);
				}
			}),
			{ numRuns: 300, seed: 20261125 }
		);
	});

	it('never pairs a hidden 3 with a centre of 0 selected: the powiat less its shown centres would be those 3', () => {
		// Powiat 0201 in 2010: A 3, B none (all its people came in 2011), C 40. Hiding B beside A breaks the sum's
		// determination on paper, but B's 0 is no cover: 43 − 40 = 3 is A's group all the same.
		const cube: CubeRow[] = [
			{ teryt: '0201011', year: 2010, sex: 'K', age_band: '18-24', participants: 3, employed: 1, completed: 3, cost: 1 },
			{ teryt: '0201011', year: 2011, sex: 'K', age_band: '18-24', participants: 30, employed: 15, completed: 30, cost: 1 },
			{ teryt: '0201022', year: 2011, sex: 'K', age_band: '18-24', participants: 30, employed: 15, completed: 30, cost: 1 },
			{ teryt: '0201033', year: 2010, sex: 'K', age_band: '18-24', participants: 40, employed: 20, completed: 30, cost: 1 },
			{ teryt: '0202011', year: 2010, sex: 'K', age_band: '18-24', participants: 50, employed: 25, completed: 40, cost: 1 },
			{ teryt: '0401011', year: 2010, sex: 'K', age_band: '18-24', participants: 60, employed: 30, completed: 50, cost: 1 }
		];
		const units = protect(cube, { years: [2010], sex: [], ageBands: [], priceBase: null });
		expect(units.get('0201011')!.hidden.n).toBe(true);
		expect(units.get('0201022')!.n).toBe(0);
		for (const key of ['n', 'employed', 'completed'] as const) {
			expect(smallHiddenSums(units, key)).toEqual([]);
			expect(recoveredInTree(units, key)).toEqual([]);
		}
		// What was hidden beside A has people in it: C, or the powiat itself.
		expect(units.get('0201033')!.hidden.n || units.get('0201')!.hidden.n).toBe(true);
	});

	it('does not cover a hidden centre with one that a wider view shows as 0', () => {
		// Women in 2010: A has 7 (9 in 2010, so hidden: 2 men), B had no 2010 edition, C 40. Covering A with B would
		// leave the powiat less C = A + B = 7, and the page "2010" shows B's 0, so A's 7 and the 2 men with it.
		const row = (teryt: string, year: number, sex: string, participants: number): CubeRow => ({ teryt, year, sex, age_band: '18-24', participants, employed: 0, completed: participants, cost: 1 });
		const cube = [row('0201011', 2010, 'K', 7), row('0201011', 2010, 'M', 2), row('0201022', 2011, 'K', 30), row('0201033', 2010, 'K', 40), row('0201033', 2010, 'M', 10), row('0202011', 2010, 'K', 50), row('0401011', 2010, 'K', 60)];
		const women = protect(cube, { years: [2010], sex: ['K'], ageBands: [], priceBase: null });
		const year = protect(cube, { years: [2010], sex: [], ageBands: [], priceBase: null });
		expect(women.get('0201011')!.hidden.n).toBe(true);
		expect(year.get('0201022')).toMatchObject({ n: 0, hidden: { n: false } });
		// The cover has people in it: C, or the powiat.
		expect(women.get('0201033')!.hidden.n || women.get('0201')!.hidden.n).toBe(true);
	});

	it('the attack finds the 3 men once the guard’s hiding is undone, so it can fail', () => {
		const cube: CubeRow[] = [
			{ teryt: '0201011', year: 2010, sex: 'K', age_band: '18-24', participants: 12, employed: 6, completed: 10, cost: 1 },
			{ teryt: '0201011', year: 2010, sex: 'M', age_band: '18-24', participants: 3, employed: 1, completed: 3, cost: 1 }
		];
		const women = protect(cube, { years: [], sex: ['K'], ageBands: [], priceBase: null });
		const undone = new Map([...women].map(([code, u]) => [code, { ...u, hidden: { n: false, employed: false, completed: false } }]));
		expect(smallDifferences(women, builtView(cube))).toEqual([]);
		expect(smallDifferences(undone, builtView(cube))).toContain('0201011: n 12 → 15');
	});
});

describe('the guarded units as columns', () => {
	const cube: CubeRow[] = [
		{ teryt: '0201011', year: 2010, sex: 'K', age_band: '18-24', participants: 12, employed: 6, completed: 10, cost: 120 },
		{ teryt: '0201011', year: 2010, sex: 'M', age_band: '18-24', participants: 3, employed: 1, completed: 3, cost: 30 },
		{ teryt: '0201022', year: 2010, sex: 'K', age_band: '18-24', participants: 40, employed: 20, completed: 30, cost: 400 },
		{ teryt: '1401011', year: 2010, sex: 'K', age_band: '18-24', participants: 50, employed: 25, completed: 40, cost: 500 }
	];
	const units = () => protect(cube, { years: [], sex: ['K'], ageBands: [], priceBase: null });

	it('reads as a map: every unit once by its code, get equal to iteration, an unknown code undefined', () => {
		const read = units();
		expect([...read.keys()].sort()).toEqual(['', '02', '0201', '0201011', '0201022', '14', '1401', '1401011']);
		expect(read.size).toBe(8);
		for (const [code, unit] of read) expect(read.get(code)).toEqual(unit);
		expect(read.get('1401011')).toEqual({ n: 50, employed: 25, completed: 40, cost: 500, hidden: { n: false, employed: false, completed: false } });
		expect(read.get('0201011')!.hidden).toEqual({ n: true, employed: true, completed: true });
		expect([read.has('9999999'), read.get('9999999')]).toEqual([false, undefined]);
		let visited = 0;
		read.forEach((unit, code) => (visited++, expect(unit).toEqual(read.get(code))));
		expect(visited).toBe(8);
	});

	it('gives each reader its own copy: a figure changed by one reader is not what the next reads', () => {
		const read = units();
		const shown = read.get('0201011')!;
		shown.n = 3;
		shown.hidden.n = false;
		expect(read.get('0201011')!.n).toBe(12);
		expect(read.get('0201011')!.hidden.n).toBe(true);
	});

	it('keeps each unit’s three flags apart: a rate hidden alone reads hidden alone, as the guard spelled out the slow way has it', () => {
		// 1401022's 2 employed are a small group; its 15 who completed are not.
		const mixed: CubeRow[] = [...cube, { teryt: '1401022', year: 2010, sex: 'K', age_band: '18-24', participants: 30, employed: 2, completed: 15, cost: 300 }];
		const { rows, selected } = rowsByHand(mixed, { years: [], sex: ['K'], ageBands: [], priceBase: null });
		const read = protectSelection(rows, selected);
		const slow = referenceGuard(rows, selected);
		for (const [code, hidden] of slow) expect([code, read.get(code)!.hidden]).toEqual([code, hidden]);
		expect(read.get('1401022')!.hidden).toEqual({ n: false, employed: true, completed: false });
		expect([...read.values()].filter((u) => u.hidden.employed !== u.hidden.completed).length).toBeGreaterThanOrEqual(2);
	});

	it('refuses columns that do not fit the tree, a slot outside it, and cell keys of another cube', () => {
		const read = units();
		expect(() => new GuardedUnits(read.tree, read.figures.subarray(4), read.hidden)).toThrow(/do not fit/);
		for (const slot of [-1, 8, 1.5]) expect(() => read.at(slot)).toThrow(/no unit in slot/);
		// The same centres in another row order: the same eight units, in other slots, so keys read by slot would
		// move each count by another unit's people.
		const teryt = Float64Array.from([1401011, 201022, 201011]);
		const keys = selectionKeys({ teryt, stratum: [0, 0, 0], combo: [1, 1, 1], employed: [1, 1, 1], completed: [1, 1, 1] }, Uint8Array.from([0, 1]));
		expect([keys.tree.count, new Set(keys.tree.codes)]).toEqual([read.size, new Set(read.keys())]);
		expect(keys.tree.codes).not.toEqual([...read.keys()]);
		expect(() => perturbUnits(read, keys)).toThrow(/different cubes/);
	});
});

describe('the national selection query', () => {
	const dir = join(import.meta.dirname, '../../static/national');
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tables: { name: string; file: string }[] };
	const file = (name: string) => readFileSync(join(dir, manifest.tables.find((t) => t.name === name)!.file));

	it('answers as a hand-written loop over the real national cube, for a filter on years, sex and age', async () => {
		const teryt = new Map<string, string>();
		const centres = tableFromIPC(file('centres'));
		for (let i = 0; i < centres.numRows; i++) teryt.set(centres.getChild('centre_id')!.get(i), centres.getChild('teryt')!.get(i));
		const q = tableFromIPC(file('cube'));
		const cube: CubeRow[] = Array.from({ length: q.numRows }, (_, i) => ({
			teryt: teryt.get(q.getChild('centre_id')!.get(i))!,
			year: q.getChild('year')!.get(i),
			sex: q.getChild('sex')!.get(i),
			age_band: q.getChild('age_band')!.get(i),
			participants: q.getChild('participants')!.get(i),
			employed: q.getChild('employed')!.get(i),
			completed: q.getChild('completed')!.get(i),
			cost: q.getChild('cost_pln')!.get(i),
			stratum: q.getChild('stratum')!.get(i)
		}));
		const filters: NationalFilters = { years: [2010, 2012], sex: ['K'], ageBands: ['18-24', '55-64'], priceBase: null };
		const db = createNodeDatabase(dir);
		const { columns, dimensions } = await selectionColumns(db, filters);
		const selected = dimensions.map((d) => filters[d].map(String));
		// One row per cube row, in the cube's order: summed here per centre and combination, as the guard sums them.
		expect(columns.teryt.length).toBe(cube.length);
		const key = (r: SelectionRow) => `${r.teryt}|${r.values.join('|')}`;
		const fromEngine = new Map<string, SelectionRow>();
		for (const r of selectionRows(columns, selected)) {
			const sum = fromEngine.get(key(r));
			if (sum) (sum.n += r.n), (sum.employed += r.employed), (sum.completed += r.completed), (sum.cost += r.cost);
			else fromEngine.set(key(r), { ...r });
		}
		const byHand = rowsByHand(cube, filters).rows;
		expect(fromEngine.size).toBe(byHand.length);
		for (const h of byHand) {
			const r = fromEngine.get(key(h))!;
			expect([r.n, r.employed, r.completed]).toEqual([h.n, h.employed, h.completed]);
			expect(r.cost).toBeCloseTo(h.cost, 2);
		}
		// The page's whole path (figures and strata kept, combinations worked out, the guard) hides what the guard hides in the hand's rows.
		// It shows each count moved by the cell key of its people (stats/cell-key.ts): the keys of the cube rows the
		// filters keep, summed here by hand per unit (a row with no one employed adds nothing to that key).
		const chosen = (r: CubeRow) => [2010, 2012].includes(r.year) && r.sex === 'K' && ['18-24', '55-64'].includes(r.age_band);
		const keys = new Map<string, [number, number, number]>();
		for (const r of cube.filter(chosen))
			for (const unit of [r.teryt, r.teryt.slice(0, 4), r.teryt.slice(0, 2), '']) {
				const k = keys.get(unit) ?? [0, 0, 0];
				const id = cubeRowId(Number(r.teryt), r.stratum!);
				keys.set(unit, [k[0] + rowKey(id, 0), k[1] + (r.employed > 0 ? rowKey(id, 1) : 0), k[2] + (r.completed > 0 ? rowKey(id, 2) : 0)]);
			}
		const unmoved = protectSelection(byHand, selected);
		const moved = new Map(
			[...unmoved].map(([code, u]) => {
				const [kn, ke, kc] = (keys.get(code) ?? [0, 0, 0]).map((k) => k % KEYS);
				const n = perturbCount(u.n, kn);
				const rate = (k: number, hidden: boolean, key: number) => (hidden ? null : perturbRate(k, u.n, n, key));
				const [employed, completed] = [rate(u.employed, u.hidden.employed, ke), rate(u.completed, u.hidden.completed, kc)];
				return [
					code,
					{
						...u,
						n,
						employed: employed ?? Math.min(n, perturbCount(u.employed, ke)),
						completed: completed ?? Math.min(n, perturbCount(u.completed, kc)),
						hidden: { n: u.hidden.n, employed: u.hidden.employed || employed === null, completed: u.hidden.completed || completed === null }
					}
				];
			})
		);
		const plain = (units: ReadonlyMap<string, GuardedUnit>) => [...units].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, u]) => [code, u.n, u.employed, u.completed, u.hidden]);
		const live = await nationalSelection(db, filters);
		expect(plain(live.units)).toEqual(plain(moved));
		expect([...live.units.values()].filter((u) => u.hidden.n).length).toBeGreaterThan(100);
		const total = live.units.get('')!;
		const trueTotal = cube.filter(chosen).reduce((s, r) => s + r.participants, 0);
		expect(Math.abs(total.n - trueTotal)).toBeLessThanOrEqual(2);
		// Some counts moved, and no shown one left the band of 5 or more.
		expect([...live.units].filter(([code, u]) => u.n !== unmoved.get(code)!.n).length).toBeGreaterThan(100);
		// Another price basis gets figures of its own: the counts stay, the money moves.
		const constant = await nationalSelection(db, { ...filters, priceBase: 2014 });
		expect(constant.units.get('')!.n).toBe(total.n);
		expect(constant.units.get('')!.cost).toBeGreaterThan(total.cost);
		await db.close();
	});

	it('answers a page’s later filter changes as a fresh page would: what the guard keeps of the cube carries no answer over', async () => {
		const db = createNodeDatabase(dir);
		const none: NationalFilters = { years: [], sex: [], ageBands: [], priceBase: null };
		const changes: NationalFilters[] = [
			{ ...none, sex: ['K'] },
			{ ...none, years: [2010, 2011], ageBands: ['25-34'] },
			{ ...none, years: [2014], sex: ['M'], ageBands: ['18-24'] },
			{ ...none, sex: ['K'] }
		];
		const plain = (units: ReadonlyMap<string, GuardedUnit>) => [...units].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, u]) => [code, u.n, u.employed, u.completed, u.cost, u.hidden]);
		const answers = [];
		for (const filters of changes) {
			// The page's path: the same cube columns each time (asked once), a new combination per change.
			const { columns, dimensions } = await selectionColumns(db, filters);
			const selected = dimensions.map((d) => filters[d].map(String));
			const kept = plain(guardSelection(columns, selected));
			// A fresh page: every column copied, so nothing the guard kept beside the old ones is found.
			const copied = Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, Array.from(values as ArrayLike<number>)])) as unknown as typeof columns;
			expect(kept).toEqual(plain(guardSelection(copied, selected)));
			answers.push(kept);
		}
		// The changes differ (so a stale answer would show), and asking the first again gives the first.
		expect(answers[1]).not.toEqual(answers[0]);
		expect(answers[2]).not.toEqual(answers[1]);
		expect(answers[3]).toEqual(answers[0]);
		await db.close();
	});

	// A filter change reads the kept strata (strataCombos); DuckDB's own answer to selectionSql is the reference.
	it('gives every stratum the combination DuckDB gives it, for every filter set a page can ask (all 144), and several values too', async () => {
		const db = createNodeDatabase(dir);
		const strata = await keptStrata(db);
		expect(strata).toHaveLength(70);
		// Every value the strata hold, as a page's address may ask it (years as numbers, as decodeNationalFilters reads them).
		const values = <T>(pick: (s: (typeof strata)[number]) => T) => [...new Set(strata.map(pick))];
		const [years, sexes, bands] = [values((s) => s.year), values((s) => s.sex), values((s) => s.age_band)];
		expect([years.length, sexes.length, bands.length]).toEqual([7, 2, 5]);
		const none: NationalFilters = { years: [], sex: [], ageBands: [], priceBase: null };
		const sets: NationalFilters[] = [];
		for (const year of [[], ...years.map((y) => [y])])
			for (const sex of [[], ...sexes.map((v) => [v])])
				for (const ageBands of [[], ...bands.map((a) => [a])]) sets.push({ ...none, years: year, sex, ageBands });
		// Several values per filter (the guard's digits beyond 1), which the address no longer asks but the code allows.
		sets.push({ ...none, years: [2009, 2012, 2014], sex: ['M', 'K'], ageBands: ['55-64', '18-24'] });
		expect(sets).toHaveLength(145);
		const differing: string[] = [];
		let nonZero = 0;
		for (const filters of sets) {
			const asked = await db.columns<{ stratum: ArrayLike<number>; combo: ArrayLike<number> }>(selectionSql(filters));
			const byEngine = new Map(Array.from(asked.stratum, (stratum, i) => [stratum, asked.combo[i]]));
			const mine = strataCombos(strata, filters);
			expect(mine.stratum.length).toBe(byEngine.size);
			mine.stratum.forEach((stratum, i) => {
				if (byEngine.get(stratum) !== mine.combo[i]) differing.push(`${JSON.stringify(filters)}: stratum ${stratum} ${mine.combo[i]} ≠ ${byEngine.get(stratum)}`);
				if (mine.combo[i] > 0) nonZero++;
			});
		}
		expect(differing).toEqual([]);
		// The comparison had combinations to compare, not only zeros. A stratum's is 0 only where it meets no active
		// filter: over the 144 sets, 70 × (144 − (1 + 7 × 6/7)(1 + 2 × 1/2)(1 + 5 × 4/5)) = 5,180 are not; the set
		// with both sexes meets all 70.
		expect(nonZero).toBe(5180 + 70);
		await db.close();
	});

	it('numbers the cube’s strata once each, and every cube row names its own year, sex and age band', () => {
		const strata = tableFromIPC(file('strata'));
		const cube = tableFromIPC(file('cube'));
		const named = new Map<number, string>();
		for (let i = 0; i < strata.numRows; i++) named.set(strata.getChild('stratum')!.get(i), `${strata.getChild('year')!.get(i)}|${strata.getChild('sex')!.get(i)}|${strata.getChild('age_band')!.get(i)}`);
		// 7 years × 2 sexes × 5 age bands, each stratum once under one number.
		expect(strata.numRows).toBe(70);
		expect(named.size).toBe(70);
		expect(new Set(named.values()).size).toBe(70);
		const wrong: string[] = [];
		const [stratum, year, sex, age] = ['stratum', 'year', 'sex', 'age_band'].map((c) => cube.getChild(c)!);
		for (let i = 0; i < cube.numRows; i++) {
			const own = `${year.get(i)}|${sex.get(i)}|${age.get(i)}`;
			if (named.get(stratum.get(i)) !== own) wrong.push(`row ${i}: stratum ${stratum.get(i)} is ${named.get(stratum.get(i))}, the row ${own}`);
		}
		expect(wrong.slice(0, 5)).toEqual([]);
	});

	it('spreads each stratum’s combination over its rows, and refuses an answer that names a stratum twice or misses one', () => {
		const rows = Int16Array.from([2, 0, 2, 1, 0]);
		expect([...spreadCombos(rows, { stratum: [0, 1, 2], combo: [5, 0, 3] })]).toEqual([3, 5, 3, 0, 5]);
		// A stratum answered twice: which combination its rows are in would be a guess.
		expect(() => spreadCombos(rows, { stratum: [0, 1, 2, 1], combo: [5, 0, 3, 4] })).toThrow(/stratum 1 answered twice/);
		// A row whose stratum the answer does not name, inside the answer's range or above it: never a default of 0.
		expect(() => spreadCombos(rows, { stratum: [0, 2], combo: [5, 3] })).toThrow(/cube row 3 is in stratum 1/);
		expect(() => spreadCombos(rows, { stratum: [0, 1], combo: [5, 0] })).toThrow(/cube row 0 is in stratum 2/);
		// A NULL or fractional stratum (a plain array where the column has nulls) is no stratum: refused, never 0.
		expect(() => spreadCombos([0, null as unknown as number, 2], { stratum: [0, 1, 2], combo: [5, 0, 3] })).toThrow(/cube row 1 is in stratum null/);
		expect(() => spreadCombos([0, 1.5, 2], { stratum: [0, 1, 2], combo: [5, 0, 3] })).toThrow(/cube row 1 is in stratum 1.5/);
	});

	it('the pages’ engine, with its derived tables as views, answers constant prices as the materialised ones do', async () => {
		// The national pages make edition_facts a view (a cold visit does not wait for it; price_levels is one on every
		// engine); the real centres' cost at constant prices reads both, and must not move by a grosz.
		const pagesManifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as NationalManifest;
		const door = (derived: 'TABLE' | 'VIEW') =>
			createDatabase({ open: openNodeEngine, derived, manifest: async () => ({ tables: pagesManifest.pages }), read: async (f) => new Uint8Array(readFileSync(join(dir, f))) });
		const [views, tables] = [door('VIEW'), door('TABLE')];
		try {
			const prices: NationalFilters = { years: [], sex: [], ageBands: [], priceBase: 2010 };
			const [a, b] = [await nationalSelection(views, prices), await nationalSelection(tables, prices)];
			// The real centres with a published head count, each with a figure or an unknown (null): the same either way.
			expect(a.realCosts.size).toBeGreaterThanOrEqual(4);
			expect([...a.realCosts].sort()).toEqual([...b.realCosts].sort());
			expect([...a.realCosts.values()].filter((c) => c !== null).length).toBeGreaterThan(0);
			expect(a.units.get('')!.cost).toBe(b.units.get('')!.cost);
			expect(a.units.get('')!.cost).toBeLessThan((await nationalSelection(views, { ...prices, priceBase: 2014 })).units.get('')!.cost);
			const kinds = (db: typeof views) => db.query({ sql: "SELECT table_name, table_type FROM information_schema.tables WHERE table_name IN ('edition_facts', 'price_levels') ORDER BY 1" });
			expect(await kinds(views)).toEqual([{ table_name: 'edition_facts', table_type: 'VIEW' }, { table_name: 'price_levels', table_type: 'VIEW' }]);
			// price_levels is a view either way: read only under constant prices (db/schema.ts).
			expect(await kinds(tables)).toEqual([{ table_name: 'edition_facts', table_type: 'BASE TABLE' }, { table_name: 'price_levels', table_type: 'VIEW' }]);
		} finally {
			await Promise.all([views.close(), tables.close()]);
		}
	});
});

describe('a combination of filter values as one number', () => {
	it('reads back the digits it was made of, for any radix, and no two combinations share a number (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 0, maxLength: 3 }).chain((radix) =>
					fc.tuple(fc.constant(radix), fc.tuple(...radix.map((r) => fc.integer({ min: 0, max: r - 1 }))))
				),
				([radix, digits]) => {
					const combo = comboOf(digits, radix);
					expect(digitsOf(combo, radix)).toEqual(digits);
					expect(combo).toBeLessThan(radix.reduce((a, b) => a * b, 1));
				}
			)
		);
	});

	it('keeps the leading zero of a TERC code that travels as a number', () => {
		expect(terytOf(216013)).toBe('0216013');
		expect(terytOf(3263011)).toBe('3263011');
	});
});

describe('national filters in the address', () => {
	const years = [2008, 2009, 2010, 2011, 2012, 2013, 2014];
	it('reads back what it writes, and names what it ignores', () => {
		const filters: NationalFilters = { years: [2010], sex: ['K'], ageBands: ['18-24'], priceBase: 2014 };
		expect(decodeNationalFilters(new URLSearchParams(encodeNationalFilters(filters)), years, years)).toEqual({ filters, ignored: [] });
		const { filters: read, ignored } = decodeNationalFilters(new URLSearchParams('lata=2010,1999,abc&plec=X,M&ceny=stale-1990&wiek=18-24'), years, years);
		expect(read).toEqual({ years: [2010], sex: ['M'], ageBands: ['18-24'], priceBase: null });
		expect(ignored).toEqual(['lata=1999', 'lata=abc', 'plec=X', 'ceny=stale-1990']);
	});

	it('keeps one value per filter: a second one is named as ignored, so no address asks for a sum of several', () => {
		const { filters, ignored } = decodeNationalFilters(new URLSearchParams('lata=2012,2010,2012&plec=K,M&wiek=18-24,55-64'), years, years);
		expect(filters).toEqual({ years: [2012], sex: ['K'], ageBands: ['18-24'], priceBase: null });
		expect(ignored).toEqual(['lata=2010', 'lata=2012', 'plec=M', 'wiek=55-64']);
		// The parameter given twice is read twice.
		expect(decodeNationalFilters(new URLSearchParams('lata=2010&lata=2011'), years, years)).toEqual({ filters: { ...filters, years: [2010], sex: [], ageBands: [] }, ignored: ['lata=2011'] });
	});
});

describe('centres compared, from the address', () => {
	it('keeps known codes once each, at most five, and names the rest', () => {
		const known = new Set(['1808011', '0201011', '0201022', '0202011', '0401011', '0401022']);
		expect(decodeComparedCentres('1808011,9999999,1808011,0201011', known, 5)).toEqual({ codes: ['1808011', '0201011'], ignored: ['osrodki=9999999', 'osrodki=1808011'] });
		expect(decodeComparedCentres('1808011,0201011,0201022,0202011,0401011,0401022', known, 5).codes).toHaveLength(5);
		expect(decodeComparedCentres(null, known, 5)).toEqual({ codes: [], ignored: [] });
	});
});
