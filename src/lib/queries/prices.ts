// Money at the chosen prices: nominal, or constant prices of a base year by GUS's CPI (the price_levels view).
import type { SqlQuery } from '../db/types';

/**
 * `amount` (a column of złoty in the prices of `year`, another column) moved to the prices of `priceBase`. An
 * unknown year gives NULL: an amount that cannot be deflated stays unknown, never nominal in disguise.
 */
export function atPrices(amount: string, year: string, priceBase: number | null): SqlQuery & { params: number[] } {
	if (priceBase === null) return { sql: amount, params: [] };
	return {
		sql: `${amount} * (SELECT level FROM price_levels WHERE year = ?) / (SELECT level FROM price_levels WHERE year = ${year})`,
		params: [priceBase]
	};
}
