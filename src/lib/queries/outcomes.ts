// ESF-style result indicators per centre (employed, job-seeking, in education or training, qualification gained
// upon leaving), each by sex, from the synthetic rows, under disclosure control that also holds across the split.
import { isSmall } from '../stats/disclosure';
import { groupBy } from './group-by';
import { markImported, omittedRate, syntheticRate, type RateCell } from './cells';
import { OUTCOMES, type Outcome } from './filters';

/** Synthetic participants of a selection counted per centre and sex (overview's participantGroupsSql). */
export type ParticipantGroup = { centre_id: string; sex: 'K' | 'M'; n: number; completed: number; /** rows from the user's files */ imported?: number } & Record<Outcome, number>;

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
export function toOutcomeIndicators(rows: ParticipantGroup[], supportFiltered = false): OutcomeIndicator[] {
	return [...groupBy(rows, (r) => r.centre_id)].flatMap(([centreId, own]) => {
		// Under a form-of-support filter no rate is shown (cells.ts, `overlapping_support`).
		if (supportFiltered) return OUTCOMES.map((outcome) => ({ centreId, outcome, women: omittedRate('overlapping_support'), men: omittedRate('overlapping_support'), total: omittedRate('overlapping_support') }));
		const of = (sex: 'K' | 'M') => own.find((r) => r.sex === sex);
		const women = of('K');
		const men = of('M');
		const n = (women?.n ?? 0) + (men?.n ?? 0);
		return OUTCOMES.map((outcome) => {
			const cell = (row: ParticipantGroup | undefined) => (row ? markImported(syntheticRate(row[outcome], row.n), row.imported ?? 0, row.n) : syntheticRate(0, 0));
			let w = cell(women);
			let m = cell(men);
			const exposed = w.kind === 'suppressed' || m.kind === 'suppressed' || isSmall(women?.n ?? 0) || isSmall(men?.n ?? 0);
			if (exposed && women && men) {
				w = { kind: 'suppressed', n: women.n };
				m = { kind: 'suppressed', n: men.n };
			}
			const total = markImported(syntheticRate((women?.[outcome] ?? 0) + (men?.[outcome] ?? 0), n), (women?.imported ?? 0) + (men?.imported ?? 0), n);
			return { centreId, outcome, women: w, men: m, total };
		});
	});
}
