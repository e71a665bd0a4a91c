// A chart's drawn key for large data (chart.svelte.ts): the number moves exactly when the data differ from the last
// seen, so an equal answer costs no redraw and a different one is never skipped.
import { describe, expect, it } from 'vitest';
import { changeCounter, drawnKey } from '../../src/lib/charts/chart.svelte';

describe('changeCounter', () => {
	const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

	it('moves for data that differ, and stays for equal data made anew', () => {
		const version = changeCounter(same);
		const first = version([1, 2]);
		expect(version([1, 2])).toBe(first);
		const second = version([1, 3]);
		expect(second).not.toBe(first);
		expect(version([1, 3])).toBe(second);
		// Back to data seen two changes ago is a change from the last: drawn again.
		expect(version([1, 2])).not.toBe(second);
	});

	it('keeps one count per chart, and gives keys that differ as the versions do', () => {
		const [a, b] = [changeCounter(same), changeCounter(same)];
		a([1]);
		expect(b([1])).toBe(1);
		expect(drawnKey(a([2]), 'words')).not.toBe(drawnKey(a([3]), 'words'));
	});
});
