// The SQL explorer's shareable state as search params and back: which dataset it answers from (`zbior=polska`;
// absent, the five centres), which voivodeship's participant rows the national set has loaded (`wojewodztwo=18`),
// and the query (`q`). A parameter this build cannot honour is ignored and reported, as on the other pages.

export type ExplorerDataset = 'centres' | 'national';

export interface ExplorerUrl {
	dataset: ExplorerDataset;
	/** 2-digit TERC code; only with the national set. */
	region: string | null;
	query: string;
}

const DATASET_PARAM = 'zbior';
const NATIONAL = 'polska';
const REGION_PARAM = 'wojewodztwo';

/**
 * @param national whether this build has the national set (the public release has not)
 * @param regions the voivodeships whose participant rows it has
 */
export function decodeExplorerUrl(params: URLSearchParams, { national, regions }: { national: boolean; regions: readonly string[] }): { state: ExplorerUrl; ignored: string[] } {
	const ignored: string[] = [];
	const asked = params.get(DATASET_PARAM);
	const dataset: ExplorerDataset = national && asked === NATIONAL ? 'national' : 'centres';
	if (asked !== null && dataset !== 'national') ignored.push(`${DATASET_PARAM}=${asked}`);
	const region = params.get(REGION_PARAM);
	const known = region !== null && dataset === 'national' && regions.includes(region);
	if (region !== null && !known) ignored.push(`${REGION_PARAM}=${region}`);
	return { state: { dataset, region: known ? region : null, query: params.get('q') ?? '' }, ignored };
}

/** The search string of a state ('' for the five centres and no query), in a fixed order, so a link reads the same. */
export function encodeExplorerUrl({ dataset, region, query }: ExplorerUrl): string {
	const params = new URLSearchParams();
	if (dataset === 'national') {
		params.set(DATASET_PARAM, NATIONAL);
		if (region) params.set(REGION_PARAM, region);
	}
	if (query) params.set('q', query);
	const search = params.toString().replace(/\+/g, '%20');
	return search ? `?${search}` : '';
}
