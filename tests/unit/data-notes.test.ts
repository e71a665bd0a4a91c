// Every note our team wrote in data/ has its English translation, and no translation is left for a note that is gone.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { EDITION_NOTE_KEYS, FIGURE_NOTE_KEYS, editionNote, figureNote } from '../../src/lib/i18n/data-notes';
import { setLocale } from '../../src/lib/i18n/locale';

const rows = (file: string) => parse(readFileSync(new URL(`../../data/${file}`, import.meta.url)), { columns: true }) as Record<string, string>[];
const editions = rows('editions.csv').filter((r) => r.note);
const figures = rows('figures.csv').filter((r) => r.note);

afterEach(() => setLocale('pl'));

describe('notes in data/ in English', () => {
	it('has exactly the notes data/ has', () => {
		expect(editions.length).toBeGreaterThan(0);
		expect([...EDITION_NOTE_KEYS].sort()).toEqual(editions.map((e) => e.edition_id).sort());
		expect([...FIGURE_NOTE_KEYS].sort()).toEqual(figures.map((f) => `${f.edition_id}:${f.figure}`).sort());
	});

	it.each([...editions.map((e) => ['edition', e] as const), ...figures.map((f) => ['figure', f] as const)])('%s note %#: Polish on Polish pages, English without Polish letters on English ones', (kind, row) => {
		const note = (r: Record<string, string>) => (kind === 'edition' ? editionNote({ edition_id: r.edition_id, note: r.note }) : figureNote({ edition_id: r.edition_id, figure: r.figure, note: r.note }));
		expect(note(row)).toBe(row.note);
		setLocale('en');
		const english = note(row);
		expect(english).not.toBe(row.note);
		expect(english).not.toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„]/u);
	});
});
