// Which dictionary column each header of a user's file means: by name, Polish label or a common English name,
// case and diacritics ignored. A suggestion only: the user confirms or changes it, and it is remembered.
import { dictionary, type TableName } from '../dictionary';
import { foldPolish } from '../format/text';

/** Lower case, Polish letters folded, anything else an underscore: „Płeć ” → plec. */
export function normaliseHeader(text: string): string {
	return foldPolish(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
}

/** English and common Polish names beyond the dictionary's own. */
const ALIASES: Record<string, string[]> = {
	participant_id: ['id', 'id_uczestnika', 'uczestnik', 'participant', 'kod_uczestnika'],
	edition_id: ['edycja', 'edition', 'id_edycji'],
	centre_id: ['osrodek', 'centre', 'center', 'center_id', 'ops', 'id_osrodka'],
	sex: ['plec', 'gender', 'kobieta_mezczyzna'],
	age_band: ['wiek', 'age', 'grupa_wieku', 'przedzial_wieku'],
	education: ['wyksztalcenie', 'isced'],
	labour_status: ['status', 'status_na_rynku_pracy', 'employment_status', 'labor_status'],
	disability: ['niepelnosprawnosc', 'niepelnosprawny', 'disabled'],
	start_date: ['data_rozpoczecia', 'poczatek', 'start'],
	end_date: ['data_zakonczenia', 'koniec', 'end'],
	completion: ['zakonczenie', 'ukonczenie', 'ukonczyl'],
	outcome_employed: ['pracujacy', 'zatrudniony', 'employed'],
	outcome_job_seeking: ['poszukujacy_pracy', 'job_seeking'],
	outcome_education: ['w_ksztalceniu', 'in_education'],
	outcome_qualification: ['kwalifikacje', 'uzyskal_kwalifikacje', 'qualification'],
	support_id: ['id_wsparcia'],
	form: ['forma', 'forma_wsparcia', 'support_form'],
	hours: ['godziny', 'liczba_godzin'],
	cost_pln: ['koszt', 'koszt_pln', 'cost', 'kwota'],
	year: ['rok']
};

export type Mapping = Record<string, string | null>;

/** A header the user chose to leave out. */
export const SKIP = '__pomin__';

/** Set by the import itself, never read from a file: imported rows are always `provenance = imported`. */
const SET_ON_IMPORT = ['provenance'];

/** The dictionary columns a header of `table` may stand for. */
export function mappableColumns(table: TableName) {
	return dictionary.tables[table].columns.filter((c) => !SET_ON_IMPORT.includes(c.name));
}

/**
 * Header → dictionary column of `table` (or null): each column taken once, the first header that names it wins.
 * A file's own provenance column is skipped.
 */
export function suggestMapping(header: string[], table: TableName, remembered: Record<string, string> = {}): Mapping {
	const columns = mappableColumns(table);
	const names = new Map<string, string>();
	for (const c of columns) {
		for (const alias of [c.name, c.label, ...(ALIASES[c.name] ?? [])]) if (alias) names.set(normaliseHeader(alias), c.name);
	}
	const taken = new Set<string>();
	return Object.fromEntries(
		header.map((h) => {
			const key = normaliseHeader(h);
			if (SET_ON_IMPORT.includes(key)) return [h, SKIP];
			const column = (remembered[key] && columns.some((c) => c.name === remembered[key]) ? remembered[key] : names.get(key)) ?? null;
			if (!column || taken.has(column)) return [h, null];
			taken.add(column);
			return [h, column];
		})
	);
}

/** The import table a header fits best: the one with the most of its columns named. */
export function detectTable(header: string[], tables: TableName[]): TableName {
	const score = (table: TableName) => Object.values(suggestMapping(header, table)).filter(Boolean).length;
	return [...tables].sort((a, b) => score(b) - score(a))[0];
}
