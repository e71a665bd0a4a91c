// The overview's questions: one row per centre for the comparison table and charts, one row per edition.
import type { Database, SqlQuery } from '../db/types';
import { published, publishedRate, syntheticCount, syntheticRate, type RateCell, type ValueCell } from './cells';
import { andWhere, editionWhere, hasParticipantFilters, participantWhere, type Filters } from './filters';
import { fetchSupportMix, type CentreSupportMix } from './support';
import { fetchOutcomeIndicators, type OutcomeIndicator } from './outcomes';

export function centreSummarySql(filters: Filters): SqlQuery {
	const editions = editionWhere(filters, 'e');
	const participants = participantWhere(filters, 'p');
	// A centre with no edition in the selection (say, another year) has nothing to compare, so it leaves the table.
	const centres = andWhere(editionWhere({ centres: filters.centres, years: [] }, 'c'), 'y.centre_id IS NOT NULL');
	const reported = andWhere(editions, 'e.participants IS NOT NULL');
	// Each edition's budget moves to the base year by its own year's price level; an unknown year gives NULL.
	const budget =
		filters.priceBase === null
			? { sql: 'e.budget_pln', params: [] }
			: { sql: '(SELECT level FROM price_levels WHERE year = ?) / (SELECT level FROM price_levels WHERE year = e.year) * e.budget_pln', params: [filters.priceBase] };
	return {
		sql: `
WITH reported AS (
	-- Editions with a published group size; the synthetic rows exist only for these.
	SELECT * REPLACE (${budget.sql} AS budget_pln) FROM edition_facts e ${reported.sql}
),
published AS (
	SELECT centre_id,
		sum(participants) AS participants,
		-- A total is known only when every edition in it publishes the figure; otherwise NULL, never a partial sum.
		CASE WHEN count(women) = count(*) THEN sum(women) END AS women,
		CASE WHEN count(participants_employed) = count(*) THEN sum(participants_employed) END AS employed,
		CASE WHEN count(budget_pln) = count(*) THEN round(sum(budget_pln), 2) END AS budget_pln,
		string_agg(DISTINCT source_id, ',' ORDER BY source_id) AS sources
	FROM reported GROUP BY centre_id
),
years AS (
	SELECT centre_id, min(year) AS first_year, max(year) AS last_year, count(*) AS editions,
		count(*) - count(year) AS editions_without_year
	FROM editions e ${editions.sql} GROUP BY centre_id
),
synthetic AS (
	SELECT centre_id, count(*) AS n,
		count(*) FILTER (WHERE sex = 'K') AS women,
		count(*) FILTER (WHERE completion = 'completed') AS completed,
		count(*) FILTER (WHERE outcome_employed) AS employed
	FROM participants p ${participants.sql} GROUP BY centre_id
)
SELECT c.centre_id, c.short_name, c.name, y.first_year, y.last_year, y.editions, y.editions_without_year,
	p.participants, p.women AS women_published, p.employed AS employed_published, p.budget_pln, p.sources,
	s.n AS synthetic_n, s.women AS synthetic_women, s.completed AS synthetic_completed, s.employed AS synthetic_employed
FROM centres c
LEFT JOIN years y USING (centre_id)
LEFT JOIN published p USING (centre_id)
LEFT JOIN synthetic s USING (centre_id)
${centres.sql}
ORDER BY c.centre_id`,
		// In the order their placeholders appear above.
		params: [...budget.params, ...editions.params, ...editions.params, ...participants.params, ...centres.params]
	};
}

export function editionParticipantsSql(filters: Filters): SqlQuery {
	const where = editionWhere(filters, 'e');
	return {
		sql: `
SELECT e.edition_id, e.centre_id, c.short_name, e.year, e.participants, e.social_contracts,
	e.local_activity_participants, e.source_id
FROM edition_facts e JOIN centres c USING (centre_id)
${where.sql}
ORDER BY e.centre_id, e.year NULLS LAST`,
		params: where.params
	};
}

/** Participants in the current selection: published totals of the chosen editions, or synthetic rows. */
export function selectionSql(filters: Filters): SqlQuery {
	const editions = editionWhere(filters, 'e');
	const participants = participantWhere(filters, 'p');
	return {
		sql: `
SELECT
	(SELECT sum(participants) FROM edition_facts e ${editions.sql}) AS published,
	(SELECT string_agg(DISTINCT source_id, ',' ORDER BY source_id) FROM edition_facts e ${andWhere(editions, 'e.participants IS NOT NULL').sql}) AS sources,
	(SELECT count(*) FROM participants p ${participants.sql}) AS synthetic`,
		params: [...editions.params, ...editions.params, ...participants.params]
	};
}

