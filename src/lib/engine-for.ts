// Which DuckDB an address needs: the national set's (its pages, and the explorer over it) or the five centres'.
// Read before the page hydrates (hooks.client.ts), so only the engine the page will use is started.
import { withoutLocale } from './i18n/locale';

export function engineFor(pathname: string, search: string): 'national' | 'centres' {
	const path = withoutLocale(pathname);
	return path.startsWith('/polska') || (path.startsWith('/sql') && new URLSearchParams(search).get('zbior') === 'polska') ? 'national' : 'centres';
}
