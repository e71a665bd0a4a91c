// A centre's report, prerendered for every centre from the build-time snapshot; unknown ids are a 404.
import { error } from '@sveltejs/kit';
import { snapshot } from '$lib/snapshot';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => Object.keys(snapshot.centres).map((id) => ({ id }));

export const load: PageLoad = ({ params }) => {
	const detail = snapshot.centres[params.id];
	if (!detail) error(404, 'Nie ma takiego ośrodka.');
	return { detail, overview: snapshot.overview, priceYears: snapshot.priceYears };
};