interface CentreSummaryRow {
	centre_id: string;
	short_name: string;
	name: string;
	first_year: number | null;
	last_year: number | null;
	editions: number;
	editions_without_year: number;
	participants: number | null;
	women_published: number | null;
	employed_published: number | null;
	budget_pln: number | null;
	sources: string | null;
	synthetic_n: number | null;
	synthetic_women: number | null;
	synthetic_completed: number | null;
	synthetic_employed: number | null;
}

export interface CentreSummary {
	centreId: string;
	shortName: string;
	name: string;
	firstYear: number | null;
	lastYear: number | null;
	editions: number;
	editionsWithoutYear: number;
	participants: ValueCell;
	women: RateCell;
	completion: RateCell;
	employment: RateCell;
	budget: ValueCell;
	costPerParticipant: ValueCell;
	costPerEmployed: ValueCell;
}

/**
 * Which figure each cell shows: the published one where a page states it, else the synthetic one, marked. With a
 * filter on who the participants are, published edition totals no longer describe the selection, so head counts
 * and rates come from the synthetic rows; budgets and costs stay whole-edition figures.
 */
export function toCentreSummary(row: CentreSummaryRow, participantFiltered = false): CentreSummary {
	const sources = row.sources ? row.sources.split(',') : [];
	const n = row.participants;
	const rate = (publishedK: number | null, syntheticK: number | null): RateCell =>
		publishedK !== null && n && !participantFiltered ? publishedRate(publishedK, n, sources) : syntheticRate(syntheticK, row.synthetic_n);
	const divide = (a: number | null, b: number | null) => (a !== null && b ? Math.round((a / b) * 100) / 100 : null);
	return {
		centreId: row.centre_id,
		shortName: row.short_name,
		name: row.name,
		firstYear: row.first_year,
		lastYear: row.last_year,
		editions: row.editions,
		editionsWithoutYear: row.editions_without_year,
		participants: participantFiltered ? syntheticCount(row.synthetic_n ?? 0) : published(n, sources),
		women: rate(row.women_published, row.synthetic_women),
		completion: syntheticRate(row.synthetic_completed, row.synthetic_n),
		employment: rate(row.employed_published, row.synthetic_employed),
		budget: published(row.budget_pln, sources),
		// Derived only from published figures: a synthetic count never divides a published budget.
		costPerParticipant: published(divide(row.budget_pln, n), sources, true),
		costPerEmployed: published(divide(row.budget_pln, row.employed_published), sources, true)
	};
}

export interface EditionParticipants {
	editionId: string;
	centreId: string;
	shortName: string;
	year: number | null;
	participants: number | null;
	socialContracts: number | null;
	localActivity: number | null;
	sourceId: string;
}

export interface Overview {
	centres: CentreSummary[];
	editions: EditionParticipants[];
	/** Participants in the selection: the published total, or with participant filters the synthetic count. */
	selection: ValueCell;
	supportMix: CentreSupportMix[];
	outcomes: OutcomeIndicator[];
}

export async function fetchOverview(db: Database, filters: Filters): Promise<Overview> {
	const [centres, editions, [selection], supportMix, outcomes] = await Promise.all([
		db.query<CentreSummaryRow & Record<string, unknown>>(centreSummarySql(filters)),
		db.query(editionParticipantsSql(filters)),
		db.query<{ published: number | null; sources: string | null; synthetic: number }>(selectionSql(filters)),
		fetchSupportMix(db, filters),
		fetchOutcomeIndicators(db, filters)
	]);
	return {
		supportMix,
		outcomes,
		selection: hasParticipantFilters(filters)
			? syntheticCount(selection.synthetic)
			: published(selection.published, selection.sources ? selection.sources.split(',') : []),
		centres: centres.map((row) => toCentreSummary(row, hasParticipantFilters(filters))),
		editions: editions.map((e) => ({
			editionId: e.edition_id as string,
			centreId: e.centre_id as string,
			shortName: e.short_name as string,
			year: e.year as number | null,
			participants: e.participants as number | null,
			socialContracts: e.social_contracts as number | null,
			localActivity: e.local_activity_participants as number | null,
			sourceId: e.source_id as string
		}))
	};
}
