// Build-time answers to the first view's questions, by the very query functions the browser runs later,
// so the prerendered figures and DuckDB's agree by construction.
import type { Database } from '../../src/lib/db/types';
import { fetchOverview } from '../../src/lib/queries/overview';
import { fetchCentre, type CentreDetail } from '../../src/lib/queries/centre';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { populationsSql, type PopulationRow } from '../../src/lib/queries/compare';
import type { Snapshot, SourceEntry } from '../../src/lib/snapshot';

export async function buildSnapshot(db: Database): Promise<Snapshot> {
	const overview = await fetchOverview(db, DEFAULT_FILTERS);
	const centres: Record<string, CentreDetail> = {};
	for (const { centreId } of overview.centres) centres[centreId] = (await fetchCentre(db, centreId))!;
	const priceYears = (await db.query<{ year: number }>({ sql: 'SELECT year FROM price_levels ORDER BY year' })).map((r) => r.year);
	const populations = await db.query<PopulationRow & Record<string, unknown>>(populationsSql(DEFAULT_FILTERS));
	const sources = await db.query<SourceEntry & Record<string, unknown>>({ sql: 'SELECT source_id, kind, title FROM sources ORDER BY kind, source_id' });
	return { overview, centres, priceYears, populations, sources };
}
