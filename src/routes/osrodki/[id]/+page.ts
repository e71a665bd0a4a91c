// One page per centre, prerendered from the build-time snapshot; unknown ids are a 404.
import { error } from '@sveltejs/kit';
import { snapshot, sourceTexts } from '$lib/snapshot';
import type { EntryGenerator, PageLoad } from './$types';

const centres = snapshot.centres;

export const entries: EntryGenerator = () => Object.keys(centres).map((id) => ({ id }));

export const load: PageLoad = ({ params }) => {
	const detail = centres[params.id];
	if (!detail) error(404, 'Nie ma takiego ośrodka.');
	return { detail, sourceTexts: Object.fromEntries(detail.sources.filter((s) => sourceTexts[s.source_id]).map((s) => [s.source_id, sourceTexts[s.source_id]])) };
};
