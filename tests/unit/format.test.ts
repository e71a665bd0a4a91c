import { describe, expect, it } from 'vitest';
import { formatDate, formatInteger, formatInterval, formatMoney, formatPercent } from '../../src/lib/format/number';

// Intl writes a no-break space (U+00A0) between groups and before "zł"; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('Polish formats', () => {
	it.each([
		[385365.31, '385 365,31 zł'],
		[15414.61, '15 414,61 zł'],
		[9552.86, '9552,86 zł'],
		[353456, '353 456,00 zł']
	])('money %d → %s', (value, text) => {
		expect(plain(formatMoney(value))).toBe(text);
	});

	it('groups integers from five digits', () => {
		expect(plain(formatInteger(1234))).toBe('1234');
		expect(plain(formatInteger(1_000_000))).toBe('1 000 000');
	});

	it('writes percentages and intervals', () => {
		expect(formatPercent(0.12)).toBe('12%');
		expect(formatInterval(0.12, 0.0417, 0.2996)).toBe('12% (95% PU: 4–30%)');
	});

	it('writes dates with Polish month names', () => {
		expect(formatDate('2011-12-12')).toBe('12 grudnia 2011');
	});
});
