// The overview's questions, as three simple queries whose rows are then summed per centre in JS: one row per
// edition (published figures), one per centre and sex (synthetic participants), and the support mix. Fewer and
// simpler queries because planning, not scanning, is what a filter change waits for in duckdb-wasm.
import type { Database, SqlQuery } from '../db/types';
import { readOff } from './read-off';
import { markImported, omitted, omittedRate, published, publishedRate, syntheticCount, syntheticRate, type RateCell, type ValueCell } from './cells';
import { combinable, editionWhere, hasParticipantFilters, OUTCOMES, participantWhere, type Filters, type Outcome } from './filters';
import { groupBy } from './group-by';
import { atPrices } from './prices';
import { activeDimensions, differencingExposure, differencingSql, type Exposure } from './differencing';
import { fetchViewCells, type ViewCells } from './linked';
import { fetchSupportMix, withoutHeadCounts, type CentreSupportMix } from './support';
import { toOutcomeIndicators, type OutcomeIndicator, type ParticipantGroup } from './outcomes';

/** Every edition in the selection with its published figures; budgets at the chosen prices. */
export function editionsSql(filters: Filters): SqlQuery {
	const where = editionWhere(filters, 'e');
	const budget = atPrices('e.budget_pln', 'e.year', filters.priceBase);
	return {
		sql: `
SELECT e.edition_id, e.centre_id, c.short_name, c.name, e.year, e.participants, e.women, e.participants_employed,
	${budget.sql} AS budget_pln, e.social_contracts, e.local_activity_participants, e.source_id
FROM edition_facts e JOIN centres c USING (centre_id)
${where.sql}
ORDER BY e.centre_id, e.year NULLS LAST`,
		// In the order their placeholders appear above.
		params: [...budget.params, ...where.params]
	};
}

/** Synthetic participants of the selection counted per centre and sex: the base of every participant-level cell. */
export function participantGroupsSql(filters: Filters): SqlQuery {
	const where = participantWhere(filters, 'p');
	return {
		sql: `
SELECT centre_id, sex, count(*) AS n, count(*) FILTER (WHERE completion = 'completed') AS completed,
	count(*) FILTER (WHERE provenance = 'imported') AS imported,
	${OUTCOMES.map((o) => `count(*) FILTER (WHERE outcome_${o}) AS ${o}`).join(', ')}
FROM participants p
${where.sql}
GROUP BY ALL
ORDER BY centre_id, sex`,
		params: where.params
	};
}

