// The notes our team wrote beside published figures and editions (data/editions.csv, data/figures.csv), in the
// page's language. The Polish note is the data; the English one is our translation of it, keyed by the same row,
// and tests/unit/data-notes.test.ts fails when a note in data/ has none. The source's own words in a note are
// translated too, in English quotes.
import { getLocale } from './locale';

/** Edition notes by edition_id. */
const EDITION_NOTES_EN: Record<string, string> = {
	'swiebodzice-2008': 'The page gives only the start of the project; no figures for 2008.',
	'lezajsk-2008': 'The year follows from “the fourth year in a row” in 2011; the page gives no figures for this year.',
	'lezajsk-2009': 'The year follows from “the fourth year in a row” in 2011; the page gives no figures for this year.',
	'lezajsk-2010': 'The year follows from “the fourth year in a row” in 2011; the page gives no figures for this year.',
	'leszno-bez-roku': 'The page gives no year: “this year” with no date of publication.',
	'janow-lubelski-2013': 'The start of the activation is given ambiguously (“from July May”), so the dates stay empty.'
};

/** Figure notes by `${edition_id}:${figure}`. */
const FIGURE_NOTES_EN: Record<string, string> = {
	'swiebodzice-2009:staff_hired': 'The page does not say in which year the staff were hired; assigned to the 2009 edition the page is about.',
	'lezajsk-2011:participants_employed': 'Work taken up “while the project was still running”.',
	'leszno-bez-roku:edition_ordinal': 'The page speaks of the “second systemic project”, not of an edition.',
	'janow-lubelski-2013:budget_pln': 'The page speaks of the budget of “the whole project” while writing about 2013; assigned to the 2013 edition.'
};

export const EDITION_NOTE_KEYS = Object.keys(EDITION_NOTES_EN);
export const FIGURE_NOTE_KEYS = Object.keys(FIGURE_NOTES_EN);

/** An edition's note in the page's language; the Polish note where no translation exists (the test forbids that). */
export const editionNote = (edition: { edition_id: string; note: string | null }): string | null =>
	edition.note && getLocale() === 'en' ? (EDITION_NOTES_EN[edition.edition_id] ?? edition.note) : edition.note;

export const figureNote = (figure: { edition_id: string; figure: string; note: string | null }): string | null =>
	figure.note && getLocale() === 'en' ? (FIGURE_NOTES_EN[`${figure.edition_id}:${figure.figure}`] ?? figure.note) : figure.note;
