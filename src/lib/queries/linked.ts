// The participants as the linked tables of src/lib/stats/linked-tables.ts read them, and what a view's filters
// select in those tables' terms: one query for any view, so every page hides the same cells.
import { allowedValues } from '../dictionary';
import type { Database, SqlQuery } from '../db/types';
import { linkedTables, type Cell, type LinkedRow, type LinkedTables } from '../stats/linked-tables';
import { OUTCOMES, type Filters } from './filters';

/** Attributes a population can name; forms of support and outcomes are true/false per form or outcome. */
export type Attribute = 'centre' | 'year' | 'sex' | 'age_band' | 'education' | 'labour_status' | 'pathway' | 'completion' | `outcome_${string}` | `support_${string}`;

const COLUMN: Record<string, string> = {
	centre: 'p.centre_id',
	year: "coalesce(CAST(e.year AS VARCHAR), 'brak')",
	sex: 'p.sex',
	age_band: 'p.age_band',
	education: 'p.education',
	labour_status: 'p.labour_status',
	pathway: 'p.pathway',
	completion: 'p.completion'
};

const supportFormOf = (attribute: string) => attribute.slice('support_'.length);

/**
 * Participants grouped by `attributes`, with how many of each group had each outcome and each form of support. Forms
 * of support come from one pre-joined row of flags per participant: a correlated EXISTS per form and row cost about
 * a second at a million participants.
 */
export function linkedRowsSql(attributes: readonly Attribute[]): SqlQuery {
	const forms = allowedValues('support_form');
	const flag = (form: string) => {
		const i = forms.indexOf(form);
		if (i < 0) throw new Error(`linkedRowsSql: support_${form}`);
		return `coalesce(f.form_${i}, false)`;
	};
	// Outcome names come from the fixed OUTCOMES list and forms are bound, so neither is pasted from input.
	const select = attributes.map((a) => {
		if (a.startsWith('outcome_')) {
			if (!OUTCOMES.includes(a.slice('outcome_'.length) as (typeof OUTCOMES)[number])) throw new Error(`linkedRowsSql: ${a}`);
			return `CAST(p.${a} AS VARCHAR) AS "${a}"`;
		}
		if (a.startsWith('support_')) return `CAST(${flag(supportFormOf(a))} AS VARCHAR) AS "${a}"`;
		return `${COLUMN[a]} AS "${a}"`;
	});
	const flags = [...OUTCOMES.map((o) => `count(*) FILTER (WHERE p.outcome_${o}) AS "outcome_${o}"`), ...forms.map((form) => `count(*) FILTER (WHERE ${flag(form)}) AS "support_${form}"`)];
	return {
		sql: `WITH f AS (SELECT participant_id, ${forms.map((_, i) => `bool_or(form = ?) AS form_${i}`).join(', ')} FROM support GROUP BY participant_id)
SELECT ${[...select, 'count(*) AS n', ...flags].join(', ')}
FROM participants p JOIN editions e USING (edition_id) LEFT JOIN f USING (participant_id)
GROUP BY ALL`,
		params: [...forms]
	};
}

/** The cells the centres' pages publish, edition by edition (and per centre where one edition holds its rows). */
export interface PublishedEdition {
	centre_id: string;
	year: number | null;
	participants: number | null;
	women: number | null;
	participants_employed: number | null;
	social_contracts: number | null;
	local_activity_participants: number | null;
}

export const publishedEditionsSql = (): SqlQuery => ({
	sql: 'SELECT centre_id, year, participants, women, participants_employed, social_contracts, local_activity_participants FROM edition_facts'
});

const cellKey = (cell: Cell) =>
	Object.keys(cell)
		.sort()
		.map((a) => `${a}=${cell[a]}`)
		.join(';');

export function publishedCells(editions: PublishedEdition[]): (cell: Cell) => boolean {
	const keys = new Set<string>([cellKey({})]);
	const counted = editions.filter((e) => e.participants !== null);
	for (const e of counted) {
		const year = e.year === null ? 'brak' : String(e.year);
		const alone = counted.filter((x) => x.centre_id === e.centre_id).length === 1;
		const bases: Cell[] = [{ centre: e.centre_id, year }, ...(alone ? [{ centre: e.centre_id }] : [])];
		if (counted.filter((x) => x.year === e.year).length === editions.filter((x) => x.year === e.year).length) bases.push({ year });
		const add = (extra: Cell) => bases.forEach((b) => keys.add(cellKey({ ...b, ...extra })));
		add({});
		// With the edition's size published, a published part's complement is public too.
		if (e.women !== null) [{ sex: 'K' }, { sex: 'M' }].forEach(add);
		if (e.participants_employed !== null) [{ outcome_employed: 'true' }, { outcome_employed: 'false' }].forEach(add);
		if (e.social_contracts !== null) add({ pathway: 'social_contract' });
		if (e.local_activity_participants !== null) add({ pathway: 'local_activity' });
	}
	return (cell) => keys.has(cellKey(cell));
}

/**
 * What a view's filters select, as the cells it adds up: one value of each filter at a time, and for forms of
 * support or outcomes (any of several) every true/false combination with at least one true.
 */
