// Issue 9 part 3: under a participant filter a centre's budget and costs are whole-edition figures, so the view
// leaves them out and says why, instead of printing them beside "kobiety" as if they were the women's.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { costChart, costDescription, wholeEditionNotes } from '../../src/lib/charts/series';
import { fetchCompare, toComparison } from '../../src/lib/queries/compare';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/queries/filters';
import { fetchOverview } from '../../src/lib/queries/overview';
import { pl } from '../../src/lib/i18n/pl';
import { exportMeta } from '../../src/lib/export/meta';
import { tableExport } from '../../src/lib/table/export';
import { centreTable, compareTable } from '../../src/lib/table/tables';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
beforeAll(() => db.ready(), 60_000);

const view = (partial: Partial<Filters>) => fetchOverview(db, { ...DEFAULT_FILTERS, ...partial });
const MONEY = ['budget', 'costPerParticipant', 'costPerEmployed'] as const;

describe('budgets and costs under a participant filter', () => {
	it('unfiltered: Leżajsk shows its published budget and cost per participant', async () => {
		const lezajsk = (await view({})).centres.find((c) => c.centreId === 'lezajsk')!;
		expect(lezajsk.budget).toMatchObject({ kind: 'published', value: 385365.31 });
		expect(lezajsk.costPerParticipant).toMatchObject({ kind: 'published', value: 15414.61 });
		expect(wholeEditionNotes((await view({})).centres)).toEqual([]);
	});

	it.each<[string, Partial<Filters>]>([
		['kobiety', { sex: ['K'] }],
		['wiek 25-34', { ageBands: ['25-34'] }],
		['pracujący po projekcie', { outcomes: ['employed'] }],
		['wsparcie finansowe', { supportForms: ['financial'] }]
	])('%s: every centre leaves budget and costs out, with the reason whole_edition_only', async (_, filters) => {
		const overview = await view(filters);
		expect(overview.centres.length).toBeGreaterThan(0);
		for (const c of overview.centres) for (const m of MONEY) expect(c[m], `${c.centreId} ${m}`).toEqual({ kind: 'omitted', reason: 'whole_edition_only' });
		// The chart draws no bar and says why; the page shows the note.
		expect(costChart(overview.centres).missing).toEqual(overview.centres.map(() => 'whole_edition_only'));
		expect(costDescription(overview.centres)).toBe(pl.chart.wholeEditionNote);
		expect(wholeEditionNotes(overview.centres)).toEqual([pl.chart.wholeEditionNote]);
	});

	it('an edition filter (a year) is no participant filter: the budget is still the whole selection’s', async () => {
		const lezajsk = (await view({ years: [2011] })).centres.find((c) => c.centreId === 'lezajsk')!;
		expect(lezajsk.budget).toMatchObject({ kind: 'published', value: 385365.31 });
	});

	it('compare view under "kobiety": budget shares are left out too, and the export says omitted, not unknown', async () => {
		const filters = { ...DEFAULT_FILTERS, centres: ['janow-lubelski', 'lezajsk'], sex: ['K'] as Filters['sex'] };
		const { overview, populations } = await fetchCompare(db, filters);
		const comparison = toComparison(overview.centres, populations, 'all');
		for (const c of comparison.centres) expect(c.budgetShare).toEqual({ kind: 'omitted', reason: 'whole_edition_only' });
		const exported = tableExport(compareTable(comparison.centres, overview.editions, 'all', null), { title: 't', filters: [], sources: [], provenance: '', exportedAt: '2026-01-01T00:00:00Z' }).long;
		const budgetRows = exported.rows.filter((r) => r.measure === 'budget' || r.measure === 'budget-share');
		expect(budgetRows.length).toBe(4);
		for (const r of budgetRows) expect(r).toMatchObject({ value: null, provenance: 'omitted', reason: 'whole_edition_only' });
	});
});

// The auditor found groups of 1–4 singled out by rates and totals under a form-of-support filter, and by such a
// filter crossed with who the participants are. So those views show head counts per centre only.
describe('under a form-of-support filter', () => {
	it('leaves out every rate and the selection total, saying why, and keeps the head counts', async () => {
		const overview = await view({ supportForms: ['social'] });
		expect(overview.selection).toEqual({ kind: 'omitted', reason: 'overlapping_support' });
		for (const c of overview.centres) {
			for (const rate of [c.women, c.completion, c.employment]) expect(rate).toEqual({ kind: 'omitted', reason: 'overlapping_support' });
			expect(['synthetic', 'suppressed']).toContain(c.participants.kind);
		}
		expect(overview.outcomes.length).toBeGreaterThan(0);
		for (const o of overview.outcomes) expect([o.women.kind, o.men.kind, o.total.kind]).toEqual(['omitted', 'omitted', 'omitted']);
	});

	it('is never crossed with who the participants are: asked for women with social support, it answers for social support', async () => {
		expect(await view({ supportForms: ['social'], sex: ['K'] })).toEqual(await view({ supportForms: ['social'] }));
	});
});

describe('a centre the filters select no one from', () => {
	// The built-in rows have no participant of Chocianów aged 18–24.
	it('Chocianów at 18–24: 0 participants, its rates „brak osób” with their code, never „nie opublikowano”, on screen and in the export', async () => {
		const overview = await view({ ageBands: ['18-24'] });
		const chocianow = overview.centres.find((c) => c.centreId === 'chocianow')!;
		expect(chocianow.participants).toEqual({ kind: 'synthetic', value: 0 });
		for (const rate of [chocianow.women, chocianow.completion, chocianow.employment]) expect(rate).toEqual({ kind: 'omitted', reason: 'no_one_selected' });
		// Its cost stays a whole-edition figure: the note about budgets is still the one that applies.
		expect(costDescription(overview.centres)).toBe(pl.chart.wholeEditionNote);
		const meta = exportMeta('Ośrodki', { ...DEFAULT_FILTERS, ageBands: ['18-24'] }, new Map(), [], new Date(0));
		const rows = tableExport(centreTable(overview.centres, overview.editions, 'all', null), meta).long.rows;
		const reasons = rows.filter((r) => r.centre_id === 'chocianow' && ['women', 'completion', 'employment'].includes(String(r.measure))).map((r) => r.reason);
		expect(reasons).toHaveLength(3);
		expect(new Set(reasons)).toEqual(new Set(['no_one_selected']));
		// The "published only" view shows no synthetic fact, „nobody here” included.
		const published = tableExport(centreTable(overview.centres, overview.editions, 'published', null), meta).long.rows;
		expect(published.filter((r) => r.centre_id === 'chocianow').map((r) => r.reason)).not.toContain('no_one_selected');
	});
});
