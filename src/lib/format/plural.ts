// A count and its noun in the right Polish form (1 osoba, 2 osoby, 5 osób, 22 osoby, 1,5 osoby), by the
// CLDR rules in Intl.PluralRules. The nouns' forms live in i18n/pl.ts; every count that meets a noun comes here.
import { formatNumber } from './number';

/** A noun's forms for CLDR's Polish plural categories: one (1), few (2–4, 22–24, …), many (0, 5–21, 25, …), other (fractions). */
export interface NounForms {
	one: string;
	few: string;
	many: string;
	other: string;
}

const rules = new Intl.PluralRules('pl-PL');

/** The form of `forms` that goes with `count`. */
export const nounFor = (count: number, forms: NounForms): string => forms[rules.select(count) as keyof NounForms] ?? forms.other;

/** "8 osób", "1 wiersz", "2 504 wiersze": the count in the Polish locale, then its noun. */
export const formatCount = (count: number, forms: NounForms, format: (value: number) => string = formatNumber): string => `${format(count)} ${nounFor(count, forms)}`;
