// A user's file to a header and rows of text cells, whatever it came as: CSV (UTF-8 or Windows-1250, comma,
// semicolon or tab, as Polish Excel writes it), XLSX, Parquet or Arrow. What cannot be read says what and where.
import Papa from 'papaparse';
import { pl } from '../i18n/pl';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'arrow';

export interface ParsedFile {
	file: string;
	format: FileFormat;
	header: string[];
	/** Text cells; row i is line i + 2 of a CSV (the header is line 1). */
	rows: string[][];
	encoding?: 'utf-8' | 'windows-1250';
	delimiter?: string;
	/** A CSV in the Polish Excel dialect: semicolons, so a comma in a number is its decimal point. */
	decimalComma: boolean;
}

/** A file that cannot be read at all: its name and the reason, in Polish. */
export class ImportError extends Error {
	constructor(
		readonly file: string,
		readonly reason: string,
		readonly line: number | null = null
	) {
		super(`${file}${line === null ? '' : `, wiersz ${line}`}: ${reason}`);
	}
}

/** Longer cells are refused: no field of the dictionary needs them, and they are how broken files often look. */
export const MAX_CELL = 10_000;

const t = pl.imports.read;

export function sniffFormat(bytes: Uint8Array, name: string): FileFormat {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
	if (starts(0x50, 0x41, 0x52, 0x31)) return 'parquet';
	if (starts(0x41, 0x52, 0x52, 0x4f, 0x57, 0x31) || starts(0xff, 0xff, 0xff, 0xff)) return 'arrow';
	if (/\.(xlsx|parquet|arrow|feather|ipc)$/i.test(name)) throw new ImportError(name, t.wrongContent);
	return 'csv';
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1250 (what Polish Excel writes as "CSV"). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1250' } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250' };
	}
}

export function parseCsv(bytes: Uint8Array, file: string): ParsedFile {
	if (bytes.length === 0) throw new ImportError(file, t.empty);
	// Text has no NUL bytes; a file that does is binary, whatever its name says.
	if (bytes.subarray(0, 4096).includes(0)) throw new ImportError(file, t.binary);
	const { text, encoding } = decodeText(bytes);
	if (!text.trim()) throw new ImportError(file, t.empty);
	const parsed = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
	const broken = parsed.errors.find((e) => e.type === 'Quotes');
	if (broken) throw new ImportError(file, t.quotes, (broken.row ?? 0) + 1);
	const [header, ...rows] = parsed.data;
	checkHeader(header, file);
	if (!rows.length) throw new ImportError(file, t.headerOnly);
	return { file, format: 'csv', header: header.map((h) => h.trim()), rows: csvRows(rows, header, file, 2), encoding, delimiter: parsed.meta.delimiter, decimalComma: parsed.meta.delimiter === ';' };
}

export function checkHeader(header: string[] | undefined, file: string): asserts header is string[] {
	if (!header || header.length < 2) throw new ImportError(file, t.oneColumn);
}

/** Rows of a CSV checked for width and cell length, trimmed; `firstLine` is the file line of rows[0]. */
export function csvRows(rows: string[][], header: string[], file: string, firstLine: number): string[][] {
	return rows.map((row, i) => {
		if (row.length !== header.length) throw new ImportError(file, t.width(row.length, header.length), firstLine + i);
		const long = row.findIndex((cell) => cell.length > MAX_CELL);
		if (long >= 0) throw new ImportError(file, t.longCell(header[long], MAX_CELL), firstLine + i);
		return row.map((c) => c.trim());
	});
}

/** The encoding of a file from its first bytes; a character cut at the end of the sample is not held against it. */
export function sniffEncoding(sample: Uint8Array): 'utf-8' | 'windows-1250' {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
		return 'utf-8';
	} catch {
		return 'windows-1250';
	}
}

/** A cell of a typed file (spreadsheet, Parquet, Arrow) as the text a CSV would hold. */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'object' && 'result' in (value as object)) return cellText((value as { result: unknown }).result);
	if (typeof value === 'object' && 'richText' in (value as object)) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
	return String(value).trim();
}

function fromObjects(file: string, format: FileFormat, objects: Record<string, unknown>[], header: string[]): ParsedFile {
	if (!header.length) throw new ImportError(file, t.empty);
	if (!objects.length) throw new ImportError(file, t.headerOnly);
	return { file, format, header, rows: objects.map((o) => header.map((h) => cellText(o[h]))), decimalComma: false };
}

export async function parseXlsx(bytes: Uint8Array, file: string): Promise<ParsedFile> {
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	} catch {
		throw new ImportError(file, t.brokenXlsx);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.rowCount === 0) throw new ImportError(file, t.empty);
	const header = ((sheet.getRow(1).values as unknown[]) ?? []).slice(1).map(cellText);
	const objects: Record<string, unknown>[] = [];
	sheet.eachRow((row, i) => {
		if (i === 1) return;
		const values = (row.values as unknown[]).slice(1);
		objects.push(Object.fromEntries(header.map((h, j) => [h, values[j]])));
	});
	return fromObjects(file, 'xlsx', objects, header);
}

export async function parseParquet(bytes: Uint8Array, file: string): Promise<ParsedFile> {
	const { parquetMetadata, parquetReadObjects, parquetSchema } = await import('hyparquet');
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	let header: string[];
	try {
		header = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
	} catch {
		throw new ImportError(file, t.brokenParquet);
	}
	return fromObjects(file, 'parquet', (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[], header);
}

export async function parseArrow(bytes: Uint8Array, file: string): Promise<ParsedFile> {
	const { tableFromIPC } = await import('apache-arrow');
	let table;
	try {
		table = tableFromIPC(bytes);
	} catch {
		throw new ImportError(file, t.brokenArrow);
	}
	const header = table.schema.fields.map((f) => f.name);
	return fromObjects(file, 'arrow', table.toArray().map((r) => r.toJSON() as Record<string, unknown>), header);
}

export async function parseFile(bytes: Uint8Array, file: string): Promise<ParsedFile> {
	switch (sniffFormat(bytes, file)) {
		case 'xlsx':
			return parseXlsx(bytes, file);
		case 'parquet':
			return parseParquet(bytes, file);
		case 'arrow':
			return parseArrow(bytes, file);
		default:
			return parseCsv(bytes, file);
	}
}
