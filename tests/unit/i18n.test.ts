// The English string table against the Polish one: the same keys of the same kinds, English words in every text
// and every function's output (proper names and the arguments passed in aside), and English plurals.
import { describe, expect, it } from 'vitest';
import { englishNounFor, formatEnglishCount, type EnglishNounForms } from '../../src/lib/format/plural';
import { en } from '../../src/lib/i18n/en';
import { pl } from '../../src/lib/i18n/pl';
import type { MissingReason } from '../../src/lib/queries/cells';

type Kind = 'string' | 'function' | 'array' | 'object' | 'noun' | 'other';

const CATEGORIES = new Set<string>(['zero', 'one', 'two', 'few', 'many', 'other']);

/** A noun's forms: an object of CLDR plural categories with `other` among them. Each language has its own categories. */
const isNoun = (value: object) => typeof (value as { other?: unknown }).other === 'string' && Object.entries(value).every(([key, form]) => CATEGORIES.has(key) && typeof form === 'string');

const kindOf = (value: unknown): Kind =>
	typeof value === 'string'
		? 'string'
		: typeof value === 'function'
			? 'function'
			: Array.isArray(value)
				? 'array'
				: value !== null && typeof value === 'object'
					? isNoun(value)
						? 'noun'
						: 'object'
					: 'other';

/** Every path of a table with the kind of its value; arrays are walked by index, so their lengths count too. */
function shape(value: unknown, path = '', out = new Map<string, Kind>()): Map<string, Kind> {
	const kind = kindOf(value);
	if (path) out.set(path, kind);
	// A noun's forms are the language's own (checked below), so the walk stops at them.
	if (kind === 'array' || kind === 'object') {
		for (const [key, child] of Object.entries(value as object)) shape(child, path ? `${path}.${key}` : key, out);
	}
	return out;
}

/** Every string of a table, noun forms included, by path. */
const leaves = (table: unknown, path = ''): [string, string][] =>
	typeof table === 'string'
		? [[path, table]]
		: table !== null && typeof table === 'object'
			? Object.entries(table).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key))
			: [];

const at = (table: unknown, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], table);

const POLISH = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/gu;

/** Polish names that may stand in an English text, each with the reason it stays. */
const ALLOWED: { name: string; why: string }[] = [
	{ name: 'Główny Urząd Statystyczny', why: 'the official name of Statistics Poland, given once beside the acronym GUS that the sources and the data cite' }
];

