// Arrow results to plain JS rows, so no BigInt, epoch-millisecond date or Arrow vector leaks past the database door.
import { DataType, type Table } from 'apache-arrow';
import type { Row } from './types';

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

export function toRows<T extends Row>(table: Table): T[] {
	const names = table.schema.fields.map((f) => f.name);
	const columns = names.map((name) => table.getChild(name)!);
	// DATE arrives as epoch milliseconds; give it back as the ISO day it stands for.
	const isDate = table.schema.fields.map((f) => DataType.isDate(f.type));
	const rows: T[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const row: Row = {};
		for (let c = 0; c < names.length; c++) {
			const value = columns[c].get(i);
			row[names[c]] = isDate[c] && value !== null ? new Date(value as number).toISOString().slice(0, 10) : plain(value);
		}
		rows[i] = row as T;
	}
	return rows;
}
