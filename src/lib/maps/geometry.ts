// Boundary geometry as d3-geo wants it. d3-geo treats a ring's winding as meaning on the sphere: a polygon wound
// the RFC 7946 way (counter-clockwise exterior) is read as the whole globe minus the shape, so it is turned round.
import { geoArea } from 'd3-geo';
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
