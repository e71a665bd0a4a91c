import { describe, expect, it } from 'vitest';
import { parseStated } from '../../src/lib/validation/stated';

describe('parseStated reads a figure as the page writes it', () => {
	it.each([
		['385 365,31 zł', 385365.31],
		['344 901,95 zł', 344901.95],
		['353456 zł', 353456],
		['117 tysięcy', 117000],
		['8 osób', 8],
		['17 z którymi podpisano kontrakty socjalne', 17],
		['dwóch pracowników', 2],
		['trzech pracowników', 3],
		['½ etatu', 0.5],
		['czwarty', 4],
		['385\u00a0365,31 zł', 385365.31]
	])('%s → %d', (stated, value) => {
		expect(parseStated(stated)).toBe(value);
	});

	it('gives null when the text holds no number', () => {
		expect(parseStated('nie podano')).toBeNull();
	});
});
