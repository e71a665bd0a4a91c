// The national synthetic set's engine files (static/national/manifest.json, written by scripts/national): its
// tables, which the one DuckDB door loads as they are, and each voivodeship's participant rows on their own.
import type { DataManifest } from './types';

export interface NationalFile {
	name: string;
	file: string;
	rows: number;
	bytes: number;
	gzipBytes: number;
	/** 2-digit TERC code of the voivodeship whose rows the file holds; absent for national files. */
	voivodeship?: string;
	/** Only one engine loads it: the national pages', or the explorer's (a table's full form). Absent: both. */
	audience?: 'pages' | 'explorer';
}

export interface NationalManifest extends DataManifest {
	/** The explorer's tables: every table of the set, whole. */
	tables: NationalFile[];
	/** The national pages' tables: what their figures and filters read (the cube and its strata, once), and no more. */
	pages: NationalFile[];
	regions: NationalFile[];
}

/**
 * What an engine over the national set loads: its tables and, for a regional view, that one voivodeship's rows as
 * the table `participants` (a country's million rows would not fit a tab; a region's are 2–9 MB).
 */
export function nationalTables(manifest: NationalManifest, region: string | null): DataManifest {
	if (region === null) return { tables: manifest.tables };
	const rows = manifest.regions.find((r) => r.voivodeship === region);
	if (!rows) throw new Error(`No participant rows for voivodeship ${region} in the national manifest`);
	return { tables: [...manifest.tables, { ...rows, name: 'participants' }] };
}
