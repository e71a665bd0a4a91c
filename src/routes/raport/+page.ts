// The comparison report's first view comes from the build-time snapshot, like the overview's; each centre's sources
// come along for the report's list.
import { snapshot } from '$lib/snapshot';

export const load = () => ({
	overview: snapshot.overview,
	priceYears: snapshot.priceYears,
	sources: Object.fromEntries(Object.entries(snapshot.centres).map(([id, detail]) => [id, detail.sources]))
});
