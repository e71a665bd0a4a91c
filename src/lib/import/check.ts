// A parsed file checked for one dictionary table: personal data first (a file with identifiers is refused
// whole), then every cell, key and reference. All or nothing: one problem and no row is loaded.
import { dictionary, type TableName } from '../dictionary';
import { ui } from '../i18n';
import { toTyped, validateTable, type DataIssue, type IssueKind, type RawTable } from '../validation/validate';
import { findPersonalData } from './guard';
import { SKIP, mappableColumns, normaliseHeader, type Mapping } from './mapping';
import type { ParsedFile } from './read';

/** Keys already loaded (built-in and earlier imports), by table, for references and duplicates. */
export type KnownKeys = Partial<Record<TableName, Set<string>>>;

export interface ImportCheck {
	ok: boolean;
	/** The first MAX_ISSUES problems, in file order. */
	issues: (DataIssue & { hint?: string })[];
	/** All problems, counted. */
	total: number;
	rows: Record<string, unknown>[];
}

export const MAX_ISSUES = 100;

const TRUE = ['true', 'tak', 't', '1', 'prawda', 'yes', 'y'];
const FALSE = ['false', 'nie', 'n', '0', 'fałsz', 'falsz', 'no'];

/** A cell as the dictionary's text form: decimal commas and digit-group spaces out of numbers, Polish yes/no. */
function normaliseCell(type: string, text: string, decimalComma: boolean): string {
	if (text === '') return text;
	if (type === 'integer' || type === 'number' || type === 'money') {
		const compact = text.replace(/[\s\u00a0\u202f]/g, '');
		return decimalComma || /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
	}
	if (type === 'boolean') {
		const lower = text.toLowerCase();
		return TRUE.includes(lower) ? 'true' : FALSE.includes(lower) ? 'false' : text;
	}
	return text;
}


export function checkImport(parsed: ParsedFile, table: TableName, mapping: Mapping, known: KnownKeys = {}): ImportCheck {
	const issues: DataIssue[] = [];
	const file = parsed.file;
	const spec = dictionary.tables[table];
	// A header that is the table's own dictionary column (a centre's `name`) is no sign of a person; its cells still are.
	const ownColumns = parsed.header.filter((h) => spec.columns.some((c) => c.name === normaliseHeader(h)));
	const personal = findPersonalData(parsed.header, parsed.rows, { ownColumns, limit: MAX_ISSUES });
	if (personal.total) {
		const refused = personal.found.map((p) => ({ file, row: p.row, column: p.column, value: null, rule: p.reason, hint: ui.imports.guard.refused }));
		return { ok: false, issues: refused, total: personal.total, rows: [] };
	}
	// Imported rows say so, whatever the file says: a provenance column is not among the mappable ones, so never read.
	const mappable = new Set(mappableColumns(table).map((c) => c.name));
	const mapped = (h: string) => (mappable.has(mapping[h] ?? '') ? mapping[h] : null);
	for (const header of parsed.header) {
		if (!mapped(header) && mapping[header] !== SKIP && mapping[header] !== 'provenance') issues.push({ file, row: 1, column: header, value: null, rule: ui.imports.unmapped });
	}
	const used = parsed.header.map(mapped).filter((c): c is string => c !== null);
	const marked = spec.columns.some((c) => c.name === 'provenance');
	// Optional columns a file leaves out are empty; only a missing required one is a problem.
	const optional = spec.columns.filter((c) => !c.required && !used.includes(c.name) && c.name !== 'provenance').map((c) => c.name);
	const raw: RawTable = {
		table,
		file,
		header: [...used, ...optional, ...(marked ? ['provenance'] : [])],
		rows: parsed.rows.map((cells, i) => {
			const values: Record<string, string> = Object.fromEntries([...optional.map((c) => [c, '']), ...(marked ? [['provenance', 'imported']] : [])]);
			parsed.header.forEach((h, c) => {
				const column = spec.columns.find((col) => col.name === mapped(h));
				if (column) values[column.name] = normaliseCell(column.type, cells[c] ?? '', parsed.decimalComma);
			});
			return { line: i + 2, values };
		})
	};
	issues.push(...validateTable(raw));
	// References to other tables, and keys that clash with rows already loaded.
	const own = spec.key.length === 1 ? spec.key[0] : null;
	for (const row of raw.rows) {
		for (const column of spec.columns.filter((c) => c.type === 'ref')) {
			const text = row.values[column.name] ?? '';
			const target = known[column.references as TableName];
			if (text && target && !target.has(text)) issues.push({ file, row: row.line, column: column.name, value: text, rule: ui.imports.rules.noSuchKey(String(column.references)), kind: 'unknown_key' });
		}
		if (own && known[table]?.has(row.values[own])) issues.push({ file, row: row.line, column: own, value: row.values[own], rule: ui.imports.rules.keyLoaded, kind: 'duplicate_key' });
	}
	issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	return {
		ok: issues.length === 0,
		issues: issues.slice(0, MAX_ISSUES).map((i) => ({ ...i, hint: i.kind && ui.imports.hints[i.kind] })),
		total: issues.length,
		rows: issues.length ? [] : toTyped<Record<string, unknown>>(raw)
	};
}
