// Difference of two proportions, p1 − p2, with Newcombe's hybrid score interval (method 10 in Newcombe 1998,
// Stat Med 17:873). Built from the two Wilson intervals, it stays inside [−1, 1] and honest at small n.
import { wilson } from './wilson';

export interface ProportionDifference {
	/** p1 − p2 */
	difference: number;
	low: number;
	high: number;
	/** The interval contains 0: the data do not tell the two rates apart. */
	withinNoise: boolean;
}

/** k1 of n1 against k2 of n2; z defaults to the 95% interval, as in wilson(). */
export function proportionDifference(k1: number, n1: number, k2: number, n2: number, z?: number): ProportionDifference {
	const a = wilson(k1, n1, z);
	const b = wilson(k2, n2, z);
	const difference = a.rate - b.rate;
	// Each side takes the distance to its own Wilson limit from both proportions, combined in quadrature.
	const low = difference - Math.sqrt((a.rate - a.low) ** 2 + (b.high - b.rate) ** 2);
	const high = difference + Math.sqrt((a.high - a.rate) ** 2 + (b.rate - b.low) ** 2);
	return { difference, low, high, withinNoise: low <= 0 && high >= 0 };
}
