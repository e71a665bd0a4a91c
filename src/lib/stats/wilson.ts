// Wilson score interval for a proportion: honest at the small n (8 to 37 people) these projects have,
// where the textbook normal interval runs below 0 % or above 100 %.

export interface Interval {
	rate: number;
	low: number;
	high: number;
}

const Z_95 = 1.959963984540054;

export function wilson(k: number, n: number, z = Z_95): Interval {
	if (!Number.isInteger(k) || !Number.isInteger(n) || n <= 0 || k < 0 || k > n) {
		throw new RangeError(`wilson: need whole numbers 0 ≤ k ≤ n, n > 0 (got k=${k}, n=${n})`);
	}
	const p = k / n;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	// Clamp the float error at the ends: k = 0 must give exactly 0, k = n exactly 1.
	return { rate: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}
