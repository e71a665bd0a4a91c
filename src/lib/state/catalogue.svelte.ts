// The centres and edition years the filters offer: the build's list first, then DuckDB's, which also holds the
// user's imported centres and editions. Refreshed after each import or removal.
import { snapshot } from '../snapshot';
import type { Database } from '../db/types';
import { catalogueCentresSql, catalogueYearsSql } from '../queries/catalogue';

export interface CentreEntry {
	id: string;
	name: string;
}

const built = snapshot.overview;
const byYear = (a: number | null, b: number | null) => (a ?? 9999) - (b ?? 9999);

class Catalogue {
	centres = $state.raw<CentreEntry[]>(built.centres.map((c) => ({ id: c.centreId, name: c.shortName })));
	years = $state.raw<(number | null)[]>([...new Set(built.editions.map((e) => e.year))].sort(byYear));

	async refresh(db: Database) {
		const centres = await db.query<{ centre_id: string; short_name: string }>(catalogueCentresSql);
		const years = await db.query<{ year: number | null }>(catalogueYearsSql);
		this.centres = centres.map((c) => ({ id: c.centre_id, name: c.short_name }));
		this.years = years.map((y) => y.year).sort(byYear);
	}
}

export const catalogue = new Catalogue();
