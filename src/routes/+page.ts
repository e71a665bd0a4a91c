// The overview's first view comes from build-time aggregates (the same queries, run in Node at build).
import snapshot from '$lib/generated/snapshot.json';
import type { Overview } from '$lib/queries/overview';

export const load = () => ({ overview: snapshot.overview as Overview, priceYears: snapshot.priceYears });
