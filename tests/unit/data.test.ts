// The build's data gate: the real data/ passes, and each kind of bad edit stops it naming file, row and column.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, loadData } from '../../scripts/data/index';
import { generate } from '../../scripts/data/generate';
import { checkCalibration } from '../../src/lib/validation/calibration';
import { formatIssue } from '../../src/lib/validation/validate';

const dataDir = resolve(import.meta.dirname, '../../data');

/** A copy of data/ with one file edited: `edit` gets and returns the file's text. */
function dataWith(file: string, edit: (text: string) => string): string {
	const dir = mkdtempSync(join(tmpdir(), 'pokl-data-'));
	cpSync(dataDir, dir, { recursive: true });
	writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
	return dir;
}

function problems(dir: string): string[] {
	try {
		loadData(dir);
	} catch (error) {
		if (error instanceof DataError) return error.issues.map(formatIssue);
		throw error;
	}
	return [];
}

describe('data/ as shipped', () => {
	const tables = loadData(dataDir);

	it('holds every published figure of the five pages with its source', () => {
		const figure = (edition: string, key: string) => tables.figures.find((f) => f.edition_id === edition && f.figure === key);
		expect(figure('lezajsk-2011', 'budget_pln')).toMatchObject({ value: 385365.31, stated: '385 365,31 zł', source_id: 'lezajsk-page' });
		expect(figure('lezajsk-2011', 'efs_pln')?.value).toBe(344901.95);
		expect(figure('lezajsk-2011', 'own_contribution_pln')?.value).toBe(40463.36);
		expect(figure('lezajsk-2011', 'participants')?.value).toBe(25);
		expect(figure('lezajsk-2011', 'participants_employed')?.value).toBe(3);
		expect(figure('chocianow-2012', 'participants')?.value).toBe(8);
		expect(figure('swiebodzice-2009', 'participants')?.value).toBe(18);
		expect(figure('leszno-bez-roku', 'women')?.value).toBe(10);
		expect(figure('janow-lubelski-2013', 'participants')?.value).toBe(37);
		expect(figure('janow-lubelski-2013', 'social_contracts')?.value).toBe(17);
		expect(figure('janow-lubelski-2013', 'local_activity_participants')?.value).toBe(20);
		expect(figure('janow-lubelski-2013', 'budget_pln')?.value).toBe(353456);
	});

	it('keeps unknowns unknown: no budget for Chocianów and Świebodzice, no year for Leszno', () => {
		expect(tables.figures.filter((f) => f.figure === 'budget_pln').map((f) => f.edition_id).sort()).toEqual(['janow-lubelski-2013', 'lezajsk-2011']);
		expect(tables.editions.find((e) => e.centre_id === 'leszno')?.year).toBeNull();
	});

	it('holds the GUS CPI for every project year, 2008–2014', () => {
		expect(tables.cpi.map((c) => [c.year, c.cpi_change_pct])).toEqual([
			[2008, 4.2],
			[2009, 3.5],
			[2010, 2.6],
			[2011, 4.3],
			[2012, 3.7],
			[2013, 0.9],
			[2014, 0]
		]);
		expect(tables.cpi.every((c) => c.source_id === 'gus-cpi')).toBe(true);
	});

	it('records a gmina population only with its quote and year, and leaves Janów Lubelski out (nothing citable found)', () => {
		const population = (centre: string, year: number) => tables.populations.find((p) => p.centre_id === centre && p.year === year);
		expect(population('chocianow', 2011)).toMatchObject({ population: 13115, as_of: '2011-12-31' });
		expect(population('lezajsk', 2010)).toMatchObject({ population: 14126, as_of: '2010-12-31' });
		expect(population('leszno', 2006)?.population).toBe(8791);
		expect(tables.populations.filter((p) => p.centre_id === 'janow-lubelski')).toEqual([]);
		for (const p of tables.populations) expect(p.quote.replace(/[^\d]/g, '')).toContain(String(p.population));
	});

	it('names the right gmina for Leszno: the rural one in warszawski zachodni, not the city', () => {
		expect(tables.centres.find((c) => c.centre_id === 'leszno')).toMatchObject({ teryt: '1432042', gmina_type: 'wiejska', powiat: 'warszawski zachodni', voivodeship: 'mazowieckie' });
	});
});

describe('synthetic participants and support', () => {
	const tables = loadData(dataDir);

	it('reproduce every published aggregate exactly', () => {
		expect(checkCalibration(tables)).toEqual([]);
		const costs = (edition: string, form?: string) =>
			Math.round(tables.support.filter((s) => s.edition_id === edition && (!form || s.form === form)).reduce((sum, s) => sum + s.cost_pln * 100, 0));
		expect(costs('lezajsk-2011')).toBe(38536531);
		expect(costs('lezajsk-2011', 'financial')).toBe(4046336);
		expect(costs('janow-lubelski-2013')).toBe(35345600);
		expect(costs('janow-lubelski-2013', 'social_work')).toBe(11700000);
		expect(tables.participants.filter((p) => p.edition_id === 'lezajsk-2011' && p.outcome_employed)).toHaveLength(3);
		expect(tables.participants.filter((p) => p.edition_id === 'leszno-bez-roku').every((p) => p.sex === 'K')).toBe(true);
	});

	it('are all marked synthetic and carry no identifying field', () => {
		expect(tables.participants.every((p) => p.provenance === 'synthetic')).toBe(true);
		expect(tables.support.every((s) => s.provenance === 'synthetic')).toBe(true);
		const columns = Object.keys(tables.participants[0]);
		for (const banned of ['name', 'first_name', 'surname', 'pesel', 'address', 'email', 'phone']) expect(columns).not.toContain(banned);
	});

	it('are the same on every run (seeded), and different for another seed', () => {
		const again = generate(tables.editions, tables.figures, tables.activities);
		expect(again.participants).toEqual(tables.participants);
		const other = generate(tables.editions, tables.figures, tables.activities, 1);
		expect(other.participants.map((p) => p.participant_id)).not.toEqual(tables.participants.map((p) => p.participant_id));
		expect(checkCalibration({ figures: tables.figures, ...other })).toEqual([]);
	});

	it('make no rows for editions whose group size no page states', () => {
		const editions = new Set(tables.participants.map((p) => p.edition_id));
		expect([...editions].sort()).toEqual(['chocianow-2012', 'janow-lubelski-2013', 'leszno-bez-roku', 'lezajsk-2011', 'swiebodzice-2009']);
	});
});

