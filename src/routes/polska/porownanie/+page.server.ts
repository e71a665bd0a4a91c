// The national compare view: its centres to pick from are the country page's (every centre, short rows), built
// once; which centres are compared lives in the address (?osrodki=), read in the browser.
import summaryJson from '$lib/generated/national.json';
import { nationalPage, withCountryName, type NationalSummary } from '$lib/national';
import { ui } from '$lib/i18n';
import { PUBLIC_RELEASE } from '$lib/release';
import type { PageServerLoad } from './$types';

const summary = summaryJson as unknown as NationalSummary;

// The national set is a synthetic demo; the public release leaves it out.
export const prerender = !PUBLIC_RELEASE;

const country = nationalPage(summary)!;

export const load: PageServerLoad = () => ({ page: withCountryName(country, ui.national.country) });
