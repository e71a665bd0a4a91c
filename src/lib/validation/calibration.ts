// Proves that the synthetic participants and support reproduce every published aggregate exactly.
import type { Figure, FigureKey, Participant, Support, Tables } from '../dictionary';
import type { DataIssue } from './validate';

type Measure = (participants: Participant[], support: Support[]) => number;

const toGrosze = (zl: number) => Math.round(zl * 100);
const costOf = (rows: Support[], form?: string) => rows.filter((s) => !form || s.form === form).reduce((sum, s) => sum + toGrosze(s.cost_pln), 0);

/** How each calibrated figure is measured on the generated rows (money compared in grosze). */
export const CALIBRATED: Partial<Record<FigureKey, { measure: Measure; money?: boolean }>> = {
	participants: { measure: (p) => p.length },
	women: { measure: (p) => p.filter((x) => x.sex === 'K').length },
	social_contracts: { measure: (p) => p.filter((x) => x.pathway === 'social_contract').length },
	local_activity_participants: { measure: (p) => p.filter((x) => x.pathway === 'local_activity').length },
	participants_employed: { measure: (p) => p.filter((x) => x.outcome_employed).length },
	budget_pln: { measure: (_, s) => costOf(s), money: true },
	own_contribution_pln: { measure: (_, s) => costOf(s, 'financial'), money: true },
	staff_salaries_pln: { measure: (_, s) => costOf(s, 'social_work'), money: true }
};

export function checkCalibration(tables: Pick<Tables, 'figures' | 'participants' | 'support'>): DataIssue[] {
	const issues: DataIssue[] = [];
	const byEdition = <T extends { edition_id: string }>(rows: T[], id: string) => rows.filter((r) => r.edition_id === id);
	for (const figure of tables.figures as Figure[]) {
		const rule = CALIBRATED[figure.figure];
		if (!rule) continue;
		const got = rule.measure(byEdition(tables.participants, figure.edition_id), byEdition(tables.support, figure.edition_id));
		const want = rule.money ? toGrosze(figure.value) : figure.value;
		if (got !== want) {
			issues.push({
				file: 'dane syntetyczne',
				row: null,
				column: figure.figure,
				value: figure.edition_id,
				rule: `kalibracja: opublikowano ${figure.value}, wygenerowano ${rule.money ? got / 100 : got}`
			});
		}
	}
	return issues;
}
