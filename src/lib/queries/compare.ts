// The compare view: two to five centres side by side, with each one's share of their total, participants per
// 1,000 inhabitants of its gmina, and differences between rates that say when they are within the noise.
import type { Database, SqlQuery } from '../db/types';
import { proportionDifference, type ProportionDifference } from '../stats/difference';
import { onlyPublished, type RateCell, type ValueCell } from './cells';
import { editionWhere, type Filters } from './filters';
import { fetchOverview, type CentreSummary, type Overview } from './overview';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;

export function populationsSql(filters: Pick<Filters, 'centres'>): SqlQuery {
	const where = editionWhere({ centres: filters.centres, years: [] }, 'p');
	return {
		sql: `SELECT p.centre_id, p.year, p.population, p.source_id FROM populations p ${where.sql} ORDER BY p.centre_id, p.year`,
		params: where.params
	};
}

export interface PopulationRow {
	centre_id: string;
	year: number;
	population: number;
	source_id: string;
}

export interface CentrePopulation {
	population: number;
	year: number;
	sourceId: string;
	/** The figure's year falls within the centre's project years. */
	withinProject: boolean;
}

/**
 * The population nearest in time to the centre's project years (the earlier one on a tie). With no project year
 * known, the only figure there is, else none: which year to take would be a guess.
 */
export function pickPopulation(rows: PopulationRow[], firstYear: number | null, lastYear: number | null): CentrePopulation | null {
	if (!rows.length) return null;
	if (firstYear === null || lastYear === null) return rows.length === 1 ? toPopulation(rows[0], false) : null;
	const distance = (y: number) => (y < firstYear ? firstYear - y : y > lastYear ? y - lastYear : 0);
	const best = [...rows].sort((a, b) => distance(a.year) - distance(b.year) || a.year - b.year)[0];
	return toPopulation(best, distance(best.year) === 0);
}

const toPopulation = (row: PopulationRow, withinProject: boolean): CentrePopulation => ({ population: row.population, year: row.year, sourceId: row.source_id, withinProject });

export interface ComparedCentre {
	summary: CentreSummary;
	/** Of the compared centres' total: known only when every compared centre's figure is. */
	participantsShare: ValueCell;
	budgetShare: ValueCell;
	population: CentrePopulation | null;
	participantsPer1000: ValueCell;
}

/** The rates two centres can be compared on; the page leads with the outcomes (employment, completion). */
export type RateMeasure = 'employment' | 'completion' | 'women';

export interface RateDifference extends ProportionDifference {
	measure: RateMeasure;
	first: string;
	second: string;
	/** Synthetic when either rate is. */
	kind: 'published' | 'synthetic';
}

export interface Comparison {
	centres: ComparedCentre[];
	differences: RateDifference[];
}

const valueOf = (cell: ValueCell) => (cell.kind === 'published' || cell.kind === 'synthetic' ? cell.value : null);

/**
 * Shares of the compared total. If any one figure is hidden (<5), every share is: the others' shares would give
 * it away as 1 − their sum. If one is unknown, so is the total, and with it every share; if one is left out of the
 * view, every share is, for the same reason.
 */
export function shares(cells: ValueCell[]): ValueCell[] {
	const left = cells.find((c) => c.kind === 'omitted');
	if (left) return cells.map(() => left);
	if (cells.some((c) => c.kind === 'suppressed')) return cells.map(() => ({ kind: 'suppressed' }));
	const values = cells.map(valueOf);
	if (values.some((v) => v === null)) return cells.map(() => ({ kind: 'unknown' }));
	const total = (values as number[]).reduce((a, b) => a + b, 0);
	return cells.map((cell, i) => {
		const share = total ? values[i]! / total : 0;
		return cell.kind === 'published' ? { kind: 'published', value: share, sources: cell.sources, derived: true } : { kind: 'synthetic', value: share };
	});
}

function per1000(cell: ValueCell, population: CentrePopulation | null): ValueCell {
	if (cell.kind === 'suppressed') return cell;
	const value = valueOf(cell);
	if (value === null || population === null) return { kind: 'unknown' };
	const rate = Math.round((value / population.population) * 1000 * 100) / 100;
	return cell.kind === 'published' ? { kind: 'published', value: rate, sources: [...cell.sources, population.sourceId], derived: true } : { kind: 'synthetic', value: rate };
}

/** Every pair of compared centres, for each rate both show: the difference and its 95% interval (Newcombe). */
export function rateDifferences(centres: CentreSummary[], view: 'all' | 'published', measures: RateMeasure[] = ['employment', 'women']): RateDifference[] {
	return measures.flatMap((measure) =>
		centres.flatMap((a, i) =>
			centres.slice(i + 1).flatMap((b) => {
				const x = onlyPublished(a[measure], view);
				const y = onlyPublished(b[measure], view);
				if (!isRate(x) || !isRate(y)) return [];
				const kind = x.kind === 'published' && y.kind === 'published' ? 'published' : 'synthetic';
				return [{ measure, first: a.centreId, second: b.centreId, kind, ...proportionDifference(x.k, x.n, y.k, y.n) }];
			})
		)
	);
}

const isRate = (cell: RateCell | { kind: 'hidden' }): cell is Extract<RateCell, { k: number }> => cell.kind === 'published' || cell.kind === 'synthetic';

export function toComparison(centres: CentreSummary[], populations: PopulationRow[], view: 'all' | 'published'): Comparison {
	const participantShares = shares(centres.map((c) => c.participants));
	const budgetShares = shares(centres.map((c) => c.budget));
	return {
		centres: centres.map((summary, i) => {
			const population = pickPopulation(
				populations.filter((p) => p.centre_id === summary.centreId),
				summary.firstYear,
				summary.lastYear
			);
			return { summary, participantsShare: participantShares[i], budgetShare: budgetShares[i], population, participantsPer1000: per1000(summary.participants, population) };
		}),
		differences: rateDifferences(centres, view)
	};
}

export interface CompareAnswer {
	overview: Overview;
	populations: PopulationRow[];
}

/** The overview's answer for the compared centres, plus their populations; the page shapes both. */
export async function fetchCompare(db: Database, filters: Filters): Promise<CompareAnswer> {
	const [overview, populations] = await Promise.all([fetchOverview(db, filters), db.query<PopulationRow & Record<string, unknown>>(populationsSql(filters))]);
	return { overview, populations };
}

/**
 * Shares of the total of the published figures only, for figures that are never suppressed (budgets): a centre
 * whose page is silent keeps its own reason and is left out of the total, which the row's label says. With fewer
 * than two published figures there is nothing to share out; anything hidden (<5) hides every share, as in `shares`.
 */
export function publishedShares(cells: ValueCell[]): ValueCell[] {
	if (cells.some((c) => c.kind === 'suppressed')) return cells.map(() => ({ kind: 'suppressed' }));
	const known = cells.filter((c): c is Extract<ValueCell, { kind: 'published' }> => c.kind === 'published');
	if (known.length < 2) return cells.map((c) => (c.kind === 'published' ? { kind: 'unknown' } : c));
	const total = known.reduce((sum, c) => sum + c.value, 0);
	return cells.map((c) => (c.kind === 'published' ? { kind: 'published', value: total ? c.value / total : 0, sources: known.flatMap((k) => k.sources).filter((s, i, all) => all.indexOf(s) === i).sort(), derived: true } : c));
}
