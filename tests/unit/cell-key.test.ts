// Cell-key perturbation on the national pages under filters, attacked the way the suppression guard alone could not
// stop: a reader adds up several single-year views of a centre and takes them from the all-years view. With exact
// counts that gives the hidden year every time; with the counts moved by their cell keys it must not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardSelection } from '../../src/lib/queries/national';
import { COST_STEP, KEYS, TABLE, changeAt, changeOf, perturbCount, perturbRate, roundCost, rowKey } from '../../src/lib/stats/cell-key';
import { protectColumns, type SelectionColumns } from '../../src/lib/stats/selection-guard';

/** One cube row per centre and year (one sex, one age band). */
interface Cell {
	teryt: number;
	year: number;
	n: number;
	employed: number;
	/** Each person's support cost in whole złoty, as the generator makes them (hours × an hourly rate). */
	costs: number[];
	/** The cell's stratum, which with its centre gives its cell keys; by default its year's place in YEARS. */
	stratum?: number;
}

/** A seeded stream of whole-złoty support costs, 720–16,719 zł a person. */
function costStream(seed: number) {
	let state = seed >>> 0 || 1;
	return () => 720 + Math.floor(((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * 16_000);
}

/** The engine's columns for a filter on the given year: combination 1 where a row's year is selected (one value). */
function columnsFor(cells: Cell[], year: number | null): SelectionColumns & { stratum: number[] } {
	return columnsForYears(cells, year === null ? [] : [year]);
}

/** The same for a filter on several years: combination i + 1 for the i-th selected year. */
function columnsForYears(cells: Cell[], years: number[]): SelectionColumns & { stratum: number[] } {
	return {
		teryt: cells.map((c) => c.teryt),
		// One cell per centre and year here: the year is the stratum, unless a keying says otherwise.
		stratum: cells.map((c) => c.stratum ?? c.year - 2008),
		combo: cells.map((c) => years.indexOf(c.year) + 1),
		n: cells.map((c) => c.n),
		employed: cells.map((c) => c.employed),
		completed: cells.map((c) => c.n),
		cost: cells.map((c) => c.costs.reduce((a, b) => a + b, 0))
	};
}

const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014];
const TARGET = 216011;
const TARGET_CODE = '0216011';

/**
 * README's example: a centre with 40 people in each of 2008–2013 and 3 in 2014, beside two larger centres of its
 * powiat. Keys follow a row's place in the cube, so each `salt` puts that many rows of a centre elsewhere first: a
 * differently keyed country each time, the same people.
 */
function country(salt: number): Cell[] {
	const cost = costStream(salt + 1);
	// Another salt, another keying: the strata numbered from another place (36 of them fit a byte's 256), as another
	// build's data would number them. Keys come from a row's centre and stratum (`cubeRowId`), not from its place.
	const keying = 7 * (salt % 36);
	const cells: Cell[] = Array.from({ length: salt }, () => ({ teryt: 3261011, year: 2008, n: 10, employed: 5, costs: Array.from({ length: 10 }, () => cost()), stratum: keying }));
	for (const [teryt, size] of [
		[TARGET, (y: number) => (y === 2014 ? 3 : 40)],
		[216022, () => 60],
		[216033, () => 75]
	] as const)
		for (const year of YEARS) {
			const n = size(year);
			cells.push({ teryt, year, n, employed: Math.floor(n / 2), costs: Array.from({ length: n }, () => cost()), stratum: keying + YEARS.indexOf(year) });
		}
	return cells;
}

describe('row keys and the change they make', () => {
	it('gives each cube row fixed 32-bit keys, spread evenly: 20,000 rows over the 256 values of the low byte', () => {
		expect(rowKey(17, 0)).toBe(rowKey(17, 0));
		const counts = new Array(256).fill(0);
		let high = 0;
		for (let row = 0; row < 20_000; row++) {
			const key = rowKey(row, 0);
			expect(key).toBeGreaterThanOrEqual(0);
			expect(key).toBeLessThan(KEYS);
			counts[key & 255] += 1;
			if (key >= 2 ** 31) high += 1;
		}
		// 78 expected per value; keys of consecutive rows without the mixing would fill a few values only.
		expect(Math.min(...counts)).toBeGreaterThan(45);
		expect(Math.max(...counts)).toBeLessThan(115);
		// And the top bit is as often set as not: the keys use all 32 bits, not 8.
		expect(Math.abs(high - 10_000)).toBeLessThan(400);
	});

	it('rounds money by a key of its own: the rounding says nothing about the count’s change', () => {
		// Per bucket of the cost key, how the count keys' changes fall: the same split in every bucket, within noise.
		const byBucket = Array.from({ length: 8 }, () => new Map<number, number>());
		for (let row = 0; row < 40_000; row++) {
			const bucket = byBucket[rowKey(row, 3) % 8];
			const change = changeOf(rowKey(row, 0));
			bucket.set(change, (bucket.get(change) ?? 0) + 1);
		}
		for (const bucket of byBucket) {
			const total = [...bucket.values()].reduce((a, b) => a + b, 0);
			// 40% of keys change nothing; a cost key that gave the count's key away would push a bucket to 0% or 100%.
			expect(bucket.get(0)! / total).toBeGreaterThan(0.36);
			expect(bucket.get(0)! / total).toBeLessThan(0.44);
		}
	});

	it('moves a count by −2 to +2, symmetric around 0, the table’s 256 entries as designed, and keys find them evenly', () => {
		const byEntry = new Map<number, number>();
		for (let i = 0; i < TABLE; i++) byEntry.set(changeAt(i), (byEntry.get(changeAt(i)) ?? 0) + 1);
		expect(Object.fromEntries(byEntry)).toEqual({ '-2': 26, '-1': 51, '0': 102, '1': 51, '2': 26 });
		// 2^16 cell keys, as sums of record keys are: each change about as often as its share of the table.
		const byKey = new Map<number, number>();
		for (let i = 0; i < 65_536; i++) {
			const change = changeOf((i * 2_654_435_761) % KEYS);
			byKey.set(change, (byKey.get(change) ?? 0) + 1);
		}
		for (const [change, entries] of byEntry) expect(Math.abs(byKey.get(change)! / 65_536 - entries / TABLE)).toBeLessThan(0.01);
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

	it('keeps a shown rate’s both sides at 0 or 5 or more, within 2 of the truth, or hides it (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: KEYS - 1 }), fc.integer({ min: 0, max: KEYS - 1 }), (a, b, keyN, keyK) => {
				// A rate the guard shows: k and n − k each 0 or 5 or more.
				const k = a < 5 ? 0 : a;
				const rest = b < 5 ? 0 : b;
				const n = k + rest;
				if (n < 5) return;
				const shownN = perturbCount(n, keyN);
				const shown = perturbRate(k, n, shownN, keyK);
				if (shown === null) {
					// Hidden only where no room was left.
					expect(shownN).toBeLessThan(10);
					return;
				}
				for (const side of [shown, shownN - shown]) expect(side === 0 || side >= 5).toBe(true);
				expect(Math.abs(shown - k)).toBeLessThanOrEqual(4);
				if (k === 0) expect(shown).toBe(0);
				if (rest === 0) expect(shown).toBe(shownN);
			})
		);
		// A true 45 of 50: never shown as, say, 47 of 49 (2 not employed).
		for (let key = 0; key < 2_000; key++) {
			const shownN = perturbCount(50, key * 7919);
			const shown = perturbRate(45, 50, shownN, key * 104_729)!;
			expect(shownN - shown).toBeGreaterThanOrEqual(5);
		}
	});

	it('leaves the counts of a large cell unbiased: over 2^16 keys, the mean change is 0 within 0.02', () => {
		let sum = 0;
		for (let i = 0; i < 65_536; i++) sum += perturbCount(100, (i * 2_654_435_761) % KEYS) - 100;
		expect(Math.abs(sum / 65_536)).toBeLessThan(0.02);
	});
});

