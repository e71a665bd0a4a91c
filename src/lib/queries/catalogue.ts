// What the filters can offer, and which keys are already loaded: questions the UI asks about the data itself.
import { dictionary, type TableName } from '../dictionary';
import type { Database, SqlQuery } from '../db/types';

/** Centres with at least one edition (a centre with none has nothing to show), and every edition year. */
export const catalogueCentresSql: SqlQuery = { sql: 'SELECT DISTINCT c.centre_id, c.short_name FROM centres c JOIN editions e USING (centre_id) ORDER BY c.centre_id' };
export const catalogueYearsSql: SqlQuery = { sql: 'SELECT DISTINCT year FROM editions' };

/** The key column of a table, every value: for an import's references and clashes. Names come from the dictionary. */
export function keysSql(table: TableName): SqlQuery {
	return { sql: `SELECT "${dictionary.tables[table].key[0]}" AS k FROM "${table}"` };
}

export async function fetchKnownKeys(db: Database, tables: TableName[]): Promise<Partial<Record<TableName, string[]>>> {
	const entries = await Promise.all(tables.map(async (table) => [table, (await db.query<{ k: unknown }>(keysSql(table))).map((r) => String(r.k))] as const));
	return Object.fromEntries(entries);
}
