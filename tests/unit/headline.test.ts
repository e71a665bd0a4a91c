// The overview's headline: tiles and sentence generated from the overview answer, on the real engine and on
// hand-made answers for the cases the demo data never reaches (plurals, a hidden total, no budget at all).
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/queries/filters';
import { fetchOverview, type CentreSummary, type Overview } from '../../src/lib/queries/overview';
import { headline, isFigure, sentenceText, type Figure, type Tile, type TileId } from '../../src/lib/summary/headline';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
beforeAll(() => db.ready(), 60_000);

const view = (partial: Partial<Filters>) => fetchOverview(db, { ...DEFAULT_FILTERS, ...partial });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const tile = (tiles: Tile[], id: TileId) => tiles.find((t) => t.id === id)!;
const figure = (t: Tile) => {
	if (!isFigure(t.value)) throw new Error(`${t.id} has no figure: ${t.value.missing}`);
	return t.value;
};

describe('headline of the whole overview', () => {
	it('states participants, pooled employment with n and interval, published budgets and the cost range', async () => {
		const { tiles, sentence } = headline(await view({}), 'all');
		expect(figure(tile(tiles, 'participants'))).toEqual({ text: '98', provenance: { kind: 'published', sources: ['chocianow-page', 'janow-lubelski-page', 'leszno-page', 'lezajsk-page', 'swiebodzice-page'], derived: false } });
		// Leżajsk 3 of 25 (published) and Leszno 0 of 10 (synthetic); three centres' rates are hidden, never pooled.
		const employment = tile(tiles, 'employment');
		expect(figure(employment)).toEqual({ text: '9%', provenance: { kind: 'synthetic', withPublished: true } });
		expect(employment.detail.map(plain)).toEqual(['3 z 35; 95% PU 3–22%', '2 z 5 ośrodków; pozostałe: ukryte']);
		expect(plain(figure(tile(tiles, 'budgets')).text)).toBe('738 821,31 zł');
		expect(figure(tile(tiles, 'budgets')).provenance).toEqual({ kind: 'published', sources: ['janow-lubelski-page', 'lezajsk-page'], derived: true });
		expect(plain(tile(tiles, 'budgets').detail[0])).toBe('2 z 5 ośrodków: OPS Janów Lubelski, MOPS Leżajsk');
		expect(plain(figure(tile(tiles, 'cost')).text)).toBe('9552,86 zł – 15 414,61 zł');
		expect(figure(tile(tiles, 'cost')).provenance).toMatchObject({ kind: 'published', derived: true });
		expect(plain(sentenceText(sentence))).toBe(
			'98 uczestników w wyborze; po zakończeniu udziału pracowało 9% (częściowo syntetyczne) (3 z 35; 95% PU 3–22%), liczone w 2 z 5 ośrodków; OPS Chocianów, OPS Janów Lubelski, OPS Świebodzice: ukryte. ' +
				'Opublikowane budżety (2 z 5 ośrodków): razem 738 821,31 zł; koszt na uczestnika od 9552,86 zł (OPS Janów Lubelski) do 15 414,61 zł (MOPS Leżajsk).'
		);
	});

	it('puts the tiles’ own figure objects in the sentence, so their numbers cannot differ', async () => {
		const { tiles, sentence } = headline(await view({}), 'all');
		const inSentence = sentence.filter((p): p is Figure => typeof p !== 'string' && isFigure(p));
		for (const id of ['participants', 'employment', 'budgets'] as const) expect(inSentence).toContain(tile(tiles, id).value);
		const cost = figure(tile(tiles, 'cost')).text;
		for (const end of cost.split(' – ')) expect(inSentence.map((f) => f.text)).toContain(end);
	});

	it('keeps only published figures in the "published only" view', async () => {
		const { tiles, sentence } = headline(await view({}), 'published');
		expect(figure(tile(tiles, 'employment'))).toEqual({ text: '12%', provenance: { kind: 'published', sources: ['lezajsk-page'], derived: false } });
		expect(tile(tiles, 'employment').detail.map(plain)).toEqual(['3 z 25; 95% PU 4–30%', '1 z 5 ośrodków; pozostałe: syntetyczne — ukryte']);
		expect(plain(sentenceText(sentence))).toContain('liczone w 1 z 5 ośrodków; OPS Chocianów, OPS Janów Lubelski, OPS Gmina Leszno, OPS Świebodzice: syntetyczne — ukryte.');
		expect(sentenceText(sentence)).not.toContain('syntetyczne)');
		expect(figure(tile(tiles, 'participants')).provenance.kind).toBe('published');
	});
});