describe('a sum of several views against the whole (the gap the suppression guard left)', () => {
	it('no longer gives the hidden year: the attack that always worked on exact counts now misses most of the time', () => {
		const misses: number[] = [];
		let exactWorked = 0;
		const salts = 36;
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

	it('keeps the noise when the reader also uses each view’s cost per participant, even with two-year views (a reviewer’s attack)', () => {
		// Support costs are whole złoty, so a true average to the grosz, times a candidate true count, is whole only
		// for the true count; and a two-year view's average pins how its years' counts weigh. The attacker knows the
		// method: which true counts each shown count can come from, and how the average was made. Given a view's
		// shown average, `within` says which true totals C fit a true count v.
		const SIX = YEARS.slice(0, 6);
		const sources = new Map<number, number[]>();
		const from = (shown: number) => {
			let out = sources.get(shown);
			// What a true v can show: v + change, reflected above 5 (`perturbCount`).
			const shows = (v: number) => [-2, -1, 0, 1, 2].map((c) => (v + c >= 5 ? v + c : v - c));
			if (!out) sources.set(shown, (out = Array.from({ length: 9 }, (_, i) => shown - 4 + i).filter((v) => v >= 5 && shows(v).includes(shown))));
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
						const pair = pairs.get(`${j},${i}`);
						if (!pair) return true;
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
		const salts = 36;
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
			// Two-year views as well, which the page offered before its filters took one value each: a richer set than
			// the page's, to give the attacker the weights its averages pin (with single years alone, even averages to
			// the grosz pin nothing here: a wrong count of about 40 fits a whole-złoty total 40% of the time).
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
			if ([...shown].filter((v) => v >= 1 && v <= 4).length === 1) shownAverages += 1;
		}
		// Measured (32-bit keys): 60 of 60 to the grosz; rounded, 1 of 60 leaves one size of 1–4 (the page says
		// the hidden year is under 5), the others 2 to 4 of them. The README states that residue.
		expect(exactAverages).toBe(salts);
		expect(shownAverages).toBeLessThanOrEqual(1);
	});

	it('rounds the cost per participant to 100 zł without bias: over 2^16 keys, the mean is the true average within 1 zł', () => {
		for (const average of [8773.07, 9050, 12_345.5]) {
			let sum = 0;
			const keys = Array.from({ length: 65_536 }, (_, i) => (i * 2_654_435_761) % KEYS);
			for (const key of keys) sum += roundCost(average, key);
			expect(Math.abs(sum / keys.length - average)).toBeLessThan(1);
			// Only the two neighbouring steps.
			expect(new Set(keys.map((k) => roundCost(average, k))).size).toBeLessThanOrEqual(2);
		}
	});

	it('draws nothing new when the cube’s rows come in another order: a row’s keys are who it counts, not where it lies', () => {
		const cells = country(7);
		const columns = columnsFor(cells, 2010);
		// Each centre's rows backwards (the centres' order stays: it breaks ties between units to hide).
		const first = new Map<number, number>();
		cells.forEach((c, i) => first.has(c.teryt) || first.set(c.teryt, i));
		const order = cells.map((_, i) => i).sort((a, b) => first.get(cells[a].teryt)! - first.get(cells[b].teryt)! || b - a);
		expect(order).not.toEqual(cells.map((_, i) => i));
		const reordered = Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, order.map((i) => (values as number[])[i])])) as unknown as typeof columns;
		const plain = (units: ReturnType<typeof guardSelection>) => [...units].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, u]) => [code, u.n, u.employed, u.completed, u.cost]);
		expect(plain(guardSelection(reordered, [['2010']]))).toEqual(plain(guardSelection(columns, [['2010']])));
	});

	it('sees a column written to since its tree and keys were kept, and answers for what it holds now', () => {
		const cells = country(3);
		const teryt = cells.map((c) => c.teryt);
		const columns = { ...columnsFor(cells, 2010), teryt };
		const plain = (units: ReturnType<typeof guardSelection>) => [...units].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, u]) => [code, u.n, u.employed, u.completed, u.cost, u.hidden]);
		const fresh = () => plain(guardSelection({ ...columns, teryt: Array.from(columns.teryt), stratum: Array.from(columns.stratum) }, [['2010']]));
		const before = plain(guardSelection(columns, [['2010']]));
		// In place, the centre column alone: the last centre's rows moved to another voivodeship. Its units and its
		// rows' keys (which its code is part of) must both follow.
		const moved = teryt.at(-1)!;
		teryt.forEach((code, i) => code === moved && (teryt[i] = 1_461_011));
		const afterMove = plain(guardSelection(columns, [['2010']]));
		expect(afterMove).toEqual(fresh());
		expect(afterMove).not.toEqual(before);
		expect(afterMove.map(([code]) => code)).toContain('14');
		// Then the strata alone: the first row the filter keeps (2010) into another stratum.
		columns.stratum[cells.findIndex((c) => c.year === 2010)] += 50;
		const afterStratum = plain(guardSelection(columns, [['2010']]));
		expect(afterStratum).toEqual(fresh());
		expect(afterStratum).not.toEqual(afterMove);
	});

	it('stops at a centre code that is no TERC code rather than guess its powiat and voivodeship', () => {
		const columns = columnsFor(country(1), 2010);
		for (const bad of [-1, Number.NaN, 12_345_678, 216011.5]) {
			const teryt = [bad, ...Array.from(columns.teryt).slice(1)];
			expect(() => guardSelection({ ...columns, teryt }, [['2010']])).toThrow(`row 0 has centre code ${bad}, not a TERC code`);
		}
	});

	it('keys a cube’s rows by the strata it is given: the same centres with their strata numbered anew draw anew, as fresh columns do', () => {
		const cells = country(5);
		const columns = columnsFor(cells, 2010);
		const first = guardSelection(columns, [['2010']]);
		// The same centre column, its strata numbered from elsewhere (another build's data): the keys kept for the first
		// numbering must not be read for the second.
		const renumbered = { ...columns, stratum: columns.stratum.map((s) => s + 40) };
		const fresh = { ...renumbered, teryt: Array.from(columns.teryt), stratum: [...renumbered.stratum] };
		const plain = (units: ReturnType<typeof guardSelection>) => [...units].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, u]) => [code, u.n, u.employed, u.completed, u.cost]);
		expect(plain(guardSelection(renumbered, [['2010']]))).toEqual(plain(guardSelection(fresh, [['2010']])));
		expect(plain(guardSelection(renumbered, [['2010']]))).not.toEqual(plain(first));
		expect(plain(guardSelection(columns, [['2010']]))).toEqual(plain(first));
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