export interface EditionRow {
	edition_id: string;
	centre_id: string;
	short_name: string;
	name: string;
	year: number | null;
	participants: number | null;
	women: number | null;
	participants_employed: number | null;
	budget_pln: number | null;
	social_contracts: number | null;
	local_activity_participants: number | null;
	source_id: string;
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

/** A total known only when every value in it is known: a partial sum would pass for the whole. */
export function knownSum(values: (number | null)[]): number | null {
	return values.length && values.every((v) => v !== null) ? (values as number[]).reduce((a, b) => a + b, 0) : null;
}

const sortedSources = (editions: EditionRow[]) => [...new Set(editions.map((e) => e.source_id))].sort();

/**
 * Participants of a selection without participant filters: the published counts of its editions that state one,
 * summed, with their sources. One rule for the live overview and for the prerendered one narrowed to some centres.
 */
function publishedSelection(editions: { participants: number | null; source: string }[]): ValueCell {
	const reported = editions.filter((e) => e.participants !== null);
	return published(reported.length ? reported.reduce((sum, e) => sum + e.participants!, 0) : null, [...new Set(reported.map((e) => e.source))].sort());
}
const roundGrosz = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const divide = (a: number | null, b: number | null) => (a !== null && b ? roundGrosz(a / b) : null);

/**
 * One centre's row. Published figures where the pages state them, summed over the editions that publish a group
 * size (the synthetic rows exist only for those); else the synthetic figure, marked. With a filter on who the
 * participants are, published edition totals no longer describe the selection, so head counts and rates come from
 * the synthetic rows. Budgets and costs are whole-edition figures: beside "kobiety" they would read as the women's
 * budget or cost, so such a view leaves them out, saying why (`whole_edition_only`).
 */
export function summariseCentre(editions: EditionRow[], groups: ParticipantGroup[], participantFiltered: boolean, supportFiltered = false): CentreSummary {
	const [first] = editions;
	const years = editions.map((e) => e.year).filter((y): y is number => y !== null);
	const reported = editions.filter((e) => e.participants !== null);
	const sources = sortedSources(reported);
	const n = reported.length ? knownSum(reported.map((e) => e.participants)) : null;
	const women = knownSum(reported.map((e) => e.women));
	const employed = knownSum(reported.map((e) => e.participants_employed));
	const budget = roundGrosz(knownSum(reported.map((e) => e.budget_pln)));
	// No rows at all is unknown; no rows under a participant filter is nobody selected, a count of 0.
	const counted = groups.length > 0 || participantFiltered;
	const synthetic = (key: 'n' | 'completed' | Outcome) => (counted ? groups.reduce((sum, g) => sum + g[key], 0) : null);
	const syntheticN = synthetic('n');
	const syntheticWomen = counted ? (groups.find((g) => g.sex === 'K')?.n ?? 0) : null;
	const imported = groups.reduce((sum, g) => sum + (g.imported ?? 0), 0);
	const fromRows = <C extends RateCell | ValueCell>(cell: C) => markImported(cell, imported, syntheticN ?? 0);
	const rate = (publishedK: number | null, syntheticK: number | null): RateCell =>
		supportFiltered
			? omittedRate('overlapping_support')
			: publishedK !== null && n && !participantFiltered
				? publishedRate(publishedK, n, sources)
				: fromRows(syntheticRate(syntheticK, syntheticN));
	return {
		centreId: first.centre_id,
		shortName: first.short_name,
		name: first.name,
		firstYear: years.length ? Math.min(...years) : null,
		lastYear: years.length ? Math.max(...years) : null,
		editions: editions.length,
		editionsWithoutYear: editions.length - years.length,
		participants: participantFiltered ? fromRows(syntheticCount(syntheticN ?? 0)) : published(n, sources),
		women: rate(women, syntheticWomen),
		completion: supportFiltered ? omittedRate('overlapping_support') : fromRows(syntheticRate(synthetic('completed'), syntheticN)),
		employment: rate(employed, synthetic('employed')),
		...(participantFiltered
			? { budget: omitted('whole_edition_only'), costPerParticipant: omitted('whole_edition_only'), costPerEmployed: omitted('whole_edition_only') }
			: {
					budget: published(budget, sources),
					// Derived only from published figures: a synthetic count never divides a published budget.
					costPerParticipant: published(divide(budget, n), sources, true),
					costPerEmployed: published(divide(budget, employed), sources, true)
				})
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
	/** Published, at the chosen prices: for the trends across a centre's editions. */
	budget: number | null;
	employed: number | null;
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

/** The overview from its three answers; pure, so the build's snapshot and the browser share it. */
export function toOverview(editions: EditionRow[], groups: ParticipantGroup[], supportMix: CentreSupportMix[], filters: Filters): Overview {
	const participantFiltered = hasParticipantFilters(filters);
	// Grouped once by centre: filtering per centre would be quadratic at 2,500 centres.
	const editionsOf = groupBy(editions, (e) => e.centre_id);
	const groupsOf = groupBy(groups, (g) => g.centre_id);
	const supportFiltered = filters.supportForms.length > 0;
	const centres = [...editionsOf.keys()].sort().map((id) => summariseCentre(editionsOf.get(id)!, groupsOf.get(id) ?? [], participantFiltered, supportFiltered));
	return {
		centres,
		supportMix: participantFiltered ? withoutHeadCounts(supportMix) : supportMix,
		outcomes: toOutcomeIndicators(groups, supportFiltered),
		// Under a form-of-support filter the selection's total is left out with its rates (cells.ts): with one centre's
		// count hidden, total minus the rest gave it back (the auditor found three such cases).
		selection: supportFiltered
			? omitted('overlapping_support')
			: participantFiltered
			? markImported(
					syntheticCount(groups.reduce((sum, g) => sum + g.n, 0)),
					groups.reduce((sum, g) => sum + (g.imported ?? 0), 0),
					groups.reduce((sum, g) => sum + g.n, 0)
				)
			: publishedSelection(editions.map((e) => ({ participants: e.participants, source: e.source_id }))),
		editions: editions.map((e) => ({
			editionId: e.edition_id,
			centreId: e.centre_id,
			shortName: e.short_name,
			year: e.year,
			participants: e.participants,
			socialContracts: e.social_contracts,
			localActivity: e.local_activity_participants,
			budget: roundGrosz(e.budget_pln),
			employed: e.participants_employed,
			sourceId: e.source_id
		}))
	};
}

/**
 * The overview for `asked`. Some centres of a view whose every centre is already answered are that answer narrowed
 * (`restrictOverview`), with no question to DuckDB: without participant filters each centre's figures and what
 * protection hides in them do not depend on which other centres are chosen, and the selection is a published sum.
 * Only when the wider answer is at hand: asking it first would cost more than the narrow question on large data.
 */
export async function fetchOverview(db: Database, asked: Filters): Promise<Overview> {
	const { filters } = combinable(asked);
	if (hasParticipantFilters(filters)) return queryOverview(db, filters);
	const wider = { ...filters, centres: [] };
	if (!filters.centres.length) return everyCentre(db, wider);
	return db.has(editionsSql(wider)) ? restrictOverview(await everyCentre(db, wider), filters.centres) : queryOverview(db, filters);
}

/**
 * Every centre's overview, protected once per answer the database keeps (and again once the data changes). The view
 * only re-shapes it, so a change of view finds the same object and nothing downstream works again.
 */
const everyCentre = (db: Database, filters: Filters) => db.remember(`overview ${JSON.stringify({ ...filters, view: 'all' })}`, () => queryOverview(db, filters));

/**
 * The differencing guard's rows. With sex the only participant filter they are the groups by centre and sex of the
 * chosen centres, each meeting the filter by its own sex: asked as those groups, so they are read off where kept.
 */
export function guardRows(db: Database, guard: SqlQuery, filters: Filters): Promise<ParticipantGroup[]> {
	if (!activeDimensions(filters).every((d) => d.key === 'sex')) return db.query<ParticipantGroup & Record<string, unknown>>(guard);
	return readOff<ParticipantGroup & Record<string, unknown>>(db, participantGroupsSql, { ...filters, sex: [] }, ['centres']).then((rows) => rows.map((g) => ({ ...g, d_sex: g.sex })));
}

/** The overview asked of DuckDB: its five queries, then protected. */
export async function queryOverview(db: Database, asked: Filters): Promise<Overview> {
	// The URL drops what a form of support does not combine with; so does any other caller (filters.ts).
	const { filters } = combinable(asked);
	const guard = differencingSql(filters);
	const [editions, groups, supportMix, flags, linked] = await Promise.all([
		readOff<EditionRow & Record<string, unknown>>(db, editionsSql, filters, ['centres']),
		readOff<ParticipantGroup & Record<string, unknown>>(db, participantGroupsSql, filters, ['centres', 'sex']),
		fetchSupportMix(db, filters),
		guard ? guardRows(db, guard, filters) : Promise.resolve([]),
		fetchViewCells(db, filters)
	]);
	const overview = toOverview(editions, groups, supportMix, filters);
	return protectOverview(overview, guard ? differencingExposure(flags, filters) : new Map(), linked);
}

/** A figure from participant rows, hidden; with its n only where the group's size may show. */
const hide = <C extends RateCell | ValueCell>(cell: C, keepN = true): C | { kind: 'suppressed'; n?: number } =>
	cell.kind !== 'synthetic' && cell.kind !== 'suppressed' ? cell : 'n' in cell && cell.n !== undefined && keepN ? { kind: 'suppressed', n: cell.n } : { kind: 'suppressed' };

const RATES = [
	['women', 'women', 'sex', 'K', 'M'],
	['completion', 'completed', 'completion', 'completed', 'left_early'],
	['employment', 'employed', 'outcome_employed', 'true', 'false']
] as const;

/**
 * Hides, in every figure from participant rows, what the linked tables hide (src/lib/stats/linked-tables.ts: the
 * same cell hidden on every page that shows it) and what a neighbouring view would give away (differencing.ts).
 * A hidden group size takes its rates' n with it. Published aggregates are never suppressed.
 */
export function protectOverview(overview: Overview, exposure: Map<string, Exposure>, linked: ViewCells): Overview {
	const none: Exposure = { all: false, rates: new Set(), bySex: new Set() };
	const hiddenGroup = (id: string) => (exposure.get(id) ?? none).all || linked.hidden(id);
	const centres = overview.centres.map((c) => {
		const e = exposure.get(c.centreId) ?? none;
		const all = hiddenGroup(c.centreId);
		const out = { ...c, participants: all ? (hide(c.participants, false) as ValueCell) : c.participants };
		for (const [measure, attribute, column, yes, no] of RATES) {
			const exposed = e.rates.has(attribute) || linked.hidden(c.centreId, { [column]: yes }) || linked.hidden(c.centreId, { [column]: no });
			out[measure] = (all ? hide(c[measure], false) : exposed ? hide(c[measure]) : c[measure]) as RateCell;
		}
		return out;
	});
	const outcomes = overview.outcomes.map((o) => {
		const e = exposure.get(o.centreId) ?? none;
		const all = hiddenGroup(o.centreId);
		const rate = (cell: RateCell, group: Record<string, string>, bySex: boolean) => {
			if (all || linked.hidden(o.centreId, group) || (bySex && e.bySex.has('n'))) return hide(cell, false) as RateCell;
			const exposed = (bySex ? e.bySex.has(o.outcome) : e.rates.has(o.outcome)) || ['true', 'false'].some((v) => linked.hidden(o.centreId, { ...group, [`outcome_${o.outcome}`]: v }));
			return (exposed ? hide(cell) : cell) as RateCell;
		};
		return { ...o, total: rate(o.total, {}, false), women: rate(o.women, { sex: 'K' }, true), men: rate(o.men, { sex: 'M' }, true) };
	});
	const supportMix = overview.supportMix.map((m) => {
		const all = hiddenGroup(m.centreId);
		return {
			...m,
			// Money stays where only the linked tables hide the head count: it is no count, and a cost hides with
			// its count only where the count is small (toSupportMix) and would point at a few people.
			forms: m.forms.map((f) =>
				all
					? { ...f, ...(f.participants === undefined ? {} : { participants: null }), costPln: null, share: null }
					: f.participants !== undefined && linked.hidden(m.centreId, { [`support_${f.form}`]: 'true' })
						? { ...f, participants: null }
						: f
			)
		};
	});
	const everyone = (exposure.get('*') ?? none).all || linked.hidden(null);
	return { ...overview, centres, outcomes, supportMix, selection: everyone ? (hide(overview.selection) as ValueCell) : overview.selection };
}

/**
 * The overview narrowed to some centres, for the compare view's first paint from the prerendered answer. Only
 * for an answer without participant filters: its selection is a published total, re-summed here.
 */
export function restrictOverview(overview: Overview, centreIds: string[]): Overview {
	const keep = (id: string) => centreIds.includes(id);
	const editions = overview.editions.filter((e) => keep(e.centreId));
	return {
		centres: overview.centres.filter((c) => keep(c.centreId)),
		editions,
		supportMix: overview.supportMix.filter((m) => keep(m.centreId)),
		outcomes: overview.outcomes.filter((o) => keep(o.centreId)),
		selection: publishedSelection(editions.map((e) => ({ participants: e.participants, source: e.sourceId })))
	};
}
