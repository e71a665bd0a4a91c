// The national pages, one per unit (Poland, 16 voivodeships, 380 powiats), prerendered at build time from the
// protected national summary; their maps are drawn here as SVG paths, so a page needs no JavaScript to show them.
import { error } from '@sveltejs/kit';
import summaryJson from '$lib/generated/national.json';
import shapesJson from '$lib/generated/national-shapes.json';
import { nationalPage, withCountryName, type NationalSummary } from '$lib/national';
import { ui } from '$lib/i18n';
import { drawShapes, type NationalShapes } from '$lib/maps/geometry';
import { PUBLIC_RELEASE } from '$lib/release';
import type { EntryGenerator, PageServerLoad } from './$types';

const summary = summaryJson as unknown as NationalSummary;
const shapes = shapesJson as unknown as NationalShapes;

// The national set is a synthetic demo; the public release is for real figures and leaves it out (and is built
// the faster for it: these are 794 of its pages in two languages).
export const prerender = !PUBLIC_RELEASE;

export const entries: EntryGenerator = () => [
	{},
	...summary.voivodeships.map((v) => ({ voivodeship: v.code })),
	...summary.powiats.map((p) => ({ voivodeship: p.code.slice(0, 2), powiat: p.code }))
];

/** Each unit's page and map, made once: the English twin of a page is the same data in other words. */
const made = new Map<string, ReturnType<typeof make>>();

function make(voivodeship: string | undefined, powiat: string | undefined) {
	const page = nationalPage(summary, voivodeship, powiat);
	if (!page) return null;
	// Poland: its voivodeships; a voivodeship: its powiats; a powiat: its own outline among its neighbours.
	const code = page.unit.code;
	const features =
		page.level === 'country'
			? shapes.voivodeships
			: page.level === 'voivodeship'
				? shapes.powiats.filter((p) => p.properties.code.startsWith(code))
				: shapes.powiats.filter((p) => p.properties.code.startsWith(code.slice(0, 2)));
	return { page, map: { shapes: drawShapes(features, 600, 560), width: 600, height: 560 } };
}

export const load: PageServerLoad = ({ params }) => {
	const key = `${params.voivodeship ?? ''}/${params.powiat ?? ''}`;
	if (!made.has(key)) made.set(key, make(params.voivodeship, params.powiat));
	const data = made.get(key);
	if (!data) error(404, 'Nie ma takiej jednostki.');
	return { ...data, page: withCountryName(data.page, ui.national.country) };
};
