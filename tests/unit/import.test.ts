// Bringing one's own data: every bad file in the corpus gives its own clear error and loads nothing; good files
// in every format and dialect read to the same rows; the CSV reader and the checks hold for generated input.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { allowedValues, type TableName } from '../../src/lib/dictionary';
import { formatIssue, type IssueKind } from '../../src/lib/validation/validate';
import { checkImport, type KnownKeys } from '../../src/lib/import/check';
import { findPersonalData, isPesel, personalDataIn } from '../../src/lib/import/guard';
import { SKIP, detectTable, mappableColumns, normaliseHeader, suggestMapping } from '../../src/lib/import/mapping';
import { ImportError, checkColumns, parseCsv, parseFile } from '../../src/lib/import/read';
import { toPlainArrowIPC } from '../../src/lib/db/arrow';
import { setLocale } from '../../src/lib/i18n/locale';
import { toXlsx } from '../../src/lib/export/xlsx';
import { tableExport } from '../../src/lib/table/export';
import { recordTable } from '../../src/lib/table/tables';
import { Imports } from '../../src/lib/state/imports.svelte';
import { LEGACY_INDEX, importDataKey, importEntryKey, importIdOf, newImportId } from '../../src/lib/state/import-keys';

const fixtures = resolve(import.meta.dirname, '../fixtures/import');
const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
const known: KnownKeys = {};
beforeAll(async () => {
	for (const [table, key] of [['centres', 'centre_id'], ['editions', 'edition_id'], ['participants', 'participant_id'], ['support', 'support_id'], ['activities', 'activity_id']] as const) {
		known[table] = new Set((await db.query<Record<string, string>>({ sql: `SELECT ${key} AS k FROM ${table}` })).map((r) => r.k));
	}
}, 60_000);

/** The whole path a file takes: read, map, check. Returns the messages a user would see, and what would load. */
async function attempt(name: string, bytes: Uint8Array, table?: TableName) {
	try {
		const parsed = await parseFile(bytes, name);
		const target = table ?? detectTable(parsed.header, ['participants', 'support']);
		const result = checkImport(parsed, target, suggestMapping(parsed.header, target), known);
		return { messages: result.issues.map(formatIssue).map(plainSpaces), kinds: result.issues.map((i) => i.kind ?? null), hints: result.issues.map((i) => i.hint ?? null), rows: result.rows, ok: result.ok, parsed };
	} catch (e) {
		if (!(e instanceof ImportError)) throw e;
		return { messages: [plainSpaces(e.message)], kinds: [] as (IssueKind | null)[], hints: [] as (string | null)[], rows: [], ok: false, parsed: null };
	}
}

