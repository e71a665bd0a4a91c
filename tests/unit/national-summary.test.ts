// The national pages' figures: every level adds up to its parts, the real centres keep their published figures,
// and a reader who subtracts shown figures along the tree recovers no hidden rate.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../scripts/data/index';
import { readTerc } from '../../scripts/national/register';
import { generateNational, NATIONAL_DEFAULTS } from '../../scripts/national/generate';
import { nationalSummary } from '../../scripts/national/summary';
import type { NationalUnit } from '../../src/lib/national';
import type { RateCell } from '../../src/lib/queries/cells';

const data = resolve(import.meta.dirname, '../../data');
const register = readTerc(`${data}/registers/terc-2020-01-01.csv`);
const real = loadData(data);
// Dolnośląskie (Chocianów, Świebodzice) and podkarpackie (Leżajsk): three real centres among ~330 synthetic.
const set = generateNational(register, real, { ...NATIONAL_DEFAULTS, voivodeships: ['02', '18'] });
const summary = nationalSummary(set, register);
const all: NationalUnit[] = [summary.country, ...summary.voivodeships, ...summary.powiats, ...summary.centres];
const n = (u: NationalUnit) => (u.participants.kind === 'published' || u.participants.kind === 'synthetic' ? u.participants.value : NaN);
const k = (cell: RateCell) => ('k' in cell ? cell.k : null);

describe('national summary', () => {
	it('has every unit of the two voivodeships, and each level adds up to the one below', () => {
		expect(summary.voivodeships.map((v) => v.code)).toEqual(['02', '18']);
		expect(summary.centres).toHaveLength(register.gminas.filter((g) => ['02', '18'].includes(g.voivodeship)).length);
		for (const parent of [summary.country, ...summary.voivodeships, ...summary.powiats]) {
			const children = all.filter((u) => u.parent === parent.code && u.level !== parent.level);
			expect(children.length).toBeGreaterThan(0);
			expect(children.reduce((s, c) => s + n(c), 0)).toBe(n(parent));
			expect(children.reduce((s, c) => s + c.centres, 0)).toBe(parent.centres);
		}
	});

	it("keeps the real centres' published figures, sourced, and leaves unknown what their pages do not state", () => {
		const lezajsk = summary.centres.find((c) => c.centreId === 'lezajsk')!;
		expect(lezajsk.participants).toEqual({ kind: 'published', value: 25, sources: ['lezajsk-page'] });
		expect(lezajsk.employment).toMatchObject({ kind: 'published', k: 3, n: 25, sources: ['lezajsk-page'] });
		expect(lezajsk.costPerParticipant).toEqual({ kind: 'published', value: 15414.61, sources: ['lezajsk-page'], derived: true });
		expect(summary.centres.find((c) => c.centreId === 'chocianow')!.costPerParticipant).toEqual({ kind: 'unknown' });
		expect(summary.centres.filter((c) => c.hasPage).map((c) => c.centreId).sort()).toEqual(['chocianow', 'lezajsk', 'swiebodzice']);
	});

	it('hides every small rate, and no hidden rate follows from shown ones by subtraction along the tree', () => {
		for (const measure of ['employment', 'completion'] as const) {
			const hidden = all.filter((u) => u[measure].kind === 'suppressed');
			expect(hidden.length, `${measure}: some rates must be hidden for this test to mean anything`).toBeGreaterThan(0);
			// Every centre whose k or n − k is 1–4 is hidden (published figures aside).
			const shownSmall = all.filter((u) => {
				const cell = u[measure];
				return cell.kind === 'synthetic' && [cell.k, cell.n - cell.k].some((x) => x > 0 && x < 5);
			});
			expect(shownSmall.map((u) => u.name)).toEqual([]);
			const known = new Map(all.filter((u) => k(u[measure]) !== null).map((u) => [`${u.level}:${u.code}`, k(u[measure])!]));
			const levelBelow = { country: 'voivodeship', voivodeship: 'powiat', powiat: 'centre' } as const;
			let progress = true;
			while (progress) {
				progress = false;
				for (const parent of [summary.country, ...summary.voivodeships, ...summary.powiats]) {
					const below = levelBelow[parent.level as keyof typeof levelBelow];
					const ids = [`${parent.level}:${parent.code}`, ...all.filter((u) => u.level === below && u.parent === parent.code).map((u) => `${below}:${u.code}`)];
					const unknown = ids.filter((id) => !known.has(id));
					if (unknown.length !== 1) continue;
					const partsSum = ids.slice(1).filter((id) => id !== unknown[0]).reduce((s, id) => s + known.get(id)!, 0);
					known.set(unknown[0], unknown[0] === ids[0] ? partsSum : known.get(ids[0])! - partsSum);
					progress = true;
				}
			}
			expect(hidden.filter((u) => known.has(`${u.level}:${u.code}`)).map((u) => u.name)).toEqual([]);
		}
	});
});
