// ESF-style result indicators per centre (employed, job-seeking, in education or training, qualification gained
// upon leaving), each by sex, from the synthetic rows, under disclosure control that also holds across the split.
import type { Database, SqlQuery } from '../db/types';
import { isSmall } from '../stats/disclosure';
import { syntheticRate, type RateCell } from './cells';
import { OUTCOMES, participantWhere, type Filters, type Outcome } from './filters';

export function outcomesSql(filters: Filters): SqlQuery {
	const where = participantWhere(filters, 'p');
	return {
		sql: `
SELECT centre_id, sex, count(*) AS n, ${OUTCOMES.map((o) => `count(*) FILTER (WHERE outcome_${o}) AS ${o}`).join(', ')}
FROM participants p
${where.sql}
GROUP BY ALL
ORDER BY centre_id, sex`,
		params: where.params
	};
}

type OutcomeRow = { centre_id: string; sex: 'K' | 'M'; n: number } & Record<Outcome, number>;

export interface OutcomeIndicator {
	centreId: string;
	outcome: Outcome;
	women: RateCell;
	men: RateCell;
	total: RateCell;
}

/**
 * With the total on screen, one hidden sex could be recovered as total − the other, so when either sex's cell is
 * hidden (or its group is small) both are; the total keeps its own rule.
 */
export function toOutcomeIndicators(rows: OutcomeRow[]): OutcomeIndicator[] {
	const centres = [...new Set(rows.map((r) => r.centre_id))];
	return centres.flatMap((centreId) => {
		const of = (sex: 'K' | 'M') => rows.find((r) => r.centre_id === centreId && r.sex === sex);
		const women = of('K');
		const men = of('M');
		const n = (women?.n ?? 0) + (men?.n ?? 0);
		return OUTCOMES.map((outcome) => {
			const cell = (row: OutcomeRow | undefined) => (row ? syntheticRate(row[outcome], row.n) : syntheticRate(0, 0));
			let w = cell(women);
			let m = cell(men);
			const exposed = w.kind === 'suppressed' || m.kind === 'suppressed' || isSmall(women?.n ?? 0) || isSmall(men?.n ?? 0);
			if (exposed && women && men) {
				w = { kind: 'suppressed', n: women.n };
				m = { kind: 'suppressed', n: men.n };
			}
			const total = syntheticRate((women?.[outcome] ?? 0) + (men?.[outcome] ?? 0), n);
			return { centreId, outcome, women: w, men: m, total };
		});
	});
}

export async function fetchOutcomeIndicators(db: Database, filters: Filters): Promise<OutcomeIndicator[]> {
	return toOutcomeIndicators(await db.query<OutcomeRow>(outcomesSql(filters)));
}
