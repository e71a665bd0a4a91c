// Text folded for matching and file names: Polish letters to their Latin base (ł has no decomposition of its own).
export function foldPolish(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}
