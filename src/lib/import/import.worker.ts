// Reads, checks and encodes a user's file off the main thread, so a file of hundreds of megabytes never freezes
// the page: CSV is streamed in chunks with progress; the rows stay here until they are checked and sent as Arrow.
import Papa from 'papaparse';
import { checkImport, type KnownKeys } from './check';
import { ImportError, checkHeader, csvRows, parseCsv, parseFile, sniffEncoding, sniffFormat, type ParsedFile } from './read';
import { toPlainArrowIPC } from '../db/arrow';
import { indexedDbStore, keep } from './kept';
import type { ImportedFile } from '../state/import-keys';
import { setLocale, ui, type Locale } from '../i18n';
import type { TableName } from '../dictionary';
import type { Mapping } from './mapping';

export type WorkerTask =
	| { type: 'parse'; file: File }
	| { type: 'check'; table: TableName; mapping: Mapping; known: Partial<Record<TableName, string[]>> }
	| { type: 'encode'; table: TableName; id: string };

/** Each request names the page's language: a worker has no <html lang> to read it from. */
export type WorkerRequest = WorkerTask & { locale: Locale };

export type WorkerReply =
	| { type: 'progress'; share: number }
	| { type: 'parsed'; file: Omit<ParsedFile, 'rows'> & { rowCount: number; sample: string[] } }
	| { type: 'checked'; ok: boolean; issues: ReturnType<typeof checkImport>['issues']; total: number; rowCount: number }
	| { type: 'encoded'; ipc: Uint8Array; entry: ImportedFile; kept: boolean }
	| { type: 'failed'; message: string };

let parsed: ParsedFile | null = null;
let checked: Record<string, unknown>[] = [];

const post = (reply: WorkerReply, transfer: Transferable[] = []) => postMessage(reply, { transfer });

const CHUNK = 4 * 1024 * 1024;

async function readCsv(file: File): Promise<ParsedFile> {
	// A file within one chunk takes the plain path (the one the unit tests cover); papaparse hands a file that
	// fits one chunk straight to `complete`, never to `chunk`.
	if (file.size <= CHUNK) return parseCsv(new Uint8Array(await file.arrayBuffer()), file.name);
	return streamCsv(file);
}

function streamCsv(file: File): Promise<ParsedFile> {
	return new Promise((resolve, reject) => {
		const t = ui.imports.read;
		if (file.size === 0) return reject(new ImportError(file.name, t.empty));
		file
			.slice(0, 65_536)
			.arrayBuffer()
			.then((buffer) => {
				const sample = new Uint8Array(buffer);
				if (sample.includes(0)) return reject(new ImportError(file.name, t.binary));
				const encoding = sniffEncoding(sample);
				let header: string[] | undefined;
				const rows: string[][] = [];
				let delimiter = ',';
				Papa.parse<string[]>(file, {
					encoding,
					delimiter: '',
					delimitersToGuess: [';', ',', '\t'],
					skipEmptyLines: 'greedy',
					chunkSize: CHUNK,
					chunk(results, parser) {
						try {
							const quotes = results.errors.find((e) => e.type === 'Quotes');
							if (quotes) throw new ImportError(file.name, t.quotes, rows.length + (header ? 2 : 1) + (quotes.row ?? 0));
							let data = results.data;
							if (!header) {
								header = data[0]?.map((h) => h.replace(/^\ufeff/, '').trim());
								checkHeader(header, file.name);
								delimiter = results.meta.delimiter;
								data = data.slice(1);
							}
							const checkedRows = csvRows(data, header!, file.name, rows.length + 2);
							for (const row of checkedRows) rows.push(row);
							post({ type: 'progress', share: Math.min(1, results.meta.cursor / file.size) });
						} catch (e) {
							parser.abort();
							reject(e);
						}
					},
					complete() {
						if (!header) return reject(new ImportError(file.name, t.empty));
						if (!rows.length) return reject(new ImportError(file.name, t.headerOnly));
						resolve({ file: file.name, format: 'csv', header, rows, encoding, delimiter, decimalComma: delimiter === ';' });
					},
					error: (e) => reject(new ImportError(file.name, e.message))
				});
			}, reject);
	});
}

onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	setLocale(request.locale);
	try {
		if (request.type === 'parse') {
			const head = new Uint8Array(await request.file.slice(0, 8).arrayBuffer());
			parsed = sniffFormat(head, request.file.name) === 'csv' ? await readCsv(request.file) : await parseFile(new Uint8Array(await request.file.arrayBuffer()), request.file.name);
			const { rows, ...rest } = parsed;
			post({ type: 'parsed', file: { ...rest, rowCount: rows.length, sample: rows[0] ?? [] } });
		} else if (request.type === 'check') {
			if (!parsed) throw new Error('no file');
			const known: KnownKeys = Object.fromEntries(Object.entries(request.known).map(([k, v]) => [k, new Set(v)]));
			const result = checkImport(parsed, request.table, request.mapping, known);
			checked = result.rows;
			post({ type: 'checked', ok: result.ok, issues: result.issues, total: result.total, rowCount: result.rows.length });
		} else {
			const ipc = toPlainArrowIPC(request.table, checked);
			const entry: ImportedFile = { id: request.id, file: parsed!.file, table: request.table, rows: checked.length, at: new Date().toISOString() };
			// Kept for the next visit from here: cloning ~100 MB into IndexedDB on the page's thread stalled it.
			let kept = true;
			try {
				await keep(indexedDbStore, entry, ipc);
			} catch {
				// IndexedDB off (or full): the import still loads, for this visit only.
				kept = false;
			}
			post({ type: 'encoded', ipc, entry, kept }, [ipc.buffer]);
		}
	} catch (e) {
		post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
	}
};
