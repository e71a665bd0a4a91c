// The compare view's first paint comes from the build-time snapshot, like the overview's.
import { snapshot } from '$lib/snapshot';

export const load = () => ({ overview: snapshot.overview, populations: snapshot.populations, priceYears: snapshot.priceYears });
