// Arrow IPC (stream format), the format DuckDB, pandas/pyarrow and R's arrow read directly.
import { Bool, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type DataType } from 'apache-arrow';
import { columnValues, type ColumnType, type LongTable } from './table';

const ARROW_TYPES: Record<ColumnType, () => DataType> = { text: () => new Utf8(), integer: () => new Int32(), number: () => new Float64(), boolean: () => new Bool() };

export function toArrow(table: LongTable): Uint8Array {
	const vectors = Object.fromEntries(table.columns.map((c) => [c.key, vectorFromArray(columnValues(table, c), ARROW_TYPES[c.type]())]));
	return tableToIPC(new Table(vectors), 'stream');
}
