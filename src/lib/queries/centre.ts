// A centre's page: its editions, every published figure with its quote, its activities, its sources, and
// the synthetic participants' profile under disclosure control.
import { allowedValues, type Activity, type Centre, type Edition, type Figure, type Source } from '../dictionary';
import type { Database, SqlQuery } from '../db/types';
import { isSmall, type CountCell } from '../stats/disclosure';
import { linkedRowsSql, publishedCells, publishedEditionsSql, toLinkedRows, type PublishedEdition } from './linked';
import { linkedTables, type Cell } from '../stats/linked-tables';

const byCentre = (sql: string, centreId: string): SqlQuery => ({ sql, params: [centreId] });

export const centreSql = (id: string) => byCentre('SELECT * FROM centres WHERE centre_id = ?', id);

export const centreEditionsSql = (id: string) =>
	byCentre(
		`SELECT edition_id, centre_id, year, title, start_date::VARCHAR AS start_date, end_date::VARCHAR AS end_date,
			period_stated, source_id, quote, note
		FROM editions WHERE centre_id = ? ORDER BY year NULLS LAST`,
		id
	);

export const centreFiguresSql = (id: string) =>
	byCentre(
		`SELECT f.* FROM figures f JOIN editions e USING (edition_id)
		WHERE e.centre_id = ? ORDER BY e.year NULLS LAST, f.figure`,
		id
	);

export const centreActivitiesSql = (id: string) =>
	byCentre(
		`SELECT a.activity_id, a.edition_id, a.kind, a.name, a.date::VARCHAR AS date, a.support_form, a.source_id
		FROM activities a JOIN editions e USING (edition_id)
		WHERE e.centre_id = ? ORDER BY a.activity_id`,
		id
	);

export const centreSourcesSql = (id: string): SqlQuery => ({
	sql: `SELECT source_id, kind, centre_id, file, title, date_stated::VARCHAR AS date_stated FROM sources
		WHERE centre_id = ? OR source_id = (SELECT source_id FROM centres WHERE centre_id = ?) ORDER BY kind, source_id`,
	params: [id, id]
});

export const PROFILE_DIMENSIONS = ['sex', 'age_band', 'education', 'labour_status', 'pathway', 'completion'] as const;
export type ProfileDimension = (typeof PROFILE_DIMENSIONS)[number];

/** One-way counts of the synthetic participants, per dimension, all values listed (zeros included). */
export const centreProfileSql = (id: string): SqlQuery => ({
	sql: PROFILE_DIMENSIONS.map(
		(d) => `SELECT '${d}' AS dimension, ${d}::VARCHAR AS value, count(*) AS count FROM participants WHERE centre_id = ? GROUP BY ALL`
	).join('\nUNION ALL\n'),
	params: PROFILE_DIMENSIONS.map(() => id)
});

export const centreSupportSql = (id: string) =>
	byCentre(
		`SELECT form, count(DISTINCT participant_id) AS participants, round(sum(hours), 1) AS hours, round(sum(cost_pln), 2) AS cost_pln
		FROM support s JOIN participants p USING (participant_id)
		WHERE p.centre_id = ? GROUP BY form ORDER BY form`,
		id
	);

export interface SupportByForm {
	form: string;
	participants: number | null;
	suppressed: CountCell<string>['suppressed'];
	hours: number | null;
	costPln: number | null;
}

export interface CentreDetail {
	centre: Centre;
	editions: Edition[];
	figures: Figure[];
	activities: Activity[];
	sources: Source[];
	participants: number;
	profile: Record<ProfileDimension, CountCell<string>[]>;
	support: SupportByForm[];
}

/** Every centre's participants by each profile dimension: the linked tables every view's suppression reads. */
const PROFILE_ROWS = linkedRowsSql(['centre', ...PROFILE_DIMENSIONS]);

export async function fetchCentre(db: Database, id: string): Promise<CentreDetail | null> {
	const [centres, editions, figures, activities, sources, profile, support, rows, published] = await Promise.all([
		db.query(centreSql(id)),
		db.query(centreEditionsSql(id)),
		db.query(centreFiguresSql(id)),
		db.query(centreActivitiesSql(id)),
		db.query(centreSourcesSql(id)),
		db.query<{ dimension: ProfileDimension; value: string; count: number }>(centreProfileSql(id)),
		db.query<{ form: string; participants: number; hours: number | null; cost_pln: number }>(centreSupportSql(id)),
		db.query<Record<string, unknown>>(PROFILE_ROWS),
		db.query<PublishedEdition & Record<string, unknown>>(publishedEditionsSql())
	]);
	if (centres.length === 0) return null;
	const participants = profile.filter((r) => r.dimension === 'sex').reduce((s, r) => s + r.count, 0);
	// The same tables the overview reads under a filter: a cell hidden here is hidden there too.
	const tables = linkedTables(toLinkedRows(rows, ['centre', ...PROFILE_DIMENSIONS]), publishedCells(published));
	const protect = <K extends string>(key: K, count: number, cell: Cell): CountCell<K> =>
		tables.hidden(cell) ? { key, count: null, suppressed: isSmall(count) ? 'primary' : 'secondary' } : { key, count, suppressed: null };
	const supportCells = support.map((s) => protect(s.form, s.participants, { centre: id, [`support_${s.form}`]: 'true' }));
	return {
		centre: centres[0] as unknown as Centre,
		editions: editions as unknown as Edition[],
		figures: figures as unknown as Figure[],
		activities: activities as unknown as Activity[],
		sources: sources as unknown as Source[],
		participants,
		profile: Object.fromEntries(
			PROFILE_DIMENSIONS.map((d) => {
				// Every allowed value in the dictionary's order, zeros included, so tables line up across centres.
				const counts = new Map(profile.filter((r) => r.dimension === d).map((r) => [r.value, r.count]));
				return [d, allowedValues(d).map((key) => protect(key, counts.get(key) ?? 0, { centre: id, [d]: key }))];
			})
		) as CentreDetail['profile'],
		// A hidden head count hides its hours and cost too: they would point at the same few people.
		support: support.map((s, i) => ({
			form: s.form,
			participants: supportCells[i].count,
			suppressed: supportCells[i].suppressed,
			hours: supportCells[i].suppressed ? null : s.hours,
			costPln: supportCells[i].suppressed ? null : s.cost_pln
		}))
	};
}
