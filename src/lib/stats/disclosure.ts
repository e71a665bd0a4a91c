// Statistical disclosure control for participant-level counts: no person may be singled out from a small cell.
// Published project aggregates are not suppressed; everything computed from participant rows is.

/** Counts from 1 to THRESHOLD − 1 are hidden. The one place to change it. */
export const DISCLOSURE_THRESHOLD = 5;

export const isSmall = (count: number) => count > 0 && count < DISCLOSURE_THRESHOLD;

export interface CountCell<K> {
	key: K;
	count: number | null;
	suppressed: 'primary' | 'secondary' | null;
}

/**
 * One-way breakdown whose total is shown: small cells are hidden (primary), and if that leaves exactly one hidden
 * cell its value would follow from the total, so the smallest visible cell is hidden too (secondary).
 */
export function suppressBreakdown<K>(cells: { key: K; count: number }[]): CountCell<K>[] {
	const out: CountCell<K>[] = cells.map(({ key, count }) =>
		isSmall(count) ? { key, count: null, suppressed: 'primary' } : { key, count, suppressed: null }
	);
	const hidden = out.filter((c) => c.suppressed);
	if (hidden.length === 1) {
		const candidates = out.filter((c) => !c.suppressed && c.count !== null && c.count > 0);
		const smallest = candidates.sort((a, b) => a.count! - b.count!)[0];
		if (smallest) {
			smallest.count = null;
			smallest.suppressed = 'secondary';
		}
	}
	return out;
}

/**
 * A rate k/n from participant rows is shown only if neither k nor n − k is a small cell: with n on screen,
 * hiding one of them alone would not protect it.
 */
export function rateIsDisclosive(k: number, n: number): boolean {
	return isSmall(k) || isSmall(n - k);
}