export function filterCells(filters: Filters): { attributes: Attribute[]; cells: Cell[] } {
	const alternatives: [Attribute[], Cell[]][] = [];
	const single = (attribute: Attribute, values: readonly string[]) => values.length && alternatives.push([[attribute], values.map((v) => ({ [attribute]: v }))]);
	single('year', filters.years.map((y) => (y === null ? 'brak' : String(y))));
	single('sex', filters.sex);
	single('age_band', filters.ageBands);
	single('education', filters.education);
	single('labour_status', filters.labourStatus);
	const anyOf = (attributes: Attribute[]) => {
		if (!attributes.length) return;
		const combos: Cell[] = [];
		for (let mask = 1; mask < 1 << attributes.length; mask++) combos.push(Object.fromEntries(attributes.map((a, i) => [a, mask & (1 << i) ? 'true' : 'false'])));
		alternatives.push([attributes, combos]);
	};
	anyOf(filters.supportForms.map((f) => `support_${f}` as Attribute));
	anyOf(filters.outcomes.map((o) => `outcome_${o}` as Attribute));
	let cells: Cell[] = [{}];
	for (const [, options] of alternatives) cells = cells.flatMap((c) => options.map((o) => ({ ...c, ...o })));
	return { attributes: alternatives.flatMap(([a]) => a), cells };
}

/** A view's populations in the linked tables: hidden when any cell they add up is. */
export interface ViewCells {
	tables: LinkedTables;
	/** The selection's participants, of `centre` (or of every selected centre), with `extra` conditions. */
	hidden(centre: string | null, extra?: Cell): boolean;
}

export async function fetchViewCells(db: Database, filters: Filters, extraAttributes: readonly Attribute[] = []): Promise<ViewCells> {
	const { attributes, cells } = filterCells(filters);
	const grouped = [...new Set<Attribute>(['centre', 'sex', 'completion', ...attributes, ...extraAttributes])];
	const [rows, editions] = await Promise.all([db.query<Record<string, unknown>>(linkedRowsSql(grouped)), db.query<PublishedEdition & Record<string, unknown>>(publishedEditionsSql())]);
	return viewCells(toLinkedRows(rows, grouped), publishedCells(editions), filters);
}

export function toLinkedRows(rows: Record<string, unknown>[], grouped: readonly string[]): LinkedRow[] {
	const flagNames = [...OUTCOMES.map((o) => `outcome_${o}`), ...allowedValues('support_form').map((f) => `support_${f}`)].filter((f) => !grouped.includes(f));
	return rows.map((r) => ({
		values: Object.fromEntries(grouped.map((a) => [a, String(r[a])])),
		n: Number(r.n),
		flags: Object.fromEntries(flagNames.map((f) => [f, Number(r[f])]))
	}));
}

/**
 * A year names the same people as a centre when only that centre has rows in it, and a centre with rows in one
 * year only is that year's: such cells are read in the centre's terms, so both spellings share one table cell.
 */
function sameInCentreTerms(rows: LinkedRow[]): (cell: Cell) => Cell | null {
	const yearsOf = new Map<string, Set<string>>();
	const centresOf = new Map<string, Set<string>>();
	for (const r of rows) {
		const [centre, year] = [r.values.centre, r.values.year];
		if (year === undefined) continue;
		yearsOf.set(centre, (yearsOf.get(centre) ?? new Set()).add(year));
		centresOf.set(year, (centresOf.get(year) ?? new Set()).add(centre));
	}
	return (cell) => {
		if (cell.year === undefined) return cell;
		const { year, ...rest } = cell;
		const centres = centresOf.get(year);
		if (!centres) return null;
		if (rest.centre === undefined) return centres.size === 1 && yearsOf.get([...centres][0])!.size === 1 ? { ...rest, centre: [...centres][0] } : cell;
		if (!centres.has(rest.centre)) return null;
		return yearsOf.get(rest.centre)!.size === 1 ? rest : cell;
	};
}

export function viewCells(rows: LinkedRow[], fixed: (cell: Cell) => boolean, filters: Filters): ViewCells {
	const raw = linkedTables(rows, fixed);
	const canonical = sameInCentreTerms(rows);
	// A cell no row can fall in (a centre in a year it has no edition) is empty for all to see.
	const tables: LinkedTables = {
		...raw,
		hidden: (cell) => {
			const c = canonical(cell);
			return c !== null && raw.hidden(c);
		},
		count: (cell) => {
			const c = canonical(cell);
			return c === null ? 0 : raw.count(c);
		}
	};
	const { cells } = filterCells(filters);
	return {
		tables,
		hidden(centre, extra = {}) {
			if (!centre && filters.centres.length && cells.length === 1 && !Object.keys(extra).length) return selectionHidden(tables, cells[0], filters.centres);
			const centres = centre ? [centre] : filters.centres;
			const withCentre = centres.length ? cells.flatMap((c) => centres.map((id) => ({ ...c, centre: id }))) : cells;
			// A condition that contradicts the filter's own (support_x = false under support_x = true) selects nobody.
			const parts = withCentre.filter((c) => Object.entries(extra).every(([a, v]) => c[a] === undefined || c[a] === v)).map((c) => ({ ...c, ...extra }));
			return parts.some((c) => tables.hidden(c));
		}
	};
}

/**
 * The total of some centres under one cell's conditions. It gives away the sum of its hidden centres, so it shows
 * only if it has none, or holds every hidden centre of the line while the line's own total shows: then that sum
 * is the line's total minus its shown centres anyway.
 */
function selectionHidden(tables: LinkedTables, cell: Cell, centres: string[]): boolean {
	const hiddenIn = (ids: string[]) => ids.filter((id) => tables.count({ ...cell, centre: id }) > 0 && tables.hidden({ ...cell, centre: id }));
	const inside = hiddenIn(centres);
	if (!inside.length) return false;
	return tables.hidden(cell) || hiddenIn(tables.values('centre')).length !== inside.length;
}
