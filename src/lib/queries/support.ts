// The mix of support per centre (synthetic rows): how the cost splits across forms of support, in shares and in
// money at the chosen prices, with the number of participants behind each, under disclosure control.
import { allowedValues } from '../dictionary';
import type { Database, SqlQuery } from '../db/types';
import { isSmall } from '../stats/disclosure';
import { groupBy } from './group-by';
import { participantWhere, type Filters } from './filters';
import { atPrices } from './prices';
import type { Imported } from './cells';
import { readOff } from './read-off';

export function supportMixSql(filters: Filters): SqlQuery {
	const where = participantWhere(filters, 'p');
	// Each support row's cost at the chosen prices, by the year of its participant's edition.
	const cost = atPrices('s.cost_pln', 'e.year', filters.priceBase);
	return {
		// By sex too, summed per centre and form in toSupportMix: a filter on centres or sex is then read off the kept
		// answer without one (fetchSupportMix). A person has one sex, so the distinct heads add up across sexes.
		sql: `
SELECT p.centre_id, s.form, p.sex, count(DISTINCT s.participant_id) AS participants, sum(${cost.sql}) AS cost_pln,
	count(*) AS support_rows, count(*) FILTER (WHERE s.provenance = 'imported') AS imported_rows
FROM support s JOIN participants p USING (participant_id) JOIN editions e ON e.edition_id = p.edition_id
${where.sql}
GROUP BY ALL
ORDER BY p.centre_id, s.form, p.sex`,
		params: [...cost.params, ...where.params]
	};
}

export interface SupportShare {
	form: string;
	/**
	 * null where the participants behind it are hidden (<5), and then so are its cost and share. Left out under a
	 * participant filter: no page prints it, and each form crossed with the filter would be one more small cell to
	 * subtract from the filtered views (see withoutHeadCounts).
	 */
	participants?: number | null;
	costPln: number | null;
	share: number | null;
}

export interface CentreSupportMix {
	centreId: string;
	/** Whether some or all of the support rows came from the user's files. */
	imported?: Imported;
	/** null in constant prices when the edition's year is unknown: the cost cannot be moved to the base year. */
	totalCostPln: number | null;
	forms: SupportShare[];
}

type MixRow = { centre_id: string; form: string; sex?: string | null; participants: number; cost_pln: number | null; support_rows?: number; imported_rows?: number };

/** A centre's form of support over the sexes: a cost unknown only where every part is (as SQL's sum), to the grosz. */
function bySexSummed(rows: MixRow[]): MixRow[] {
	return [...groupBy(rows, (r) => `${r.centre_id}\u0000${r.form}`).values()].map((parts) => {
		const known = parts.filter((r) => r.cost_pln !== null);
		return {
			centre_id: parts[0].centre_id,
			form: parts[0].form,
			participants: parts.reduce((sum, r) => sum + r.participants, 0),
			cost_pln: known.length ? Math.round(known.reduce((sum, r) => sum + r.cost_pln!, 0) * 100) / 100 : null,
			support_rows: parts.reduce((sum, r) => sum + (r.support_rows ?? 0), 0),
			imported_rows: parts.reduce((sum, r) => sum + (r.imported_rows ?? 0), 0)
		};
	});
}

export function toSupportMix(bySex: MixRow[]): CentreSupportMix[] {
	const rows = bySexSummed(bySex);
	return [...groupBy(rows, (r) => r.centre_id)].map(([centreId, own]) => {
		const costKnown = own.every((r) => r.cost_pln !== null);
		const importedRows = own.reduce((sum, r) => sum + (r.imported_rows ?? 0), 0);
		const supportRows = own.reduce((sum, r) => sum + (r.support_rows ?? 0), 0);
		const total = own.reduce((sum, r) => sum + (r.cost_pln ?? 0), 0);
		// Every form in dictionary order, so the stacks line up across centres.
		const byForm = allowedValues('support_form').map((form) => own.find((r) => r.form === form) ?? { form, participants: 0, cost_pln: 0 });
		// Forms overlap (one person, several forms), so their head counts are no breakdown of a total: only small ones
		// hide here, and the linked tables (protectOverview) hide the rest consistently with every other view.
		const small = byForm.map((r) => isSmall(r.participants));
		// Costs do add up to the total shown: a lone hidden cost would follow from it, so the smallest other goes too.
		const costHidden = [...small];
		if (costHidden.filter(Boolean).length === 1) {
			const other = byForm.map((r, i) => ({ i, cost: r.cost_pln ?? 0 })).filter(({ i, cost }) => !costHidden[i] && cost > 0).sort((a, b) => a.cost - b.cost)[0];
			if (other) costHidden[other.i] = true;
		}
		return {
			centreId,
			totalCostPln: costKnown ? Math.round(total * 100) / 100 : null,
			...(importedRows ? { imported: importedRows >= supportRows ? ('all' as const) : ('some' as const) } : {}),
			forms: byForm.map((r, i) => {
				const hidden = costHidden[i];
				return {
					form: r.form,
					participants: small[i] ? null : r.participants,
					costPln: hidden || !costKnown ? null : r.cost_pln,
					share: hidden || !costKnown || total === 0 ? null : r.cost_pln! / total
				};
			})
		};
	});
}

/**
 * The mix with its money only. Under a participant filter a form's head count crosses the filter with a form of
 * support: centre × filter × form, a cell that nests in the centre's filtered total and in the overview filtered by
 * that form, so small differences between them single people out. Its cost and share stay (they are no head count,
 * and a cost still hides where its head count is small).
 */
export const withoutHeadCounts = (mix: CentreSupportMix[]): CentreSupportMix[] =>
	mix.map((m) => ({ ...m, forms: m.forms.map(({ form, costPln, share }) => ({ form, costPln, share })) }));

export async function fetchSupportMix(db: Database, filters: Filters): Promise<CentreSupportMix[]> {
	return toSupportMix(await readOff<MixRow>(db, supportMixSql, filters, ['centres', 'sex']));
}
