// Every question the UI asks, run on the real engine over the built data: the figures a user will read.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createDatabase } from '../../src/lib/db/database';
import { createNodeDatabase, openNodeEngine } from '../../src/lib/db/node';
import type { DataManifest, SqlParam } from '../../src/lib/db/types';
import { fetchOverview, editionsSql, guardRows, participantGroupsSql, queryOverview } from '../../src/lib/queries/overview';
import { fetchCentre } from '../../src/lib/queries/centre';
import { differencingSql } from '../../src/lib/queries/differencing';
import { supportMixSql } from '../../src/lib/queries/support';
import { supportMixChart } from '../../src/lib/charts/series';
import { andWhere, DEFAULT_FILTERS, editionWhere, participantWhere, type Filters } from '../../src/lib/queries/filters';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
beforeAll(() => db.ready(), 60_000);

describe('filters to SQL', () => {
	it.each<[Partial<Filters>, string, unknown[]]>([
		[{}, '', []],
		[{ centres: ['lezajsk'] }, 'WHERE c.centre_id IN (?)', ['lezajsk']],
		[{ centres: ['lezajsk', 'leszno'] }, 'WHERE c.centre_id IN (?, ?)', ['lezajsk', 'leszno']],
		[{ years: [2011, null] }, 'WHERE c.edition_id IN (SELECT edition_id FROM editions WHERE year IN (?) OR year IS NULL)', [2011]],
		[{ years: [null] }, 'WHERE c.edition_id IN (SELECT edition_id FROM editions WHERE year IS NULL)', []]
	])('editions %j', (filters, sql, params) => {
		expect(editionWhere({ ...DEFAULT_FILTERS, ...filters }, 'c')).toEqual({ sql, params });
	});

	it.each<[Partial<Filters>, string, unknown[]]>([
		[{ sex: ['K'], ageBands: ['25-34', '35-44'] }, 'WHERE p.sex IN (?) AND p.age_band IN (?, ?)', ['K', '25-34', '35-44']],
		[{ outcomes: ['employed', 'qualification'] }, 'WHERE (p.outcome_employed OR p.outcome_qualification)', []],
		[
			{ centres: ['janow-lubelski'], supportForms: ['health'] },
			'WHERE p.centre_id IN (?) AND EXISTS (SELECT 1 FROM support s WHERE s.participant_id = p.participant_id AND s.form IN (?))',
			['janow-lubelski', 'health']
		]
	])('participants %j', (filters, sql, params) => {
		expect(participantWhere({ ...DEFAULT_FILTERS, ...filters }, 'p')).toEqual({ sql, params });
	});

	it.each<[string, string]>([
		['', 'WHERE x IS NOT NULL'],
		['WHERE c.centre_id IN (?)', 'WHERE c.centre_id IN (?) AND x IS NOT NULL']
	])('adds one condition to %j', (sql, expected) => {
		expect(andWhere({ sql, params: ['a'] }, 'x IS NOT NULL')).toEqual({ sql: expected, params: ['a'] });
	});

	it('never pastes a value into the SQL text', () => {
		const hostile = { ...DEFAULT_FILTERS, centres: ["x'); DROP TABLE centres; --"], sex: ["K') OR 1=1 --"] };
		for (const { sql } of [editionsSql(hostile), participantGroupsSql(hostile)]) {
			expect(sql).not.toContain('DROP');
			expect(sql).not.toContain('1=1');
		}
	});

	it('means the same in the engine as by hand: each filter narrows the participants it names', async () => {
		const count = async (filters: Partial<Filters>) => {
			const where = participantWhere({ ...DEFAULT_FILTERS, ...filters }, 'p');
			const [row] = await db.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM participants p ${where.sql}`, params: where.params });
			return row.n;
		};
		expect(await count({})).toBe(98);
		expect(await count({ centres: ['leszno'], sex: ['K'] })).toBe(10);
		expect(await count({ centres: ['leszno'], sex: ['M'] })).toBe(0);
		expect(await count({ years: [null] })).toBe(10);
		expect(await count({ years: [2011, 2013] })).toBe(62);
		expect(await count({ centres: ['lezajsk'], outcomes: ['employed'] })).toBe(3);
		const women = await count({ sex: ['K'] });
		expect(women + (await count({ sex: ['M'] }))).toBe(98);
		const withHealth = await count({ supportForms: ['health'] });
		expect(withHealth).toBeGreaterThan(0);
		expect(withHealth).toBeLessThan(98);
	});
});

describe('overview', () => {
	it('compares the five centres with published figures where the pages state them', async () => {
		const { centres } = await fetchOverview(db, DEFAULT_FILTERS);
		expect(centres.map((c) => c.shortName)).toEqual(['OPS Chocianów', 'OPS Janów Lubelski', 'OPS Gmina Leszno', 'MOPS Leżajsk', 'OPS Świebodzice']);
		const lezajsk = centres.find((c) => c.centreId === 'lezajsk')!;
		expect(lezajsk.participants).toEqual({ kind: 'published', value: 25, sources: ['lezajsk-page'] });
		expect(lezajsk.budget).toMatchObject({ kind: 'published', value: 385365.31 });
		expect(lezajsk.costPerParticipant).toMatchObject({ kind: 'published', value: 15414.61, derived: true });
		expect(lezajsk.costPerEmployed).toMatchObject({ kind: 'published', value: 128455.1, derived: true });
		expect(lezajsk.employment).toMatchObject({ kind: 'published', k: 3, n: 25 });
		expect(lezajsk.firstYear).toBe(2008);
		expect(lezajsk.lastYear).toBe(2011);
	});

	it('reads "not published", never zero, where a page gives no budget', async () => {
		const { centres } = await fetchOverview(db, DEFAULT_FILTERS);
		for (const id of ['chocianow', 'swiebodzice', 'leszno']) {
			const centre = centres.find((c) => c.centreId === id)!;
			expect(centre.budget, id).toEqual({ kind: 'unknown' });
			expect(centre.costPerParticipant, id).toEqual({ kind: 'unknown' });
		}
		expect(centres.find((c) => c.centreId === 'janow-lubelski')!.costPerParticipant).toMatchObject({ value: 9552.86 });
	});

	it('marks synthetic rates as synthetic and hides those a small cell could give away', async () => {
		const { centres } = await fetchOverview(db, DEFAULT_FILTERS);
		const leszno = centres.find((c) => c.centreId === 'leszno')!;
		expect(leszno.women).toMatchObject({ kind: 'published', k: 10, n: 10 });
		for (const centre of centres) {
			for (const rate of [centre.women, centre.completion, centre.employment]) {
				if (rate.kind === 'synthetic') expect(Math.min(rate.k, rate.n - rate.k) === 0 || Math.min(rate.k, rate.n - rate.k) >= 5).toBe(true);
				if (rate.kind === 'published' || rate.kind === 'synthetic') expect(rate.low).toBeLessThanOrEqual(rate.rate);
			}
		}
		expect(centres.find((c) => c.centreId === 'chocianow')!.employment).toEqual({ kind: 'suppressed', n: 8 });
	});

	it('lists every edition, with unknown group sizes left empty', async () => {
		const { editions } = await fetchOverview(db, DEFAULT_FILTERS);
		expect(editions).toHaveLength(9);
		expect(editions.find((e) => e.editionId === 'lezajsk-2009')!.participants).toBeNull();
		expect(editions.find((e) => e.editionId === 'janow-lubelski-2013')).toMatchObject({ participants: 37, socialContracts: 17, localActivity: 20 });
		expect(editions.find((e) => e.editionId === 'leszno-bez-roku')!.year).toBeNull();
	});

	it('switches head counts and rates to the synthetic rows when a filter is about who the participants are', async () => {
		const { centres } = await fetchOverview(db, { ...DEFAULT_FILTERS, sex: ['K'] });
		const leszno = centres.find((c) => c.centreId === 'leszno')!;
		expect(leszno.participants).toEqual({ kind: 'synthetic', value: 10 });
		const lezajsk = centres.find((c) => c.centreId === 'lezajsk')!;
		expect(lezajsk.employment.kind).not.toBe('published');
		// The budget is the whole edition's, not the women's: left out, with its reason (whole-edition.test.ts).
		expect(lezajsk.budget).toEqual({ kind: 'omitted', reason: 'whole_edition_only' });
		// Chocianów has 3 women: hidden, and no n beside its rates gives them away (disclosure-attacks.test.ts).
		const chocianow = centres.find((c) => c.centreId === 'chocianow')!;
		expect(chocianow.participants).toEqual({ kind: 'suppressed' });
	});

	it('counts the participants of the selection: published totals, or synthetic rows under participant filters', async () => {
		expect((await fetchOverview(db, DEFAULT_FILTERS)).selection).toMatchObject({ kind: 'published', value: 98 });
		expect((await fetchOverview(db, { ...DEFAULT_FILTERS, years: [2011, 2013] })).selection).toMatchObject({ kind: 'published', value: 62, sources: ['janow-lubelski-page', 'lezajsk-page'] });
		expect((await fetchOverview(db, { ...DEFAULT_FILTERS, centres: ['leszno'], sex: ['K'] })).selection).toEqual({ kind: 'synthetic', value: 10 });
		expect((await fetchOverview(db, { ...DEFAULT_FILTERS, centres: ['lezajsk'], outcomes: ['employed'] })).selection).toEqual({ kind: 'suppressed' });
	});

	it('moves budgets and costs to constant prices edition by edition, as the JS deflator does', async () => {
		const { priceLevels, toConstantPrices } = await import('../../src/lib/prices/deflate');
		const cpi = await db.query<{ year: number; cpi_change_pct: number }>({ sql: 'SELECT year, cpi_change_pct FROM cpi' });
		const levels = priceLevels(cpi);
		const { centres } = await fetchOverview(db, { ...DEFAULT_FILTERS, priceBase: 2013 });
		const lezajsk = centres.find((c) => c.centreId === 'lezajsk')!;
		const janow = centres.find((c) => c.centreId === 'janow-lubelski')!;
		expect(lezajsk.budget.kind === 'published' && lezajsk.budget.value).toBeCloseTo(toConstantPrices(385365.31, 2011, 2013, levels)!, 2);
		expect(lezajsk.budget.kind === 'published' && lezajsk.budget.value).toBeCloseTo(385365.31 * 1.037 * 1.009, 2);
		expect(lezajsk.costPerParticipant.kind === 'published' && lezajsk.costPerParticipant.value).toBeCloseTo((385365.31 * 1.037 * 1.009) / 25, 2);
		// 2013 is the base year: Janów's 2013 budget stays exactly as published.
		expect(janow.budget).toMatchObject({ value: 353456 });
		const nominal = (await fetchOverview(db, DEFAULT_FILTERS)).centres.find((c) => c.centreId === 'lezajsk')!;
		expect(nominal.budget).toMatchObject({ value: 385365.31 });
	});

	it('leaves out centres with no edition in the chosen years', async () => {
		const overview = await fetchOverview(db, { ...DEFAULT_FILTERS, years: [2011, null] });
		expect(overview.centres.map((c) => c.centreId)).toEqual(['leszno', 'lezajsk']);
	});

	it('narrows every part of the overview to the chosen centres', async () => {
		const overview = await fetchOverview(db, { ...DEFAULT_FILTERS, centres: ['leszno', 'lezajsk'] });
		expect(overview.centres.map((c) => c.centreId)).toEqual(['leszno', 'lezajsk']);
		expect(new Set(overview.editions.map((e) => e.centreId))).toEqual(new Set(['leszno', 'lezajsk']));
	});
});

describe('some centres from the answer for all of them', () => {
	const CENTRES = ['chocianow', 'janow-lubelski', 'leszno', 'lezajsk', 'swiebodzice'];
	const subsets = Array.from({ length: 2 ** CENTRES.length - 1 }, (_, i) => CENTRES.filter((_, c) => (i + 1) & (1 << c)));
	// Views without participant filters: years (an unknown one too), constant prices, the published-only view.
	const VIEWS: Partial<Filters>[] = [{}, { years: [2012] }, { years: [2011, null] }, { priceBase: 2013 }, { years: [2010, 2013], priceBase: 2014, view: 'published' }];
	// The truth asks DuckDB every time; the page's database keeps answers, as in the browser.
	const truth = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'), { cache: false });
	beforeAll(() => truth.ready(), 60_000);

	it('equals DuckDB’s own answer for every set of centres and view, and asks DuckDB nothing', async () => {
		const pages = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
		let narrowed = 0;
		for (const view of VIEWS) {
			const wide = { ...DEFAULT_FILTERS, ...view };
			await fetchOverview(pages, wide);
			for (const centres of subsets) {
				const filters = { ...wide, centres };
				const answer = await fetchOverview(pages, filters);
				expect(answer, `${JSON.stringify(view)} ${centres}`).toEqual(await queryOverview(truth, filters));
				// The narrow question never reached the engine.
				expect(pages.has(editionsSql(filters))).toBe(false);
				narrowed += 1;
			}
		}
		expect(narrowed).toBe(VIEWS.length * 31);
	});

	it('asks DuckDB under participant filters, where the selection’s size and what is hidden depend on the centres chosen', async () => {
		const pages = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
		// An age band: its guard rows are not the groups by centre and sex (a sex alone is read off; the test below).
		const wide = { ...DEFAULT_FILTERS, ageBands: ['25-34'] };
		await fetchOverview(pages, wide);
		const filters = { ...wide, centres: ['lezajsk', 'leszno'] };
		expect(await fetchOverview(pages, filters)).toEqual(await queryOverview(truth, filters));
		// The differencing guard's question for these centres is asked: no answer for every centre stands in for it.
		expect(pages.has(differencingSql(filters)!)).toBe(true);
	});

	it('under participant filters, reads the editions, the groups and the support mix by centre and sex off the answers at hand, equal to DuckDB’s', async () => {
		const pages = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
		const VIEWS_WITH_PARTICIPANTS: Partial<Filters>[] = [{ sex: ['K'] }, { sex: ['M'], years: [2012] }, { sex: ['K'], ageBands: ['25-34'] }, { ageBands: ['35-44'] }, { sex: ['K', 'M'], priceBase: 2013 }, { sex: ['K'], outcomes: ['employed'] }];
		let readOff = 0;
		for (const view of VIEWS_WITH_PARTICIPANTS) {
			// The page's first answer: every centre, both sexes, the view's other filters.
			await fetchOverview(pages, { ...DEFAULT_FILTERS, ...view, sex: [] });
			for (const centres of [[], ['lezajsk'], ['leszno', 'chocianow'], CENTRES]) {
				const filters = { ...DEFAULT_FILTERS, ...view, centres };
				expect(await fetchOverview(pages, filters), `${JSON.stringify(view)} ${centres}`).toEqual(await queryOverview(truth, filters));
				if (centres.length || view.sex?.length) {
					expect(pages.has(participantGroupsSql(filters))).toBe(false);
					expect(pages.has(supportMixSql(filters))).toBe(false);
					readOff += 1;
				}
				// With sex the only participant filter, the differencing guard's rows are those groups too.
				const sexOnly = Object.keys(view).every((k) => k === 'sex' || k === 'priceBase');
				expect(pages.has(differencingSql(filters)!), `${JSON.stringify(view)} ${centres}: guard asked`).toBe(!sexOnly);
			}
			expect(pages.has(editionsSql({ ...DEFAULT_FILTERS, ...view, centres: ['lezajsk'] }))).toBe(false);
		}
		expect(readOff).toBe(23);
	});

	it('reads the differencing guard’s rows off the groups by centre and sex, row for row as DuckDB counts them', async () => {
		const pages = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
		await fetchOverview(pages, DEFAULT_FILTERS);
		const columns = ['centre_id', 'sex', 'd_sex', 'n', 'completed', 'employed', 'job_seeking', 'education', 'qualification'];
		const rows = (list: Record<string, unknown>[]) => list.map((r) => columns.map((c) => r[c])).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
		for (const filters of [{ ...DEFAULT_FILTERS, sex: ['K'] }, { ...DEFAULT_FILTERS, sex: ['M'], centres: ['lezajsk', 'leszno'] }, { ...DEFAULT_FILTERS, sex: ['K', 'M'] }]) {
			const guard = differencingSql(filters)!;
			const read = await guardRows(pages, guard, filters);
			expect(pages.has(guard)).toBe(false);
			expect(rows(read)).toEqual(rows(await truth.query(guard)));
			expect(read.length).toBeGreaterThanOrEqual(3);
		}
	});

	it('works out every centre’s overview once per answer kept, and again once the data may have changed', async () => {
		const pages = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
		const whole = await fetchOverview(pages, DEFAULT_FILTERS);
		expect(await fetchOverview(pages, DEFAULT_FILTERS)).toBe(whole);
		// The published-only view is the same answer, re-shaped on the page: the same object, nothing worked out again.
		expect(await fetchOverview(pages, { ...DEFAULT_FILTERS, view: 'published' })).toBe(whole);
		// Closing drops every kept answer, as a change of data does.
		await pages.close();
		const again = await fetchOverview(pages, DEFAULT_FILTERS);
		expect(again).not.toBe(whole);
		expect(again).toEqual(whole);
		await pages.close();
	});

	it('asks again for an answer for every centre that failed, rather than keeping the failure', async () => {
		let failNext = true;
		const flaky = createDatabase({
			open: async () => {
				const engine = await openNodeEngine();
				// The linked tables' rows fail once: the first query of the answer (the editions) is kept all the same.
				return { ...engine, run: async (sql: string, params: SqlParam[]) => (failNext && sql.includes('WITH f AS') ? ((failNext = false), Promise.reject(new Error('injected'))) : engine.run(sql, params)) };
			},
			manifest: async () => JSON.parse(await readFile(resolve(import.meta.dirname, '../../static/data/manifest.json'), 'utf8')) as DataManifest,
			read: async (file) => new Uint8Array(await readFile(resolve(import.meta.dirname, '../../static/data', file)))
		});
		await expect(fetchOverview(flaky, DEFAULT_FILTERS)).rejects.toThrow('injected');
		expect(failNext).toBe(false);
		expect(flaky.has(editionsSql(DEFAULT_FILTERS))).toBe(true);
		expect(await fetchOverview(flaky, DEFAULT_FILTERS)).toEqual(await queryOverview(truth, DEFAULT_FILTERS));
		expect(await fetchOverview(flaky, { ...DEFAULT_FILTERS, centres: ['lezajsk'] })).toEqual(await queryOverview(truth, { ...DEFAULT_FILTERS, centres: ['lezajsk'] }));
		await flaky.close();
	});

	it('asks DuckDB the narrow question when the answer for every centre is not at hand', async () => {
		const pages = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
		const filters = { ...DEFAULT_FILTERS, centres: ['lezajsk'] };
		expect(await fetchOverview(pages, filters)).toEqual(await queryOverview(truth, filters));
		expect(pages.has(editionsSql(filters))).toBe(true);
		expect(pages.has(editionsSql(DEFAULT_FILTERS))).toBe(false);
	});
});

describe('centre page', () => {
	it('gathers the editions, figures with quotes, activities and sources of one centre', async () => {
		const detail = (await fetchCentre(db, 'lezajsk'))!;
		expect(detail.centre.teryt).toBe('1808011');
		expect(detail.editions.map((e) => e.year)).toEqual([2008, 2009, 2010, 2011]);
		expect(detail.figures.find((f) => f.figure === 'budget_pln')).toMatchObject({ stated: '385 365,31 zł', quote: 'Cały budżet projektu zamknął się sumą 385 365,31 zł' });
		expect(detail.activities.filter((a) => a.kind === 'course')).toHaveLength(6);
		expect(detail.activities.find((a) => a.kind === 'event')!.date).toBe('2011-12-12');
		expect(detail.sources.map((s) => s.source_id)).toEqual(['lezajsk-page', 'gus-terc']);
	});

	it('profiles the synthetic participants with small cells hidden so they cannot be recovered', async () => {
		const detail = (await fetchCentre(db, 'leszno'))!;
		expect(detail.participants).toBe(10);
		for (const [dimension, cells] of Object.entries(detail.profile)) {
			const visible = cells.reduce((s, c) => s + (c.count ?? 0), 0);
			const hidden = cells.filter((c) => c.count === null);
			// Either nothing is hidden, or at least two cells share the remainder, so none can be worked out.
			expect(hidden.length === 0 ? visible : hidden.length, dimension).toBe(hidden.length === 0 ? 10 : Math.max(2, hidden.length));
			for (const c of cells) if (c.count !== null) expect(c.count === 0 || c.count >= 5, `${dimension}.${c.key}`).toBe(true);
		}
	});

	it('gives null for a centre that does not exist', async () => {
		expect(await fetchCentre(db, 'nowhere')).toBeNull();
	});
});

describe('cost by form of support', () => {
	it('moves each support cost to the base year by its edition year, and leaves an unknown year unknown', async () => {
		const nominal = await fetchOverview(db, DEFAULT_FILTERS);
		const constant = await fetchOverview(db, { ...DEFAULT_FILTERS, priceBase: 2013 });
		const total = (o: typeof nominal, id: string) => o.supportMix.find((m) => m.centreId === id)!.totalCostPln;
		// Leżajsk's support adds up to its 2011 budget; in 2013 prices, to 403 220,44 zł give or take the rounding.
		expect(total(nominal, 'lezajsk')).toBe(385365.31);
		expect(Math.abs(total(constant, 'lezajsk')! - 403220.44)).toBeLessThanOrEqual(0.02);
		// Leszno's edition has no year, so its costs cannot be moved: unknown, never nominal in disguise.
		expect(total(constant, 'leszno')).toBeNull();
		const chart = supportMixChart(constant.supportMix, constant.centres, 'money');
		expect(chart.missing![constant.supportMix.findIndex((m) => m.centreId === 'leszno')]).toBe('unknown_year');
		expect(chart.series.every((s) => s.synthetic!.every(Boolean))).toBe(true);
	});
});
