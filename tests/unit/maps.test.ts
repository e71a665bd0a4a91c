// The maps' pieces: shapes drawn inside their box, in the right place relative to each other, and colour classes
// that cover every shown value in order.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawShapes, type NationalShapes } from '../../src/lib/maps/geometry';
import { classLabels, colourClasses } from '../../src/lib/maps/scale';
import { formatPercent } from '../../src/lib/format/number';
import { nationalShapes } from '../../scripts/national/index';
import { readTerc } from '../../scripts/national/register';

// Joined from data/ here, as `npm run data:national` does: the unit tests run before any build.
const shapes: NationalShapes = nationalShapes(readTerc(resolve(import.meta.dirname, '../../data/registers/terc-2020-01-01.csv')));
/** Every coordinate in a path. */
const points = (d: string) => [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
const centre = (d: string) => {
	const p = points(d);
	return [p.reduce((s, [x]) => s + x, 0) / p.length, p.reduce((s, [, y]) => s + y, 0) / p.length];
};

describe('drawShapes', () => {
	const drawn = drawShapes(shapes.voivodeships, 600, 560);

	it('draws all 16 voivodeships inside the box, with their codes', () => {
		expect(drawn.map((s) => s.code).sort()).toEqual(['02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30', '32']);
		for (const s of drawn) for (const [x, y] of points(s.d)) expect(x >= -0.5 && x <= 600.5 && y >= -0.5 && y <= 560.5, `${s.name} ${x},${y}`).toBe(true);
	});

	it('puts them where they are: zachodniopomorskie north-west of podkarpackie, mazowieckie east of wielkopolskie', () => {
		const at = (code: string) => centre(drawn.find((s) => s.code === code)!.d);
		expect(at('32')[0]).toBeLessThan(at('18')[0]);
		expect(at('32')[1]).toBeLessThan(at('18')[1]);
		expect(at('14')[0]).toBeGreaterThan(at('30')[0]);
	});

	it("fits one voivodeship's powiats to the whole box", () => {
		const powiats = drawShapes(shapes.powiats.filter((p) => p.properties.code.startsWith('18')), 400, 400);
		expect(powiats).toHaveLength(25);
		const all = powiats.flatMap((p) => points(p.d));
		const span = (i: 0 | 1) => Math.max(...all.map((p) => p[i])) - Math.min(...all.map((p) => p[i]));
		expect(Math.max(span(0), span(1))).toBeGreaterThan(395);
	});
});

describe('colourClasses', () => {
	it('puts the smallest value in the lightest class and the largest in the darkest', () => {
		const classes = colourClasses([0.12, 0.18, 0.2, 0.31])!;
		expect(classes.colourOf(0.12)).toBe(classes.colours[0]);
		expect(classes.colourOf(0.31)).toBe(classes.colours[4]);
		expect(classes.thresholds).toHaveLength(4);
		expect(classes.domain[0]).toBeLessThanOrEqual(0.12);
		expect(classes.domain[1]).toBeGreaterThanOrEqual(0.31);
	});

	it('has nothing to scale where every value is hidden', () => {
		expect(colourClasses([])).toBeNull();
	});

	it('names each class in tenths of a percent where whole percents would name two bounds alike, and only there', () => {
		const percent = (v: number, fine: boolean) => formatPercent(v, fine);
		// A map of voivodeships under a filter: 13.8–18.2% in five classes, a point apart.
		const narrow = classLabels(colourClasses([0.138, 0.151, 0.162, 0.182])!, percent).map((l) => l.text);
		expect(new Set(narrow).size).toBe(5);
		for (const text of narrow) {
			const [from, to] = text.split('–');
			expect(from.replace(/\s?%$/u, '')).not.toBe(to.replace(/\s?%$/u, ''));
		}
		expect(narrow[0]).toMatch(/^\d+,\d\s?%–\d+,\d\s?%$/u);
		// A wide range keeps whole percents: 12–31% in classes of 4 points.
		expect(classLabels(colourClasses([0.12, 0.18, 0.2, 0.31])!, percent).map((l) => l.text)[0]).toMatch(/^\d+\s?%–\d+\s?%$/u);
	});
});

describe('colourClasses with one value', () => {
	it('has one class, not five of the same bounds', () => {
		const classes = colourClasses([0.2, 0.2])!;
		expect(classes.colours).toHaveLength(1);
		expect(classes.domain).toEqual([0.2, 0.2]);
		expect(classes.colourOf(0.2)).toBe(classes.colours[0]);
	});
});
