// Joins the boundary files to the TERC register. Voivodeships carry their TERC code. Powiats carry only a name, and
// ten names occur in two voivodeships, so each powiat is placed in the voivodeship that holds it (a point inside it,
// tested against the voivodeship polygons) and matched by name there. Every unit must match exactly once.
import { geoCentroid, geoContains } from 'd3-geo';
import type { FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { rewind, type Boundary } from '../../src/lib/maps/geometry';
import type { Register } from './register';

export interface VoivodeshipShape {
	/** 2-digit TERC code. */
	code: string;
	feature: Boundary<{ code: string; name: string }>;
}
export interface PowiatShape {
	/** 4-digit TERC code. */
	code: string;
	feature: Boundary<{ code: string; name: string }>;
}

type Collection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

/** A point inside the shape: its centroid where that lies inside (most powiats), else a vote of its vertices. */
function containingVoivodeship(feature: Boundary<GeoJsonProperties>, voivodeships: VoivodeshipShape[]): VoivodeshipShape | undefined {
	const centroid = geoCentroid(feature);
	if (geoContains(feature, centroid)) {
		const found = voivodeships.find((v) => geoContains(v.feature, centroid));
		if (found) return found;
	}
	const rings: Position[][] = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
	const votes = new Map<VoivodeshipShape, number>();
	for (const point of rings.flat()) {
		const v = voivodeships.find((v) => geoContains(v.feature, point as [number, number]));
		if (v) votes.set(v, (votes.get(v) ?? 0) + 1);
	}
	return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function joinVoivodeships(collection: Collection, register: Register): VoivodeshipShape[] {
	const codes = new Set(register.voivodeships.map((v) => v.code));
	const shapes = collection.features.map((f) => {
		const code = String(f.properties.teryt ?? '');
		if (!codes.has(code)) throw new Error(`wojewodztwa.geojson: kod „${code}” nie występuje w rejestrze TERC`);
		const name = register.voivodeships.find((v) => v.code === code)!.name;
		return { code, feature: rewind({ ...f, properties: { code, name } }) };
	});
	const missing = [...codes].filter((c) => !shapes.some((s) => s.code === c));
	const twice = shapes.filter((s, i) => shapes.findIndex((t) => t.code === s.code) !== i);
	if (missing.length || twice.length) throw new Error(`wojewodztwa.geojson: brak ${missing.join(', ') || '—'}; dwa razy ${twice.map((s) => s.code).join(', ') || '—'}`);
	return shapes;
}

export function joinPowiats(collection: Collection, voivodeships: VoivodeshipShape[], register: Register): PowiatShape[] {
	const problems: string[] = [];
	const shapes: PowiatShape[] = [];
	for (const f of collection.features) {
		const label = String(f.properties.name ?? '');
		const feature = rewind(f);
		const voivodeship = containingVoivodeship(feature, voivodeships);
		const name = label.replace(/^powiat /, '');
		const matches = register.powiats.filter((p) => p.code.startsWith(voivodeship?.code ?? '--') && p.name === name);
		if (matches.length !== 1) {
			problems.push(`„${label}” (województwo ${voivodeship?.code ?? '?'}): ${matches.length} dopasowań`);
			continue;
		}
		shapes.push({ code: matches[0].code, feature: { ...feature, properties: { code: matches[0].code, name: label } } });
	}
	const matched = new Set(shapes.map((s) => s.code));
	if (matched.size !== shapes.length) problems.push('jeden powiat z rejestru dopasowany do dwóch kształtów');
	for (const p of register.powiats) if (!matched.has(p.code)) problems.push(`powiat ${p.code} ${p.name} bez kształtu`);
	if (problems.length) throw new Error(`powiaty.geojson ↔ TERC:\n  ${problems.join('\n  ')}`);
	return shapes;
}
