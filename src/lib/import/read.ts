// A user's file to a header and rows of text cells, whatever it came as: CSV (UTF-8 or Windows-1250, comma,
// semicolon or tab, as Polish Excel writes it), XLSX, Parquet or Arrow. What cannot be read says what and where.
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { ui } from '../i18n';

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
		super(`${file}${line === null ? '' : `, ${ui.validation.row(line)}`}: ${reason}`);
	}
}

/** Longer cells are refused: no field of the dictionary needs them, and they are how broken files often look. */
export const MAX_CELL = 10_000;
/** Wider files are refused: no dictionary table has more than 20 columns, and a page mapping 10,000 froze. */
export const MAX_COLUMNS = 200;


export function sniffFormat(bytes: Uint8Array, name: string): FileFormat {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
	if (starts(0x50, 0x41, 0x52, 0x31)) return 'parquet';
	if (starts(0x41, 0x52, 0x52, 0x4f, 0x57, 0x31) || starts(0xff, 0xff, 0xff, 0xff)) return 'arrow';
	if (/\.(xlsx|parquet|arrow|feather|ipc)$/i.test(name)) throw new ImportError(name, ui.imports.read.wrongContent);
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
	if (bytes.length === 0) throw new ImportError(file, ui.imports.read.empty);
	// Text has no NUL bytes; a file that does is binary, whatever its name says.
	if (bytes.subarray(0, 4096).includes(0)) throw new ImportError(file, ui.imports.read.binary);
	const { text, encoding } = decodeText(bytes);
	if (!text.trim()) throw new ImportError(file, ui.imports.read.empty);
	const parsed = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
	const broken = parsed.errors.find((e) => e.type === 'Quotes');
	if (broken) throw new ImportError(file, ui.imports.read.quotes, (broken.row ?? 0) + 1);
	const [first, ...rows] = parsed.data;
	const header = first?.map((h) => h.trim());
	checkHeader(header, file);
	if (!rows.length) throw new ImportError(file, ui.imports.read.headerOnly);
	return { file, format: 'csv', header, rows: csvRows(rows, header, file, 2), encoding, delimiter: parsed.meta.delimiter, decimalComma: parsed.meta.delimiter === ';' };
}

/** A CSV header: more than one column (else the separator was not found), and the checks every format shares. */
export function checkHeader(header: string[] | undefined, file: string): asserts header is string[] {
	if (!header || header.length < 2) throw new ImportError(file, ui.imports.read.oneColumn);
	checkColumns(header, file);
}

/**
 * Any file's header: at most MAX_COLUMNS columns, and each name once. Columns are mapped by name, so with a name
 * twice one column's values would silently stand in for the other's.
 */
export function checkColumns(header: string[], file: string) {
	if (header.length > MAX_COLUMNS) throw new ImportError(file, ui.imports.read.tooManyColumns(header.length, MAX_COLUMNS), 1);
	const positions = new Map<string, number[]>();
	header.forEach((name, i) => positions.set(name, [...(positions.get(name) ?? []), i + 1]));
	const twice = [...positions].find(([, at]) => at.length > 1);
	if (twice) throw new ImportError(file, ui.imports.read.duplicateHeader(twice[0], twice[1]), 1);
}

