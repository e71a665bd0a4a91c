// The compare view's first paint comes from the build-time snapshot, like the overview's.
import snapshot from '$lib/generated/snapshot.json';
import type { Overview } from '$lib/queries/overview';
import type { PopulationRow } from '$lib/queries/compare';

export const load = () => ({ overview: snapshot.overview as Overview, populations: snapshot.populations as PopulationRow[], priceYears: snapshot.priceYears });
