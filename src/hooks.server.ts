// Each request (each prerendered page) is rendered in the language of its address, and says so in <html lang>;
// its head names DuckDB's worker (hashed at build time), to start it before the app's scripts.
import type { Handle } from '@sveltejs/kit';
import { localeOfPath, setLocale } from '$lib/i18n/locale';
import { duckdbWorkerUrl } from '$lib/db/browser';

export const handle: Handle = ({ event, resolve }) => {
	const locale = localeOfPath(event.url.pathname);
	setLocale(locale);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%duckdb.worker%', duckdbWorkerUrl) });
};
