// Every view the site publishes, as the auditor sees it (src/lib/stats/audit.ts): each count a page or export
// shows, with the population it describes. Built from the same shaped rows the pages render and export.
import { allowedValues } from '../dictionary';
import type { Database, SqlQuery } from '../db/types';
import type { AuditCell, AuditView, Box, ParticipantRecord } from '../stats/audit';
import { and } from '../stats/audit';
import { encodeUrlState, DEFAULT_URL_STATE } from '../state/url';
import type { RateCell, ValueCell } from './cells';
import { fetchCentre, PROFILE_DIMENSIONS, type CentreDetail } from './centre';
import { fetchCompare, COMPARE_MAX, COMPARE_MIN } from './compare';
import { combinable, DEFAULT_FILTERS, OUTCOMES, type Filters } from './filters';
import { fetchOverview, type Overview } from './overview';

const SUPPORT_FORMS = () => allowedValues('support_form');
const FLAG = ['true', 'false'] as const;

/** Every participant with the value of each attribute a view can condition on. */
export function auditRecordsSql(): SqlQuery {
	return {
		sql: `
SELECT p.centre_id AS centre, coalesce(CAST(e.year AS VARCHAR), 'brak') AS year, p.sex, p.age_band, p.education, p.labour_status,
	p.pathway, p.completion,
	${OUTCOMES.map((o) => `CAST(p.outcome_${o} AS VARCHAR) AS outcome_${o}`).join(', ')},
	${SUPPORT_FORMS()
		.map((_, i) => `CAST(EXISTS (SELECT 1 FROM support s WHERE s.participant_id = p.participant_id AND s.form = ?) AS VARCHAR) AS support_${i}`)
		.join(', ')}
FROM participants p JOIN editions e USING (edition_id)`,
		params: [...SUPPORT_FORMS()]
	};
}

export interface AuditData {
	records: ParticipantRecord[];
	domains: Record<string, readonly string[]>;
	centres: string[];
	years: (number | null)[];
}

export async function fetchAuditData(db: Database): Promise<AuditData> {
	const [rows, centres, years] = await Promise.all([
		db.query<Record<string, string>>(auditRecordsSql()),
		db.query<{ centre_id: string }>({ sql: 'SELECT centre_id FROM centres ORDER BY centre_id' }),
		db.query<{ year: number | null }>({ sql: 'SELECT DISTINCT year FROM editions ORDER BY year NULLS LAST' })
	]);
	const records = rows.map((r) => {
		const out: Record<string, string> = { ...r };
		SUPPORT_FORMS().forEach((form, i) => {
			out[`support_${form}`] = r[`support_${i}`];
			delete out[`support_${i}`];
		});
		return out;
	});
	const domains: Record<string, readonly string[]> = {
		centre: centres.map((c) => c.centre_id),
		year: years.map((y) => (y.year === null ? 'brak' : String(y.year))),
		...Object.fromEntries(['sex', 'age_band', 'education', 'labour_status', 'pathway', 'completion'].map((d) => [d, allowedValues(d)])),
		...Object.fromEntries(OUTCOMES.map((o) => [`outcome_${o}`, FLAG])),
		...Object.fromEntries(SUPPORT_FORMS().map((f) => [`support_${f}`, FLAG]))
	};
	return { records, domains, centres: domains.centre as string[], years: years.map((y) => y.year) };
}

/** The population a filter state selects. Only one value per form of support or outcome: several mean "any of". */
export function filterBox(filters: Filters): Box {
	if (filters.supportForms.length > 1 || filters.outcomes.length > 1) throw new Error('filterBox: one form of support and one outcome at most');
	const box: Record<string, readonly string[]> = {};
	if (filters.centres.length) box.centre = filters.centres;
	if (filters.years.length) box.year = filters.years.map((y) => (y === null ? 'brak' : String(y)));
	if (filters.sex.length) box.sex = filters.sex;
	if (filters.ageBands.length) box.age_band = filters.ageBands;
	if (filters.education.length) box.education = filters.education;
	if (filters.labourStatus.length) box.labour_status = filters.labourStatus;
	for (const f of filters.supportForms) box[`support_${f}`] = ['true'];
	for (const o of filters.outcomes) box[`outcome_${o}`] = ['true'];
	return box;
}

