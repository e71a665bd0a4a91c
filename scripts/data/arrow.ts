// Typed rows to Arrow IPC, with column types from the data dictionary: what DuckDB in the browser loads.
import { Bool, DateDay, Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import { dictionary, type ColumnSpec, type TableName } from '../../src/lib/dictionary';

function arrowType(column: ColumnSpec): DataType {
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
			// Categories as dictionaries: a million rows keep one copy of each label.
			return new Dictionary(new Utf8(), new Int32());
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
			return [column.name, vectorFromArray(values, arrowType(column))];
		})
	);
	return tableToIPC(new Table(columns), 'stream');
}
