// Typed rows to Arrow IPC, with column types from the data dictionary: what DuckDB loads, from the build's files
// and from a user's imported ones.
import { Bool, DateDay, Dictionary, Float64, Int8, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import { dictionary, type ColumnSpec, type TableName } from '../dictionary';

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

/**
 * The same rows as plain Arrow columns, built from typed arrays by hand. Arrow's builders compile their null
 * checks with `new Function`, which the site's CSP (no 'unsafe-eval') refuses in the browser; imports need this.
 */
export function toPlainArrowIPC(table: TableName, rows: Record<string, unknown>[]): Uint8Array {
	const length = rows.length;
	const columns = Object.fromEntries(
		dictionary.tables[table].columns.map((column) => {
			const values = rows.map((row) => row[column.name] ?? null);
			const nullBitmap = new Uint8Array(Math.ceil(length / 8));
			values.forEach((v, i) => v !== null && (nullBitmap[i >> 3] |= 1 << (i & 7)));
			const nullCount = values.filter((v) => v === null).length;
			const common = { length, nullCount, nullBitmap };
			switch (column.type) {
				case 'integer':
					return [column.name, makeVector(makeData({ type: new Int32(), data: Int32Array.from(values, (v) => Number(v ?? 0)), ...common }))];
				case 'number':
				case 'money':
					return [column.name, makeVector(makeData({ type: new Float64(), data: Float64Array.from(values, (v) => Number(v ?? 0)), ...common }))];
				case 'boolean': {
					const bits = new Uint8Array(Math.ceil(length / 8));
					values.forEach((v, i) => v === true && (bits[i >> 3] |= 1 << (i & 7)));
					return [column.name, makeVector(makeData({ type: new Bool(), data: bits, ...common }))];
				}
				case 'date':
					return [column.name, makeVector(makeData({ type: new DateDay(), data: Int32Array.from(values, (v) => (v === null ? 0 : Date.parse(`${v}T00:00:00Z`) / 86_400_000)), ...common }))];
				default: {
					const encoder = new TextEncoder();
					const parts = values.map((v) => encoder.encode(v === null ? '' : String(v)));
					const valueOffsets = new Int32Array(length + 1);
					parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
					const data = new Uint8Array(valueOffsets[length]);
					parts.forEach((p, i) => data.set(p, valueOffsets[i]));
					return [column.name, makeVector(makeData({ type: new Utf8(), data, valueOffsets, ...common }))];
				}
			}
		})
	);
	return tableToIPC(new Table(columns), 'stream');
}
