// Filters the UI can set, and the one WHERE builder that turns them into SQL with parameters for every query.
import type { SqlParam } from '../db/types';

export interface Filters {
	/** Centre ids; empty means all centres. */
	centres: string[];
	/** 'published' hides every synthetic figure: what the pages state, nothing else. */
	view: 'all' | 'published';
}

export const DEFAULT_FILTERS: Filters = { centres: [], view: 'all' };

export interface WhereClause {
	sql: string;
	params: SqlParam[];
}

/** `WHERE …` over a table that has a centre_id column (under `alias`), or an empty clause. */
export function whereClause(filters: Pick<Filters, 'centres'>, alias: string): WhereClause {
	const parts: string[] = [];
	const params: SqlParam[] = [];
	if (filters.centres.length > 0) {
		parts.push(`${alias}.centre_id IN (${filters.centres.map(() => '?').join(', ')})`);
		params.push(...filters.centres);
	}
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
