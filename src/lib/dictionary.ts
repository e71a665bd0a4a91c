// The data dictionary (data/dictionary.json) as typed values: labels for the UI, rules for the build.
import dictionaryJson from '../../data/dictionary.json';
import { dictionaryEn } from './i18n/dictionary-en';
import { getLocale } from './i18n/locale';

export type ColumnType = 'id' | 'text' | 'enum' | 'integer' | 'number' | 'money' | 'date' | 'boolean' | 'ref';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	required: boolean;
	label: string;
	description?: string;
	values?: string;
	references?: string;
	pattern?: string;
	min?: number | string;
	max?: number | string;
	unit?: string;
	/** The text must stand, word for word, in the row's source page. */
	quoted?: boolean;
}

export interface TableSpec {
	file?: string;
	generated?: boolean;
	label: string;
	description?: string;
	key: string[];
	columns: ColumnSpec[];
}

export interface FigureSpec {
	label: string;
	unit: string;
}

interface Dictionary {
	version: number;
	provenance: Record<string, string>;
	values: Record<string, Record<string, string | FigureSpec>>;
	tables: Record<TableName, TableSpec>;
	calibration: { figure: FigureKey; rule: string }[];
}

export const dictionary = dictionaryJson as unknown as Dictionary;

export const TABLE_NAMES = ['sources', 'centres', 'editions', 'figures', 'activities', 'cpi', 'populations', 'participants', 'support'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type FigureKey =
	| 'participants'
	| 'participants_planned'
	| 'candidates'
	| 'social_contracts'
	| 'local_activity_participants'
	| 'women'
	| 'participants_employed'
	| 'families_with_assistant'
	| 'budget_pln'
	| 'efs_pln'
	| 'own_contribution_pln'
	| 'staff_salaries_pln'
	| 'staff_hired'
	| 'staff_hired_fte'
	| 'staff_continued'
	| 'edition_ordinal';

export const FIGURES = dictionary.values.figure as Record<FigureKey, FigureSpec>;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

const english = () => getLocale() === 'en';

/** An allowed value's label in the page's language, e.g. ('support_form', 'health') → 'aktywizacja zdrowotna'
 * or 'health activation'. The code itself stays as the data has it; an unknown code is shown as it is. */
export function valueLabel(set: string, value: string): string {
	const entry = (english() ? (dictionaryEn.values as Dictionary['values']) : dictionary.values)[set]?.[value];
	if (entry === undefined) return value;
	return typeof entry === 'string' ? entry : entry.label;
}

/** A figure's label and unit word in the page's language ('Uczestnicy', 'osoby' / 'Participants', 'people'). */
export const figureText = (figure: FigureKey): FigureSpec => (english() ? dictionaryEn.values.figure[figure] : FIGURES[figure]);

/** A table's label and description, and a column's, in the page's language. */
export function tableText(table: TableName): { label: string; description?: string } {
	const text = english() ? dictionaryEn.tables[table] : dictionary.tables[table];
	return { label: text.label, description: text.description };
}
export function columnText(table: TableName, column: ColumnSpec): { label: string; description?: string; unit?: string } {
	if (!english()) return column;
	const text = (dictionaryEn.tables[table].columns as Record<string, { label: string; description?: string; unit?: string }>)[column.name];
	return text ?? column;
}

/** What each provenance means, and each calibrated figure's rule, in the page's language. */
export const provenanceText = (kind: keyof Dictionary['provenance']): string => (english() ? (dictionaryEn.provenance as Record<string, string>) : dictionary.provenance)[kind];
export const calibrationRule = (rule: Dictionary['calibration'][number]): string => (english() ? (dictionaryEn.calibration[rule.figure] ?? rule.rule) : rule.rule);

export function allowedValues(set: string): string[] {
	return Object.keys(dictionary.values[set] ?? {});
}

export type Provenance = 'published' | 'synthetic' | 'imported';

export interface Centre {
	centre_id: string;
	short_name: string;
	name: string;
	kind: 'OPS' | 'MOPS' | 'GOPS';
	gmina: string;
	teryt: string;
	gmina_type: string;
	powiat: string;
	voivodeship: string;
	source_id: string;
}

export interface Source {
	source_id: string;
	kind: 'centre-page' | 'registry' | 'reference';
	centre_id: string | null;
	file: string | null;
	title: string;
	date_stated: string | null;
}

export interface Edition {
	edition_id: string;
	centre_id: string;
	year: number | null;
	title: string;
	start_date: string | null;
	end_date: string | null;
	period_stated: string | null;
	source_id: string;
	quote: string;
	note: string | null;
}

export interface Figure {
	edition_id: string;
	figure: FigureKey;
	value: number;
	stated: string;
	source_id: string;
	quote: string;
	note: string | null;
}

export interface Activity {
	activity_id: string;
	edition_id: string;
	kind: string;
	name: string;
	date: string | null;
	support_form: string | null;
	source_id: string;
}

/** GUS annual average CPI: % change on the previous year. */
export interface Cpi {
	year: number;
	cpi_change_pct: number;
	source_id: string;
}

/** A gmina's population in one year, only as a cited page states it. */
export interface Population {
	centre_id: string;
	year: number;
	population: number;
	as_of: string | null;
	source_id: string;
	quote: string;
	note: string | null;
}

export interface Participant {
	participant_id: string;
	edition_id: string;
	centre_id: string;
	pathway: 'social_contract' | 'local_activity';
	sex: 'K' | 'M';
	age_band: string;
	education: string;
	labour_status: string;
	disability: boolean;
	start_date: string | null;
	end_date: string | null;
	completion: 'completed' | 'left_early';
	outcome_employed: boolean;
	outcome_job_seeking: boolean;
	outcome_education: boolean;
	outcome_qualification: boolean;
	provenance: Provenance;
}

export interface Support {
	support_id: string;
	participant_id: string;
	edition_id: string;
	form: string;
	activity_id: string | null;
	hours: number | null;
	cost_pln: number;
	provenance: Provenance;
}

export interface Tables {
	sources: Source[];
	centres: Centre[];
	editions: Edition[];
	figures: Figure[];
	activities: Activity[];
	cpi: Cpi[];
	populations: Population[];
	participants: Participant[];
	support: Support[];
}
