// The shareable part of the view, as URL search params and back. Unknown or invalid values are ignored and
// reported, so an old or mistyped link opens a working page with a notice instead of a broken one.
export interface UrlState {
	view: 'all' | 'published';
}

export const DEFAULT_URL_STATE: UrlState = { view: 'all' };

const VIEW_PARAM = 'widok';
const VIEWS: Record<string, UrlState['view']> = { wszystkie: 'all', opublikowane: 'published' };

export function decodeUrlState(params: URLSearchParams): { state: UrlState; ignored: string[] } {
	const state = { ...DEFAULT_URL_STATE };
	const ignored: string[] = [];
	for (const [key, value] of params) {
		if (key === VIEW_PARAM && value in VIEWS) state.view = VIEWS[value];
		else ignored.push(`${key}=${value}`);
	}
	return { state, ignored };
}

export function encodeUrlState(state: UrlState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.view !== DEFAULT_URL_STATE.view) params.set(VIEW_PARAM, Object.keys(VIEWS).find((k) => VIEWS[k] === state.view)!);
	return params;
}
