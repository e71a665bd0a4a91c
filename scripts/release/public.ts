// `npm run build:public`, after `vite build` into build-public/ with PUBLIC_RELEASE=1: the public release, for
// real data. Disclosure control in the browser cannot protect rows served to the browser, so this release serves
// none. Its pages show only the protected aggregates made at build time by the same rules as the demo (the
// prerendered snapshot); the auditor plays the attacker over everything the release publishes and any leak stops
// it; participant-level files are replaced by empty tables, and the SQL explorer gets the aggregates as tables.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeDatabase } from '../../src/lib/db/node';
import { toArrowIPC } from '../../src/lib/db/arrow';
import type { DataManifest } from '../../src/lib/db/types';
import { PROFILE_DIMENSIONS, type CentreDetail } from '../../src/lib/queries/centre';
import { COMPARE_MAX, COMPARE_MIN } from '../../src/lib/queries/compare';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { restrictOverview, type Overview } from '../../src/lib/queries/overview';
import { centreCells, fetchAuditData, overviewCells } from '../../src/lib/queries/published-views';
import { audit, type AuditView } from '../../src/lib/stats/audit';

const root = resolve(import.meta.dirname, '../..');
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build-public');
const dataDir = join(buildDir, 'data');
/** Tables whose rows describe single participants: never served by this release. */
export const PARTICIPANT_TABLES = ['participants', 'support'] as const;

interface Snapshot {
	overview: Overview;
	centres: Record<string, CentreDetail>;
}

/**
 * What the release publishes, as the auditor sees it: the overview for every centre and narrowed to any set of them
 * (`/?osrodki=…` and the report), every comparison of its centres, each centre.
 */
export function releaseViews(snapshot: Snapshot): AuditView[] {
	const ids = snapshot.overview.centres.map((c) => c.centreId);
	const sets = Array.from({ length: 2 ** ids.length }, (_, mask) => ids.filter((_, i) => mask & (1 << i)));
	const every = sets.filter((s) => s.length > 0 && s.length < ids.length);
	const subsets = sets.filter((s) => s.length >= COMPARE_MIN && s.length <= COMPARE_MAX);
	return [
		{ name: '/', cells: overviewCells(snapshot.overview, DEFAULT_FILTERS) },
		...every.map((centres) => ({ name: `/?osrodki=${centres.join(',')}`, cells: overviewCells(restrictOverview(snapshot.overview, centres), { ...DEFAULT_FILTERS, centres }) })),
		...subsets.map((centres) => ({ name: `/porownanie/?osrodki=${centres.join(',')}`, cells: overviewCells(restrictOverview(snapshot.overview, centres), { ...DEFAULT_FILTERS, centres }) })),
		...ids.map((id) => ({ name: `/osrodki/${id}/`, cells: centreCells(snapshot.centres[id]) }))
	];
}

type Column = (string | number | null)[];

/** The protected aggregates as flat tables for the SQL explorer: NULL where a page shows „<5” or a reason. */
export function protectedTables(snapshot: Snapshot): Record<string, Record<string, Column>> {
	const overview: Record<string, Column> = { centre_id: [], measure: [], kind: [], value: [], k: [], n: [], rate: [], ci_low: [], ci_high: [] };
	for (const centre of snapshot.overview.centres)
		for (const [measure, cell] of Object.entries(centre)) {
			if (!cell || typeof cell !== 'object' || !('kind' in cell)) continue;
			const c = cell as Record<string, unknown>;
			const num = (key: string) => (typeof c[key] === 'number' ? (c[key] as number) : null);
			overview.centre_id.push(centre.centreId);
			overview.measure.push(measure);
			overview.kind.push(String(c.kind));
			overview.value.push(num('value'));
			overview.k.push(num('k'));
			overview.n.push(num('n'));
			overview.rate.push(num('rate'));
			overview.ci_low.push(num('low'));
			overview.ci_high.push(num('high'));
		}
	const profile: Record<string, Column> = { centre_id: [], dimension: [], category: [], participants: [], hidden: [] };
	const support: Record<string, Column> = { centre_id: [], form: [], participants: [], hours: [], cost_pln: [], hidden: [] };
	for (const [id, detail] of Object.entries(snapshot.centres)) {
		for (const dimension of PROFILE_DIMENSIONS)
			for (const cell of detail.profile[dimension]) {
				profile.centre_id.push(id);
				profile.dimension.push(dimension);
				profile.category.push(cell.key);
				profile.participants.push(cell.count);
				profile.hidden.push(cell.suppressed);
			}
		for (const s of detail.support) {
			support.centre_id.push(id);
			support.form.push(s.form);
			support.participants.push(s.participants);
			support.hours.push(s.hours);
			support.cost_pln.push(s.costPln);
			support.hidden.push(s.suppressed);
		}
	}
	return { protected_overview: overview, protected_profile: profile, protected_support: support };
}

