// The auditor plays one attacker over every published view at once: the overview unfiltered, under each
// single-value filter and each pair, the compare view for every set of centres, and every centre page. Exports are
// made from the same shaped rows, so they are covered with them.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { audit, counter, primaryOnly, type AuditReport, type AuditView, type Leak } from '../../src/lib/stats/audit';
import { fetchAuditData, publishedViews, type AuditData } from '../../src/lib/queries/published-views';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
let data: AuditData;
let views: AuditView[];
let published: AuditReport;
beforeAll(async () => {
	await db.ready();
	data = await fetchAuditData(db);
	views = await publishedViews(db, data);
	published = audit(views, data.records, data.domains);
	console.log(`audit, as published: ${summary(published)}`);
}, 600_000);

const summary = (r: AuditReport) => `${r.views} views, ${r.cells} cells, ${r.populations} populations, ${r.breakdowns} breakdowns, ${r.nestedPairs} nested pairs: ${r.leaks.length} leaks`;

/** A leak in one line: what it gives away, where, and how (the first place it is hidden is enough to find it). */
const line = (l: Leak) => `${l.kind} ${l.value}: ${l.target.split('; ')[0]}`;
const listing = (leaks: Leak[]) => leaks.slice(0, 10).map((l) => `  - ${line(l)}\n      by ${l.how.slice(0, 400)}`).join('\n');

/** The hidden cells issue 9 read off the built site, as the auditor names them. */
const ISSUE_9: [string, number][] = [
	['/?plec=K — OPS Chocianów: uczestnicy', 3],
	['/?status=inactive — OPS Gmina Leszno: uczestnicy', 3],
	['/osrodki/lezajsk/ — labour_status employed', 2]
];
const recovered = (leaks: Leak[], target: string, value: number) => leaks.some((l) => l.kind === 'recovered' && l.value === value && l.target.split('; ').includes(target));

/**
 * Leaks the protection does not close yet, each named exactly (see the report of the change that set this list).
 * All are under a support-form filter, where the differencing guard hides a rate in one view whose parts other views
 * show, or where a cell equals a coarser one (every participant of the group had that support) so no sibling can
 * be hidden for it. Two give a small group away: Chocianów's 2 without new qualifications under social work, and
 * 4 aged 35–44 with social work outside Leżajsk. Fixing one makes this test fail too: take it off the list.
 */
const OPEN: string[] = [
	'recovered 11: /?wsparcie=vocational — MOPS Leżajsk: kobiety: reszta (n − k)',
	'recovered 15: /?wsparcie=educational — MOPS Leżajsk: qualification, razem: licznik',
	'recovered 5: /?wsparcie=health — OPS Świebodzice: kobiety: licznik',
	'recovered 6: /?wsparcie=health — OPS Świebodzice: kobiety: reszta (n − k)',
	'recovered 5: /?wsparcie=health — OPS Świebodzice: education, kobiety: reszta (n − k)',
	'recovered 6: /?wsparcie=health — OPS Świebodzice: education, mężczyźni: reszta (n − k)',
	'recovered 5: /?wsparcie=health — OPS Świebodzice: qualification, kobiety: reszta (n − k)',
	'recovered 6: /?wsparcie=health — OPS Świebodzice: qualification, mężczyźni: reszta (n − k)',
	'recovered 6: /?wsparcie=social_work — OPS Chocianów: qualification, razem: licznik',
	'recovered 2: /?wsparcie=social_work — OPS Chocianów: qualification, razem: reszta (n − k)',
	'difference 4: [age_band=35-44;support_social_work=true] − [age_band=35-44;centre=lezajsk;support_social_work=true]'
];

describe('auditor over every published view', () => {
	it('with only a naive <5 rule, recovers the cells of issue 9 exactly', () => {
		const report = audit(primaryOnly(views, counter(data.records)), data.records, data.domains);
		console.log(`audit, each count on its own (<5 hidden, nothing more): ${summary(report)}`);
		for (const [target, value] of ISSUE_9) expect(recovered(report.leaks, target, value), target).toBe(true);
		expect(report.leaks.some((l) => l.kind === 'difference')).toBe(true);
	}, 180_000);

	it('covers every view: 1552 of them, with their nested pairs and breakdowns', () => {
		expect(published.views, summary(published)).toBe(1552);
		expect(published.nestedPairs, summary(published)).toBeGreaterThan(20_000);
		expect(published.breakdowns, summary(published)).toBeGreaterThan(300_000);
	});

	it('as published, recovers none of the cells of issue 9', () => {
		for (const [target, value] of ISSUE_9) expect(recovered(published.leaks, target, value), `${target} = ${value} recovered:\n${listing(published.leaks)}`).toBe(false);
	});

	it('as published, finds no leak beyond the open ones named above', () => {
		const beyond = published.leaks.filter((l) => !OPEN.includes(line(l)));
		expect(beyond, `${summary(published)}; not on the open list:\n${listing(beyond)}`).toEqual([]);
	});

	it('as published, still finds each open leak (a closed one comes off the list)', () => {
		expect(published.leaks.map(line).sort()).toEqual([...OPEN].sort());
	});
});
