// The overview's first view comes from build-time aggregates (the same queries, run in Node at build).
import { snapshot } from '$lib/snapshot';

export const load = () => ({ overview: snapshot.overview, priceYears: snapshot.priceYears });
