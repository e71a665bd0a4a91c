// Parquet through hyparquet-writer (pure JavaScript): duckdb-wasm's own Parquet writer is an extension it cannot
// download offline.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { columnValues, type ColumnType, type LongTable } from './table';

const PARQUET_TYPES: Record<ColumnType, 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN'> = { text: 'STRING', integer: 'INT32', number: 'DOUBLE', boolean: 'BOOLEAN' };

export function toParquet(table: LongTable): Uint8Array {
	const buffer = parquetWriteBuffer({
		columnData: table.columns.map((c) => ({ name: c.key, data: columnValues(table, c), type: PARQUET_TYPES[c.type] })),
		kvMetadata: [
			{ key: 'title', value: table.meta.title },
			{ key: 'filters', value: table.meta.filters.join('; ') },
			{ key: 'sources', value: table.meta.sources.join('; ') },
			{ key: 'provenance', value: table.meta.provenance },
			{ key: 'exported_at', value: table.meta.exportedAt }
		]
	});
	return new Uint8Array(buffer);
}
