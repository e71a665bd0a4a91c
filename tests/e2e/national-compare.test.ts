// The national compare view in real Chromium: pick centres out of 2,477 by typing a gmina without Polish letters,
// see them beside Poland with intervals, share the link, and apply a filter to the comparison.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { KEYS, cubeRowId, perturbCount, rowKey } from '../../src/lib/stats/cell-key';
import { afterEach, describe, expect, it } from 'vitest';
import { openNationalPage, plain, shownCounts, type OpenedPage } from './browser';
import type { NationalSummary } from '../../src/lib/national';

const summary = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/lib/generated/national.json'), 'utf8')) as NationalSummary;
const lezajsk = summary.centres.find((c) => c.centreId === 'lezajsk')!;
const size = (c: NationalSummary['centres'][number]) => (c.participants.kind === 'synthetic' ? c.participants.value : 0);
// The two largest synthetic centres: their women are many, so no figure of theirs is hidden under a sex filter.
const [first, second] = summary.centres.filter((c) => c.centreId.startsWith('g')).sort((a, b) => size(b) - size(a));

const dir = resolve(import.meta.dirname, '../../build/national');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tables: { name: string; file: string }[] };
const cube = tableFromIPC(readFileSync(join(dir, manifest.tables.find((t) => t.name === 'cube')!.file)));
/** Women of a centre in the cube, by its id, as a filtered view shows them: moved by their rows' cell key (stats/cell-key.ts). */
function women(centreId: string): number {
	let n = 0;
	let key = 0;
	for (let i = 0; i < cube.numRows; i++)
		if (cube.getChild('centre_id')!.get(i) === centreId && cube.getChild('sex')!.get(i) === 'K') {
			n += cube.getChild('participants')!.get(i);
			// A row's key is who it counts: its centre and its stratum.
			key += rowKey(cubeRowId(cube.getChild('centre_code')!.get(i), cube.getChild('stratum')!.get(i)), 0);
		}
	return perturbCount(n, key % KEYS);
}

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

describe('national compare view', () => {
	it('asks for two centres, adds them by search, and opens the same comparison from its link', async () => {
		opened = await openNationalPage(`/polska/porownanie/?osrodki=${first.code}`, { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		expect(plain(await page.getByTestId('compare-empty').textContent())).toMatch(/co najmniej 2/);
		await page.getByTestId('centre-search').fill('Lezajsk');
		await page.locator('.pick ul li a', { hasText: lezajsk.name }).first().click();
		await page.waitForURL(new RegExp(`osrodki=${first.code}(%2C|,)${lezajsk.code}`));
		const rows = page.locator('[data-table="national-compare"] tbody tr');
		await expect.poll(() => rows.count()).toBe(3);
		expect(plain(await rows.nth(1).locator('th').textContent())).toBe(lezajsk.name);
		expect(plain(await rows.nth(2).locator('th').textContent())).toBe('Polska');
		// Leżajsk's published employment stays published, with its source mark.
		expect(await rows.nth(1).locator('[data-kind="published"], .published').count()).toBeGreaterThan(0);
		await page.waitForFunction(() => Number(document.querySelector('[data-chart="porownanie"] canvas')?.getAttribute('data-drawn')) > 0);
		const link = page.url();
		await opened.close();
		opened = await openNationalPage(link.replace(/^https?:\/\/[^/]+/, ''), { viewport: { width: 390, height: 844 } });
		await expect.poll(() => opened!.page.locator('[data-table="national-compare"] tbody tr').count()).toBe(3);
		expect(opened.offOriginRequests).toEqual([]);
	});

	it('applies a filter to the comparison: the centres’ counts are the selection’s, and the link keeps both', async () => {
		opened = await openNationalPage(`/polska/porownanie/?osrodki=${first.code},${second.code}&plec=K`, { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		await page.waitForSelector('[data-testid="national-status"][data-state="ready"]', { timeout: 60_000 });
		const rows = page.locator('[data-table="national-compare"] tbody tr');
		const count = async (i: number) => Number(plain(await rows.nth(i).locator('td').nth(1).textContent()).replace(/\D/g, ''));
		expect(await count(0)).toBe(women(first.centreId));
		expect(await count(1)).toBe(women(second.centreId));
		expect(await count(0)).toBeLessThan(size(first));
		expect(await page.locator('input[name="sex"][value="K"]').isChecked()).toBe(true);
	});

	it('shows no group of 1 to 4 people when the smallest centres are compared under a narrow filter', async () => {
		const smallest = summary.centres.filter((c) => c.centreId.startsWith('g') && size(c) > 0).sort((a, b) => size(a) - size(b)).slice(0, 3);
		opened = await openNationalPage(`/polska/porownanie/?osrodki=${smallest.map((c) => c.code).join(',')}&lata=2012&plec=M&wiek=18-24`, { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		await page.waitForSelector('[data-testid="national-status"][data-state="ready"]', { timeout: 60_000 });
		const counts = await shownCounts(page, '[data-table="national-compare"] td, [data-chart="porownanie"] td');
		// Poland's own counts are there, so the check reads figures at all; none of them is a group of 1 to 4.
		expect(counts.length).toBeGreaterThan(2);
		expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
	});
});
