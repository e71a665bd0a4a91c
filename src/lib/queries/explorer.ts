// The SQL explorer's rules: only statements that read, one at a time, and nothing that reaches for files or
// addresses; its example queries; and the schema its editor completes and its schema browser lists, per dataset.
import { columnText, dictionary, FIGURE_KEYS, TABLE_NAMES, tableText, type TableName } from '../dictionary';
import { ui } from '../i18n';
import type { ExplorerDataset } from '../state/explorer-url';

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

/** A table as the schema browser lists it: its name, what it is, and each column with a short note. */
export interface ExplorerTable {
	name: string;
	label: string;
	columns: { name: string; note: string }[];
}

/** The derived tables db/schema.ts makes: each edition with its published figures pivoted beside it, and prices. */
const DERIVED = { edition_facts: [...dictionary.tables.editions.columns.map((c) => c.name), ...FIGURE_KEYS], price_levels: ['year', 'level'] };

/** The national set's own tables (scripts/national writes them); the others are the dictionary's. */
const NATIONAL_COLUMNS = {
	centres: ['centre_id', 'short_name', 'gmina', 'teryt', 'kind', 'gmina_type', 'powiat_code', 'powiat', 'voivodeship_code', 'voivodeship', 'has_sources'],
	cube: ['centre_id', 'centre_code', 'year', 'sex', 'age_band', 'stratum', 'participants', 'completed', 'employed', 'cost_pln'],
	strata: ['stratum', 'year', 'sex', 'age_band'],
	// One voivodeship's rows: the dictionary's participant columns, with their support folded in.
	participants: [...dictionary.tables.participants.columns.map((c) => c.name), 'cost_pln', 'support_forms']
};
const NATIONAL_DICTIONARY_TABLES = ['editions', 'figures', 'sources', 'cpi'] as const satisfies TableName[];

function dictionaryTable(name: TableName): ExplorerTable {
	const { columns } = dictionary.tables[name];
	return { name, label: tableText(name).label, columns: columns.map((c) => ({ name: c.name, note: `${c.type}: ${columnText(name, c).label}` })) };
}

/** The tables a researcher can read from a dataset (for the national set, `participants` once a voivodeship is loaded). */
export function explorerTables(dataset: ExplorerDataset, region: string | null = null): ExplorerTable[] {
	if (dataset === 'centres') return TABLE_NAMES.map((name) => dictionaryTable(name));
	const t = ui.explorer.national;
	const note = (table: 'centres' | 'participants' | null, name: string) => {
		const known = table && dictionary.tables[table].columns.find((c) => c.name === name);
		return known ? `${known.type}: ${columnText(table, known).label}` : (t.columns[name as keyof typeof t.columns] ?? '');
	};
	const own = (name: keyof typeof NATIONAL_COLUMNS, table: 'centres' | 'participants' | null, label: string): ExplorerTable => ({
		name,
		label,
		columns: NATIONAL_COLUMNS[name].map((c) => ({ name: c, note: note(table, c) }))
	});
	return [
		own('centres', 'centres', t.tables.centres),
		own('cube', null, t.tables.cube),
		own('strata', null, t.tables.strata),
		...(region ? [own('participants', 'participants', t.tables.participants)] : []),
		...NATIONAL_DICTIONARY_TABLES.map((name) => dictionaryTable(name))
	];
}

/** Table → columns for the editor's completion: the tables a researcher can read and the derived ones. */
export function explorerSchema(dataset: ExplorerDataset = 'centres', region: string | null = null): Record<string, string[]> {
	return { ...Object.fromEntries(explorerTables(dataset, region).map((t) => [t.name, t.columns.map((c) => c.name)])), ...DERIVED };
}

/** The explorer's example queries for a dataset, titled and with result columns named in the page's language. */
export function explorerExamples(dataset: ExplorerDataset = 'centres'): { title: string; sql: string }[] {
	const title = ui.explorer.exampleTitles;
	const as = ui.explorer.exampleAliases;
	if (dataset === 'national')
		return [
			{
				title: title.byVoivodeship,
				sql: `SELECT c.voivodeship, sum(k.participants)::INTEGER AS ${as.participants},\n  round(100 * sum(k.employed) / sum(k.participants), 1) AS ${as.share}\nFROM cube k JOIN centres c USING (centre_id)\nGROUP BY ALL\nORDER BY ${as.participants} DESC;`
			},
			{
				title: title.byYearSex,
				sql: `SELECT year,\n  sum(participants) FILTER (WHERE sex = 'K')::INTEGER AS K,\n  sum(participants) FILTER (WHERE sex = 'M')::INTEGER AS M\nFROM cube\nGROUP BY year\nORDER BY year;`
			},
			{
				title: title.costByGminaType,
				sql: `SELECT c.gmina_type, count(DISTINCT centre_id) AS ${as.centres},\n  round(sum(k.cost_pln) / sum(k.participants), 2) AS ${as.costPerParticipant}\nFROM cube k JOIN centres c USING (centre_id)\nGROUP BY ALL\nORDER BY ${as.costPerParticipant} DESC;`
			},
			{
				title: title.regionEmployment,
				sql: `SELECT labour_status, count(*) AS n,\n  round(100 * avg(outcome_employed::INT), 1) AS ${as.share},\n  round(avg(cost_pln), 2) AS ${as.costPerParticipant}\nFROM participants\nGROUP BY ALL\nORDER BY n DESC;`
			},
			{
				title: title.published,
				sql: `SELECT edition_id, year, participants, women, participants_employed, budget_pln, source_id\nFROM edition_facts\nWHERE source_id IS NOT NULL AND participants IS NOT NULL\nORDER BY centre_id, year;`
			}
		];
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
