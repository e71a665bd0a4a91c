// The build-time snapshot, typed in one place: the first view of every page, computed in Node by the same queries
// the browser runs later (scripts/data/snapshot.ts writes it; its return type is this interface, so the JSON has
// this shape by construction and this is the only cast).
import json from './generated/snapshot.json';
import texts from './generated/source-texts.json';
import type { Overview } from './queries/overview';
import type { CentreDetail } from './queries/centre';
import type { PopulationRow } from './queries/compare';

export interface SourceEntry {
	source_id: string;
	kind: string;
	title: string;
}

export interface Snapshot {
	/** The overview without filters. */
	overview: Overview;
	/** Every centre's page, by centre id. */
	centres: Record<string, CentreDetail>;
	/** Years with a price level: the constant-price bases on offer. */
	priceYears: number[];
	populations: PopulationRow[];
	sources: SourceEntry[];
}

export const snapshot = json as unknown as Snapshot;

/** The copy of each source page kept in the repository, by source id. */
export const sourceTexts: Record<string, string> = texts;
