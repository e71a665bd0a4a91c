// Cell-key perturbation on the national pages under filters, attacked the way the suppression guard alone could not
// stop: a reader adds up several single-year views of a centre and takes them from the all-years view. With exact
// counts that gives the hidden year every time; with the counts moved by their cell keys it must not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardSelection } from '../../src/lib/queries/national';
import { COST_STEP, KEYS, changeOf, costKey, perturbCount, recordKey, roundCost, type CellKeyColumns } from '../../src/lib/stats/cell-key';
import { protectColumns, type SelectionColumns } from '../../src/lib/stats/selection-guard';

/** One cube row per centre and year (one sex, one age band), with its people's ids for their record keys. */
interface Cell {
	teryt: number;
	year: number;
	ids: string[];
	employed: number;
	/** Each person's support cost in whole złoty, as the generator makes them (hours × an hourly rate). */
	costs: number[];
}

/** A seeded stream of whole-złoty support costs, 720–16,719 zł a person. */
function costStream(seed: number) {
	let state = seed >>> 0 || 1;
	return () => 720 + Math.floor(((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * 16_000);
}

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const keyOf = (ids: string[]) => ids.reduce((sum, id) => sum + recordKey(id), 0) % KEYS;

/** The engine's columns for a filter on the given years: combination 1 where a row's year is selected (one value). */
function columnsFor(cells: Cell[], year: number | null): SelectionColumns & CellKeyColumns {
	return columnsForYears(cells, year === null ? [] : [year]);
}

/** The same for a filter on several years: combination i + 1 for the i-th selected year. */
function columnsForYears(cells: Cell[], years: number[]): SelectionColumns & CellKeyColumns {
	return {
		teryt: cells.map((c) => c.teryt),
		combo: cells.map((c) => years.indexOf(c.year) + 1),
		n: cells.map((c) => c.ids.length),
		employed: cells.map((c) => c.employed),
		completed: cells.map((c) => c.ids.length),
		cost: cells.map((c) => c.costs.reduce((a, b) => a + b, 0)),
		key_n: cells.map((c) => keyOf(c.ids)),
		key_employed: cells.map((c) => keyOf(c.ids.slice(0, c.employed))),
		key_completed: cells.map((c) => keyOf(c.ids)),
		key_cost: cells.map((c) => c.ids.reduce((sum, id) => sum + costKey(id), 0) % KEYS)
	};
}

const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014];
const TARGET = 216011;
const TARGET_CODE = '0216011';

/** README's example: a centre with 40 people in each of 2008–2013 and 3 in 2014, beside two larger centres of its powiat. */
function country(salt: number): Cell[] {
	const cost = costStream(salt + 1);
	const cells: Cell[] = [];
	for (const [teryt, size] of [
		[TARGET, (y: number) => (y === 2014 ? 3 : 40)],
		[216022, () => 60],
		[216033, () => 75]
	] as const)
		for (const year of YEARS) {
			const ids = people(`${salt}:${teryt}:${year}`, size(year));
			cells.push({ teryt, year, ids, employed: Math.floor(ids.length / 2), costs: ids.map(() => cost()) });
		}
	return cells;
}

describe('record keys and the change they make', () => {
	it('gives each id one key, and spreads 20,000 ids over all 256 keys evenly', () => {
		expect(recordKey('g0201011-p17')).toBe(recordKey('g0201011-p17'));
		const counts = new Array(KEYS).fill(0);
		for (let i = 0; i < 20_000; i++) counts[recordKey(`g0201011-2010-p${i}`)] += 1;
		// 78 expected per key; a biased hash (the low bits of a plain FNV-1a) leaves some keys near empty.
		expect(Math.min(...counts)).toBeGreaterThan(45);
		expect(Math.max(...counts)).toBeLessThan(115);
	});

	it('rounds money by a key of its own: the rounding says nothing about the count’s change', () => {
		// Per cost key, how the count keys' changes fall: the same five-way split in every bucket, within noise.
		const byBucket = Array.from({ length: 8 }, () => new Map<number, number>());
		for (let i = 0; i < 40_000; i++) {
			const id = `g1816011-2012-p${i}`;
			const bucket = byBucket[costKey(id) % 8];
			bucket.set(changeOf(recordKey(id)), (bucket.get(changeOf(recordKey(id))) ?? 0) + 1);
		}
		for (const bucket of byBucket) {
			const total = [...bucket.values()].reduce((a, b) => a + b, 0);
			// 40% of keys change nothing; a cost key that gave the count's key away would push a bucket to 0% or 100%.
			expect(bucket.get(0)! / total).toBeGreaterThan(0.36);
			expect(bucket.get(0)! / total).toBeLessThan(0.44);
		}
	});

	it('moves a count by −2 to +2, symmetric around 0, half of the keys not at all', () => {
		const byChange = new Map<number, number>();
		for (let key = 0; key < KEYS; key++) byChange.set(changeOf(key), (byChange.get(changeOf(key)) ?? 0) + 1);
		expect(Object.fromEntries(byChange)).toEqual({ '-2': 26, '-1': 51, '0': 102, '1': 51, '2': 26 });
	});

	it('keeps 0 and 1–4 as they are, moves 5 or more by at most 2, never below 5, the same way every time (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: KEYS - 1 }), (value, key) => {
				const shown = perturbCount(value, key);
				expect(shown).toBe(perturbCount(value, key));
				if (value < 5) expect(shown).toBe(value);
				else {
					expect(shown).toBeGreaterThanOrEqual(5);
					expect(Math.abs(shown - value)).toBeLessThanOrEqual(2);
				}
			})
		);
	});

	it('leaves the counts of a large cell unbiased: over every key, the mean change is 0', () => {
		let sum = 0;
		for (let key = 0; key < KEYS; key++) sum += perturbCount(100, key) - 100;
		expect(sum).toBe(0);
	});
});