/** Polish number groups use no-break spaces; the expected texts use plain ones. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const cases = JSON.parse(readFileSync(`${fixtures}/bad/cases.json`, 'utf8')) as Record<string, { table: TableName; error: string }>;

describe('bad files on an English page', () => {
	afterAll(() => setLocale('pl'));

	// The file's own words (a value, a header) are quoted and may be Polish; everything else is ours and must be English.
	const ours = (text: string) => text.replace(/[“„"][^”"]*[”"]/gu, '""');
	it.each(Object.keys(cases))('%s: the reason and the hint are in English', async (name) => {
		setLocale('en');
		const result = await attempt(name, new Uint8Array(readFileSync(`${fixtures}/bad/${name}`)), cases[name].table);
		expect(result.ok).toBe(false);
		const texts = [...result.messages, ...result.hints.filter((h): h is string => h !== null)].map(ours);
		expect(texts.length).toBeGreaterThan(0);
		expect(texts.filter((t) => /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|\b(?:wiersz|kolumna|plik|oczekiwano|dozwolone)\b/u.test(t))).toEqual([]);
	});
});

describe('bad files', () => {
	it('has a corpus of at least 30, each with its expected error', () => {
		const files = readdirSync(`${fixtures}/bad`).filter((f) => f !== 'cases.json');
		expect(files.length).toBeGreaterThanOrEqual(30);
		expect(files.sort()).toEqual(Object.keys(cases).sort());
	});

	it.each(Object.entries(cases))('%s: refused with its reason, naming the file, and nothing to load', async (name, { table, error }) => {
		const result = await attempt(name, new Uint8Array(readFileSync(`${fixtures}/bad/${name}`)), table);
		expect(result.ok).toBe(false);
		expect(result.rows).toEqual([]);
		expect(result.messages.join('\n')).toContain(error);
		expect(result.messages.every((m) => m.startsWith(name))).toBe(true);
	});
});

// A hint is chosen by the issue's typed kind, never by matching its words: each of these files breaks a rule whose
// kind has a hint, and one breaks a rule without one.
describe('hints by kind', () => {
	it.each([
		['wrong-enum.csv', 'not_allowed_value', 'Użyj kodu ze słownika danych'],
		['duplicate-key.csv', 'duplicate_key', 'własnego identyfikatora'],
		['key-already-loaded.csv', 'duplicate_key', 'własnego identyfikatora'],
		['unknown-centre.csv', 'unknown_key', 'Najpierw wczytaj plik ośrodków'],
		['negative-cost.csv', 'negative', 'nie mogą być ujemne'],
		['date-before-programme.csv', 'date', 'RRRR-MM-DD'],
		['wrong-date-format.csv', 'date', 'RRRR-MM-DD'],
		['missing-column.csv', 'missing_column', 'Dodaj kolumnę'],
		['hours-too-many.csv', null, null]
	] as [string, IssueKind | null, string | null][])('%s: kind %s, hint „%s”', async (name, kind, hint) => {
		const result = await attempt(name, new Uint8Array(readFileSync(`${fixtures}/bad/${name}`)), cases[name].table);
		expect(result.ok).toBe(false);
		expect(result.kinds).toContain(kind);
		const at = result.kinds.indexOf(kind);
		if (hint === null) expect(result.hints[at]).toBeNull();
		else expect(result.hints[at]).toContain(hint);
	});
});

describe('the dashboard’s own XLSX', () => {
	it('reads back the rows from the sheet „Format danych”, not the titled table on the first sheet', async () => {
		const rows = await db.query<Record<string, unknown>>({ sql: "SELECT participant_id, centre_id, edition_id, sex, age_band FROM participants WHERE centre_id = 'leszno' ORDER BY participant_id" });
		const exported = tableExport(recordTable(Object.keys(rows[0]).map((name) => ({ name })), rows), { title: 'Wynik zapytania', filters: [], sources: [], provenance: '', exportedAt: '2026-11-25T00:00:00Z' });
		const parsed = await parseFile(await toXlsx(exported), 'wynik.xlsx');
		expect(parsed.header).toEqual(Object.keys(rows[0]));
		expect(parsed.rows).toEqual(rows.map((r) => Object.values(r).map(String)));
	});
});

describe('good files', () => {
	it.each(['participants-utf8.csv', 'participants-excel-pl.csv', 'participants.xlsx', 'participants.parquet', 'participants.arrow'])('%s reads, maps every column and checks clean', async (name) => {
		const result = await attempt(name, new Uint8Array(readFileSync(`${fixtures}/good/${name}`)), 'participants');
		expect(result.messages).toEqual([]);
		expect(result.rows.length).toBeGreaterThanOrEqual(2);
		expect(result.rows[0]).toMatchObject({ edition_id: 'lezajsk-2011', centre_id: 'lezajsk', sex: 'K', disability: false, start_date: '2011-03-01', provenance: 'imported' });
	});

	it('reads Polish Excel CSV: Windows-1250, semicolons, Polish headers, tak/nie', async () => {
		const parsed = parseCsv(new Uint8Array(readFileSync(`${fixtures}/good/participants-excel-pl.csv`)), 'x.csv');
		expect([parsed.encoding, parsed.delimiter, parsed.decimalComma]).toEqual(['windows-1250', ';', true]);
		expect(parsed.header[2]).toBe('Ośrodek');
		expect(suggestMapping(parsed.header, 'participants')).toMatchObject({ Ośrodek: 'centre_id', Płeć: 'sex', Wiek: 'age_band', Pracujący: 'outcome_employed' });
	});

	it('reads decimal commas and digit groups as numbers', async () => {
		const result = await attempt('support-excel-pl.csv', new Uint8Array(readFileSync(`${fixtures}/good/support-excel-pl.csv`)), 'support');
		expect(result.messages).toEqual([]);
		expect(result.rows.map((r) => r.cost_pln)).toEqual([1234.5, 80]);
	});

	it('the same rows, whatever the format', async () => {
		const rows = async (name: string) => (await attempt(name, new Uint8Array(readFileSync(`${fixtures}/good/${name}`)), 'participants')).rows;
		const csv = await rows('participants-utf8.csv');
		for (const name of ['participants.xlsx', 'participants.parquet', 'participants.arrow']) expect(await rows(name), name).toEqual(csv);
	});

	it.each([
		[['a', 'b', 'a'], 'nagłówek „a” powtarza się w kolumnach 1, 3'],
		[['sex', 'Płeć', 'sex', 'sex'], 'nagłówek „sex” powtarza się w kolumnach 1, 3, 4'],
		[Array.from({ length: 201 }, (_, i) => `k${i}`), 'plik ma 201 kolumn, a wczytać można najwyżej 200']
	])('refuses header %#: each name once, at most 200 columns', (header, error) => {
		expect(() => checkColumns(header, 'x.csv')).toThrow(`x.csv, wiersz 1: ${error}`);
	});

	it('takes a header of 200 distinct columns', () => {
		expect(() => checkColumns(Array.from({ length: 200 }, (_, i) => `k${i}`), 'x.csv')).not.toThrow();
	});

	it('guesses the table from the headers', () => {
		expect(detectTable(['support_id', 'participant_id', 'form', 'cost_pln'], ['participants', 'support'])).toBe('support');
		expect(detectTable(['Płeć', 'Wiek', 'Wykształcenie'], ['participants', 'support'])).toBe('participants');
	});
});

describe('what a file cannot claim', () => {
	it('a file saying its rows are synthetic loads them marked imported', async () => {
		const bytes = new Uint8Array(readFileSync(`${fixtures}/good/participants-claiming-synthetic.csv`));
		const result = await attempt('participants-claiming-synthetic.csv', bytes, 'participants');
		expect(result.messages).toEqual([]);
		expect(result.rows.map((r) => r.provenance)).toEqual(['imported', 'imported']);
		// Not even a mapping that points the file's column at provenance makes it count.
		const parsed = parseCsv(bytes, 'x.csv');
		const forced = checkImport(parsed, 'participants', { ...suggestMapping(parsed.header, 'participants'), provenance: 'provenance' }, known);
		expect(forced.rows.map((r) => r.provenance)).toEqual(['imported', 'imported']);
	});

	it('offers no provenance column to map, and skips a file\'s own', () => {
		expect(suggestMapping(['participant_id', 'provenance'], 'participants')).toEqual({ participant_id: 'participant_id', provenance: SKIP });
		expect(mappableColumns('participants').map((c) => c.name)).not.toContain('provenance');
	});

	it('a new centre in the dictionary\'s own columns, `name` among them, loads', async () => {
		const result = await attempt('centres-new.csv', new Uint8Array(readFileSync(`${fixtures}/good/centres-new.csv`)), 'centres');
		expect(result.messages).toEqual([]);
		expect(result.rows).toEqual([expect.objectContaining({ centre_id: 'nowe-miasto', name: 'Miejsko-Gminny Ośrodek Pomocy Społecznej w Nowym Mieście' })]);
	});

	it('a `name` column in a participants file is still a person\'s name', async () => {
		const csv = `name,participant_id,edition_id\nK.,IMP-1,lezajsk-2011\n`;
		const result = await attempt('osoby.csv', new TextEncoder().encode(csv), 'participants');
		expect(result.messages[0]).toBe('osoby.csv, wiersz 1, kolumna „name”: nazwa kolumny wskazuje na imiona lub nazwiska: to dane osobowe');
	});
});

const validPesel = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 9999 })).map(([y, m, d, serial]) => {
	const body = `${String(y).padStart(2, '0')}${String(m + 20).padStart(2, '0')}${String(d).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
	const sum = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3].reduce((s, w, i) => s + w * Number(body[i]), 0);
	return body + String((10 - (sum % 10)) % 10);
});

describe('personal data guard', () => {
	it.each([
		['44051401359', ['numer PESEL (z poprawną cyfrą kontrolną)']],
		['PESEL: 44051401359.', ['numer PESEL (z poprawną cyfrą kontrolną)']],
		['anna.k@example.pl', ['adres e-mail']],
		['pisz na a.k@gmina.example.com.pl w sprawie', ['adres e-mail']],
		['+48 601 234 567', ['numer telefonu']],
		['tel. 601-234-567', ['numer telefonu']],
		['0048601234567', ['numer telefonu']],
		['601234567', ['numer telefonu']],
		['(22) 123 45 67 wewn. 5', ['numer telefonu']],
		['ul. Mickiewicza 12/3', ['adres (ulica i numer)']],
		['mieszka przy al. Jana Pawła II 5a', ['adres (ulica i numer)']],
		['os. Tysiąclecia 4 m. 12', ['adres (ulica i numer)']],
		['Jan Kowalski', ['imię osoby („Jan”)']],
		['Kowalska Anna', ['imię osoby („Anna”)']],
		['Anna', ['imię osoby („Anna”)']],
		['MAŁGORZATA', ['imię osoby („MAŁGORZATA”)']],
		['uczestniczka Małgorzata Nowak-Wiśniewska', ['imię osoby („Małgorzata”)']],
		['Kontakt: Jan Kowalski PESEL 90050968005 ul. Mickiewicza 5/3', ['numer PESEL (z poprawną cyfrą kontrolną)', 'adres (ulica i numer)', 'imię osoby („Jan”)']]
	])('refuses a cell holding %j', (cell, kinds) => {
		expect(personalDataIn(cell)).toEqual(kinds);
	});

	// Legitimate columns of the dictionary, and free text of the kind the built-in editions hold.
	it.each([
		'IMP-0001', 'USBGZT9YPQP', 'lezajsk-2011', 'isced_3', 'long_term_unemployed', '25-34', 'K', 'true', 'tak',
		'1 234,50', '385365.31', '385 365,31', '123456789,00', '12 345 678', '-120,00', '1500', '12.5',
		'2011-03-01', '01.03.2011', '2011-03-01T12:30:00', '12:30', '8:00-16:00',
		'0216013', '44051401358', '12345678901', '1234567890123',
		'Ośrodek Pomocy Społecznej w Świebodzicach', 'Miejsko-Gminny Ośrodek Pomocy Społecznej w Nowym Mieście',
		'Kościół św. Stanisława Kostki', 'Szkoła im. Jana Pawła II', 'Wiesz więcej, żyjesz lepiej',
		'Na początku 2008 roku Ośrodek Pomocy Społecznej przystąpił do realizacji projektu', 'udział wzięło 12 os. w wieku 18-25 lat',
		'Działanie 7.1.1 PO KL, umowa nr UDA-POKL.07.01.01-02-123/11-00', 'social_contract', 'Anna-Maria'
	])('accepts %j', (cell) => {
		expect(personalDataIn(cell)).toEqual([]);
	});

	it('names the row and column of every cell, and counts past the first 100', () => {
		const rows = Array.from({ length: 250 }, (_, i) => [`IMP-${i}`, i % 2 ? '44051401359' : '']);
		const { found, total } = findPersonalData(['participant_id', 'uwagi'], rows, { limit: 100 });
		expect(total).toBe(125);
		expect(found).toHaveLength(100);
		expect(found[0]).toEqual({ row: 3, column: 'uwagi', reason: 'numer PESEL (z poprawną cyfrą kontrolną): to dane osobowe' });
	});

	it.each([
		['44051401359', true],
		['02070803628', true],
		['44051401358', false],
		['44131401357', false],
		['4405140135', false]
	])('PESEL %s is %s', (pesel, valid) => {
		expect(isPesel(pesel)).toBe(valid);
	});

	it('finds every PESEL the check digit allows, in a generated column', () => {
		fc.assert(fc.property(validPesel, (p) => isPesel(p)));
	});

	it('refuses a file with one valid PESEL anywhere in any cell, naming its row and column', () => {
		fc.assert(
			fc.property(validPesel, fc.nat(), fc.nat(), fc.stringMatching(/^[a-ząęół ,.:-]{0,15}$/), fc.stringMatching(/^[a-ząęół ,.:-]{0,15}$/), (pesel, r, c, before, after) => {
				const header = ['participant_id', 'edition_id', 'uwagi'];
				const rows = Array.from({ length: 10 }, (_, i) => [`IMP-${i}`, 'lezajsk-2011', 'brak']);
				rows[r % 10][c % 3] = `${before}${pesel}${after}`;
				const { found } = findPersonalData(header, rows);
				expect(found).toEqual([{ row: (r % 10) + 2, column: header[c % 3], reason: 'numer PESEL (z poprawną cyfrą kontrolną): to dane osobowe' }]);
			})
		);
	});
});

describe('reading and checking generated input (property-based)', () => {
	const cell = fc.stringMatching(/^[A-Za-z0-9ąćęłńóśźżĄĆĘŁŃÓŚŹŻ ,;".'-]{0,12}$/).map((s) => s.trim());

	it('reads back any table written as CSV, in either dialect', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 5 }), fc.constantFrom(',', ';'), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (width, delimiter, body) => {
				const header = Array.from({ length: width }, (_, i) => `kolumna_${i}`);
				const rows = body.map((r) => r.slice(0, width)).filter((r) => r.some((c) => c !== ''));
				fc.pre(rows.length > 0);
				const text = Papa.unparse({ fields: header, data: rows }, { delimiter, quotes: true });
				const parsed = parseCsv(new TextEncoder().encode(text), 'gen.csv');
				expect(parsed.header).toEqual(header);
				expect(parsed.rows).toEqual(rows);
			})
		);
	});

	const participant = fc.record({
		sex: fc.constantFrom(...allowedValues('sex')),
		age_band: fc.constantFrom(...allowedValues('age_band')),
		education: fc.constantFrom(...allowedValues('education')),
		labour_status: fc.constantFrom(...allowedValues('labour_status')),
		completion: fc.constantFrom(...allowedValues('completion')),
		pathway: fc.constantFrom(...allowedValues('pathway')),
		employed: fc.boolean()
	});
	const csvOf = (rows: { sex: string; age_band: string; education: string; labour_status: string; completion: string; pathway: string; employed: boolean }[]) => {
		const header = 'participant_id,edition_id,centre_id,pathway,sex,age_band,education,labour_status,disability,completion,outcome_employed,outcome_job_seeking,outcome_education,outcome_qualification';
		const lines = rows.map((r, i) => `GEN-${i},lezajsk-2011,lezajsk,${r.pathway},${r.sex},${r.age_band},${r.education},${r.labour_status},false,${r.completion},${r.employed},false,false,false`);
		return new TextEncoder().encode([header, ...lines].join('\n'));
	};

	it('accepts any file of valid participants, and loads each row once', () => {
		fc.assert(
			fc.property(fc.array(participant, { minLength: 1, maxLength: 20 }), (rows) => {
				const parsed = parseCsv(csvOf(rows), 'gen.csv');
				const result = checkImport(parsed, 'participants', suggestMapping(parsed.header, 'participants'), known);
				expect(result.issues).toEqual([]);
				expect(result.rows.map((r) => r.sex)).toEqual(rows.map((r) => r.sex));
			})
		);
	});

	it('refuses the whole file when one cell breaks a rule, naming its row and column', () => {
		fc.assert(
			fc.property(fc.array(participant, { minLength: 1, maxLength: 20 }), fc.nat(), fc.stringMatching(/^[a-z]{3,8}$/), (rows, at, junk) => {
				fc.pre(!allowedValues('education').includes(junk));
				const bytes = new TextDecoder().decode(csvOf(rows)).split('\n');
				const line = 1 + (at % rows.length);
				bytes[line] = bytes[line].replace(/,isced_[0-9_]+,/, `,${junk},`);
				const parsed = parseCsv(new TextEncoder().encode(bytes.join('\n')), 'gen.csv');
				const result = checkImport(parsed, 'participants', suggestMapping(parsed.header, 'participants'), known);
				expect(result.ok).toBe(false);
				expect(result.rows).toEqual([]);
				expect(result.issues[0]).toMatchObject({ row: line + 1, column: 'education', value: junk });
			})
		);
	});

	it('normalises headers: case, Polish letters and punctuation', () => {
		expect(normaliseHeader('  Płeć ')).toBe('plec');
		expect(normaliseHeader('Status na rynku-pracy')).toBe('status_na_rynku_pracy');
		expect(normaliseHeader('ŁÓDŹ')).toBe('lodz');
	});
});

describe('loading into DuckDB', () => {
	it('adds checked rows all at once, marks them in the overview, and takes them out again by file', async () => {
		const scratch = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
		const count = async () => (await scratch.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM participants' }))[0].n;
		const result = await attempt('participants-utf8.csv', new Uint8Array(readFileSync(`${fixtures}/good/participants-utf8.csv`)), 'participants');
		const { toPlainArrowIPC } = await import('../../src/lib/db/arrow');
		await scratch.importArrow('participants', toPlainArrowIPC('participants', result.rows), 'participants-utf8.csv');
		expect(await count()).toBe(101);
		const { fetchOverview } = await import('../../src/lib/queries/overview');
		const { DEFAULT_FILTERS } = await import('../../src/lib/queries/filters');
		const lezajsk = (await fetchOverview(scratch, { ...DEFAULT_FILTERS, centres: ['lezajsk'], sex: ['K'] })).centres[0];
		expect(lezajsk.participants).toEqual({ kind: 'synthetic', value: 16, imported: 'some' });
		// A second batch whose keys clash fails inside its transaction: nothing of it stays.
		await expect(scratch.importArrow('participants', toPlainArrowIPC('participants', result.rows), 'again.csv')).rejects.toThrow();
		expect(await count()).toBe(101);

		await scratch.removeImport('participants-utf8.csv');
		expect(await count()).toBe(98);
		expect((await fetchOverview(scratch, { ...DEFAULT_FILTERS, centres: ['lezajsk'], sex: ['K'] })).centres[0].participants).toEqual({ kind: 'synthetic', value: 14 });
	});
});

describe('kept imports: same names, several tabs, nothing lost', () => {
	const good = readFileSync(`${fixtures}/good/participants-utf8.csv`, 'utf8');
	const openDb = () => createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
	let base = 0;
	beforeAll(async () => {
		base = (await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM participants' }))[0].n;
	});
	const count = async (d: ReturnType<typeof openDb>) => (await d.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM participants' }))[0].n - base;

	/** An in-memory IndexedDB, shared by the "tabs" of one test. */
	function memoryStore() {
		const map = new Map<string, unknown>();
		return {
			map,
			get: async (key: string) => map.get(key),
			setMany: async (entries: [string, unknown][]) => void entries.forEach(([k, v]) => map.set(k, v)),
			delMany: async (keys: string[]) => void keys.forEach((k) => map.delete(k)),
			keys: async () => [...map.keys()]
		};
	}
	type Store = ReturnType<typeof memoryStore>;

	/** What the worker does for a good file: check it, encode it and keep it under a new id. */
	async function prepare(store: Store, name: string, prefix: string) {
		const parsed = parseCsv(new TextEncoder().encode(good.replaceAll('IMP-000', prefix)), name);
		const { rows } = checkImport(parsed, 'participants', suggestMapping(parsed.header, 'participants'), known);
		const ipc = toPlainArrowIPC('participants', rows);
		const entry = { id: newImportId(name), file: name, table: 'participants' as const, rows: rows.length, at: new Date().toISOString() };
		await store.setMany([[importDataKey(entry.id), ipc], [importEntryKey(entry.id), entry]]);
		return { entry, ipc };
	}

	/** Every kept byte has its entry and every entry its bytes. */
	const keptIds = (store: Store) => {
		const found = [...store.map.keys()].map(importIdOf).filter((k) => k !== null);
		const entries = found.filter((k) => k.kind === 'entry').map((k) => k.id).sort();
		expect(found.filter((k) => k.kind === 'data').map((k) => k.id).sort()).toEqual(entries);
		return entries;
	};
	const channels: BroadcastChannel[] = [];
	const tab = (store: Store, name: string | null) =>
		new Imports({ store, channel: () => (name === null ? null : channels[channels.push(new BroadcastChannel(name)) - 1]) });
	afterAll(() => channels.forEach((c) => c.close()));

	it('two files of the same name from different folders both load, both are listed, and both survive a reload', async () => {
		const store = memoryStore();
		const db1 = openDb();
		const first = tab(store, null);
		await first.restore(db1);
		const a = await prepare(store, 'uczestnicy.csv', 'A-');
		await first.add(db1, a.entry, a.ipc);
		const b = await prepare(store, 'uczestnicy.csv', 'B-');
		await first.add(db1, b.entry, b.ipc);
		expect(first.files.map((f) => f.file)).toEqual(['uczestnicy.csv', 'uczestnicy.csv']);
		expect(a.entry.id).not.toBe(b.entry.id);
		expect(await count(db1)).toBe(6);

		const db2 = openDb();
		const reloaded = tab(store, null);
		await reloaded.restore(db2);
		expect(reloaded.failed).toEqual([]);
		expect(reloaded.files.map((f) => f.id)).toEqual([a.entry.id, b.entry.id]);
		expect(await count(db2)).toBe(6);

		// Removing one takes out its rows only.
		await reloaded.remove(db2, a.entry.id);
		expect(await count(db2)).toBe(3);
		expect(keptIds(store)).toEqual([b.entry.id]);
	});

	/** A file checked as the page checks it (against the keys already loaded, earlier imports' too), kept, then added. */
	async function keepAndAdd(store: Store, into: Imports, db: ReturnType<typeof openDb>, name: string, table: TableName, csv: string, keys: KnownKeys) {
		const parsed = parseCsv(new TextEncoder().encode(csv), name);
		const result = checkImport(parsed, table, suggestMapping(parsed.header, table), keys);
		expect(result.issues).toEqual([]);
		const entry = { id: newImportId(name), file: name, table, rows: result.rows.length, at: new Date().toISOString() };
		const ipc = toPlainArrowIPC(table, result.rows);
		await store.setMany([[importDataKey(entry.id), ipc], [importEntryKey(entry.id), entry]]);
		await into.add(db, entry, ipc);
		return entry;
	}
	/** An edition of the centre in centres-new.csv, and the keys it is checked against once that centre is loaded. */
	const EDITION_CSV = 'edition_id,centre_id,year,title,start_date,end_date,period_stated,source_id,quote,note\nnowe-miasto-2012,nowe-miasto,2012,Aktywni,,,,gus-terc,Cytat,\n';
	const withNewCentre = (): KnownKeys => ({ ...known, centres: new Set([...known.centres!, 'nowe-miasto']) });

	it('refuses to remove a file other files’ rows point at, says which to remove first, and keeps every row; in that order both go', async () => {
		const store = memoryStore();
		const scratch = openDb();
		const reader = tab(store, null);
		await reader.restore(scratch);
		const centresOf = async () => (await scratch.query<{ id: string }>({ sql: "SELECT centre_id AS id FROM centres WHERE centre_id = 'nowe-miasto'" })).length;
		const editionsOf = async () => (await scratch.query<{ id: string }>({ sql: "SELECT edition_id AS id FROM editions WHERE centre_id = 'nowe-miasto'" })).length;
		const centres = await keepAndAdd(store, reader, scratch, 'osrodki.csv', 'centres', readFileSync(`${fixtures}/good/centres-new.csv`, 'utf8'), known);
		const editions = await keepAndAdd(store, reader, scratch, 'edycje.csv', 'editions', EDITION_CSV, withNewCentre());
		expect([await centresOf(), await editionsOf()]).toEqual([1, 1]);

		// The centre first: its edition would point at nothing. Refused, named, nothing removed, nothing forgotten.
		await reader.remove(scratch, centres.id);
		expect(reader.inUse).toEqual({ file: 'osrodki.csv', dependents: ['edycje.csv'] });
		expect(reader.files.map((f) => f.file)).toEqual(['osrodki.csv', 'edycje.csv']);
		expect([await centresOf(), await editionsOf()]).toEqual([1, 1]);
		expect(keptIds(store)).toEqual([centres.id, editions.id].sort());

		// The edition first, then the centre: both go, and the refusal is no longer shown.
		await reader.remove(scratch, editions.id);
		expect(reader.inUse).toBeNull();
		await reader.remove(scratch, centres.id);
		expect(reader.inUse).toBeNull();
		expect([await centresOf(), await editionsOf()]).toEqual([0, 0]);
		expect(reader.files).toEqual([]);
		expect(keptIds(store)).toEqual([]);
	});

	/** Two tabs of one store that hear nothing of each other; tab A has imported a new centre. */
	async function centreInTabA() {
		const store = memoryStore();
		const [dbA, dbB] = [openDb(), openDb()];
		const [tabA, tabB] = [tab(store, null), tab(store, null)];
		await tabA.restore(dbA);
		const centres = await keepAndAdd(store, tabA, dbA, 'osrodki.csv', 'centres', readFileSync(`${fixtures}/good/centres-new.csv`, 'utf8'), known);
		return { store, dbA, dbB, tabA, tabB, centres };
	}

	it('refuses the removal in a tab that never heard of the file pointing at it: what is kept is caught up with first', async () => {
		// A reviewer's case: tab A imports a centre; tab B, opened later, restores it and imports an edition of it; A
		// hears nothing (no BroadcastChannel, or a message lost). A's removal used to pass its own DuckDB's check.
		const { store, dbA, dbB, tabA, tabB, centres } = await centreInTabA();
		await tabB.restore(dbB);
		await keepAndAdd(store, tabB, dbB, 'edycje.csv', 'editions', EDITION_CSV, withNewCentre());
		expect(tabA.files.map((f) => f.file)).toEqual(['osrodki.csv']);

		await tabA.remove(dbA, centres.id);
		expect(tabA.inUse).toEqual({ file: 'osrodki.csv', dependents: ['edycje.csv'] });
		// A now has B's file too, and both stay kept: a reload finds the centre and its edition.
		expect(tabA.files.map((f) => f.file)).toEqual(['osrodki.csv', 'edycje.csv']);
		const reloaded = tab(store, null);
		const dbC = openDb();
		await reloaded.restore(dbC);
		expect(reloaded.files.map((f) => f.file).sort()).toEqual(['edycje.csv', 'osrodki.csv']);
		expect((await dbC.query<{ n: number }>({ sql: "SELECT count(*)::INTEGER AS n FROM editions e JOIN centres c USING (centre_id) WHERE c.centre_id = 'nowe-miasto'" }))[0].n).toBe(1);
	});

	it('a tab that never heard of another tab’s removal takes it in before its own addition runs', async () => {
		// Tab B restored a centre that tab A then removed; B hears nothing. An edition B checked against that centre
		// must not be added while B still has it: `exclusive` first takes in what is no longer kept.
		const { store, dbA, dbB, tabA, tabB, centres } = await centreInTabA();
		await tabB.restore(dbB);
		await tabA.remove(dbA, centres.id);
		expect(keptIds(store)).toEqual([]);
		expect(tabB.files.map((f) => f.file)).toEqual(['osrodki.csv']);

		const seen = await tabB.exclusive(dbB, async () => ({ files: tabB.files.map((f) => f.file), version: tabB.version }));
		expect(seen).toEqual({ files: [], version: '' });
		expect((await dbB.query<{ n: number }>({ sql: "SELECT count(*)::INTEGER AS n FROM centres WHERE centre_id = 'nowe-miasto'" }))[0].n).toBe(0);
		// A file of this tab's that was never kept (IndexedDB off or full) is not taken for one removed elsewhere.
		const x = await prepare(store, 'x.csv', 'X-');
		store.map.clear();
		await tabB.add(dbB, x.entry, x.ipc, false);
		await tabB.exclusive(dbB, async () => undefined);
		expect(tabB.files.map((f) => f.file)).toEqual(['x.csv']);
	});

	it('a tab that never heard of another tab removing a centre and its edition takes in both, the edition first', async () => {
		// A reviewer's case: taken oldest first, the centre's removal was refused for the edition still there, and the
		// centre stayed, so a new edition of it would pass its check and be kept pointing at nothing.
		const { store, dbA, dbB, tabA, tabB, centres } = await centreInTabA();
		const editions = await keepAndAdd(store, tabA, dbA, 'edycje.csv', 'editions', EDITION_CSV, withNewCentre());
		await tabB.restore(dbB);
		expect(tabB.files.map((f) => f.file)).toEqual(['osrodki.csv', 'edycje.csv']);
		await tabA.remove(dbA, editions.id);
		await tabA.remove(dbA, centres.id);
		expect(keptIds(store)).toEqual([]);

		await tabB.exclusive(dbB, async () => undefined);
		expect(tabB.files).toEqual([]);
		expect(tabB.inUse).toBeNull();
		expect((await dbB.query<{ n: number }>({ sql: "SELECT count(*)::INTEGER AS n FROM centres WHERE centre_id = 'nowe-miasto'" }))[0].n).toBe(0);
	});

	it('a tab told of a removal its own rows forbid keeps the file and says so, never silently (its file was never kept)', async () => {
		// Tab B's edition was never kept (IndexedDB off for it), so tab A's catch-up cannot see it, and A's removal of
		// the centre passes A's own check. B hears of it, and must not leave its edition pointing at nothing.
		const store = memoryStore();
		const channel = `refusal-${Math.random()}`;
		const [dbA, dbB] = [openDb(), openDb()];
		const [tabA, tabB] = [tab(store, channel), tab(store, channel)];
		await Promise.all([tabA.restore(dbA), tabB.restore(dbB)]);
		const centres = await keepAndAdd(store, tabA, dbA, 'osrodki.csv', 'centres', readFileSync(`${fixtures}/good/centres-new.csv`, 'utf8'), known);
		await vi.waitFor(() => expect(tabB.files.map((f) => f.file)).toEqual(['osrodki.csv']));
		const parsed = parseCsv(new TextEncoder().encode(EDITION_CSV), 'edycje.csv');
		const edition = { id: newImportId('edycje.csv'), file: 'edycje.csv', table: 'editions' as const, rows: 1, at: new Date().toISOString() };
		await tabB.add(dbB, edition, toPlainArrowIPC('editions', checkImport(parsed, 'editions', suggestMapping(parsed.header, 'editions'), withNewCentre()).rows));

		await tabA.remove(dbA, centres.id);
		expect(tabA.inUse).toBeNull();
		await vi.waitFor(() => expect(tabB.inUse).toEqual({ file: 'osrodki.csv', dependents: ['edycje.csv'] }));
		expect(tabB.files.map((f) => f.file)).toEqual(['osrodki.csv', 'edycje.csv']);
		expect(tabB.failed).toEqual([]);
		const dangling = await dbB.query<{ n: number }>({ sql: "SELECT count(*)::INTEGER AS n FROM editions e WHERE NOT EXISTS (SELECT 1 FROM centres c WHERE c.centre_id = e.centre_id)" });
		expect(dangling[0].n).toBe(0);
	});

	it('two tabs that never hear each other still keep both files, and a removal in one takes out only its own', async () => {
		const store = memoryStore();
		const [dbA, dbB] = [openDb(), openDb()];
		const [tabA, tabB] = [tab(store, null), tab(store, null)];
		await Promise.all([tabA.restore(dbA), tabB.restore(dbB)]);
		const x = await prepare(store, 'x.csv', 'X-');
		await tabA.add(dbA, x.entry, x.ipc);
		const y = await prepare(store, 'y.csv', 'Y-');
		await tabB.add(dbB, y.entry, y.ipc);
		await tabB.remove(dbB, y.entry.id);
		expect(keptIds(store)).toEqual([x.entry.id]);

		const later = tab(store, null);
		await later.restore(openDb());
		expect(later.files.map((f) => f.file)).toEqual(['x.csv']);
	});

	it('tabs tell each other: an import in one appears in the other, a removal in one goes from the other, no orphans', async () => {
		const store = memoryStore();
		const name = `imports-test-${Math.random()}`;
		const [dbA, dbB] = [openDb(), openDb()];
		const [tabA, tabB] = [tab(store, name), tab(store, name)];
		await Promise.all([tabA.restore(dbA), tabB.restore(dbB)]);

		const x = await prepare(store, 'x.csv', 'X-');
		await tabA.add(dbA, x.entry, x.ipc);
		await vi.waitFor(() => expect(tabB.files.map((f) => f.file)).toEqual(['x.csv']), { timeout: 15_000 });
		expect(await count(dbB)).toBe(3);

		const y = await prepare(store, 'y.csv', 'Y-');
		await tabB.add(dbB, y.entry, y.ipc);
		await vi.waitFor(() => expect(tabA.files.map((f) => f.file)).toEqual(['x.csv', 'y.csv']), { timeout: 15_000 });

		await tabB.remove(dbB, y.entry.id);
		await vi.waitFor(() => expect(tabA.files.map((f) => f.file)).toEqual(['x.csv']), { timeout: 15_000 });
		expect(await count(dbA)).toBe(3);
		expect(tabB.files.map((f) => f.file)).toEqual(['x.csv']);
		expect(keptIds(store)).toEqual([x.entry.id]);
	});

	it('moves an earlier version\'s single list over, and recovers bytes whose list entry was lost', async () => {
		const store = memoryStore();
		const listed = await prepare(store, 'dawny.csv', 'D-');
		const lost = await prepare(store, 'zgubiony.csv', 'Z-');
		// The earlier layout: bytes under the file's name, one list of them all, which had lost `zgubiony.csv`.
		store.map.clear();
		store.map.set(importDataKey('dawny.csv'), listed.ipc);
		store.map.set(importDataKey('zgubiony.csv'), lost.ipc);
		store.map.set(LEGACY_INDEX, [{ file: 'dawny.csv', table: 'participants', rows: 3, at: '2026-01-01T10:00:00.000Z' }]);

		const db = openDb();
		const upgraded = tab(store, null);
		await upgraded.restore(db);
		expect(upgraded.failed).toEqual([]);
		expect(upgraded.files.map((f) => [f.file, f.table, f.rows])).toEqual([['dawny.csv', 'participants', 3], ['zgubiony.csv', 'participants', 3]]);
		expect(await count(db)).toBe(6);
		expect(store.map.has(LEGACY_INDEX)).toBe(false);
		expect(keptIds(store)).toEqual(['dawny.csv', 'zgubiony.csv']);
	});
});
