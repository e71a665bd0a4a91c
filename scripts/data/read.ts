// Reads a data/ CSV file as text cells with their line numbers, for the validator to name rows exactly.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { RawTable } from '../../src/lib/validation/validate';
import type { TableName } from '../../src/lib/dictionary';

export function readCsvTable(table: TableName, path: string, label: string): RawTable {
	// With `info: true` each record comes with where it ends in the file; the types do not know that.
	const records = parse(readFileSync(path, 'utf8'), {
		bom: true,
		info: true,
		relax_column_count: true,
		skip_empty_lines: true
	}) as unknown as { record: string[]; info: { lines: number } }[];
	const [head, ...body] = records;
	const header = head?.record ?? [];
	return {
		table,
		file: label,
		header,
		rows: body.map(({ record, info }) => ({
			line: info.lines,
			values: Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']))
		}))
	};
}
