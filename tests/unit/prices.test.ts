// Constant prices: the GUS CPI chain from data/cpi.csv, worked by hand, and the rule that an unknown year stays unknown.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../scripts/data/index';
import { priceLevels, toConstantPrices } from '../../src/lib/prices/deflate';

const cpi = loadData(resolve(import.meta.dirname, '../../data')).cpi;
const levels = priceLevels(cpi);

describe('price levels from the GUS CPI', () => {
	it('chain the yearly changes, starting at 1 in the year before the first change', () => {
		expect(levels.get(2007)).toBe(1);
		expect(levels.get(2008)).toBeCloseTo(1.042, 12);
		expect(levels.get(2009)).toBeCloseTo(1.042 * 1.035, 12);
		// 2014's change is 0.0: the level stays where 2013 left it.
		expect(levels.get(2014)).toBe(levels.get(2013));
		expect([...levels.keys()]).toEqual([2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014]);
	});

	it('do not depend on the order of the rows', () => {
		expect(priceLevels([...cpi].reverse())).toEqual(levels);
	});

	it('refuse a series with a gap or a repeated year', () => {
		expect(() => priceLevels([{ year: 2010, cpi_change_pct: 2.6 }, { year: 2012, cpi_change_pct: 3.7 }])).toThrow(RangeError);
		expect(() => priceLevels([{ year: 2010, cpi_change_pct: 2.6 }, { year: 2010, cpi_change_pct: 2.6 }])).toThrow(RangeError);
	});

	it('are empty for an empty series', () => {
		expect(priceLevels([]).size).toBe(0);
	});
});

describe('toConstantPrices', () => {
	// Worked by hand from data/cpi.csv: prices rose 3.7% in 2012 and 0.9% in 2013.
	it.each([
		['100 zł of 2011 in 2013 prices', 100, 2011, 2013, 100 * 1.037 * 1.009],
		['100 zł of 2013 in 2011 prices', 100, 2013, 2011, 100 / (1.037 * 1.009)],
		['100 zł of 2008 in 2009 prices', 100, 2008, 2009, 103.5],
		['100 zł of 2007 in 2008 prices (2008 change links 2007)', 100, 2007, 2008, 104.2],
		['100 zł of 2013 in 2014 prices (no change)', 100, 2013, 2014, 100],
		['Leżajsk 2011 budget, 385 365,31 zł, in 2013 prices', 385365.31, 2011, 2013, 385365.31 * 1.037 * 1.009]
	])('%s', (_, value, year, base, expected) => {
		expect(toConstantPrices(value, year, base, levels)).toBeCloseTo(expected, 6);
	});

	it('returns the amount unchanged, exactly, when the base year is its own year', () => {
		for (const year of levels.keys()) expect(toConstantPrices(385365.31, year, year, levels)).toBe(385365.31);
	});

	it('comes back to the start on a round trip', () => {
		const there = toConstantPrices(353456, 2009, 2014, levels)!;
		expect(toConstantPrices(there, 2014, 2009, levels)).toBeCloseTo(353456, 8);
	});

	// An unknown year (Leszno's edition has none) or a year the series does not reach is never guessed.
	it.each([
		['unknown year', 1000, null, 2013],
		['year before the series', 1000, 2006, 2013],
		['year after the series', 1000, 2015, 2013],
		['base year after the series', 1000, 2011, 2015],
		['unknown amount', null, 2011, 2013]
	])('gives null for an %s', (_, value, year, base) => {
		expect(toConstantPrices(value, year, base, levels)).toBeNull();
	});
});