describe('headline under filters', () => {
	it('under a participant filter: synthetic participants, and budgets and cost left out as whole-edition figures', async () => {
		const { tiles, sentence } = headline(await view({ sex: ['K'] }), 'all');
		expect(figure(tile(tiles, 'participants')).provenance).toEqual({ kind: 'synthetic' });
		expect(tile(tiles, 'budgets').value).toEqual({ missing: 'whole_edition_only' });
		expect(tile(tiles, 'cost').value).toEqual({ missing: 'whole_edition_only' });
		const text = sentenceText(sentence);
		expect(text).toContain('(syntetyczne)');
		expect(text).toContain('Budżety i koszty: dotyczy całej edycji: pominięte przy filtrze uczestników.');
	});

	it('at 18–24, with no one from Chocianów and every other rate hidden, the employment tile says hidden, not „no one”', async () => {
		const overview = await view({ ageBands: ['18-24'] });
		expect(overview.centres.find((c) => c.centreId === 'chocianow')!.employment).toEqual({ kind: 'omitted', reason: 'no_one_selected' });
		const { tiles, sentence } = headline(overview, 'all');
		expect(tile(tiles, 'employment').value).toEqual({ missing: 'hidden_small' });
		expect(sentenceText(sentence)).toContain('Odsetek pracujących po zakończeniu udziału: ukryte.');
		expect(sentenceText(sentence)).not.toContain('nikt w tym wyborze.');
	});

	it('the same filter in the "published only" view shows no synthetic figure at all', async () => {
		const { tiles, sentence } = headline(await view({ sex: ['K'] }), 'published');
		expect(tile(tiles, 'participants').value).toEqual({ missing: 'published_only' });
		expect(tile(tiles, 'employment').value).toEqual({ missing: 'published_only' });
		expect(sentenceText(sentence)).not.toMatch(/\d+%/);
	});

	it('under a form-of-support filter: the total and the rates are omitted, with that reason', async () => {
		const { tiles } = headline(await view({ supportForms: ['financial'] }), 'all');
		expect(tile(tiles, 'participants').value).toEqual({ missing: 'overlapping_support' });
		expect(tile(tiles, 'employment').value).toEqual({ missing: 'overlapping_support' });
	});

	it('one centre with a budget: its published budget as stated, the cost as one derived figure', async () => {
		const { tiles, sentence } = headline(await view({ centres: ['lezajsk'] }), 'all');
		expect(figure(tile(tiles, 'budgets'))).toEqual({ text: expect.stringMatching(/^385\s365,31\szł$/), provenance: { kind: 'published', sources: ['lezajsk-page'], derived: false } });
		expect(plain(figure(tile(tiles, 'cost')).text)).toBe('15 414,61 zł');
		expect(plain(tile(tiles, 'participants').detail[0])).toBe('liczby z 1 z 4 edycji (pozostałe: nie opublikowano)');
		expect(plain(sentenceText(sentence))).toContain('Opublikowany budżet (1 z 1 ośrodka): 385 365,31 zł; koszt na uczestnika: 15 414,61 zł.');
	});

	it('a centre without a published budget: „nie opublikowano”, never 0', async () => {
		const { tiles, sentence } = headline(await view({ centres: ['chocianow', 'swiebodzice'] }), 'all');
		expect(tile(tiles, 'budgets').value).toEqual({ missing: 'not_published' });
		expect(tile(tiles, 'cost').value).toEqual({ missing: 'not_published' });
		expect(sentenceText(sentence)).toContain('Żaden z 2 ośrodków w wyborze nie opublikował budżetu');
		// Both rates hidden: no pooled figure, and the tile says why.
		expect(tile(tiles, 'employment').value).toEqual({ missing: 'hidden_small' });
	});
});