describe('bad data stops the build, naming where and why', () => {
	it.each([
		[
			'a figure that differs from what the page states',
			'figures.csv',
			(t: string) => t.replace('lezajsk-2011,budget_pln,385365.31', 'lezajsk-2011,budget_pln,385365.00'),
			/data\/figures\.csv, wiersz \d+, kolumna „value” .*nie zgadza się z zapisem w źródle „385 365,31 zł”/
		],
		[
			'a quote the page does not contain',
			'figures.csv',
			(t: string) => t.replace('kontraktami socjalnymi objęto 25 osób,', 'kontraktami socjalnymi objęto 26 osób,'),
			/data\/figures\.csv, wiersz \d+, kolumna „quote” .*tekstu nie ma, słowo w słowo, w źródle lezajsk-page/
		],
		[
			'a date that does not exist',
			'editions.csv',
			(t: string) => t.replace('2012-04-01', '2012-02-30'),
			/data\/editions\.csv, wiersz 10, kolumna „start_date” \(wartość: „2012-02-30”\): oczekiwano daty RRRR-MM-DD/
		],
		[
			'a duplicate key',
			'centres.csv',
			(t: string) => t + 'lezajsk,X,X,MOPS,X,1808011,miejska,x,x,gus-terc\n',
			/data\/centres\.csv, wiersz 7, kolumna „centre_id”.*klucz powtórzony \(pierwszy raz w wierszu 4\)/
		],
		[
			'an unknown column',
			'activities.csv',
			(t: string) => t.replace('source_id\n', 'source_id,pesel\n'),
			/data\/activities\.csv, wiersz 1, kolumna „pesel”: kolumna spoza słownika danych/
		],
		[
			'a reference to nothing',
			'figures.csv',
			(t: string) => t.replace('chocianow-2012,participants,8', 'chocianow-2021,participants,8'),
			/data\/figures\.csv, wiersz \d+, kolumna „edition_id” \(wartość: „chocianow-2021”\): brak takiego klucza w tabeli editions/
		],
		[
			'a TERC code whose type digit contradicts the gmina type',
			'centres.csv',
			(t: string) => t.replace('1432042,wiejska', '1432042,miejska'),
			/data\/centres\.csv, wiersz 5, kolumna „teryt”.*powinna być 1/
		],
		[
			'a value outside the allowed list',
			'activities.csv',
			(t: string) => t.replace('chocianow-2012-a01,chocianow-2012,workshop', 'chocianow-2012-a01,chocianow-2012,party'),
			/data\/activities\.csv, wiersz 2, kolumna „kind” \(wartość: „party”\): dozwolone wartości: workshop/
		],
		[
			'a budget that is not EFS plus own contribution',
			'figures.csv',
			// "344 901,9" does stand in the quote and reads as 344901.9, so only the sum rule can catch it.
			(t: string) => t.replace('lezajsk-2011,efs_pln,344901.95,"344 901,95 zł"', 'lezajsk-2011,efs_pln,344901.9,"344 901,9"'),
			/data\/figures\.csv, kolumna „value” \(wartość: „lezajsk-2011”\): budżet 385365\.31 ≠ EFS 344901\.9/
		],
		[
			'a population that its quote does not state',
			'populations.csv',
			(t: string) => t.replace('chocianow,2011,13115', 'chocianow,2011,13151'),
			/data\/populations\.csv, wiersz 2, kolumna „population” \(wartość: „13151”\): liczby ludności nie ma w cytacie/
		],
		[
			'a population dated outside its year',
			'populations.csv',
			(t: string) => t.replace('lezajsk,2010,14126,2010-12-31', 'lezajsk,2011,14126,2010-12-31'),
			/data\/populations\.csv, wiersz 3, kolumna „as_of”.*data spoza roku 2011/
		],
		[
			'a population of a centre that does not exist',
			'populations.csv',
			(t: string) => t.replace('leszno,2006', 'leszno-miasto,2006'),
			/data\/populations\.csv, wiersz \d+, kolumna „centre_id” \(wartość: „leszno-miasto”\): brak takiego klucza w tabeli centres/
		],
		[
			'a CPI series with a missing year',
			'cpi.csv',
			(t: string) => t.replace('2011,4.3,gus-cpi\n', ''),
			/data\/cpi\.csv, kolumna „year”: .*no gaps \(after 2010 comes 2012\)/
		]
	])('%s', (_, file, edit, message) => {
		const found = problems(dataWith(file, edit));
		expect(found.some((p) => message.test(p)), `expected a problem matching ${message}, got:\n${found.join('\n')}`).toBe(true);
	});
});
