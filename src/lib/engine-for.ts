// Which DuckDB an address needs: the national set's (its pages, and the explorer over it) or the five centres'.
// Read before the page hydrates (hooks.client.ts), so only the engine the page will use is started.
import { withoutLocale } from './i18n/locale';
import { PUBLIC_RELEASE } from './release';

export function engineFor(pathname: string, search: string, publicRelease = PUBLIC_RELEASE): 'national' | 'centres' {
	// The public release has no national set: its explorer ignores ?zbior=polska and answers from the five centres.
	if (publicRelease) return 'centres';
	const path = withoutLocale(pathname);
	return path.startsWith('/polska') || (path.startsWith('/sql') && new URLSearchParams(search).get('zbior') === 'polska') ? 'national' : 'centres';
}
