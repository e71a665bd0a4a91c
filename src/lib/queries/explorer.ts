// The SQL explorer's rules: only statements that read, one at a time, and nothing that reaches for files or
// addresses; its example queries; and the schema its editor completes, from the data dictionary.
import { dictionary, TABLE_NAMES } from '../dictionary';
import { ui } from '../i18n';

/** Statements the explorer runs: they read and change nothing. */
const READING = ['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'EXPLAIN'];

/** Words that change data or settings, or reach outside the loaded tables, wherever they stand. */
const REFUSED = [
	'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'COPY', 'ATTACH', 'DETACH', 'INSTALL', 'LOAD',
	'EXPORT', 'IMPORT', 'CHECKPOINT', 'VACUUM', 'SET', 'RESET', 'PRAGMA', 'CALL', 'USE', 'BEGIN', 'COMMIT', 'ROLLBACK',
	'READ_CSV', 'READ_CSV_AUTO', 'READ_PARQUET', 'PARQUET_SCAN', 'READ_JSON', 'READ_JSON_AUTO', 'READ_JSON_OBJECTS', 'READ_NDJSON',
	'READ_NDJSON_AUTO', 'READ_TEXT', 'READ_BLOB', 'GLOB', 'SNIFF_CSV', 'PARQUET_METADATA', 'PARQUET_SCHEMA', 'QUERY_TABLE', 'QUERY'
];

/**
 * The SQL with comments removed and string literals and quoted names blanked, so a keyword inside them is not
 * taken for one. Unterminated quotes or comments blank the rest, which then fails in DuckDB with its own message.
 */
export function codeOnly(sql: string): string {
	return sql.replace(/--[^\n]*|\/\*[\s\S]*?(\*\/|$)|'(?:[^']|'')*('|$)|"(?:[^"]|"")*("|$)/g, (m) => (m.startsWith("'") ? "''" : m.startsWith('"') ? '""' : ' '));
}

/** Why the explorer will not run this statement, or null if it will. */
export function refusal(sql: string): string | null {
	const code = codeOnly(sql).trim().replace(/;\s*$/, '');
	const t = ui.explorer.refused;
	if (!code) return t.empty;
	if (code.includes(';')) return t.several;
	const first = /^[(\s]*([A-Za-z_]+)/.exec(code)?.[1]?.toUpperCase() ?? '';
	if (!READING.includes(first)) return t.notReading(first || code.slice(0, 20));
	const word = code.toUpperCase().match(new RegExp(`\\b(${REFUSED.join('|')})\\b`));
	if (word) return t.word(word[1]);
	if (/:\/\//.test(sql)) return t.address;
	return null;
}

/** Tables whose rows are synthetic (or the user's own, marked in their provenance column). */
const PARTICIPANT_TABLES = ['participants', 'support'];

/**
 * Whether a query reads participant-level tables, whose rows are synthetic: then its result, table and chart
 * carry the synthetic mark, whatever the query aggregates them into. Strings and comments do not count.
 */
export function readsParticipantRows(sql: string): boolean {
	return new RegExp(`\\b(${PARTICIPANT_TABLES.join('|')})\\b`, 'i').test(codeOnly(sql));
}

/** Table → columns for the editor's completion: the dictionary's tables and the derived ones. */
export function explorerSchema(): Record<string, string[]> {
	const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, dictionary.tables[name].columns.map((c) => c.name)]));
	return { ...tables, edition_facts: ['edition_id', 'centre_id', 'year', 'participants', 'women', 'participants_employed', 'budget_pln', 'source_id'], price_levels: ['year', 'level'] };
}

/** The explorer's example queries, titled and with result columns named in the page's language. */
export function explorerExamples(): { title: string; sql: string }[] {
	const title = ui.explorer.exampleTitles;
	const as = ui.explorer.exampleAliases;
	return [
		{
			title: title.bySex,
			sql: `SELECT centre_id, sex, count(*) AS ${as.participants}, provenance\nFROM participants\nGROUP BY ALL\nORDER BY centre_id, sex;`
		},
		{
			title: title.employment,
			sql: `SELECT labour_status, count(*) AS n,\n  count(*) FILTER (WHERE outcome_employed) AS ${as.employed},\n  round(100 * avg(outcome_employed::INT), 1) AS ${as.share}\nFROM participants\nGROUP BY ALL\nORDER BY n DESC;`
		},
		{
			title: title.supportCost,
			sql: `SELECT form, count(DISTINCT participant_id) AS ${as.participants}, round(sum(cost_pln), 2) AS ${as.cost}\nFROM support\nGROUP BY ALL\nORDER BY ${as.cost} DESC;`
		},
		{
			title: title.published,
			sql: `SELECT edition_id, year, participants, women, participants_employed, budget_pln, source_id\nFROM edition_facts\nORDER BY centre_id, year;`
		}
	];
}
