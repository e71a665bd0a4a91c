// Links inside the site keep the page's language: every internal address is built here.
import { base } from '$app/paths';
import { getLocale, inLocale, type Locale } from './locale';

/** A page's address in the page's language: pageHref('/porownanie/') is '/en/porownanie/' on an English page. */
export const pageHref = (path: string, locale: Locale = getLocale()): string => `${base}${inLocale(path, locale)}`;
