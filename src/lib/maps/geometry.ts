// Boundary geometry as d3-geo wants it. d3-geo treats a ring's winding as meaning on the sphere: a polygon wound
// the RFC 7946 way (counter-clockwise exterior) is read as the whole globe minus the shape, so it is turned round.
import { geoArea, geoConicEqualArea, geoPath, type GeoStream } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Boundary<P> = Feature<Polygon | MultiPolygon, P>;

const reversed = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());

/** The feature with every polygon wound so that its area is the shape's, not the rest of the sphere. */
export function rewind<P>(feature: Boundary<P>): Boundary<P> {
	const fix = (rings: Position[][]) => (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? reversed(rings) : rings);
	const geometry: Polygon | MultiPolygon =
		feature.geometry.type === 'Polygon'
			? { type: 'Polygon', coordinates: fix(feature.geometry.coordinates) }
			: { type: 'MultiPolygon', coordinates: feature.geometry.coordinates.map(fix) };
	return { ...feature, geometry };
}

/** The boundary files joined to the TERC register: a TERC code and a name on every shape. */
export interface NationalShapes {
	voivodeships: Boundary<{ code: string; name: string }>[];
	powiats: Boundary<{ code: string; name: string }>[];
}

/** A shape drawn: its SVG path in the map's own pixels, with its code and name. */
export interface DrawnShape {
	code: string;
	name: string;
	d: string;
}

/**
 * Shapes projected to fit a width × height box: an equal-area conic projection centred on Poland, so that a
 * large voivodeship does not look larger than it is (what a choropleth is read by). Whole pixels to a tenth keep
 * the prerendered SVG small.
 */
export function drawShapes(features: Boundary<{ code: string; name: string }>[], width: number, height: number): DrawnShape[] {
	const collection = { type: 'FeatureCollection' as const, features };
	const projection = geoConicEqualArea().parallels([49.5, 54.5]).rotate([-19.2, 0]).fitSize([width, height], collection);
	// Points closer than a pixel to the last one drawn are left out: the voivodeship file is detailed enough
	// to draw 200 kB of invisible zig-zags otherwise. Every ring keeps its first three points, so none vanishes.
	const path = geoPath({ stream: (out) => projection.stream(dropClose(out, 1)) }).digits(1);
	return features.map((f) => ({ code: f.properties.code, name: f.properties.name, d: path(f) ?? '' }));
}

function dropClose(out: GeoStream, pixels: number): GeoStream {
	let last: [number, number] | null = null;
	let kept = 0;
	return {
		point(x, y) {
			if (last && kept >= 3 && Math.hypot(x - last[0], y - last[1]) < pixels) return;
			last = [x, y];
			kept += 1;
			out.point(x, y);
		},
		lineStart() {
			last = null;
			kept = 0;
			out.lineStart();
		},
		lineEnd: () => out.lineEnd(),
		polygonStart: () => out.polygonStart(),
		polygonEnd: () => out.polygonEnd(),
		sphere: () => out.sphere?.()
	};
}
