// Checks tables against the data dictionary and the published sources. Pure: used by the build (scripts/data)
// and, later, by imports in the browser. Every problem names its file, row, column, value and rule.
import { allowedValues, dictionary, FIGURES, type TableName, type ColumnSpec, type Tables } from '../dictionary';
import { normaliseText, parseStated } from './stated';
import { ui } from '../i18n';

/** The kind of rule an issue breaks, where an import can say how to fix it (import/check.ts): a code, not its words. */
export type IssueKind = 'not_allowed_value' | 'duplicate_key' | 'unknown_key' | 'negative' | 'date' | 'missing_column';

export interface DataIssue {
	file: string;
	/** 1-based line in the file, counting the header as line 1; null for a whole-table rule. */
	row: number | null;
	column: string | null;
	value: string | null;
	rule: string;
	kind?: IssueKind;
}

/** A rule a cell breaks, in words, and its kind where it has one. */
export interface CellProblem {
	rule: string;
	kind?: IssueKind;
}

export interface RawRow {
	line: number;
	values: Record<string, string>;
}

export interface RawTable {
	table: TableName;
	file: string;
	header: string[];
	rows: RawRow[];
}

export function formatIssue(issue: DataIssue): string {
	const t = ui.validation;
	const where = [issue.file, issue.row === null ? null : t.row(issue.row), issue.column === null ? null : t.column(issue.column)].filter(Boolean).join(', ');
	const value = issue.value === null ? '' : ` (${t.value(issue.value.length > 60 ? issue.value.slice(0, 57) + '…' : issue.value)})`;
	return `${where}${value}: ${issue.rule}`;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const MONEY = /^-?\d+(\.\d{1,2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
	const m = DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The rule a single cell breaks, or null. */
export function checkCell(column: ColumnSpec, text: string): CellProblem | null {
	const problem = checkText(column, text);
	return typeof problem === 'string' ? { rule: problem } : problem;
}

function checkText(column: ColumnSpec, text: string): CellProblem | string | null {
	if (text === '') return column.required ? ui.validation.requiredEmpty : null;
	switch (column.type) {
		case 'id':
			return ID.test(text) ? null : ui.validation.identifier;
		case 'enum': {
			const allowed = allowedValues(column.values!);
			return allowed.includes(text) ? null : { rule: ui.validation.allowed(allowed), kind: 'not_allowed_value' };
		}
		case 'integer':
		case 'number':
		case 'money': {
			const pattern = column.type === 'integer' ? INTEGER : column.type === 'money' ? MONEY : DECIMAL;
			if (!pattern.test(text)) {
				return column.type === 'integer'
					? ui.validation.integer
					: column.type === 'money'
						? ui.validation.money
						: ui.validation.number;
			}
			const value = Number(text);
			if (column.min !== undefined && value < Number(column.min)) return { rule: ui.validation.below(String(column.min)), ...(Number(column.min) === 0 ? { kind: 'negative' as const } : {}) };
			if (column.max !== undefined && value > Number(column.max)) return ui.validation.above(String(column.max));
			return null;
		}
		case 'date':
			if (!isRealDate(text)) return { rule: ui.validation.date, kind: 'date' };
			if (column.min !== undefined && text < String(column.min)) return { rule: ui.validation.dateBefore(String(column.min)), kind: 'date' };
			if (column.max !== undefined && text > String(column.max)) return { rule: ui.validation.dateAfter(String(column.max)), kind: 'date' };
			return null;
		case 'boolean':
			return text === 'true' || text === 'false' ? null : ui.validation.boolean;
		case 'text':
		case 'ref':
			if (column.pattern && !new RegExp(column.pattern, 'u').test(text)) return `niezgodne ze wzorem ${column.pattern}`;
			return null;
	}
}

/** Columns, cell types and the key of one table. */
export function validateTable(raw: RawTable): DataIssue[] {
	const spec = dictionary.tables[raw.table];
	const issues: DataIssue[] = [];
	const names = spec.columns.map((c) => c.name);
	for (const name of names.filter((n) => !raw.header.includes(n))) {
		issues.push({ file: raw.file, row: 1, column: name, value: null, rule: ui.validation.missingColumn, kind: 'missing_column' });
	}
	for (const name of raw.header.filter((n) => !names.includes(n))) {
		issues.push({ file: raw.file, row: 1, column: name, value: null, rule: ui.validation.unknownColumn(names) });
	}
	const seen = new Map<string, number>();
	for (const row of raw.rows) {
		for (const column of spec.columns) {
			const text = row.values[column.name] ?? '';
			const problem = checkCell(column, text);
			if (problem) issues.push({ file: raw.file, row: row.line, column: column.name, value: text, ...problem });
		}
		const key = spec.key.map((k) => row.values[k] ?? '').join(' | ');
		const first = seen.get(key);
		if (first !== undefined) {
			issues.push({ file: raw.file, row: row.line, column: spec.key.join(', '), value: key, rule: ui.validation.repeatedKey(first), kind: 'duplicate_key' });
		} else seen.set(key, row.line);
	}
	return issues;
}

/** Typed values from text cells, by the dictionary's column types. */
export function toTyped<T>(raw: RawTable): T[] {
	const spec = dictionary.tables[raw.table];
	return raw.rows.map((row) => {
		const out: Record<string, unknown> = {};
		for (const column of spec.columns) {
			const text = row.values[column.name] ?? '';
			if (text === '') out[column.name] = null;
			else if (column.type === 'integer' || column.type === 'number' || column.type === 'money') out[column.name] = Number(text);
			else if (column.type === 'boolean') out[column.name] = text === 'true';
			else out[column.name] = text;
		}
		return out as T;
	});
}

/** References between tables: every ref column points at an existing key. */
export function validateReferences(raws: RawTable[]): DataIssue[] {
	const keys = new Map<string, Set<string>>();
	for (const raw of raws) {
		const spec = dictionary.tables[raw.table];
		if (spec.key.length === 1) keys.set(raw.table, new Set(raw.rows.map((r) => r.values[spec.key[0]])));
	}
	const issues: DataIssue[] = [];
	for (const raw of raws) {
		for (const column of dictionary.tables[raw.table].columns.filter((c) => c.type === 'ref')) {
			const target = keys.get(column.references!);
			if (!target) continue;
			for (const row of raw.rows) {
				const text = row.values[column.name] ?? '';
				if (text !== '' && !target.has(text)) {
					issues.push({ file: raw.file, row: row.line, column: column.name, value: text, rule: `brak takiego klucza w tabeli ${column.references}`, kind: 'unknown_key' });
				}
			}
		}
	}
	return issues;
}

/**
 * Honesty rules for published material: every quoted text stands word for word in its source page, every
 * stated figure stands in its quote and reads as its value, and every page belongs to the edition's centre.
 */
export function validateProvenance(raws: RawTable[], sourceTexts: Map<string, string>): DataIssue[] {
	const issues: DataIssue[] = [];
	const byTable = new Map(raws.map((r) => [r.table, r]));
	const pages = new Map([...sourceTexts].map(([id, text]) => [id, normaliseText(text)]));
	const sourceCentre = new Map(byTable.get('sources')?.rows.map((r) => [r.values.source_id, r.values.centre_id]) ?? []);
	const editionCentre = new Map(byTable.get('editions')?.rows.map((r) => [r.values.edition_id, r.values.centre_id]) ?? []);

	for (const raw of raws) {
		const quoted = dictionary.tables[raw.table].columns.filter((c) => c.quoted);
		for (const row of raw.rows) {
			const sourceId = row.values.source_id;
			const page = pages.get(sourceId);
			if (quoted.length > 0 && sourceId && !page) {
				issues.push({ file: raw.file, row: row.line, column: 'source_id', value: sourceId, rule: 'brak tekstu źródła w data/sources' });
				continue;
			}
			for (const column of quoted) {
				const text = normaliseText(row.values[column.name] ?? '');
				if (text && page && !page.includes(text)) {
					issues.push({ file: raw.file, row: row.line, column: column.name, value: text, rule: `tekstu nie ma, słowo w słowo, w źródle ${sourceId}` });
				}
			}
			const editionId = row.values.edition_id;
			const centreOfEdition = raw.table === 'editions' ? row.values.centre_id : editionCentre.get(editionId);
			const centreOfSource = sourceCentre.get(sourceId);
			if (quoted.length > 0 && centreOfSource && centreOfEdition && centreOfSource !== centreOfEdition) {
				issues.push({ file: raw.file, row: row.line, column: 'source_id', value: sourceId, rule: `źródło dotyczy ośrodka ${centreOfSource}, a edycja ośrodka ${centreOfEdition}` });
			}
		}
	}

	for (const row of byTable.get('figures')?.rows ?? []) {
		const { stated, quote, value, figure } = row.values;
		const file = byTable.get('figures')!.file;
		if (stated && quote && !normaliseText(quote).includes(normaliseText(stated))) {
			issues.push({ file, row: row.line, column: 'stated', value: stated, rule: 'zapis liczby nie stoi w cytacie' });
		}
		const parsed = stated ? parseStated(stated) : null;
		if (stated && (parsed === null || Math.abs(parsed - Number(value)) > 0.005)) {
			issues.push({ file, row: row.line, column: 'value', value, rule: `wartość nie zgadza się z zapisem w źródle „${stated}” (odczytano: ${parsed ?? 'brak liczby'})` });
		}
		if (figure in FIGURES && FIGURES[figure as keyof typeof FIGURES].unit === 'osoby' && !INTEGER.test(value ?? '')) {
			issues.push({ file, row: row.line, column: 'value', value, rule: 'liczba osób musi być całkowita' });
		}
	}

	for (const row of byTable.get('centres')?.rows ?? []) {
		const typeDigit = { miejska: '1', wiejska: '2', 'miejsko-wiejska': '3' }[row.values.gmina_type];
		if (typeDigit && row.values.teryt?.length === 7 && row.values.teryt[6] !== typeDigit) {
			issues.push({ file: byTable.get('centres')!.file, row: row.line, column: 'teryt', value: row.values.teryt, rule: `ostatnia cyfra kodu TERC oznacza rodzaj gminy: dla „${row.values.gmina_type}” powinna być ${typeDigit}` });
		}
	}

	for (const row of byTable.get('editions')?.rows ?? []) {
		const { year, start_date, end_date } = row.values;
		const file = byTable.get('editions')!.file;
		for (const [column, date] of [['start_date', start_date], ['end_date', end_date]] as const) {
			if (date && year && !date.startsWith(year)) issues.push({ file, row: row.line, column, value: date, rule: `data spoza roku edycji ${year}` });
		}
		if (start_date && end_date && start_date > end_date) issues.push({ file, row: row.line, column: 'end_date', value: end_date, rule: 'koniec przed początkiem' });
	}
	return issues;
}

// Thousands written as the page's language writes them: "13115", "14 126", "23,126" or "23.126".
const THOUSANDS = '[ \\u00a0\\u202f\\u2009.,]?';

/** The whole number `digits` as it may stand in a quote, never as part of a longer number. */
function wholeNumberPattern(digits: string): RegExp {
	const groups: string[] = [];
	for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
	return new RegExp(`(?<!\\d)${groups.join(THOUSANDS)}(?!\\d)`, 'u');
}

/** A population must stand in its own quote, and a stated day must fall in the row's year. */
export function validatePopulations(raw: RawTable): DataIssue[] {
	const issues: DataIssue[] = [];
	for (const row of raw.rows) {
		const { population, quote, as_of, year } = row.values;
		if (population && INTEGER.test(population) && quote && !wholeNumberPattern(population).test(quote)) {
			issues.push({ file: raw.file, row: row.line, column: 'population', value: population, rule: 'liczby ludności nie ma w cytacie' });
		}
		if (as_of && year && !as_of.startsWith(`${year}-`)) {
			issues.push({ file: raw.file, row: row.line, column: 'as_of', value: as_of, rule: `data spoza roku ${year}` });
		}
	}
	return issues;
}

/** Budget = EFS co-financing + own contribution, to the grosz, where a page publishes all three. */
export function validateBudgets(figures: Tables['figures'], file: string): DataIssue[] {
	const byEdition = new Map<string, Map<string, number>>();
	for (const f of figures) {
		if (!byEdition.has(f.edition_id)) byEdition.set(f.edition_id, new Map());
		byEdition.get(f.edition_id)!.set(f.figure, f.value);
	}
	const issues: DataIssue[] = [];
	for (const [edition, values] of byEdition) {
		const [budget, efs, own] = ['budget_pln', 'efs_pln', 'own_contribution_pln'].map((k) => values.get(k));
		if (budget !== undefined && efs !== undefined && own !== undefined && Math.round(budget * 100) !== Math.round((efs + own) * 100)) {
			issues.push({ file, row: null, column: 'value', value: edition, rule: `budżet ${budget} ≠ EFS ${efs} + wkład własny ${own}` });
		}
	}
	return issues;
}
