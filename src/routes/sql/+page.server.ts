// The explorer's choice of a voivodeship's participant rows names each voivodeship: 16 names taken at build time
// from the national summary (the browser never loads it). The public release has no national set, so none.
import summaryJson from '$lib/generated/national.json';
import type { NationalSummary } from '$lib/national';
import { PUBLIC_RELEASE } from '$lib/release';
import type { PageServerLoad } from './$types';

const summary = summaryJson as unknown as NationalSummary;

export const load: PageServerLoad = () => ({
	regions: PUBLIC_RELEASE ? [] : summary.voivodeships.map((v) => ({ code: v.code, name: v.name }))
});