/** The Polish letters left in an English text once the allowed names and the given arguments are taken out. */
function polishLeft(text: string, carried: string[] = []): string[] {
	let rest = text;
	for (const word of [...ALLOWED.map((a) => a.name), ...carried].filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
	return rest.match(POLISH) ?? [];
}

const REASONS = ['not_published', 'hidden_small', 'published_only', 'unknown_year', 'no_edition', 'no_cost', 'not_applicable', 'whole_edition_only', 'overlapping_support', 'no_one_selected'] as const satisfies readonly MissingReason[];
/** A reason added to MissingReason and not to the list above is a type error here. */
const everyReason: [Exclude<MissingReason, (typeof REASONS)[number]>] extends [never] ? true : never = true;

/**
 * Arguments for every function of the tables, one or more calls each, in the shapes the interface passes. Some carry
 * Polish names (centres, files, dictionary columns), as real calls do: those may come back in the output.
 */
const SAMPLES: Record<string, unknown[][]> = {
	reason: REASONS.map((code) => [code]),
	'engine.ready': [[1234], [null]],
	'engine.readyForFilters': [[1234], [null]],
	'prices.constant': [[2011]],
	'prices.basis': [[null], [2011]],
	'cell.n': [[25]],
	'filters.coverage': [[['2010', '2011'], 3], [['2012'], 3]],
	'filters.remove': [['Świebodzice']],
	'filters.participantsChartIgnored': [[['Sex', 'Age at entry']]],
	'filters.filterRow': [['Leżajsk']],
	'print.date': [['25 November 2026']],
	'print.filters': [[['Centre: Leżajsk', 'Prices: current prices']]],
	'print.reportDate': [['25 November 2026']],
	'print.back': [['Overview']],
	'print.centreTitle': [['MOPS Leżajsk']],
	'filters.ignored': [[['plec', 'x']]],
	'filters.notWithSupport': [[['sex', 'age']]],
	'headline.centres': [[1], [5]],
	'headline.editionsCounted': [[2, 5], [1, 1]],
	'headline.centresCovered': [[1, 1], [3, 5]],
	'headline.others': [[['not published', 'hidden']]],
	'headline.rate': [[3, 25, '4%', '30%']],
	'headline.budgetsFrom': [[2, 5, ['Leżajsk', 'Janów Lubelski']], [0, 5, []]],
	'headline.costFrom': [[0, 5, '', ''], [1, 5, 'Leżajsk', 'Leżajsk'], [2, 5, 'Leżajsk', 'Janów Lubelski']],
	'headline.syntheticWord': [[{}], [{ imported: 'all' }], [{ imported: 'some' }], [{ withPublished: true }]],
	'headline.sentence.people': [['25', 'participants']],
	'headline.sentence.peopleMissing': [['not published']],
	'headline.sentence.employed': [['12%', '3 of 25; 95% CI 4–30%', '1 of 5 centres', null], ['12%', '3 of 25', '2 of 5 centres', 'the rest: hidden']],
	'headline.sentence.employedMissing': [['hidden']],
	'headline.sentence.noBudgets': [[1], [5]],
	'headline.sentence.moneyMissing': [['not published']],
	'headline.sentence.budgetsAndCost': [[1, 5, '385,365.31 PLN', '15,414.61 PLN'], [2, 5, '500,000.00 PLN', null]],
	'headline.sentence.budgetsAndCostRange': [[2, 5, '500,000.00 PLN', '9,552.86 PLN', 'Leżajsk', '15,414.61 PLN', 'Janów Lubelski']],
	'overview.sortBy': [['Budget']],
	'overview.charts.mix.top': [['training', '45%', '100,000.00 PLN'], ['training', '45%', null]],
	'compare.pick': [[2, 5]],
	'compare.all': [[2, 5]],
	'compare.tooMany': [[5, 'Świebodzice']],
	'compare.populationYear': [[2011, true], [2015, false]],
	'compare.differences.none': [['in employment upon leaving']],
	'explorer.rows': [[1, 3], [2504, 1234]],
	'explorer.running': [[3, 30]],
	'explorer.seconds': [[30], [120]],
	'explorer.timedOut': [[30]],
	'explorer.chartLimit': [[1000]],
	'explorer.national.regionOption': [['łódzkie'], ['mazowieckie']],
	'explorer.loading.tables': [[3, 7]],
	'explorer.refused.notReading': [['DROP']],
	'explorer.refused.word': [['ATTACH']],
	'imports.read.width': [[3, 4], [1, 2]],
	'imports.read.longCell': [['płeć', 10000]],
	'imports.read.tooManyColumns': [[10000, 2000]],
	'imports.read.duplicateHeader': [['wiek', [2, 5]]],
	'imports.read.cell': [['B7', 'a phone number']],
	'imports.read.formulaWithoutValue': [['SUM(A1:A3)']],
	'imports.read.errorValue': [['#DIV/0!']],
	'imports.guard.name': [['Łukasz']],
	'imports.guard.personal': [[['an e-mail address', 'a phone number']]],
	'imports.page.summary': [['csv', 2504, 'windows-1250', ';'], ['xlsx', 1], ['csv', 2, 'utf-8', '\t']],
	'imports.page.mapFor': [['płeć']],
	'imports.page.ready': [[1], [2]],
	'imports.page.problems': [[12000]],
	'imports.page.loaded': [['ośrodek.csv', 21]],
	'imports.page.rows': [[1], [21]],
	'imports.page.loadedAt': [['25 November 2026', '12:10']],
	'imports.page.remove': [['ośrodek.csv', '25 November 2026', '12:10']],
	'imports.page.inUse': [['osrodki.csv', ['edycje.csv']], ['osrodki.csv', ['edycje.csv', 'uczestnicy.csv']]],
	'imports.more': [[1], [5]],
	'chart.keys.position': [[2, 5]],
	'chart.emptyBecause.mixed': [[['no rows', 'hidden']]],
	'chart.describe.participants': [[['OPS Chocianów · 2012: 8'], 0, 1], [['MOPS Leżajsk · 2011: 25', 'OPS Świebodzice · 2009: 18'], 1, 3], [[], 4, 4]],
	'chart.describe.rate': [['MOPS Leżajsk', '12%', 3, 25, '4%', '30%', 'published'], ['OPS Gmina Leszno', '0%', 0, 10, '0%', '28%', 'mixed']],
	'chart.describe.cost': [[['MOPS Leżajsk 15,414.61 PLN'], []], [[], ['OPS Chocianów', 'OPS Świebodzice']]],
	'centre.summary': [[1, 1], [4, 12], [2, 0]],
	'imports.rules.noSuchKey': [['centres']],
	'validation.row': [[1], [12]],
	'validation.column': [['sex']],
	'validation.value': [['K']],
	'validation.allowed': [[['K', 'M']]],
	'validation.below': [['0']],
	'validation.above': [['2015-12-31']],
	'validation.dateBefore': [['2007-01-01']],
	'validation.dateAfter': [['2015-12-31']],
	'validation.unknownColumn': [[['sex', 'age_band']]],
	'validation.repeatedKey': [[2]],
	'imports.rules.keysClash': [['uczestnicy.csv', 1, 'participant_id'], ['uczestnicy.csv', 12, 'participant_id']],
	'imports.sourceLine': [['uczestnicy.csv', 1, '2026-11-25'], ['uczestnicy.csv', 2504, '2026-11-25']],
	'centre.profileIntro': [[1], [25]],
	'national.kOfN': [['3', '25']],
	'national.tiles.title': [['Polska'], ['województwo dolnośląskie']],
	'national.tiles.costRange': [['9,552.86 PLN', '12,000.00 PLN', '15,414.61 PLN']],
	'national.tiles.ofCentres': [[1], [2477]],
	'national.perturbed': [[2, 100]],
	'national.ignored': [[['lata=2011', 'plec=X']]],
	'national.sentence': [['Dolnośląskie', 169, 12345, 'in 2008–2014', '45% (95% CI 44–46%)', 0], ['powiat leżajski', 1, 1, 'in 2008', '100%', 1], ['powiat leżajski', 3, 'ukryte', 'w 2008 r.', 'ukryte', 0]],
	'national.yearsPhrase': [[[2012]], [[2008, 2009, 2010]], [[2010, 2012]]],
	'national.map.title': [['In employment upon leaving', 'voivodeships']],
	'national.funnel.title': [['Completed participation']],
	'national.funnel.target': [['45%']],
	'national.funnel.within': [[1], [2477]],
	'national.funnel.hidden': [[1], [5]],
	'national.funnel.empty': [[1], [5]],
	'national.cost.axisX': [['current prices'], ['constant 2014 prices']],
	'national.status.loading': [[0], [100]],
	'national.compare.picked': [[0, 5], [2, 5]],
	'national.compare.remove': [['MOPS Leżajsk']],
	'national.compare.full': [[5]],
	'national.compare.empty': [[2]],
	'national.cost.hidden': [[1], [12]],
	'national.cost.omitted': [[1], [2]],
	'national.cost.empty': [[1], [82]],
	'national.status.done': [[120, 80, 40]],
	'national.status.error': [['HTTP 404']],
	'national.funnel.moreOutside': [[1], [12]],
	'national.funnel.point': [['OPS Świebodzice', 3, 18, '95% CI 6–41%']],
	'national.cost.unknown': [[1], [3]],
	'national.table.caption': [['powiat leżajski']],
	'national.table.children': [['counties']],
	'national.table.shown': [[50, 2477], [1234, 2477]],
	'national.table.searched': [['lezajsk']],
	'national.search.results': [[1], [21]],
	'national.selected.title': [['OPS Chocianów']]
};

/** The strings that arguments carry, however nested: what a function may hand back unchanged. */
const carriedStrings = (args: unknown[]): string[] => args.flatMap((arg) => (typeof arg === 'string' ? [arg] : Array.isArray(arg) ? carriedStrings(arg) : []));

/** A function's output as texts: a string, a sentence's pieces joined, or an object's fields one by one. */
const texts = (output: unknown): string[] =>
	typeof output === 'string' ? [output] : Array.isArray(output) ? [output.map(String).join('')] : Object.values(output as object).map(String);

const functionPaths = (table: unknown) => [...shape(table)].filter(([, kind]) => kind === 'function').map(([path]) => path);

describe('English string table', () => {
	it('has every key of the Polish one and no other, each of the same kind (string, function, array, object)', () => {
		expect(everyReason).toBe(true);
		expect(Object.fromEntries(shape(en))).toEqual(Object.fromEntries(shape(pl)));
		expect(shape(en).size).toBeGreaterThan(400);
	});

	it('gives every noun exactly the forms its language’s plural rules pick between', () => {
		const nouns = (table: unknown) => [...shape(table)].filter(([, kind]) => kind === 'noun').map(([path]) => [path, Object.keys(at(table, path) as object).sort()] as const);
		const categories = (locale: string) => [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
		expect(nouns(en).length).toBe(nouns(pl).length);
		for (const [path, keys] of nouns(en)) expect(keys, path).toEqual(categories('en'));
		for (const [path, keys] of nouns(pl)) expect(keys, path).toEqual(categories('pl'));
	});

	it('catches a missing key, a changed kind and a shorter list (the walk itself can fail)', () => {
		const missing = { ...en, notFound: undefined };
		const changed = { ...en, cell: { ...en.cell, n: 'n' } };
		const shorter = { ...en, overview: { ...en.overview, denominators: en.overview.denominators.slice(1) } };
		for (const broken of [missing, changed, shorter]) expect(Object.fromEntries(shape(broken))).not.toEqual(Object.fromEntries(shape(pl)));
	});

	it('has sample arguments for every function, so that each is called below', () => {
		expect(functionPaths(en).sort()).toEqual(Object.keys(SAMPLES).sort());
	});

	it.each(Object.entries(SAMPLES).flatMap(([path, calls]) => calls.map((args) => [path, args] as const)))('%s(%j) gives English text', (path, args) => {
		const english = (at(en, path) as (...a: unknown[]) => unknown)(...args);
		const polish = (at(pl, path) as (...a: unknown[]) => unknown)(...args);
		expect(kindOf(english)).toBe(kindOf(polish));
		const [englishTexts, polishTexts] = [texts(english), texts(polish)];
		expect(englishTexts.length).toBe(polishTexts.length);
		englishTexts.forEach((text, i) => {
			// Empty only where Polish is empty too (a reason with no label of its own).
			if (polishTexts[i] !== '') expect(text.trim()).not.toBe('');
			expect(polishLeft(text, carriedStrings(args))).toEqual([]);
			expect(text).not.toMatch(/„|zł/u);
		});
	});

	it('has no Polish letters in any text, except the allowed names', () => {
		const offending = leaves(en).filter(([, text]) => polishLeft(text).length > 0);
		expect(offending).toEqual([]);
	});

	it('uses each allowed Polish name somewhere, so the list holds only what is needed', () => {
		for (const { name } of ALLOWED) expect(leaves(en).some(([, text]) => text.includes(name))).toBe(true);
	});

	it('finds Polish where there is Polish (the letter check itself can fail)', () => {
		expect(leaves(pl).filter(([, text]) => polishLeft(text).length > 0).length).toBeGreaterThan(100);
		expect(polishLeft('Koszt na uczestnika: 15 414,61 zł')).toEqual(['ł']);
		expect(polishLeft('Remove filter: Świebodzice', ['Świebodzice'])).toEqual([]);
	});

	it('writes money in English notation, with PLN', () => {
		expect(en.overview.charts.cost.axis).toBe('PLN per participant');
		expect(en.compare.trends.axisCost).toBe('PLN per participant');
		expect(en.data.methodNotes.at(-1)).toContain('12,345.67 PLN');
		expect(leaves(en).filter(([, text]) => /\bzł\b|\d \d{3},\d/u.test(text))).toEqual([]);
	});
});

describe('English plurals', () => {
	it.each([
		[1, '1 person', '1 row', '1 centre'],
		[2, '2 people', '2 rows', '2 centres'],
		[5, '5 people', '5 rows', '5 centres'],
		[21, '21 people', '21 rows', '21 centres'],
		[22, '22 people', '22 rows', '22 centres'],
		[0, '0 people', '0 rows', '0 centres'],
		[1.5, '1.5 people', '1.5 rows', '1.5 centres'],
		[2504, '2,504 people', '2,504 rows', '2,504 centres']
	])('%d → %s, %s, %s', (count, person, row, centre) => {
		expect(formatEnglishCount(count, en.nouns.person as EnglishNounForms)).toBe(person);
		expect(en.imports.page.rows(count)).toBe(row);
		expect(en.headline.centres(count)).toBe(`${centre} in the selection`);
	});

	it('gives every noun a singular for 1 and a plural for 2, 5 and 21', () => {
		for (const [key, forms] of Object.entries(en.nouns) as [string, EnglishNounForms][]) {
			expect([1, 2, 5, 21].map((n) => englishNounFor(n, forms)), key).toEqual([forms.one, forms.other, forms.other, forms.other]);
			expect(forms.one, key).not.toBe(forms.other);
		}
	});

	it('words the counts inside texts by the same rules', () => {
		expect(en.explorer.rows(1, 3)).toBe('1 row in 3 ms');
		expect(en.explorer.rows(21, 1234)).toBe('21 rows in 1,234 ms');
		expect(en.imports.more(1)).toBe('… and 1 problem more');
		expect(en.imports.more(5)).toBe('… and 5 problems more');
		expect(en.imports.read.width(1, 2)).toContain('a row has 1 field and');
		expect(en.imports.read.width(21, 22)).toContain('a row has 21 fields and');
		expect(en.filters.coverage(['2010'], 3)).toBe('figures only from edition 2010 (1 of 3)');
		expect(en.filters.coverage(['2010', '2011'], 3)).toBe('figures only from editions 2010, 2011 (2 of 3)');
		expect(en.headline.centresCovered(1, 1)).toBe('1 of 1 centre');
		expect(en.headline.centresCovered(2, 5)).toBe('2 of 5 centres');
		expect(en.centre.profileIntro(1)).toMatch(/^Distributions of 1 synthetic participant\. /);
		expect(en.national.funnel.hidden(1)).toBe('1 centre with a hidden rate is not plotted.');
		expect(en.national.funnel.hidden(21)).toBe('21 centres with a hidden rate are not plotted.');
		expect(en.national.search.results(1)).toBe('1 centre matches');
		expect(en.national.search.results(2)).toBe('2 centres match');
		expect(en.centre.profileIntro(21)).toMatch(/^Distributions of 21 synthetic participants\. /);
		expect(en.unitNouns['osoby']).toBe(en.nouns.person);
	});
});

describe('the national sentence with its years phrase', () => {
	it.each([[[2014]], [[2008, 2009, 2010]], [[2010, 2012]]])('ends each clause with one full stop, „r.” included (%j)', (years) => {
		for (const t of [pl, en]) {
			const text = t.national.sentence('mazowieckie', 314, 5639, t.national.yearsPhrase(years), '14,8%', 0);
			expect(text).not.toMatch(/\.\./u);
			expect(text).toContain(`${t.national.yearsPhrase(years).replace(/\.$/u, '')}.`);
		}
	});
});

describe('the funnel plot’s note on centres it leaves out', () => {
	it('reads as Polish for 1, 4 and 10 centres, hidden or with no one selected', () => {
		expect(pl.national.funnel.hidden(4)).toBe('Poza wykresem: 4 ośrodki z ukrytym odsetkiem.');
		expect(pl.national.funnel.empty(1)).toBe('Poza wykresem: 1 ośrodek bez uczestników w tym wyborze.');
		expect(pl.national.funnel.empty(10)).toBe('Poza wykresem: 10 ośrodków bez uczestników w tym wyborze.');
	});
});

describe('the mark of a hidden figure', () => {
	// Secondary suppression hides figures of 5 people or more (hundreds, on a national page) so that a small group
	// beside them cannot be worked out. One mark covers both, and it must not claim a size: „<5” would be untrue
	// of the second, and a second mark would say which of two hidden figures is the small one.
	it('claims no size and is the same for every hidden figure, in both languages', () => {
		for (const table of [pl, en]) {
			const mark = table.reason('hidden_small');
			for (const text of [mark.short, mark.label, mark.title, table.legend.small, table.national.map.hidden]) expect(text).not.toMatch(/<\s*5|mniej niż 5|fewer than 5/);
			// The map's legend uses the cell's own word.
			expect(table.national.map.hidden).toBe(mark.label);
		}
		// Every text of both tables, and every function's output on its samples: a hidden figure is never said to be
		// under 5. Only the rule itself may be named by it.
		// The explorer's intro names the rule its protected tables follow; the support filter's note names the risk.
		const RULE_NAMED = new Set<string>(['explorer.intro', 'filters.notWithSupport']);
		for (const table of [pl, en]) {
			const said = [
				...leaves(table),
				...Object.entries(SAMPLES).flatMap(([path, calls]) => calls.flatMap((args) => texts((at(table, path) as (...a: unknown[]) => unknown)(...args)).map((text) => [path, text] as [string, string])))
			];
			expect(said.length).toBeGreaterThan(500);
			expect(said.filter(([path, text]) => !RULE_NAMED.has(path) && /<\s*5|mniej niż 5|fewer than 5/u.test(text)).map(([path]) => path)).toEqual([]);
		}
		expect(pl.reason('hidden_small').title).toMatch(/od 1 do 4 osób albo z tej liczby dałoby się taką grupę obliczyć/);
		expect(en.reason('hidden_small').title).toMatch(/1 to 4 people, or this figure would let one work such a group out/);
	});
});
