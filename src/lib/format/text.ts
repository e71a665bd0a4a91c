// Text folded for matching and file names: Polish letters to their Latin base (ł has no decomposition of its own).
export function foldPolish(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

/** Whether sorted years run without a gap (2010, 2011, 2012), so they read as a range. */
export const contiguous = (years: readonly number[]) => years.every((y, i) => i === 0 || y === years[i - 1] + 1);
