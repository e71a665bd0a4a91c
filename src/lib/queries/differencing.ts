// Disclosure control across views. A hidden cell must not be recoverable by subtracting two visible answers: the
// current selection from a wider one (a filter removed) or a narrower one (one value of a filter removed). The
// guard counts the selection's participants by which filter conditions each one meets, works out every such
// neighbouring selection from those counts, and hides what a small difference would give away.
import type { SqlParam, SqlQuery } from '../db/types';
import { isSmall } from '../stats/disclosure';
import { OUTCOMES, participantWhere, type Filters } from './filters';
import { groupBy } from './group-by';
import type { ParticipantGroup } from './outcomes';

type Dimension =
	/** One value per participant (sex, age band, …): the column holds the matching value, or NULL. */
	| { key: string; kind: 'single'; values: string[] }
	/** Several values may hold at once (forms of support, outcomes): one true/false column per value. */
	| { key: string; kind: 'multi'; values: string[] };

const SINGLE = [
	['sex', 'p.sex'],
	['ageBands', 'p.age_band'],
	['education', 'p.education'],
	['labourStatus', 'p.labour_status']
] as const;

/** The active filters other than the centre (the centre is every row's own group), as dimensions. */
export function activeDimensions(filters: Filters): Dimension[] {
	const years = filters.years.map((y) => (y === null ? 'brak' : String(y)));
	return [
		...(years.length ? [{ key: 'years', kind: 'single', values: years } as const] : []),
		...SINGLE.filter(([key]) => filters[key].length).map(([key]) => ({ key, kind: 'single' as const, values: filters[key] })),
		...(filters.supportForms.length ? [{ key: 'supportForms', kind: 'multi', values: filters.supportForms } as const] : []),
		...(filters.outcomes.length ? [{ key: 'outcomes', kind: 'multi' as const, values: [...filters.outcomes] as string[] }] : [])
	];
}

const column = (d: Dimension, i?: number) => (i === undefined ? `d_${d.key}` : `d_${d.key}_${i}`);

/** Participants of the selected centres grouped by centre, sex and which filter conditions they meet; null if no filter. */
export function differencingSql(filters: Filters): SqlQuery | null {
	const dimensions = activeDimensions(filters);
	if (!dimensions.length) return null;
	const params: SqlParam[] = [];
	const select = dimensions.flatMap((d) => {
		if (d.key === 'years') return [`coalesce(CAST(e.year AS VARCHAR), 'brak') AS ${column(d)}`];
		if (d.key === 'supportForms')
			return d.values.map((v, i) => {
				params.push(v);
				return `EXISTS (SELECT 1 FROM support s WHERE s.participant_id = p.participant_id AND s.form = ?) AS ${column(d, i)}`;
			});
		// Outcome names come from the fixed OUTCOMES list, never from input, so they may name columns.
		if (d.key === 'outcomes') return d.values.map((v, i) => `p.outcome_${v} AS ${column(d, i)}`);
		return [`${SINGLE.find(([key]) => key === d.key)![1]} AS ${column(d)}`];
	});
	const where = participantWhere({ ...emptyParticipantFilters(filters), centres: filters.centres }, 'p');
	return {
		sql: `
SELECT p.centre_id, p.sex, ${select.join(', ')}, count(*) AS n, count(*) FILTER (WHERE completion = 'completed') AS completed,
	${OUTCOMES.map((o) => `count(*) FILTER (WHERE outcome_${o}) AS ${o}`).join(', ')}
FROM participants p JOIN editions e USING (edition_id)
${where.sql}
GROUP BY ALL`,
		params: [...params, ...where.params]
	};
}

const emptyParticipantFilters = (filters: Filters): Filters => ({ ...filters, years: [], sex: [], ageBands: [], education: [], labourStatus: [], supportForms: [], outcomes: [] });

type FlagRow = ParticipantGroup & Record<string, unknown>;