const valueOf = (cell: ValueCell) => (cell.kind === 'published' || cell.kind === 'synthetic' ? cell.value : cell.kind === 'suppressed' ? null : undefined);

function countCell(what: string, box: Box, cell: ValueCell): AuditCell[] {
	const value = valueOf(cell);
	return value === undefined ? [] : [{ what, box, value, published: cell.kind === 'published' }];
}

/** A rate over `group` of those in it who meet `attribute` = `value`: its k, its complement and its n. */
function rateCells(what: string, group: Box, attribute: string, value: string, others: readonly string[], cell: RateCell): AuditCell[] {
	// A rate left out on purpose shows nothing: neither its count nor its n.
	if (cell.kind === 'unknown' || cell.kind === 'omitted') return [];
	const k = and(group, { [attribute]: [value] });
	const rest = and(group, { [attribute]: others });
	const published = cell.kind === 'published';
	const shown = cell.kind !== 'suppressed';
	return [
		{ what: `${what}: licznik`, box: k, value: shown ? cell.k : null, role: 'k', of: group, published },
		{ what: `${what}: reszta (n − k)`, box: rest, value: shown ? cell.n - cell.k : null, role: 'rest', of: group, published },
		{ what: `${what}: n`, box: group, value: 'n' in cell && cell.n !== undefined ? cell.n : null, role: 'n', published }
	];
}

/** Every count an overview (or a compare view, which shows the same answer) puts on screen or in an export. */
export function overviewCells(overview: Overview, filters: Filters): AuditCell[] {
	const base = filterBox(filters);
	const cells: AuditCell[] = countCell('uczestnicy w wyborze', base, overview.selection);
	for (const c of overview.centres) {
		const group = and(base, { centre: [c.centreId] });
		const name = c.shortName;
		cells.push(
			...countCell(`${name}: uczestnicy`, group, c.participants),
			...rateCells(`${name}: kobiety`, group, 'sex', 'K', ['M'], c.women),
			...rateCells(`${name}: ukończenie`, group, 'completion', 'completed', ['left_early'], c.completion),
			...rateCells(`${name}: praca`, group, 'outcome_employed', 'true', ['false'], c.employment)
		);
	}
	const names = new Map(overview.centres.map((c) => [c.centreId, c.shortName]));
	for (const o of overview.outcomes) {
		const group = and(base, { centre: [o.centreId] });
		const what = `${names.get(o.centreId) ?? o.centreId}: ${o.outcome}`;
		cells.push(
			...rateCells(`${what}, kobiety`, and(group, { sex: ['K'] }), `outcome_${o.outcome}`, 'true', ['false'], o.women),
			...rateCells(`${what}, mężczyźni`, and(group, { sex: ['M'] }), `outcome_${o.outcome}`, 'true', ['false'], o.men),
			...rateCells(`${what}, razem`, group, `outcome_${o.outcome}`, 'true', ['false'], o.total)
		);
	}
	for (const m of overview.supportMix)
		for (const f of m.forms.filter((f) => f.participants !== undefined))
			cells.push({ what: `${names.get(m.centreId) ?? m.centreId}: wsparcie ${f.form}`, box: and(base, { centre: [m.centreId], [`support_${f.form}`]: ['true'] }), value: f.participants! });
	// Editions are published totals: they describe the edition, whatever participant filter is on.
	for (const e of overview.editions) {
		const edition = { centre: [e.centreId], year: [e.year === null ? 'brak' : String(e.year)] };
		const published = (what: string, box: Box, value: number | null): AuditCell[] => (value === null ? [] : [{ what: `${e.editionId}: ${what}`, box, value, published: true }]);
		cells.push(
			...published('uczestnicy', edition, e.participants),
			...published('kontrakty socjalne', and(edition, { pathway: ['social_contract'] }), e.socialContracts),
			...published('PAL', and(edition, { pathway: ['local_activity'] }), e.localActivity),
			...published('pracujący', and(edition, { outcome_employed: ['true'] }), e.employed)
		);
	}
	return cells;
}

