// The mix of support per centre (synthetic rows): how the cost splits across forms of support, with the
// number of participants behind each share, under disclosure control.
import { allowedValues } from '../dictionary';
import type { Database, SqlQuery } from '../db/types';
import { suppressBreakdown } from '../stats/disclosure';
import { groupBy } from './group-by';
import { participantWhere, type Filters } from './filters';

export function supportMixSql(filters: Filters): SqlQuery {
	const where = participantWhere(filters, 'p');
	return {
		sql: `
SELECT p.centre_id, s.form, count(DISTINCT s.participant_id) AS participants, round(sum(s.cost_pln), 2) AS cost_pln
FROM support s JOIN participants p USING (participant_id)
${where.sql}
GROUP BY ALL
ORDER BY p.centre_id, s.form`,
		params: where.params
	};
}

export interface SupportShare {
	form: string;
	/** null where the participants behind it are hidden (<5), and then so are its cost and share. */
	participants: number | null;
	costPln: number | null;
	share: number | null;
}

export interface CentreSupportMix {
	centreId: string;
	totalCostPln: number;
	forms: SupportShare[];
}

export function toSupportMix(rows: { centre_id: string; form: string; participants: number; cost_pln: number }[]): CentreSupportMix[] {
	return [...groupBy(rows, (r) => r.centre_id)].map(([centreId, own]) => {
		const total = own.reduce((sum, r) => sum + r.cost_pln, 0);
		// Every form in dictionary order, so the stacks line up across centres.
		const byForm = allowedValues('support_form').map((form) => own.find((r) => r.form === form) ?? { form, participants: 0, cost_pln: 0 });
		const cells = suppressBreakdown(byForm.map((r) => ({ key: r.form, count: r.participants })));
		return {
			centreId,
			totalCostPln: Math.round(total * 100) / 100,
			forms: byForm.map((r, i) => {
				const hidden = cells[i].suppressed !== null;
				return {
					form: r.form,
					participants: cells[i].count,
					costPln: hidden ? null : r.cost_pln,
					share: hidden || total === 0 ? null : r.cost_pln / total
				};
			})
		};
	});
}

export async function fetchSupportMix(db: Database, filters: Filters): Promise<CentreSupportMix[]> {
	return toSupportMix(await db.query(supportMixSql(filters)));
}