/** Rows of a CSV checked for width and cell length, trimmed; `firstLine` is the file line of rows[0]. */
export function csvRows(rows: string[][], header: string[], file: string, firstLine: number): string[][] {
	return rows.map((row, i) => {
		if (row.length !== header.length) throw new ImportError(file, ui.imports.read.width(row.length, header.length), firstLine + i);
		const long = row.findIndex((cell) => cell.length > MAX_CELL);
		if (long >= 0) throw new ImportError(file, ui.imports.read.longCell(header[long], MAX_CELL), firstLine + i);
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

/** A cell that holds no text a CSV could: its reason, for the caller to say where. */
export class CellError extends Error {}

/**
 * A cell of a typed file (spreadsheet, Parquet, Arrow) as the text a CSV would hold. A formula counts by the value
 * the spreadsheet saved with it; one saved without a value, an error value (#DZIEL/0!) or a structure has no text,
 * and is refused rather than read as "[object Object]".
 */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'bigint') return value.toString();
	if (typeof value !== 'object') return String(value).trim();
	if ('formula' in value || 'sharedFormula' in value) {
		const result = (value as { result?: unknown }).result;
		if (result === undefined) throw new CellError(ui.imports.read.formulaWithoutValue(String((value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula)));
		return cellText(result);
	}
	if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('').trim();
	if ('hyperlink' in value && 'text' in value) return cellText((value as { text: unknown }).text);
	if ('error' in value) throw new CellError(ui.imports.read.errorValue(String((value as { error: unknown }).error)));
	throw new CellError(ui.imports.read.notText);
}

function fromObjects(file: string, format: FileFormat, objects: Record<string, unknown>[], header: string[]): ParsedFile {
	if (!header.length) throw new ImportError(file, ui.imports.read.empty);
	if (!objects.length) throw new ImportError(file, ui.imports.read.headerOnly);
	const rows = objects.map((o, r) =>
		header.map((h) => {
			try {
				return cellText(o[h]);
			} catch (e) {
				if (e instanceof CellError) throw new ImportError(file, `kolumna „${h}”: ${e.message}`, r + 2);
				throw e;
			}
		})
	);
	return { file, format, header, rows, decimalComma: false };
}

export async function parseXlsx(bytes: Uint8Array, file: string): Promise<ParsedFile> {
	const { default: Excel } = await import('exceljs');
	const workbook = new Excel.Workbook();
	try {
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	} catch {
		throw new ImportError(file, ui.imports.read.brokenXlsx);
	}
	// Any ZIP archive starts like an XLSX; one with no workbook inside is some other file renamed, not an empty sheet.
	// The dashboard's own exports put the table as on screen first, under a title block, and the rows in machine form
	// on the sheet „Format danych”: that one is read back.
	const sheet = workbook.getWorksheet(ui.exports.sheets.data) ?? workbook.worksheets[0];
	if (!sheet) throw new ImportError(file, ui.imports.read.notXlsx);
	if (sheet.rowCount === 0) throw new ImportError(file, ui.imports.read.empty);
	const text = (cell: ExcelJS.Cell) => {
		try {
			return cellText(cell.value);
		} catch (e) {
			if (e instanceof CellError) throw new ImportError(file, ui.imports.read.cell(cell.address, e.message), Number(cell.row));
			throw e;
		}
	};
	const first = sheet.getRow(1);
	const header = Array.from({ length: first.cellCount }, (_, j) => text(first.getCell(j + 1)));
	if (!header.length) throw new ImportError(file, ui.imports.read.empty);
	checkColumns(header, file);
	const rows: string[][] = [];
	sheet.eachRow((row, i) => {
		if (i === 1) return;
		// A value to the right of the last named column would be dropped without a word.
		if (row.cellCount > header.length) {
			const extra = Array.from({ length: row.cellCount - header.length }, (_, j) => row.getCell(header.length + j + 1)).find((c) => text(c) !== '');
			if (extra) throw new ImportError(file, ui.imports.read.cell(extra.address, ui.imports.read.outsideHeader), i);
		}
		rows.push(header.map((_, j) => text(row.getCell(j + 1))));
	});
	if (!rows.length) throw new ImportError(file, ui.imports.read.headerOnly);
	return { file, format: 'xlsx', header, rows, decimalComma: false };
}

export async function parseParquet(bytes: Uint8Array, file: string): Promise<ParsedFile> {
	const { parquetMetadata, parquetReadObjects, parquetSchema } = await import('hyparquet');
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	let header: string[];
	try {
		header = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
	} catch {
		throw new ImportError(file, ui.imports.read.brokenParquet);
	}
	checkColumns(header, file);
	return fromObjects(file, 'parquet', (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[], header);
}

export async function parseArrow(bytes: Uint8Array, file: string): Promise<ParsedFile> {
	const { tableFromIPC } = await import('apache-arrow');
	let table;
	try {
		table = tableFromIPC(bytes);
	} catch {
		throw new ImportError(file, ui.imports.read.brokenArrow);
	}
	const header = table.schema.fields.map((f) => f.name);
	checkColumns(header, file);
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
