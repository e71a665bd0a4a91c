// Typed rows to Arrow IPC, with column types from the data dictionary: what DuckDB in the browser loads.
import { Bool, DateDay, Dictionary, Float64, Int8, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import { dictionary, type ColumnSpec, type TableName } from '../../src/lib/dictionary';

function arrowType(column: ColumnSpec, empty: boolean): DataType {
	switch (column.type) {
		case 'integer':
			return new Int32();
		case 'number':
		case 'money':
			return new Float64();
		case 'boolean':
			return new Bool();
		case 'date':
			return new DateDay();
		case 'enum':
			// Categories as dictionaries with one-byte keys (every list has < 128 values): a million rows keep one
			// copy of each label. An empty table writes no dictionary batch, which DuckDB refuses, so it gets plain
			// strings (VARCHAR in DuckDB either way).
			return empty ? new Utf8() : new Dictionary(new Utf8(), new Int8());
		default:
			return new Utf8();
	}
}

export function toArrowIPC(table: TableName, rows: Record<string, unknown>[]): Uint8Array {
	const columns = Object.fromEntries(
		dictionary.tables[table].columns.map((column) => {
			const values = rows.map((row) => {
				const value = row[column.name] ?? null;
				return column.type === 'date' && value !== null ? new Date(`${value}T00:00:00Z`) : value;
			});
			return [column.name, vectorFromArray(values, arrowType(column, rows.length === 0))];
		})
	);
	return tableToIPC(new Table(columns), 'stream');
}
