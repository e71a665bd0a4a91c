// The public release's two promises checked in Node: what it publishes survives the auditor (and would not with
// only the naive <5 rule), and its tables for the explorer keep every hidden figure NULL.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { fetchAuditData, type AuditData } from '../../src/lib/queries/published-views';
import { audit, counter, primaryOnly } from '../../src/lib/stats/audit';
import { protectedTables, releaseViews, toIPC } from '../../scripts/release/public';

const root = resolve(import.meta.dirname, '../..');
const snapshot = JSON.parse(readFileSync(resolve(root, 'src/lib/generated/snapshot.json'), 'utf8'));
let data: AuditData;
beforeAll(async () => {
	data = await fetchAuditData(createNodeDatabase(resolve(root, 'static/data')));
}, 60_000);

describe('public release', () => {
	it('publishes the overview, narrowed to any of its centres, every comparison of two to five and every centre page, with no leak', () => {
		const views = releaseViews(snapshot);
		// The overview whole and for each of the 30 other sets of centres, 26 comparisons, 5 centre pages.
		expect(views).toHaveLength(1 + 30 + 26 + 5);
		const report = audit(views, data.records, data.domains);
		expect(report.leaks, report.leaks.slice(0, 5).map((l) => `${l.target} = ${l.value}: ${l.how}`).join('\n')).toEqual([]);
	});

	it('would leak with only the naive <5 rule: the audit has teeth on these views', () => {
		const report = audit(primaryOnly(releaseViews(snapshot), counter(data.records)), data.records, data.domains);
		expect(report.leaks.length).toBeGreaterThan(0);
	});

	it('keeps every figure a page hides NULL in the tables the explorer sees', () => {
		const tables = protectedTables(snapshot);
		const overview = tableFromIPC(toIPC(tables.protected_overview)).toArray().map((r) => r.toJSON());
		const suppressed = overview.filter((r) => r.kind === 'suppressed');
		expect(suppressed.length).toBeGreaterThan(0);
		for (const row of suppressed) expect([row.value, row.k, row.rate, row.ci_low, row.ci_high]).toEqual([null, null, null, null, null]);
		const profile = tableFromIPC(toIPC(tables.protected_profile)).toArray().map((r) => r.toJSON());
		const hidden = profile.filter((r) => r.hidden !== null);
		expect(hidden.length).toBeGreaterThan(0);
		for (const row of hidden) expect(row.participants).toBeNull();
		// Nothing shown is small: every count left is 0 or at least 5.
		for (const row of profile.filter((r) => r.participants !== null)) expect(row.participants === 0 || row.participants >= 5, `${row.centre_id} ${row.dimension} ${row.category}`).toBe(true);
	});
});
