// The one table component in real Chromium: provenance marked once per column where uniform and per cell where
// it differs, every synthetic figure still identifiable; and the comparison table readable on a phone without
// sideways scrolling.
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const ready = (o: OpenedPage) => o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });

interface FigureMark {
	table: string | null;
	column: string | null;
	row: string;
	kind: string;
	ownBadge: boolean;
	columnMark: string | null;
	dashed: boolean;
}

/** Every figure cell in the page's tables: its kind, its own badge if any, and its column header's mark. */
const figureMarks = (o: OpenedPage) =>
	o.page.evaluate(() =>
		[...document.querySelectorAll('main table [data-kind]')].map((figure): FigureMark => {
			const cell = figure.closest('td, th')!;
			const table = cell.closest('table')!;
			const column = cell.getAttribute('data-col');
			const header = table.querySelector(`thead th[data-col="${column}"]`);
			return {
				table: table.getAttribute('data-table'),
				column,
				row: cell.closest('tr')!.textContent!.trim().slice(0, 40),
				kind: figure.getAttribute('data-kind')!,
				ownBadge: !!cell.querySelector('.badge.synthetic, .badge.imported'),
				columnMark: header?.querySelector('[data-column-mark]')?.getAttribute('data-column-mark') ?? null,
				dashed: getComputedStyle(figure).textDecorationStyle === 'dashed'
			};
		})
	);

describe('provenance marks in tables', () => {
	it('marks every synthetic figure on the overview, by its own badge or by its column header’s mark', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		const marks = await figureMarks(o);
		const synthetic = marks.filter((m) => m.kind === 'synthetic');
		// The comparison table, the outcome table and the charts' data tables all hold synthetic figures.
		expect(new Set(synthetic.map((m) => m.table))).toEqual(new Set(['comparison', 'outcomes', 'chart-data']));
		expect(synthetic.length).toBeGreaterThan(20);
		for (const m of synthetic) expect(m.ownBadge || m.columnMark === 'synthetic', JSON.stringify(m)).toBe(true);
		// Both routes are in use: a column of synthetic figures says it once, a mixed column cell by cell.
		expect(synthetic.some((m) => m.columnMark === 'synthetic' && !m.ownBadge)).toBe(true);
		expect(synthetic.some((m) => m.ownBadge && m.columnMark === null)).toBe(true);
		// Without colour too: every synthetic number is underlined with dashes, as its badge is framed with them.
		for (const m of synthetic) expect(m.dashed, JSON.stringify(m)).toBe(true);
	});

	it('gives a column a mark only when every figure in it has that provenance, so no published figure reads as synthetic', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		const marks = await figureMarks(o);
		const valued = (kind: string) => ['published', 'derived', 'synthetic', 'imported', 'synthetic+imported'].includes(kind);
		const marked = marks.filter((m) => m.columnMark && valued(m.kind));
		expect(marked.length).toBeGreaterThan(0);
		for (const m of marked) expect(m.kind, JSON.stringify(m)).toBe(m.columnMark);
		// Cost per participant is derived from published figures: its column says so, never „źródło”.
		expect(marks.filter((m) => m.table === 'comparison' && m.column === 'cost-per-participant' && valued(m.kind)).every((m) => m.kind === 'derived' && m.columnMark === 'derived')).toBe(true);
	});

	it('keeps the marks in the published-only view: no synthetic figure, no synthetic mark', async () => {
		opened = await openPage('/?widok=opublikowane');
		const o = opened;
		await ready(o);
		const marks = await figureMarks(o);
		expect(marks.filter((m) => m.kind === 'synthetic')).toEqual([]);
		expect(await o.page.locator('table.comparison [data-column-mark="synthetic"]').count()).toBe(0);
		expect(marks.filter((m) => m.table === 'comparison' && m.kind === 'hidden').length).toBeGreaterThan(0);
	});
});

describe('on a phone (390 px)', () => {
	it('shows the comparison table as one card per centre, each figure labelled, with no sideways scrolling', async () => {
		opened = await openPage('/', { viewport: { width: 390, height: 844 } });
		const o = opened;
		await ready(o);
		const table = o.page.locator('table.comparison');
		const layout = await table.evaluate((t) => {
			const scroller = t.closest('.table-scroll')!;
			const rows = [...t.querySelectorAll('tbody tr')];
			return {
				overflow: scroller.scrollWidth - scroller.clientWidth,
				page: document.documentElement.scrollWidth - innerWidth,
				rows: rows.length,
				cells: rows.flatMap((tr) =>
					[...tr.querySelectorAll('td')].map((td) => {
						const label = getComputedStyle(td, '::before').content;
						return { label: label && label !== 'none' ? label : null, right: td.getBoundingClientRect().right };
					})
				)
			};
		});
		expect(layout.overflow).toBeLessThanOrEqual(0);
		expect(layout.page).toBeLessThanOrEqual(0);
		expect(layout.rows).toBe(5);
		expect(layout.cells).toHaveLength(5 * 8);
		for (const cell of layout.cells) {
			expect(cell.label).toBeTruthy();
			expect(cell.right).toBeLessThanOrEqual(390);
		}
		// A column's mark travels with its label into every card.
		expect(layout.cells.some((c) => c.label!.includes('SYNTETYCZNE'))).toBe(true);
		expect(layout.cells.some((c) => c.label!.includes('WYLICZONE'))).toBe(true);
		// …and only on a phone: at 1366 px the headers carry them and the cells have no label.
		await o.page.setViewportSize({ width: 1366, height: 768 });
		expect(await table.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('none');
	});
});
