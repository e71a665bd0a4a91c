// Each request (each prerendered page) is rendered in the language of its address, and says so in <html lang>.
import type { Handle } from '@sveltejs/kit';
import { localeOfPath, setLocale } from '$lib/i18n/locale';

export const handle: Handle = ({ event, resolve }) => {
	const locale = localeOfPath(event.url.pathname);
	setLocale(locale);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};
