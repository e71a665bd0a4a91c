// Constant prices from GUS's annual average CPI: the year-on-year changes are chained into a price level per year,
// and an amount moves between years by the ratio of their levels. A year the series does not reach gives null.
import type { Cpi } from '../dictionary';

/**
 * Price level per year, chain-linked. Each change links a year to the one before it, so the levels start one year
 * before the first change (at 1): 4.2 for 2008 fixes 2008 against 2007 exactly, without guessing anything.
 */
export function priceLevels(cpi: Pick<Cpi, 'year' | 'cpi_change_pct'>[]): Map<number, number> {
	const sorted = [...cpi].sort((a, b) => a.year - b.year);
	const levels = new Map<number, number>();
	if (sorted.length === 0) return levels;
	let level = 1;
	levels.set(sorted[0].year - 1, level);
	sorted.forEach(({ year, cpi_change_pct }, i) => {
		if (!Number.isInteger(year) || !Number.isFinite(cpi_change_pct)) throw new RangeError(`priceLevels: bad row (year ${year}, change ${cpi_change_pct})`);
		// A missing or repeated year would break the chain: no level after it could be trusted.
		if (i > 0 && year !== sorted[i - 1].year + 1) throw new RangeError(`priceLevels: the series must have one row per year, no gaps (after ${sorted[i - 1].year} comes ${year})`);
		level *= 1 + cpi_change_pct / 100;
		levels.set(year, level);
	});
	return levels;
}

/**
 * `value` of `year` in `baseYear` prices, or null when the value or its year is unknown, or when either year is
 * outside the series. An unknown year is never replaced by a nearby one.
 */
export function toConstantPrices(value: number | null, year: number | null, baseYear: number, levels: Map<number, number>): number | null {
	if (value === null || year === null) return null;
	const from = levels.get(year);
	const to = levels.get(baseYear);
	if (from === undefined || to === undefined) return null;
	// The ratio first: for year = baseYear it is exactly 1, so the amount comes back unchanged to the grosz.
	return value * (to / from);
}
