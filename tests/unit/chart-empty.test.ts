// A chart with nothing to draw says so and why, and its sentence never claims a "most" that is not drawn.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { fetchOverview, type Overview } from '../../src/lib/queries/overview';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { costChart, emptyReason, supportMixChart, supportMixDescription } from '../../src/lib/charts/series';
import type { CentreSupportMix } from '../../src/lib/queries/support';
import type { MissingReason } from '../../src/lib/queries/cells';

let all: Overview;
let womenAged25to34: Overview;
beforeAll(async () => {
	const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
	all = await fetchOverview(db, DEFAULT_FILTERS);
	womenAged25to34 = await fetchOverview(db, { ...DEFAULT_FILTERS, sex: ['K'], ageBands: ['25-34'] });
}, 60_000);

describe('empty charts', () => {
	it('draws the unfiltered support mix and cost', () => {
		expect(emptyReason(supportMixChart(all.supportMix, all.centres))).toBeNull();
		expect(emptyReason(costChart(all.centres))).toBeNull();
	});

	it('says why the cost-by-form charts are empty for women aged 25–34, and the caption agrees', () => {
		for (const unit of ['share', 'money'] as const) {
			const reason = emptyReason(supportMixChart(womenAged25to34.supportMix, womenAged25to34.centres, unit));
			expect(reason, unit).toMatch(/^Nic do narysowania/);
		}
		const caption = supportMixDescription(womenAged25to34.supportMix, womenAged25to34.centres);
		expect(caption).not.toContain('najwięcej kosztu');
		expect(caption).toContain('OPS Chocianów: ukryte');
	});

	it('names each reason: all hidden, none published, no rows, all zero', () => {
		const one = (values: (number | null)[], missing?: (MissingReason | null)[]) => emptyReason({ categories: values.map((_, i) => `c${i}`), unit: 'number', series: [{ label: 's', color: '#000', values }], missing });
		expect(one([null, null], ['hidden_small', 'hidden_small'])).toContain('każda wartość jest ukryta');
		expect(one([null], ['not_published'])).toContain('nie opublikowano');
		expect(one([null, null], ['not_published', 'unknown_year'])).toBe('Nic do narysowania. Powody: nie opublikowano; rok nieznany: nie da się przeliczyć cen.');
		expect(one([0, 0])).toContain('zerowe');
		// A rate of 0% with its interval is drawn, its whisker showing how high the rate could be.
		const rate = emptyReason({ categories: ['a', 'b'], unit: 'percent', series: [{ label: 's', color: '#000', values: [0, null], low: [0, null], high: [27.8, null] }], missing: [null, 'hidden_small'] });
		expect(rate).toBeNull();
		expect(emptyReason({ categories: [], unit: 'number', series: [] })).toContain('nie ma żadnych wierszy');
		expect(one([null, 3], ['not_published', null])).toBeNull();
	});

	it('never calls a share of 0% the largest', () => {
		const mix: CentreSupportMix[] = [{ centreId: 'janow-lubelski', totalCostPln: 31_582.48, forms: [{ form: 'health', costPln: 0, share: 0 }, { form: 'social', costPln: 0, share: 0 }] }];
		const caption = supportMixDescription(mix, [{ centreId: 'janow-lubelski', shortName: 'OPS Janów Lubelski' }]);
		expect(caption).not.toContain('0%');
		expect(caption).toContain('brak kosztów wsparcia');
	});
});

describe('grammar of the support-mix sentence', () => {
	it('names the form after a colon, in the nominative its label has', () => {
		const caption = supportMixDescription(all.supportMix, all.centres);
		expect(caption).not.toMatch(/kosztu na aktywizacja/);
		expect(caption).toMatch(/najwięcej kosztu: aktywizacja \p{L}+ \(\d+%; koszt wsparcia razem/u);
	});
});
