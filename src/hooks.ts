// English pages live under /en/ and are the same routes as the Polish ones: the prefix chooses the language
// (i18n/locale.ts), not the page, so one route file serves both and a link carries its language.
import type { Reroute } from '@sveltejs/kit';
import { withoutLocale } from '$lib/i18n/locale';

export const reroute: Reroute = ({ url }) => withoutLocale(url.pathname);
