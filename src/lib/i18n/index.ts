// The interface's strings in the page's language. `ui` reads like the table itself (`ui.site.title`) but looks
// the key up in the current language's table at the moment it is read, so code evaluated per page (components,
// query helpers called from them) speaks the page's language. Module top-level code runs once per process and must
// not read it: it would freeze the first page's language into every later one.
import { en } from './en';
import { getLocale, type Locale } from './locale';
import { pl, type Messages } from './pl';

const TABLES: Record<Locale, Messages> = { pl, en };

export const messagesFor = (locale: Locale): Messages => TABLES[locale];

export const ui: Messages = new Proxy({} as Messages, {
	get: (_, key) => Reflect.get(TABLES[getLocale()], key),
	has: (_, key) => Reflect.has(TABLES[getLocale()], key),
	ownKeys: () => Reflect.ownKeys(TABLES[getLocale()]),
	getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(TABLES[getLocale()], key)
});

export { setLocale, getLocale, localeOfPath, withoutLocale, inLocale, INTL_LOCALE, LOCALES, type Locale } from './locale';
