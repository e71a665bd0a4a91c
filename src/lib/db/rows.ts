// Arrow results to plain JS rows, so no BigInt, epoch-millisecond date or Arrow vector leaks past the database door.
import { DataType, type Table } from 'apache-arrow';
import type { Columns, Row } from './types';

function plain(value: unknown): unknown {
	if (typeof value === 'bigint') {
		if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`integer ${value} is beyond exact JS numbers`);
		return Number(value);
	}
	if (value !== null && typeof value === 'object' && 'toArray' in value && typeof value.toArray === 'function') {
		return Array.from(value.toArray() as Iterable<unknown>, plain);
	}
	return value;
}

/** A column's values as one JS array: numbers straight from Arrow's typed array where nothing is null, else one by one. */
function columnValues(column: ReturnType<Table['getChild']> & object, isDate: boolean): ArrayLike<unknown> {
	const type = column.type;
	if (!isDate && column.nullCount === 0 && (DataType.isFloat(type) || (DataType.isInt(type) && type.bitWidth <= 32))) return column.toArray() as ArrayLike<number>;
	const values = Array.from(column as Iterable<unknown>);
	// DATE arrives as epoch milliseconds; give it back as the ISO day it stands for.
	for (let i = 0; i < values.length; i++) values[i] = isDate && values[i] !== null ? new Date(values[i] as number).toISOString().slice(0, 10) : plain(values[i]);
	return values;
}

/** An answer's columns by name, as `columnValues` gives them. */
export function toColumns<T extends Columns>(table: Table): T {
	return Object.fromEntries(table.schema.fields.map((f) => [f.name, columnValues(table.getChild(f.name)!, DataType.isDate(f.type))])) as T;
}

/** Column by column (thousands of rows at national scale: Arrow's typed arrays, not a getter per cell). */
export function toRows<T extends Row>(table: Table): T[] {
	const names = table.schema.fields.map((f) => f.name);
	const columns = table.schema.fields.map((f) => columnValues(table.getChild(f.name)!, DataType.isDate(f.type)));
	const rows: T[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const row: Row = {};
		for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][i];
		rows[i] = row as T;
	}
	return rows;
}
