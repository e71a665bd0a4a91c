// A count and its noun in the right form (1 osoba, 2 osoby, 5 osób, 22 osoby, 1,5 osoby; 1 person, 2 people), by
// the CLDR rules in Intl.PluralRules. The nouns' forms live in i18n/<language>.ts; every count that meets a noun comes here.
import { getLocale } from '../i18n/locale';
import { formatNumber } from './number';

/** A noun's forms in some language: `other` always, and each further CLDR category that language's rules pick. */
export type PluralForms = { other: string } & { [C in Intl.LDMLPluralRule]?: string };

/** A noun's forms for CLDR's Polish plural categories: one (1), few (2–4, 22–24, …), many (0, 5–21, 25, …), other (fractions). */
export interface NounForms {
	one: string;
	few: string;
	many: string;
	other: string;
}

/** A noun's forms for CLDR's English plural categories: one (1), other (0, 2, 21, 1.5, …). */
export interface EnglishNounForms {
	one: string;
	other: string;
}

/** `nounFor` and `formatCount` for one language: its plural rules, its forms and its number format. */
export function pluralsFor<F extends PluralForms>(locale: string, formatDefault: (value: number) => string) {
	const rules = new Intl.PluralRules(locale);
	const nounFor = (count: number, forms: F): string => forms[rules.select(count)] ?? forms.other;
	const formatCount = (count: number, forms: F, format: (value: number) => string = formatDefault): string => `${format(count)} ${nounFor(count, forms)}`;
	return { nounFor, formatCount };
}

const polish = pluralsFor<NounForms>('pl-PL', formatNumber);
const english = pluralsFor<EnglishNounForms>('en-GB', new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format);
const forLocale = () => (getLocale() === 'en' ? (english as unknown as typeof polish) : polish);

/** The form of `forms` that goes with `count`, by the page's language's rules. */
export const nounFor = (count: number, forms: PluralForms): string => forLocale().nounFor(count, forms as NounForms);

/** "8 osób", "1 wiersz", "2 504 wiersze" (or "8 people", "2,504 rows"): the count in the page's notation, then its noun. */
export const formatCount = (count: number, forms: PluralForms, format?: (value: number) => string): string =>
	forLocale().formatCount(count, forms as NounForms, format);

/** The English form of `forms` that goes with `count`. */
export const englishNounFor = english.nounFor;

/** "8 people", "1 row", "2,504 rows": English rules, whatever the page's language (the English table's own counts). */
export const formatEnglishCount = english.formatCount;
