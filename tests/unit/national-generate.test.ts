// The national demo set: one centre per gmina, about a million participants, the same rows for the same seed
// whichever voivodeships are generated, and the five real centres exactly as the project's own data has them.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../scripts/data/index';
import { readTerc } from '../../scripts/national/register';
import { buildCube } from '../../scripts/national/cube';
import { centreName, generateNational, nationalPlan, NATIONAL_DEFAULTS, NATIONAL_SOURCE } from '../../scripts/national/generate';

const data = resolve(import.meta.dirname, '../../data');
const register = readTerc(`${data}/registers/terc-2020-01-01.csv`);
const real = loadData(data);
const digest = (rows: unknown[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
/** Podkarpackie (Leżajsk's voivodeship) and lubelskie (Janów Lubelski's): two real centres among ~370 synthetic. */
const REGIONS = ['18', '06'];

describe('national plan', () => {
	const plan = nationalPlan(register, real);
	const total = plan.reduce((s, p) => s + p.sizes.reduce((a, b) => a + b, 0), 0);

	it('gives every gmina but the five real ones a synthetic centre, about 1,000,000 participants in all', () => {
		expect(plan).toHaveLength(2477 - 5);
		expect(new Set(plan.map((p) => p.gmina.code)).size).toBe(2472);
		expect(total).toBeGreaterThan(990_000);
		expect(total).toBeLessThan(1_010_000);
	});

	it('varies sizes plausibly: urban gminas run larger editions than rural ones, none below 5', () => {
		const mean = (type: string) => {
			const sizes = plan.filter((p) => p.gmina.type === type).flatMap((p) => p.sizes.filter((s) => s > 0));
			return sizes.reduce((a, b) => a + b, 0) / sizes.length;
		};
		expect(mean('urban')).toBeGreaterThan(2 * mean('rural'));
		expect(Math.min(...plan.flatMap((p) => p.sizes.filter((s) => s > 0)))).toBeGreaterThanOrEqual(5);
	});

	it('names centres as Poland does: MOPS in an urban gmina, GOPS in a rural one, OPS in an urban-rural one', () => {
		const byCode = (code: string) => register.gminas.find((g) => g.code === code)!;
		expect(centreName(byCode('0201011')).short).toBe('MOPS Bolesławiec');
		expect(centreName(byCode('0201022')).short).toBe('GOPS Bolesławiec');
		expect(centreName(byCode('0216013')).short).toBe('OPS Chocianów');
	});
});

describe('national rows', () => {
	const set = generateNational(register, real, { ...NATIONAL_DEFAULTS, voivodeships: REGIONS });

	it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
		const again = generateNational(register, real, { ...NATIONAL_DEFAULTS, voivodeships: REGIONS });
		expect(digest(again.participants)).toBe(digest(set.participants));
		expect(digest(again.support)).toBe(digest(set.support));
		const other = generateNational(register, real, { ...NATIONAL_DEFAULTS, seed: 1, voivodeships: ['18'] });
		expect(digest(other.participants)).not.toBe(digest(set.participants.filter((p) => p.centre_id.startsWith('g18') || p.centre_id === 'lezajsk')));
	});

	it("gives a voivodeship the same rows alone as beside others, so a region's files can be built on their own", () => {
		const alone = generateNational(register, real, { ...NATIONAL_DEFAULTS, voivodeships: ['18'] });
		const inRegion = new Set(alone.centres.map((c) => c.centre_id));
		expect(alone.centres.length).toBe(register.gminas.filter((g) => g.voivodeship === '18').length);
		expect(digest(alone.participants)).toBe(digest(set.participants.filter((p) => inRegion.has(p.centre_id))));
	});

	it('keeps the real centres exactly: names, editions, published figures with sources, calibrated rows', () => {
		for (const id of ['lezajsk', 'janow-lubelski']) {
			expect(set.centres.find((c) => c.centre_id === id)).toEqual(real.centres.find((c) => c.centre_id === id));
			expect(set.editions.filter((e) => e.centre_id === id)).toEqual(real.editions.filter((e) => e.centre_id === id));
			expect(set.participants.filter((p) => p.centre_id === id)).toEqual(real.participants.filter((p) => p.centre_id === id));
		}
		const realEditions = new Set(real.editions.filter((e) => ['lezajsk', 'janow-lubelski'].includes(e.centre_id)).map((e) => e.edition_id));
		expect(set.figures).toEqual(real.figures.filter((f) => realEditions.has(f.edition_id)));
		expect(set.figures.length).toBeGreaterThan(0);
		// No real centre gets a synthetic edition: where its page is silent, the year stays unknown.
		expect(set.editions.filter((e) => !e.centre_id.startsWith('g')).every((e) => e.source_id !== NATIONAL_SOURCE)).toBe(true);
	});

	it('marks every synthetic row synthetic and invents no published figure', () => {
		const synthetic = set.participants.filter((p) => p.centre_id.startsWith('g'));
		expect(synthetic.length).toBeGreaterThan(100_000);
		expect(synthetic.every((p) => p.provenance === 'synthetic')).toBe(true);
		expect(set.support.every((s) => s.provenance === 'synthetic')).toBe(true);
		expect(set.figures.every((f) => !f.edition_id.startsWith('g'))).toBe(true);
		expect(set.editions.filter((e) => e.centre_id.startsWith('g')).every((e) => e.source_id === NATIONAL_SOURCE)).toBe(true);
	});

	it('links every row: participants to editions of their centre, support to participants, ids unique', () => {
		const editions = new Map(set.editions.map((e) => [e.edition_id, e.centre_id]));
		expect(set.participants.filter((p) => editions.get(p.edition_id) !== p.centre_id)).toEqual([]);
		const ids = new Set(set.participants.map((p) => p.participant_id));
		expect(ids.size).toBe(set.participants.length);
		expect(set.support.filter((s) => !ids.has(s.participant_id))).toEqual([]);
		expect(new Set(set.support.map((s) => s.support_id)).size).toBe(set.support.length);
	});

	it('pre-aggregates into a cube whose every centre adds up to its own rows (editions without a year aside)', () => {
		const cube = buildCube(set);
		const dated = new Set(set.editions.filter((e) => e.year !== null).map((e) => e.edition_id));
		const rows = set.participants.filter((p) => dated.has(p.edition_id));
		expect(cube.reduce((s, c) => s + c.participants, 0)).toBe(rows.length);
		expect(cube.reduce((s, c) => s + c.employed, 0)).toBe(rows.filter((p) => p.outcome_employed).length);
		expect(cube.reduce((s, c) => s + c.completed, 0)).toBe(rows.filter((p) => p.completion === 'completed').length);
		const lezajsk = cube.filter((c) => c.centre_id === 'lezajsk');
		expect(lezajsk.reduce((s, c) => s + c.participants, 0)).toBe(real.participants.filter((p) => p.centre_id === 'lezajsk').length);
		const cost = set.support.filter((s) => dated.has(s.edition_id)).reduce((a, s) => a + s.cost_pln, 0);
		expect(cube.reduce((s, c) => s + c.cost_pln, 0)).toBeCloseTo(cost, 0);
		expect(cube.length).toBeLessThan(rows.length / 3);
	});
});