/** Columns as Arrow IPC: numbers as DOUBLE, text as VARCHAR, a column of only NULLs as VARCHAR; NULL stays NULL. */
export function toIPC(columns: Record<string, Column>): Uint8Array {
	const vectors = Object.fromEntries(
		Object.entries(columns).map(([name, values]) => [
			name,
			values.some((v) => typeof v === 'number') ? vectorFromArray(values as (number | null)[], new Float64()) : vectorFromArray(values.map((v) => (v === null ? null : String(v))), new Utf8())
		])
	);
	return tableToIPC(new Table(vectors), 'stream');
}

async function main() {
	const snapshot = JSON.parse(readFileSync(join(root, 'src/lib/generated/snapshot.json'), 'utf8')) as Snapshot;
	// The attacker first: the full rows are here at build time, and the release is judged against them.
	const db = createNodeDatabase(join(root, 'static/data'));
	const data = await fetchAuditData(db);
	const views = releaseViews(snapshot);
	const report = audit(views, data.records, data.domains);
	if (report.leaks.length) {
		console.error(`✗ public release: the auditor recovers ${report.leaks.length} hidden figure(s):`);
		for (const leak of report.leaks.slice(0, 20)) console.error(`  - ${leak.target} = ${leak.value}: ${leak.how}`);
		process.exit(1);
	}

	const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as DataManifest;
	const write = (name: string, ipc: Uint8Array) => {
		const file = `${name}.${createHash('sha256').update(ipc).digest('hex').slice(0, 10)}.arrow`;
		writeFileSync(join(dataDir, file), ipc);
		return { name, file, rows: 0, bytes: ipc.byteLength };
	};
	const aggregates = protectedTables(snapshot);
	// Every copy of a replaced file goes, the precompressed ones too (and an earlier run's, so a rerun is the same).
	const replaced = [...PARTICIPANT_TABLES, ...Object.keys(aggregates)];
	for (const file of readdirSync(dataDir).filter((f) => replaced.some((name) => f.startsWith(`${name}.`)))) rmSync(join(dataDir, file));
	const tables = manifest.tables
		.filter((table) => !(table.name in aggregates))
		// An empty table keeps the schema, so queries and the user's own imports still find it.
		.map((table) => ((PARTICIPANT_TABLES as readonly string[]).includes(table.name) ? write(table.name, toArrowIPC(table.name as (typeof PARTICIPANT_TABLES)[number], [])) : table));
	for (const [name, columns] of Object.entries(aggregates)) tables.push({ ...write(name, toIPC(columns)), rows: Object.values(columns)[0].length });
	writeFileSync(join(dataDir, 'manifest.json'), JSON.stringify({ release: 'public', tables }, null, '\t'));
	for (const suffix of ['.br', '.gz']) rmSync(join(dataDir, `manifest.json${suffix}`), { force: true });
	// The national synthetic set (its cube and each voivodeship's participant rows) is the demo's, never the release's.
	rmSync(join(buildDir, 'national'), { recursive: true, force: true });
	console.log(`✓ public release in ${buildDir}: no participant rows; ${report.views} views audited (${report.cells} cells, ${report.nestedPairs} nested pairs), no leak`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
