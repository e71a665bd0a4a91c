// Median and 95th percentile (nearest rank) of repeated timings.
export function summarise(samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	return { runs: sorted.length, median: rank(0.5), p95: rank(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}
