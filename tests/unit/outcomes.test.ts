// Result indicators by sex: rates with n and intervals, and no hidden cell recoverable from the total.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { fetchOverview } from '../../src/lib/queries/overview';
import { toOutcomeIndicators, type OutcomeIndicator } from '../../src/lib/queries/outcomes';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
let indicators: OutcomeIndicator[];
beforeAll(async () => {
	indicators = (await fetchOverview(db, DEFAULT_FILTERS)).outcomes;
}, 60_000);

const k = (cell: OutcomeIndicator['total']) => ('k' in cell ? cell.k : null);

describe('outcome indicators by sex', () => {
	it('gives four indicators per centre with participants', () => {
		expect(indicators).toHaveLength(5 * 4);
		const lezajskEmployed = indicators.find((i) => i.centreId === 'lezajsk' && i.outcome === 'employed')!;
		// 3 of 25 employed: the count is small, so the synthetic rate is hidden, n still shown.
		expect(lezajskEmployed.total).toEqual({ kind: 'suppressed', n: 25 });
	});

	it('never lets a hidden sex be recovered as total minus the other sex', () => {
		for (const i of indicators) {
			const hidden = [i.women, i.men].filter((c) => c.kind === 'suppressed').length;
			if (i.total.kind === 'synthetic') expect(hidden === 0 || hidden === 2, `${i.centreId} ${i.outcome}`).toBe(true);
			for (const cell of [i.women, i.men, i.total]) {
				const count = k(cell);
				if (count !== null && cell.kind === 'synthetic') expect(count === 0 || count >= 5).toBe(true);
			}
		}
	});

	it('hides both sexes when one would be small, keeping the total when it is safe', () => {
		const [employed] = toOutcomeIndicators([
			{ centre_id: 'x', sex: 'K', n: 20, completed: 20, employed: 3, job_seeking: 10, education: 0, qualification: 10 },
			{ centre_id: 'x', sex: 'M', n: 20, completed: 20, employed: 8, job_seeking: 10, education: 0, qualification: 10 }
		]);
		expect(employed.women.kind).toBe('suppressed');
		expect(employed.men.kind).toBe('suppressed');
		expect(employed.total).toMatchObject({ kind: 'synthetic', k: 11, n: 40 });
	});
});