describe('headline on hand-made answers', () => {
	const centre = (id: string, participants: number, employed: [number, number] | null): CentreSummary => ({
		centreId: id,
		shortName: id,
		name: id,
		firstYear: 2010,
		lastYear: 2010,
		editions: 1,
		editionsWithoutYear: 0,
		participants: { kind: 'published', value: participants, sources: [`${id}-page`] },
		women: { kind: 'unknown' },
		completion: { kind: 'unknown' },
		employment: employed ? { kind: 'synthetic', k: employed[0], n: employed[1], sources: [], rate: employed[0] / employed[1], low: 0, high: 1 } : { kind: 'suppressed' },
		budget: { kind: 'unknown' },
		costPerParticipant: { kind: 'unknown' },
		costPerEmployed: { kind: 'unknown' }
	});
	const answer = (selection: Overview['selection'], centres: CentreSummary[]): Overview => ({
		centres,
		selection,
		editions: centres.map((c) => ({ editionId: c.centreId, centreId: c.centreId, shortName: c.shortName, year: 2010, participants: 1, socialContracts: null, localActivity: null, budget: null, employed: null, sourceId: `${c.centreId}-page` })),
		supportMix: [],
		outcomes: []
	});

	it.each([
		[1, '1 uczestnik w wyborze'],
		[2, '2 uczestników w wyborze'],
		[5, '5 uczestników w wyborze'],
		[21, '21 uczestników w wyborze'],
		[22, '22 uczestników w wyborze'],
		[25, '25 uczestników w wyborze']
	])('%d participants: „%s”', (n, text) => {
		const { sentence } = headline(answer({ kind: 'published', value: n, sources: ['a-page'] }, [centre('a', n, null)]), 'all');
		expect(sentenceText(sentence)).toContain(text);
	});

	it.each([
		[1, '1 z 1 ośrodka'],
		[2, '2 z 2 ośrodków'],
		[5, '5 z 5 ośrodków'],
		[22, '22 z 22 ośrodków']
	])('%d centres, all rates shown: „%s”', (n, text) => {
		const centres = Array.from({ length: n }, (_, i) => centre(`c${i}`, 10, [5, 10]));
		const { tiles } = headline(answer({ kind: 'synthetic', value: 10 * n }, centres), 'all');
		expect(tile(tiles, 'employment').detail[1]).toBe(text);
		expect(figure(tile(tiles, 'employment')).text).toBe('50%');
		expect(figure(tile(tiles, 'employment')).provenance).toEqual({ kind: 'synthetic' });
	});

	it.each([
		[1, '1 ośrodek w wyborze'],
		[2, '2 ośrodki w wyborze'],
		[5, '5 ośrodków w wyborze'],
		[22, '22 ośrodki w wyborze'],
		[25, '25 ośrodków w wyborze']
	])('%d centres: the participants tile says „%s”', (n, text) => {
		const centres = Array.from({ length: n }, (_, i) => centre(`c${i}`, 10, null));
		const { tiles } = headline(answer({ kind: 'published', value: 10 * n, sources: ['a-page'] }, centres), 'all');
		expect(tile(tiles, 'participants').detail).toEqual([text]);
	});

	it('a hidden total shows „ukryte” in its tile and the sentence', () => {
		const { tiles, sentence } = headline(answer({ kind: 'suppressed' }, [centre('a', 3, null)]), 'all');
		expect(tile(tiles, 'participants').value).toEqual({ missing: 'hidden_small' });
		expect(sentenceText(sentence)).toContain('Liczba uczestników w wyborze: ukryte.');
	});

	it('marks figures from the user’s own rows as such', () => {
		const from = centre('a', 10, [5, 10]);
		const imported = { ...from, employment: { ...from.employment, imported: 'all' } as CentreSummary['employment'] };
		const { tiles, sentence } = headline(answer({ kind: 'synthetic', value: 10, imported: 'all' }, [imported]), 'all');
		expect(figure(tile(tiles, 'participants')).provenance).toEqual({ kind: 'synthetic', imported: 'all' });
		expect(figure(tile(tiles, 'employment')).provenance).toEqual({ kind: 'synthetic', imported: 'all' });
		expect(sentenceText(sentence)).toContain('10 (z pliku)');
	});
});
