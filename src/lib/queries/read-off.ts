// Reading a question's rows off a wider question's kept answer, where that answer is at hand: the same rows with no
// trip to the engine. Used where the narrow question only filters on a column the wider one groups (or lists) by.
import type { Database, Row, SqlQuery } from '../db/types';

/** Whether `value` passes a filter's list; an empty list keeps everything, as the filters do. */
export const inList = (list: readonly (string | null)[], value: string | null) => !list.length || list.includes(value);

/**
 * `narrow`'s rows: `wide`'s kept rows that `keep` picks where `wide` is at hand and `narrow` is not, else asked.
 * Rows are shared with the kept answer and never changed.
 */
export function readOff<T extends Row>(db: Database, narrow: SqlQuery, wide: SqlQuery, keep: (row: T) => boolean): Promise<T[]> {
	return narrow.sql !== wide.sql && !db.has?.(narrow) && db.has?.(wide) ? db.query<T>(wide).then((rows) => rows.filter(keep)) : db.query<T>(narrow);
}