/** Every count of a centre's page: the group size, the one-way profile and support by form. */
export function centreCells(detail: CentreDetail): AuditCell[] {
	const centre = { centre: [detail.centre.centre_id] };
	return [
		{ what: 'uczestnicy', box: centre, value: detail.participants },
		...PROFILE_DIMENSIONS.flatMap((d) => detail.profile[d].map((c) => ({ what: `${d} ${c.key}`, box: and(centre, { [d]: [c.key] }), value: c.count }))),
		...detail.support.map((s) => ({ what: `wsparcie ${s.form}`, box: and(centre, { [`support_${s.form}`]: ['true'] }), value: s.participants }))
	];
}

type ListKey = 'centres' | 'years' | 'sex' | 'ageBands' | 'education' | 'labourStatus' | 'supportForms' | 'outcomes';

/** Each filter dimension with every value it takes: one value selected at a time. */
export function singleFilters(data: Pick<AuditData, 'centres' | 'years'>): Partial<Filters>[][] {
	const lists: [ListKey, readonly unknown[]][] = [
		['centres', data.centres],
		['years', data.years],
		['sex', allowedValues('sex')],
		['ageBands', allowedValues('age_band')],
		['education', allowedValues('education')],
		['labourStatus', allowedValues('labour_status')],
		['supportForms', SUPPORT_FORMS()],
		['outcomes', OUTCOMES]
	];
	return lists.map(([key, values]) => values.map((v) => ({ [key]: [v] }) as Partial<Filters>));
}

const address = (path: string, filters: Filters) => {
	const query = decodeURIComponent(encodeUrlState({ ...DEFAULT_URL_STATE, ...filters }).toString());
	return query ? `${path}?${query}` : path;
};

function subsets<T>(items: T[], min: number, max: number): T[][] {
	const out: T[][] = [];
	for (let mask = 1; mask < 1 << items.length; mask++) {
		const chosen = items.filter((_, i) => mask & (1 << i));
		if (chosen.length >= min && chosen.length <= max) out.push(chosen);
	}
	return out;
}

/**
 * The published views: the overview unfiltered, under every single-value filter and every pair of them; the
 * compare view for every set of two to five centres, unfiltered and under every single-value filter; and every
 * centre page.
 */
export async function publishedViews(db: Database, data: AuditData): Promise<AuditView[]> {
	const dimensions = singleFilters(data);
	const singles = dimensions.flat();
	// A form of support is not published crossed with who the participants are (filters.ts, NOT_WITH_SUPPORT_FORM).
	const pairs = dimensions
		.flatMap((a, i) => dimensions.slice(i + 1).flatMap((b) => a.flatMap((x) => b.map((y) => ({ ...x, ...y })))))
		.filter((pair) => combinable({ ...DEFAULT_FILTERS, ...pair }).dropped.length === 0);
	const views: AuditView[] = [];
	for (const partial of [{}, ...singles, ...pairs]) {
		const filters = { ...DEFAULT_FILTERS, ...partial };
		views.push({ name: address('/', filters), cells: overviewCells(await fetchOverview(db, filters), filters) });
	}
	const notCentres = dimensions.slice(1).flat();
	for (const centres of subsets(data.centres, COMPARE_MIN, COMPARE_MAX))
		for (const partial of [{}, ...notCentres]) {
			const filters = { ...DEFAULT_FILTERS, ...partial, centres };
			views.push({ name: address('/porownanie/', filters), cells: overviewCells((await fetchCompare(db, filters)).overview, filters) });
		}
	for (const id of data.centres) {
		const detail = await fetchCentre(db, id);
		if (detail) views.push({ name: `/osrodki/${id}/`, cells: centreCells(detail) });
	}
	return views;
}
