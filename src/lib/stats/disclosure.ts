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
 * One-way breakdown whose total is shown: small cells are hidden (primary), as are cells another rule hid
 * (`hidden`). While the hidden cells could be worked out from the total (one hidden cell, or hidden cells whose
 * sum is itself small), the smallest visible cell is hidden too (secondary), and the check runs again.
 */
export function suppressBreakdown<K>(cells: { key: K; count: number; hidden?: boolean }[]): CountCell<K>[] {
	const out: (CountCell<K> & { value: number })[] = cells.map(({ key, count, hidden }) =>
		isSmall(count) || hidden ? { key, count: null, suppressed: 'primary', value: count } : { key, count, suppressed: null, value: count }
	);
	const recoverable = () => {
		const hidden = out.filter((c) => c.suppressed && c.value > 0);
		return hidden.length === 1 || isSmall(hidden.reduce((sum, c) => sum + c.value, 0));
	};
	while (recoverable()) {
		const smallest = out.filter((c) => !c.suppressed && c.value > 0).sort((a, b) => a.value - b.value)[0];
		if (!smallest) break;
		smallest.count = null;
		smallest.suppressed = 'secondary';
	}
	return out.map(({ key, count, suppressed }) => ({ key, count, suppressed }));
}

/**
 * A rate k/n from participant rows is shown only if neither k nor n − k is a small cell: with n on screen,
 * hiding one of them alone would not protect it.
 */
export function rateIsDisclosive(k: number, n: number): boolean {
	return isSmall(k) || isSmall(n - k);
}