/** Which values of each dimension a selection keeps; 'all' where the filter is removed. */
type Selection = Map<string, Set<string> | 'all'>;

function meets(row: FlagRow, d: Dimension, keep: Set<string> | 'all'): boolean {
	if (keep === 'all') return true;
	if (d.kind === 'single') return keep.has(String(row[column(d)]));
	return d.values.some((v, i) => keep.has(v) && row[column(d, i)] === true);
}

const COUNTS = ['n', 'completed', ...OUTCOMES] as const;
type Counts = Record<(typeof COUNTS)[number] | 'women', number>;

function count(rows: FlagRow[], dimensions: Dimension[], selection: Selection, sex?: 'K' | 'M'): Counts {
	const total = Object.fromEntries([...COUNTS, 'women'].map((k) => [k, 0])) as Counts;
	for (const row of rows) {
		if (sex && row.sex !== sex) continue;
		if (!dimensions.every((d) => meets(row, d, selection.get(d.key)!))) continue;
		for (const k of COUNTS) total[k] += row[k];
		if (row.sex === 'K') total.women += row.n;
	}
	return total;
}

/** Every selection one subtraction away: any set of filters removed, or one value of a filter removed. */
function neighbours(dimensions: Dimension[]): Selection[] {
	const full: Selection = new Map(dimensions.map((d) => [d.key, new Set(d.values)]));
	const out: Selection[] = [];
	for (let mask = 1; mask < 1 << dimensions.length; mask++) {
		out.push(new Map(dimensions.map((d, i) => [d.key, mask & (1 << i) ? 'all' : new Set(d.values)])));
	}
	for (const d of dimensions) {
		if (d.values.length < 2) continue;
		for (const v of d.values) out.push(new Map(full).set(d.key, new Set(d.values.filter((x) => x !== v))));
	}
	return out;
}

export type Attribute = (typeof COUNTS)[number] | 'women';

export interface Exposure {
	/** The whole group's size could be worked out: hide every participant-level figure of the centre. */
	all: boolean;
	/** Rates whose numerator or its complement could be worked out. */
	rates: Set<Attribute>;
	/** Outcome splits by sex that could be worked out. */
	bySex: Set<Attribute | 'n'>;
}

const small = (complement: number) => isSmall(Math.abs(complement));

/** Per centre (and '*' for all the selected centres together): what a neighbouring view would give away. */
export function differencingExposure(rows: FlagRow[], filters: Filters): Map<string, Exposure> {
	const dimensions = activeDimensions(filters);
	const full: Selection = new Map(dimensions.map((d) => [d.key, new Set(d.values)]));
	const around = neighbours(dimensions);
	const groups = new Map<string, FlagRow[]>([['*', rows], ...groupBy(rows, (r) => r.centre_id)]);
	const result = new Map<string, Exposure>();
	for (const [centre, own] of groups) {
		const exposure: Exposure = { all: false, rates: new Set(), bySex: new Set() };
		const selected = count(own, dimensions, full);
		const bySex = (['K', 'M'] as const).map((sex) => count(own, dimensions, full, sex));
		for (const selection of around) {
			const other = count(own, dimensions, selection);
			const n = other.n - selected.n;
			if (small(n)) exposure.all = true;
			for (const k of [...COUNTS.slice(1), 'women'] as Attribute[]) if (small(other[k] - selected[k]) || small(n - (other[k] - selected[k]))) exposure.rates.add(k);
			(['K', 'M'] as const).forEach((sex, i) => {
				const otherSex = count(own, dimensions, selection, sex);
				const nSex = otherSex.n - bySex[i].n;
				if (small(nSex)) exposure.bySex.add('n');
				for (const k of COUNTS.slice(1)) if (small(otherSex[k] - bySex[i][k]) || small(nSex - (otherSex[k] - bySex[i][k]))) exposure.bySex.add(k);
			});
		}
		result.set(centre, exposure);
	}
	return result;
}
