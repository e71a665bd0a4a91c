// The English data dictionary against data/dictionary.json: an English text for every provenance, every value of every
// value set, every table and column (with its description and unit where the Polish has one) and every calibration
// rule; no key the dictionary does not have; English words only, with the codes, acronyms, file names and numbers kept.
import { describe, expect, it } from 'vitest';
import dictionary from '../../data/dictionary.json';
import { dictionaryEn, type DictionaryEn } from '../../src/lib/i18n/dictionary-en';

const POLISH = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/gu;

/**
 * Polish words kept, in „…”, inside an English text, by path: each must be quoted word for word from the Polish text
 * at the same path, and only these are exempt from the check for Polish letters. None is kept at present: the Polish
 * quotes are interface wording („nie opublikowano”) or a value's label („kontrakt socjalny”), given in English.
 */
const KEPT_QUOTES: Record<string, string[]> = {};

/** Acronyms, codes and file names that an English text keeps as they stand in the Polish one. */
const KEPT_TOKENS = [/\b(?:GUS|TERC|CPI|ISCED|PEFS|PESEL|PAL|OPS|MOPS|GOPS)\b/gu, /[\w./-]+\.(?:csv|ts)\b/gu, /\bdata\//gu];

interface Pair {
	path: string;
	pl: string;
	en: unknown;
}

type Loose = Record<string, unknown>;
const en = dictionaryEn as unknown as {
	provenance: Record<string, unknown>;
	values: Record<string, Record<string, unknown>>;
	tables: Record<string, { label?: unknown; description?: unknown; columns?: Record<string, Loose> } & Loose>;
	calibration: Record<string, unknown>;
};

interface PlColumn {
	name: string;
	label: string;
	description?: string;
	unit?: string;
}
interface PlTable {
	label: string;
	description?: string;
	columns: PlColumn[];
}
const plTables = dictionary.tables as Record<string, PlTable>;
const plValues = dictionary.values as Record<string, Record<string, string | { label: string; unit: string }>>;

/** Every Polish text of the dictionary with the English text at the same place. */
function pairs(): Pair[] {
	const out: Pair[] = [];
	for (const [key, pl] of Object.entries(dictionary.provenance)) out.push({ path: `provenance.${key}`, pl, en: en.provenance[key] });
	for (const [set, codes] of Object.entries(plValues)) {
		for (const [code, pl] of Object.entries(codes)) {
			const text = en.values[set]?.[code];
			if (typeof pl === 'string') out.push({ path: `values.${set}.${code}`, pl, en: text });
			else {
				out.push({ path: `values.${set}.${code}.label`, pl: pl.label, en: (text as Loose | undefined)?.label });
				out.push({ path: `values.${set}.${code}.unit`, pl: pl.unit, en: (text as Loose | undefined)?.unit });
			}
		}
	}
	for (const [name, table] of Object.entries(plTables)) {
		out.push({ path: `tables.${name}.label`, pl: table.label, en: en.tables[name]?.label });
		if (table.description !== undefined) out.push({ path: `tables.${name}.description`, pl: table.description, en: en.tables[name]?.description });
		for (const column of table.columns) {
			const text = en.tables[name]?.columns?.[column.name];
			for (const field of ['label', 'description', 'unit'] as const) {
				const pl = column[field];
				if (pl !== undefined) out.push({ path: `tables.${name}.columns.${column.name}.${field}`, pl, en: text?.[field] });
			}
		}
	}
	for (const { figure, rule } of dictionary.calibration) out.push({ path: `calibration.${figure}`, pl: rule, en: en.calibration[figure] });
	return out;
}

const ALL = pairs();

/** The text with its kept Polish quotes taken out; fails if a kept quote is missing here or is not in the Polish. */
function withoutKeptQuotes({ path, pl, en: text }: Pair): string {
	let rest = text as string;
	for (const quote of KEPT_QUOTES[path] ?? []) {
		expect(pl, `${path}: the kept quote „${quote}” is not in the Polish text`).toContain(quote);
		expect(rest, `${path}: the kept quote „${quote}” is missing`).toContain(`„${quote}”`);
		rest = rest.split(`„${quote}”`).join(' ');
	}
	return rest;
}

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('every text of data/dictionary.json has an English text', () => {
	it('covers the whole dictionary', () => {
		// 3 provenances, 13 value sets, 9 tables: a sanity check that the walk above reaches them all.
		expect(ALL.length).toBeGreaterThan(3 + 13 + 9);
		expect(ALL.filter((p) => p.path.startsWith('tables.')).length).toBeGreaterThanOrEqual(
			Object.values(plTables).reduce((sum, t) => sum + 1 + t.columns.length, 0)
		);
	});

	it.each(ALL)('$path', (pair) => {
		const { path, pl, en: text } = pair;
		expect(typeof text, `${path}: no English text`).toBe('string');
		const english = text as string;
		// A unit the Polish leaves empty (a plain ordinal) stays empty; every other text has words.
		if (pl === '') expect(english, path).toBe('');
		else expect(english.trim(), `${path}: empty`).not.toBe('');
		expect(english, `${path}: spaces at the ends`).toBe(english.trim());

		const rest = withoutKeptQuotes(pair);
		expect(rest.match(POLISH) ?? [], `${path}: Polish letters in “${english}”`).toEqual([]);
		expect(rest.includes('„'), `${path}: a Polish „ quote not listed in KEPT_QUOTES`).toBe(false);

		for (const pattern of KEPT_TOKENS) {
			for (const token of pl.match(pattern) ?? []) expect(english, `${path}: “${token}” dropped`).toContain(token);
		}
		// Numbers stay (4,2 becomes 4.2, so the digit runs are compared, not the notation).
		expect(sorted(english.match(/\d+/gu) ?? []), `${path}: numbers differ`).toEqual(sorted(pl.match(/\d+/gu) ?? []));
	});
});

describe('no English key that the dictionary does not have', () => {
	it('provenance', () => {
		expect(sorted(Object.keys(en.provenance))).toEqual(sorted(Object.keys(dictionary.provenance)));
	});

	it('value sets and their codes', () => {
		expect(sorted(Object.keys(en.values))).toEqual(sorted(Object.keys(plValues)));
		for (const [set, codes] of Object.entries(plValues)) {
			expect(sorted(Object.keys(en.values[set] ?? {})), set).toEqual(sorted(Object.keys(codes)));
			for (const [code, pl] of Object.entries(codes)) {
				const text = en.values[set][code];
				if (typeof pl === 'string') expect(typeof text, `${set}.${code}`).toBe('string');
				else expect(sorted(Object.keys(text as Loose)), `${set}.${code}`).toEqual(sorted(Object.keys(pl)));
			}
		}
	});

	it('tables, their fields and columns', () => {
		expect(sorted(Object.keys(en.tables))).toEqual(sorted(Object.keys(plTables)));
		for (const [name, table] of Object.entries(plTables)) {
			const text = en.tables[name];
			const fields = ['label', ...(table.description === undefined ? [] : ['description']), 'columns'];
			expect(sorted(Object.keys(text)), name).toEqual(sorted(fields));
			expect(Object.keys(text.columns ?? {}), `${name}: columns (in the dictionary's order)`).toEqual(table.columns.map((c) => c.name));
			for (const column of table.columns) {
				const expected = (['label', 'description', 'unit'] as const).filter((field) => column[field] !== undefined);
				expect(sorted(Object.keys(text.columns?.[column.name] ?? {})), `${name}.${column.name}`).toEqual(sorted(expected));
			}
		}
	});

	it('calibration rules: one per calibrated figure', () => {
		const figures = dictionary.calibration.map((c) => c.figure);
		expect(new Set(figures).size, 'a figure calibrated twice').toBe(figures.length);
		expect(sorted(Object.keys(en.calibration))).toEqual(sorted(figures));
	});

	it('the kept Polish quotes name real texts', () => {
		const paths = new Set(ALL.map((p) => p.path));
		for (const path of Object.keys(KEPT_QUOTES)) expect(paths.has(path), path).toBe(true);
	});
});

describe('units are short unit words', () => {
	const units = ALL.filter((p) => p.path.endsWith('.unit'));
	it.each(units)('$path: $en', ({ pl, en: text }) => {
		expect((text as string).split(' ').length).toBeLessThanOrEqual(2);
		const expected: Record<string, string> = { osoby: 'people', rodziny: 'families', etat: 'full-time posts', 'zł': 'PLN', '%': '%', h: 'h', '': '' };
		expect(text).toBe(expected[pl]);
	});
});

// Compile-time checks (tsc, not vitest): the type rejects a code, column or table the dictionary does not have, and a
// missing one. Never run; `npx tsc --noEmit` fails if any of these stops being an error.
export function typeChecks(t: DictionaryEn): void {
	// @ts-expect-error: X is not a code of the sex value set
	const extraCode: DictionaryEn['values']['sex'] = { K: 'woman', M: 'man', X: 'other' };
	// @ts-expect-error: M is missing
	const missingCode: DictionaryEn['values']['sex'] = { K: 'woman' };
	// @ts-expect-error: a figure needs a unit
	const figureWithoutUnit: DictionaryEn['values']['figure']['women'] = { label: 'Women' };
	const columns = t.tables.cpi.columns;
	// @ts-expect-error: cpi has no column "month"
	const extraColumn: DictionaryEn['tables']['cpi']['columns'] = { ...columns, month: { label: 'Month' } };
	// @ts-expect-error: source_id is missing
	const missingColumn: DictionaryEn['tables']['cpi']['columns'] = { year: columns.year, cpi_change_pct: columns.cpi_change_pct };
	// @ts-expect-error: there is no table "households"
	const extraTable: DictionaryEn['tables']['households'] = t.tables.cpi;
	// @ts-expect-error: "salaries" is not a figure
	const extraRule: DictionaryEn['calibration'] = { salaries: 'x' };
	void [extraCode, missingCode, figureWithoutUnit, extraColumn, missingColumn, extraTable, extraRule];
}
