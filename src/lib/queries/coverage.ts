// Which editions a centre's figures cover: its sums run over the editions that publish a head count (the synthetic
// rows exist only for those), so where that is fewer than the editions shown, the row has to say which ones.
import type { EditionParticipants } from './overview';

export interface Coverage {
	/** Years of the covered editions, in order; null for an edition without a known year. */
	years: (number | null)[];
	/** Editions of the centre in the view. */
	of: number;
}

/** The editions behind a centre's figures, or null where they are all its editions (or none, so nothing is shown). */
export function editionCoverage(editions: Pick<EditionParticipants, 'centreId' | 'year' | 'participants'>[], centreId: string): Coverage | null {
	const own = editions.filter((e) => e.centreId === centreId);
	const covered = own.filter((e) => e.participants !== null);
	if (!covered.length || covered.length === own.length) return null;
	return { years: covered.map((e) => e.year).sort((a, b) => (a ?? Infinity) - (b ?? Infinity)), of: own.length };
}