describe('a sum of several views against the whole (the gap the suppression guard left)', () => {
	it('no longer gives the hidden year: the attack that always worked on exact counts now misses most of the time', () => {
		const misses: number[] = [];
		let exactWorked = 0;
		const salts = 200;
		for (let salt = 0; salt < salts; salt++) {
			const cells = country(salt);
			// The all-years view: no participant filter, so the built, exact counts.
			const whole = guardSelection(columnsFor(cells, null), []).get(TARGET_CODE)!;
			expect(whole.n).toBe(243);
			let shown = 0;
			let exact = 0;
			for (const year of YEARS.slice(0, 6)) {
				const view = guardSelection(columnsFor(cells, year), [[String(year)]]).get(TARGET_CODE)!;
				// The single-year figure is on screen, so the attacker can add it up.
				expect(view.hidden.n).toBe(false);
				shown += view.n;
				exact += protectColumns(columnsFor(cells, year), [[String(year)]]).get(TARGET_CODE)!.n;
			}
			// And 2014 itself is hidden on its own page.
			expect(guardSelection(columnsFor(cells, 2014), [['2014']]).get(TARGET_CODE)!.hidden.n).toBe(true);
			if (whole.n - exact === 3) exactWorked += 1;
			misses.push(whole.n - shown - 3);
		}
		// Without the keys the subtraction gives the 3 every time.
		expect(exactWorked).toBe(salts);
		// With them it is right about one time in seven (six changes summed: SD about 2.7), and wrong by up to ±12.
		const hits = misses.filter((m) => m === 0).length;
		expect(hits / salts).toBeLessThan(0.3);
		expect(new Set(misses).size).toBeGreaterThanOrEqual(7);
		expect(Math.max(...misses.map(Math.abs))).toBeLessThanOrEqual(12);
	});

	it('keeps the noise when the reader also uses each view’s cost per participant (a reviewer’s attack)', () => {
		// Support costs are whole złoty, so a true average to the grosz, times a candidate true count, is whole only
		// for the true count; and a two-year view's average pins how its years' counts weigh. The attacker knows the
		// method: which true counts each shown count can come from, and how the average was made. Given a view's
		// shown average, `within` says which true totals C fit a true count v.
		const SIX = YEARS.slice(0, 6);
		const sources = new Map<number, number[]>();
		const from = (shown: number) => {
			let out = sources.get(shown);
			if (!out) sources.set(shown, (out = Array.from({ length: 9 }, (_, i) => shown - 4 + i).filter((v) => v >= 5 && Array.from({ length: KEYS }, (_, k) => perturbCount(v, k)).includes(shown))));
			return out;
		};
		type Shown = { n: number; average: number };
		function attack(whole: number, single: Shown[], pairs: Map<string, Shown>, within: (average: number, v: number) => [number, number]): Set<number> {
			// Each year: every true count it may come from, with the range of whole-złoty totals its average allows.
			const options = single.map((s) => from(s.n).flatMap((v) => {
				const [lo, hi] = within(s.average, v);
				return Math.ceil(lo) <= Math.floor(hi) ? [{ v, lo: Math.ceil(lo), hi: Math.floor(hi) }] : [];
			}));
			const answers = new Set<number>();
			const pick: { v: number; lo: number; hi: number }[] = [];
			const walk = (i: number) => {
				if (i === SIX.length) return void answers.add(whole - pick.reduce((sum, p) => sum + p.v, 0));
				for (const o of options[i]) {
					pick[i] = o;
					// Every pair seen so far: its shown count from the two true counts, its total within its average's range.
					const fits = pick.slice(0, i).every((p, j) => {
						const pair = pairs.get(`${j},${i}`)!;
						const v = p.v + o.v;
						const [lo, hi] = within(pair.average, v);
						return from(pair.n).includes(v) && p.lo + o.lo <= hi && p.hi + o.hi >= lo;
					});
					if (fits) walk(i + 1);
				}
			};
			walk(0);
			return answers;
		}
		const salts = 60;
		let exactAverages = 0;
		let shownAverages = 0;
		for (let salt = 0; salt < salts; salt++) {
			const cells = country(salt);
			const whole = guardSelection(columnsFor(cells, null), []).get(TARGET_CODE)!.n;
			const view = (years: number[]) => {
				const shown = guardSelection(columnsForYears(cells, years), [years.map(String)]).get(TARGET_CODE)!;
				const truth = protectColumns(columnsForYears(cells, years), [years.map(String)]).get(TARGET_CODE)!;
				return { shown: { n: shown.n, average: shown.cost / shown.n }, exact: { n: shown.n, average: Math.round((truth.cost / truth.n) * 100) / 100 } };
			};
			const singles = SIX.map((y) => view([y]));
			const pairs = new Map<string, ReturnType<typeof view>>();
			SIX.forEach((a, i) => SIX.forEach((b, j) => j > i && pairs.set(`${i},${j}`, view([a, b]))));
			const pick = (which: 'shown' | 'exact') => new Map([...pairs].map(([k, v]) => [k, v[which]]));
			// Had the page shown the true average to the grosz, the hidden 3 would follow for nearly every keying.
			const grosz = (average: number, v: number): [number, number] => [(average - 0.005) * v - 1e-6, (average + 0.005) * v + 1e-6];
			const exact = attack(whole, singles.map((s) => s.exact), pick('exact'), grosz);
			expect(exact.has(3)).toBe(true);
			if (exact.size === 1) exactAverages += 1;
			// Rounded to 100 zł, up or down: the true average lies within 100 zł either side.
			const hundred = (average: number, v: number): [number, number] => [(average - COST_STEP) * v - 1e-6, (average + COST_STEP) * v + 1e-6];
			const shown = attack(whole, singles.map((s) => s.shown), pick('shown'), hundred);
			expect(shown.has(3)).toBe(true);
			if (shown.size === 1) shownAverages += 1;
			// Several sizes of 0–4 stay possible for the hidden year (the page already says it is hidden).
			expect([...shown].filter((v) => v >= 0 && v <= 4).length).toBeGreaterThanOrEqual(2);
		}
		// Measured: 60 of 60 to the grosz, 0 of 60 rounded (5 to 9 candidates each).
		expect(exactAverages).toBe(salts);
		expect(shownAverages).toBe(0);
	});

	it('rounds the cost per participant to 100 zł without bias: over every key, the mean is the true average', () => {
		for (const average of [8773.07, 9050, 12_345.5]) {
			let sum = 0;
			for (let key = 0; key < KEYS; key++) sum += roundCost(average, key);
			expect(Math.abs(sum / KEYS - average)).toBeLessThan(COST_STEP / KEYS + 1e-9);
			// Only the two neighbouring steps.
			expect(new Set(Array.from({ length: KEYS }, (_, k) => roundCost(average, k))).size).toBeLessThanOrEqual(2);
		}
	});

	it('asks the same people the same way twice and gets the same number: no fresh draw to average away', () => {
		const cells = country(7);
		// The powiat's three centres in 2010 against the powiat itself in 2010: the same people, one key.
		const view = guardSelection(columnsFor(cells, 2010), [['2010']]);
		const again = guardSelection(columnsFor(cells, 2010), [['2010']]);
		expect(view.get('0216')!.n).toBe(again.get('0216')!.n);
		expect(view.get('0216')!.n).toBe(view.get('02')!.n);
		expect(view.get('02')!.n).toBe(view.get('')!.n);
		// Every count shown lies within 2 of the truth and the rates' k stay within n.
		const truth = protectColumns(columnsFor(cells, 2010), [['2010']]);
		for (const [code, unit] of view) {
			expect(Math.abs(unit.n - truth.get(code)!.n)).toBeLessThanOrEqual(2);
			expect(unit.employed).toBeLessThanOrEqual(unit.n);
			expect(unit.hidden).toEqual(truth.get(code)!.hidden);
			// Cost per participant: the true average rounded to 100 zł, up or down.
			const truthUnit = truth.get(code)!;
			if (unit.n > 0) {
				const shown = unit.cost / unit.n;
				expect(Math.abs(shown / COST_STEP - Math.round(shown / COST_STEP))).toBeLessThan(1e-9);
				expect(Math.abs(shown - truthUnit.cost / truthUnit.n)).toBeLessThan(COST_STEP);
			}
		}
	});
});
