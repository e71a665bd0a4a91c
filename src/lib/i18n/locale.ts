// The interface's language: Polish at /…, English at /en/…. It is fixed for a page's life (the language switch
// reloads the page), so a plain value does, not a rune: the server sets it per request before load and render
// (hooks.server.ts; prerendering renders one page at a time), and the browser reads it once from its address (the
// 404 fallback page is one file for both languages, so <html lang> alone would not do).
export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const PREFIX = /^\/en(?=\/|$)/;

export const getLocale = (): Locale => current;
export function setLocale(next: Locale): void {
	current = next;
}

/** '/en/porownanie/' → 'en'; every other path is Polish (a path here is relative to the site's base). */
export const localeOfPath = (path: string): Locale => (PREFIX.test(path) ? 'en' : 'pl');

let current: Locale = typeof document !== 'undefined' ? localeOfPath(location.pathname) : 'pl';

/** The route's own path, without the language: '/en/porownanie/' → '/porownanie/'. */
export const withoutLocale = (path: string): string => path.replace(PREFIX, '') || '/';

/** A route path in a language: ('/porownanie/', 'en') → '/en/porownanie/'. */
export const inLocale = (path: string, locale: Locale): string => (locale === 'en' ? `/en${withoutLocale(path)}` : withoutLocale(path));

/** BCP 47 tags for Intl, per language. */
export const INTL_LOCALE: Record<Locale, string> = { pl: 'pl-PL', en: 'en-GB' };
