// Reading a question's rows off a wider question's kept answer, where that answer is at hand: the same rows with no
// trip to the engine. Only for filters on a column every row of the answer carries (its centre, and its sex where the
// answer is grouped by it): the narrow question's rows are then the wide one's rows that pass the filter, in order.
import type { Database, Row, SqlQuery } from '../db/types';
import type { Filters } from './filters';

/** The filters a row can be checked against by a column of its own. */
const COLUMN = { centres: 'centre_id', sex: 'sex' } as const;
type ByColumn = keyof typeof COLUMN;

/** Whether `value` passes a filter's list; an empty list keeps everything, as the filters do. */
const passes = (list: readonly string[], value: unknown) => !list.length || list.includes(value as string);

/**
 * The rows of `sqlOf(filters)`: read off the kept answer of the same question without the filters `by`, or asked.
 * Rows are shared with the kept answer and never changed.
 */
export function readOff<T extends Row>(db: Database, sqlOf: (filters: Filters) => SqlQuery, filters: Filters, by: ByColumn[]): Promise<T[]> {
	const narrow = sqlOf(filters);
	const wide = sqlOf({ ...filters, ...Object.fromEntries(by.map((key) => [key, []])) });
	if (narrow.sql === wide.sql || db.has(narrow) || !db.has(wide)) return db.query<T>(narrow);
	return db.query<T>(wide).then((rows) => rows.filter((row) => by.every((key) => passes(filters[key], row[COLUMN[key]]))));
}
