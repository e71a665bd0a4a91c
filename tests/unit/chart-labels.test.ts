// Chart labels at a phone's width: long category names break into lines between words, and an upright axis
// title puts its parenthesis on a second line, so Chart.js never cuts them at the canvas's edge.
import { describe, expect, it } from 'vitest';
import { labelChars, titleLines, wrapLabel } from '../../src/lib/charts/bar-config';

describe('category labels', () => {
	it.each<[string, number, string | string[]]>([
		['OPS Chocianów', 19, 'OPS Chocianów'],
		['OPS Gmina Leszno · rok nieznany', 19, ['OPS Gmina Leszno ·', 'rok nieznany']],
		['OPS Janów Lubelski (n = 37)', 19, ['OPS Janów Lubelski', '(n = 37)']],
		['OPS Janów Lubelski (n = 37)', 40, 'OPS Janów Lubelski (n = 37)'],
		['Bardzodługanazwabezspacji gminy', 12, ['Bardzodługanazwabezspacji', 'gminy']]
	])('%s at %d characters → %o', (label, max, lines) => {
		expect(wrapLabel(label, max)).toEqual(lines);
	});

	it('allows two-fifths of the chart’s width, never fewer than 12 characters', () => {
		expect(labelChars(330)).toBe(18);
		expect(labelChars(1100)).toBe(62);
		expect(labelChars(100)).toBe(12);
	});
});

describe('axis titles', () => {
	it('puts the parenthesis on its own line', () => {
		expect(titleLines('zł na uczestnika (ceny bieżące)')).toEqual(['zł na uczestnika', '(ceny bieżące)']);
		expect(titleLines('Liczba uczestników')).toBe('Liczba uczestników');
	});
});
