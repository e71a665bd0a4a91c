// The national demo set's figures as the national pages show them: Poland, its voivodeships and powiats, and every
// gmina's centre, each with its head count, outcome rates and cost per participant, disclosure control already
// applied (scripts/national/summary.ts builds it at build time; prerendered pages read it, the browser never does).
import type { RateCell, ValueCell } from './queries/cells';
import { wilson } from './stats/wilson';

export type NationalLevel = 'country' | 'voivodeship' | 'powiat' | 'centre';

export interface NationalUnit {
	level: NationalLevel;
	/** TERC code: '' for Poland, 2 digits for a voivodeship, 4 for a powiat, 7 for a gmina's centre. */
	code: string;
	name: string;
	/** The unit above, by code; null for Poland. */
	parent: string | null;
	/** Participants; published for a real centre, synthetic otherwise. */
	participants: ValueCell;
	employment: RateCell;
	completion: RateCell;
	costPerParticipant: ValueCell;
	/** Centres within the unit (1 for a centre). */
	centres: number;
}

export interface NationalCentre extends NationalUnit {
	level: 'centre';
	centreId: string;
	gmina: string;
	gminaType: string;
	powiat: string;
	voivodeship: string;
	/** One of the five centres with public pages: it has its own page at /osrodki/{centreId}/. */
	hasPage: boolean;
}

export interface NationalSummary {
	country: NationalUnit;
	voivodeships: NationalUnit[];
	powiats: NationalUnit[];
	centres: NationalCentre[];
	/** Years the synthetic editions cover. */
	years: [number, number];
}

/** A centre as a point of the funnel plot and a row of the centres' table: short, for thousands of them. */
export interface CentrePoint {
	code: string;
	name: string;
	gmina: string;
	powiat: string;
	participants: ValueCell;
	employment: RateCell;
	completion: RateCell;
	costPerParticipant: ValueCell;
	/** The centre's own page, for the five with public sources. */
	page: string | null;
}

/** What one national page shows: where it is, the unit, the units one level down (the map's), and its centres. */
export interface NationalPage {
	level: Exclude<NationalLevel, 'centre'>;
	unit: NationalUnit;
	/** Poland → voivodeship → powiat, each with its address; the last is this page. */
	crumbs: { name: string; path: string }[];
	children: NationalUnit[];
	/** The synthetic centres within the unit, short (a country page has 2,472 of them). */
	centres: CentreRow[];
	/** The real centres within the unit, whole: their published figures carry their sources. */
	realCentres: CentrePoint[];
	years: [number, number];
}

/**
 * A synthetic centre in a few bytes: code, name, gmina, powiat, participants, employed and completed (null where the
 * rate is hidden), cost per participant. Its cells are rebuilt in the browser (expandCentre), intervals included.
 */
export type CentreRow = [string, string, string, string, number, number | null, number | null, number];

export function compactCentre(c: NationalCentre): CentreRow {
	const k = (cell: RateCell) => ('k' in cell ? cell.k : null);
	const n = c.participants.kind === 'synthetic' ? c.participants.value : 0;
	return [c.code, c.name, c.gmina, c.powiat, n, k(c.employment), k(c.completion), c.costPerParticipant.kind === 'synthetic' ? c.costPerParticipant.value : NaN];
}

export function expandCentre([code, name, gmina, powiat, n, employed, completed, cost]: CentreRow): CentrePoint {
	const rate = (k: number | null): RateCell => (k === null ? { kind: 'suppressed', n } : { kind: 'synthetic', k, n, sources: [], ...wilson(k, n) });
	return { code, name, gmina, powiat, participants: { kind: 'synthetic', value: n }, employment: rate(employed), completion: rate(completed), costPerParticipant: { kind: 'synthetic', value: cost }, page: null };
}

/** The address of a unit's page below the national root, e.g. `18/1808/`. */
export function unitPath(code: string): string {
	if (code === '') return '';
	if (code.length === 2) return `${code}/`;
	return `${code.slice(0, 2)}/${code.slice(0, 4)}/`;
}

const point = (c: NationalCentre): CentrePoint => ({
	code: c.code,
	name: c.name,
	gmina: c.gmina,
	powiat: c.powiat,
	participants: c.participants,
	employment: c.employment,
	completion: c.completion,
	costPerParticipant: c.costPerParticipant,
	page: c.hasPage ? c.centreId : null
});

/** A page's data with Poland named in the reader's language: the summary names it as the register does, in Polish. */
export function withCountryName(page: NationalPage, name: string): NationalPage {
	return { ...page, unit: page.unit.code === '' ? { ...page.unit, name } : page.unit, crumbs: page.crumbs.map((c, i) => (i === 0 ? { ...c, name } : c)) };
}

/** The page of Poland (no codes), of a voivodeship, or of a powiat; null where the codes name no unit. */
export function nationalPage(summary: NationalSummary, voivodeship?: string, powiat?: string): NationalPage | null {
	const v = voivodeship ? summary.voivodeships.find((u) => u.code === voivodeship) : undefined;
	const p = powiat ? summary.powiats.find((u) => u.code === powiat) : undefined;
	if ((voivodeship && !v) || (powiat && (!p || p.parent !== voivodeship))) return null;
	const unit = p ?? v ?? summary.country;
	const level = p ? 'powiat' : v ? 'voivodeship' : 'country';
	const crumbs = [summary.country, ...(v ? [v] : []), ...(p ? [p] : [])].map((u) => ({ name: u.name, path: unitPath(u.code) }));
	const children = level === 'country' ? summary.voivodeships : level === 'voivodeship' ? summary.powiats.filter((u) => u.parent === unit.code) : summary.centres.filter((c) => c.parent === unit.code);
	const within = summary.centres.filter((c) => c.code.startsWith(unit.code));
	return { level, unit, crumbs, children, centres: within.filter((c) => !c.hasPage).map(compactCentre), realCentres: within.filter((c) => c.hasPage).map(point), years: summary.years };
}
