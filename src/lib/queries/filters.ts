// Filters the UI can set, and the one WHERE builder that turns them into SQL with parameters, so a filter
// means the same in every query. Values are bound as parameters, never pasted into the SQL text.
import type { SqlParam } from '../db/types';

export const OUTCOMES = ['employed', 'job_seeking', 'education', 'qualification'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Filters {
	/** Centre ids; empty means all. The same for every list below. */
	centres: string[];
	/** Edition years; null is "year unknown" (Leszno). */
	years: (number | null)[];
	sex: string[];
	ageBands: string[];
	education: string[];
	labourStatus: string[];
	/** Participants who received at least one of these forms of support. */
	supportForms: string[];
	/** Participants with at least one of these statuses upon leaving. */
	outcomes: Outcome[];
	/** 'published' hides every synthetic figure: what the pages state, nothing else. */
	view: 'all' | 'published';
	/** Money in constant prices of this year (GUS CPI), or null for nominal prices. */
	priceBase: number | null;
}

export const DEFAULT_FILTERS: Filters = {
	centres: [],
	years: [],
	sex: [],
	ageBands: [],
	education: [],
	labourStatus: [],
	supportForms: [],
	outcomes: [],
	view: 'all',
	priceBase: null
};

export interface WhereClause {
	sql: string;
	params: SqlParam[];
}

/** Filters on who the participants are: published edition totals do not describe such a selection. */
export const PARTICIPANT_FILTERS = ['sex', 'ageBands', 'education', 'labourStatus', 'supportForms', 'outcomes'] as const;

export const hasParticipantFilters = (filters: Filters) => PARTICIPANT_FILTERS.some((key) => filters[key].length > 0);

/**
 * Filters a form of support does not combine with. One person gets several forms, so form-of-support views overlap
 * each other and every other view; crossed with who the participants are, their counts and the views around them
 * single out groups of 1–4 that no suppression pattern keeps hidden (the auditor, src/lib/stats/audit.ts, found
 * them). A form of support combines with centres and years only.
 */
export const NOT_WITH_SUPPORT_FORM = ['sex', 'ageBands', 'education', 'labourStatus', 'outcomes'] as const satisfies readonly (keyof Filters)[];

/** The filters as they can be combined: with a form of support, the participant filters above are dropped. */
export function combinable<F extends Filters>(filters: F): { filters: F; dropped: (typeof NOT_WITH_SUPPORT_FORM)[number][] } {
	if (!filters.supportForms.length) return { filters, dropped: [] };
	const dropped = NOT_WITH_SUPPORT_FORM.filter((key) => filters[key].length > 0);
	return { filters: { ...filters, ...Object.fromEntries(dropped.map((key) => [key, []])) }, dropped };
}

const list = (values: SqlParam[]) => values.map(() => '?').join(', ');

function joinParts(parts: WhereClause[]): WhereClause {
	const used = parts.filter((p) => p.sql);
	return { sql: used.length ? `WHERE ${used.map((p) => p.sql).join(' AND ')}` : '', params: used.flatMap((p) => p.params) };
}

/** The clause with one more condition ANDed on, whether or not it had any before. */
export function andWhere(clause: WhereClause, condition: string): WhereClause {
	return { sql: clause.sql ? `${clause.sql} AND ${condition}` : `WHERE ${condition}`, params: clause.params };
}

function inList(column: string, values: SqlParam[]): WhereClause {
	return values.length ? { sql: `${column} IN (${list(values)})`, params: values } : { sql: '', params: [] };
}

function yearsPart(editionColumn: string, years: (number | null)[]): WhereClause {
	if (!years.length) return { sql: '', params: [] };
	const known = years.filter((y): y is number => y !== null);
	const conditions = [...(known.length ? [`year IN (${list(known)})`] : []), ...(years.includes(null) ? ['year IS NULL'] : [])];
	return { sql: `${editionColumn} IN (SELECT edition_id FROM editions WHERE ${conditions.join(' OR ')})`, params: known };
}

/** `WHERE …` over rows with centre_id and edition_id (centres, editions, edition_facts) under `alias`. */
export function editionWhere(filters: Pick<Filters, 'centres' | 'years'>, alias: string): WhereClause {
	return joinParts([inList(`${alias}.centre_id`, filters.centres), yearsPart(`${alias}.edition_id`, filters.years)]);
}

/** `WHERE …` over participants under `alias`: every filter, within a filter OR, across filters AND. */
export function participantWhere(filters: Filters, alias: string): WhereClause {
	const outcomes = filters.outcomes.map((o) => `${alias}.outcome_${o}`);
	return joinParts([
		inList(`${alias}.centre_id`, filters.centres),
		yearsPart(`${alias}.edition_id`, filters.years),
		inList(`${alias}.sex`, filters.sex),
		inList(`${alias}.age_band`, filters.ageBands),
		inList(`${alias}.education`, filters.education),
		inList(`${alias}.labour_status`, filters.labourStatus),
		filters.supportForms.length
			? { sql: `EXISTS (SELECT 1 FROM support s WHERE s.participant_id = ${alias}.participant_id AND s.form IN (${list(filters.supportForms)}))`, params: filters.supportForms }
			: { sql: '', params: [] },
		// Outcome names come from the fixed OUTCOMES list, never from input, so they may name columns.
		outcomes.length ? { sql: `(${outcomes.join(' OR ')})`, params: [] } : { sql: '', params: [] }
	]);
}
