// The map's colour classes: five equal steps over the shown values, rounded to nice bounds, in ColorBrewer's
// single-hue Blues, which stay in order for every kind of colour blindness (lightness carries the order).
import { scaleQuantize } from 'd3-scale';
import { schemeBlues } from 'd3-scale-chromatic';

export interface ColourClasses {
	colours: readonly string[];
	/** Lower bounds of classes 2..n; a value below the first is in class 1. */
	thresholds: number[];
	domain: [number, number];
	colourOf(value: number): string;
}

export function colourClasses(values: number[], classes = 5): ColourClasses | null {
	if (!values.length) return null;
	const colours = schemeBlues[classes];
	const min = Math.min(...values);
	const max = Math.max(...values);
	// One value (a powiat's own map, or every area alike): one class, not five classes all named „20%–20%”.
	if (min === max) {
		const colour = schemeBlues[classes][Math.floor(classes / 2)];
		return { colours: [colour], thresholds: [], domain: [min, max], colourOf: () => colour };
	}
	const scale = scaleQuantize<string>()
		.domain([min, max])
		.nice()
		.range(colours);
	const [low, high] = scale.domain() as [number, number];
	return { colours, thresholds: scale.thresholds(), domain: [low, high], colourOf: (value) => scale(value) };
}

/**
 * Each class's colour and bounds in words („14%–15%”, the last one closed). With `fine` where the plain format
 * would name two different bounds alike: five classes over 13.5–18% read „14%–14%” in whole percents.
 */
export function classLabels(classes: ColourClasses, format: (value: number, fine: boolean) => string): { colour: string; text: string }[] {
	const last = classes.colours.length - 1;
	const bounds = classes.colours.map((colour, i) => ({ colour, from: i === 0 ? classes.domain[0] : classes.thresholds[i - 1], to: i === last ? classes.domain[1] : classes.thresholds[i] }));
	const edges = [classes.domain[0], ...classes.thresholds, classes.domain[1]];
	const fine = edges.some((edge, i) => i > 0 && edge !== edges[i - 1] && format(edge, false) === format(edges[i - 1], false));
	return bounds.map(({ colour, from, to }) => ({ colour, text: from === to ? format(from, fine) : `${format(from, fine)}–${format(to, fine)}` }));
}

/** One area's value on a map. */
export interface AreaValue {
	/** The number the colour shows; null where it is hidden or unknown. */
	value: number | null;
	/** What the area says to a reader: its value in words, or why there is none. */
	text: string;
	hidden?: boolean;
}
