// One page per centre, prerendered from the build-time snapshot; unknown ids are a 404.
import { error } from '@sveltejs/kit';
import snapshot from '$lib/generated/snapshot.json';
import sourceTexts from '$lib/generated/source-texts.json';
import type { CentreDetail } from '$lib/queries/centre';
import type { EntryGenerator, PageLoad } from './$types';

const centres = snapshot.centres as Record<string, CentreDetail>;

export const entries: EntryGenerator = () => Object.keys(centres).map((id) => ({ id }));

export const load: PageLoad = ({ params }) => {
	const detail = centres[params.id];
	if (!detail) error(404, 'Nie ma takiego ośrodka.');
	const texts = sourceTexts as Record<string, string>;
	return { detail, sourceTexts: Object.fromEntries(detail.sources.filter((s) => texts[s.source_id]).map((s) => [s.source_id, texts[s.source_id]])) };
};
