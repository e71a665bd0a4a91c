// The one place a Chart.js instance lives: created on attach (or, for a chart below the fold, when it first comes on
// screen), updated in place when its data or the colour scheme
// changes (no animation), left alone when neither did, destroyed on detach. Every chart component uses it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';
import { BarWithErrorBar, BarWithErrorBarsController } from 'chartjs-chart-error-bars';
import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { scheme } from '../state/scheme.svelte';
import { chartTheme, type ChartTheme } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, BarWithErrorBarsController, BarWithErrorBar);

type Configure = (theme: ChartTheme) => ChartConfiguration;

/** Each chart canvas's configuration, so its PNG can be drawn in the light scheme (inLight). */
const configs = new WeakMap<HTMLCanvasElement, Configure>();

/** Print resolution: a canvas drawn at the screen's pixel ratio comes out blurred on paper. */
const PRINT_PIXEL_RATIO = 3;
let printWatched = false;

/**
 * Chart.js keeps a chart at its screen size while the page is laid out for paper, so every chart is redrawn at its
 * printed card's size (and at print resolution) when print media starts, and back when it ends. print.css also
 * caps a canvas at its card's width, in case a browser prints without telling (a chart still waiting to be made
 * would then print blank: every browser here tells, by the media change or `beforeprint`).
 */
function watchPrint() {
	if (printWatched || typeof matchMedia === 'undefined') return;
	printWatched = true;
	const media = matchMedia('print');
	const resizeForPaper = (printing: boolean) => {
		if (printing) makeWaitingCharts();
		for (const instance of Object.values(Chart.instances)) {
			instance.options.devicePixelRatio = printing ? PRINT_PIXEL_RATIO : undefined;
			instance.resize();
		}
	};
	media.addEventListener('change', () => resizeForPaper(media.matches));
	addEventListener('beforeprint', () => resizeForPaper(true));
	addEventListener('afterprint', () => resizeForPaper(false));
}

/**
 * Charts that wait to be made until they come on screen (`whenOnScreen`), each with the call that makes it. Made
 * at once for paper (watchPrint) and for a picture (inLight), which need every chart.
 */
const waiting = new Map<HTMLCanvasElement, () => void>();

function makeWaitingCharts(canvas?: HTMLCanvasElement) {
	const makes = canvas ? [waiting.get(canvas)] : [...waiting.values()];
	if (!makes.some(Boolean)) return;
	for (const make of makes) make?.();
	flushSync();
}

const functionIds = new WeakMap<object, number>();
let functionCount = 0;

/**
 * A chart's inputs as one string: equal strings draw equal pictures. Functions count by identity, since two
 * formatters that print alike may still differ. For `chart`'s `inputs`.
 */
export function drawnKey(...inputs: unknown[]): string {
	return JSON.stringify(inputs, (_, value: unknown) => {
		if (typeof value !== 'function') return value;
		if (!functionIds.has(value)) functionIds.set(value, ++functionCount);
		return `fn#${functionIds.get(value)}`;
	});
}

/**
 * A part of a drawn key for data too large to write out each change: a number that moves only when `same` finds the
 * next data different from the last seen. Exact equality chains, so comparing with the last seen rather than the
 * last drawn skips no redraw. For `drawnKey`'s inputs; one counter per chart.
 */
export function changeCounter<T>(same: (a: T, b: T) => boolean): (next: T) => number {
	let last: { data: T } | undefined;
	let version = 0;
	return (next) => {
		if (!last || !same(last.data, next)) version++;
		last = { data: next };
		return version;
	};
}

/**
 * `inputs` names everything `config` reads (see drawnKey): a new answer equal to the last one (the prerendered
 * figures DuckDB confirms, a filter that leaves a chart as it was, a page re-rendering around it) then costs no
 * redraw. Without it the chart redraws whenever anything `config` reads changes.
 *
 * `whenOnScreen`: the chart is made when it first comes on screen, not at the page's start, where making the
 * charts below the fold held DuckDB's first answer back (the main thread shares two cores with the engine's start).
 * Once made, it follows every change as any chart does.
 */
export function chart(
	config: Configure,
	{ onDraw, inputs, whenOnScreen = false }: { onDraw?: () => void; inputs?: () => string; whenOnScreen?: boolean } = {}
): Attachment<HTMLCanvasElement> {
	watchPrint();
	return (canvas) => {
		let instance: Chart | undefined;
		let drawn: string | undefined;
		// A plain value, not the state: the attachment's body must not depend on what making the chart changes.
		const wait = whenOnScreen && typeof IntersectionObserver !== 'undefined';
		let onScreen = $state(!wait);
		let observer: IntersectionObserver | undefined;
		if (wait) {
			const make = () => {
				onScreen = true;
				observer?.disconnect();
				waiting.delete(canvas);
			};
			waiting.set(canvas, make);
			// No margin (the observer's default): at 1280×720 and 1366×768 the first row of cards below the headline
			// begins just above the fold and its canvases just below (about 790 px down), so any margin would make them
			// at the start. Made in the task after the frame that shows its edge.
			observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && make());
			observer.observe(canvas);
		}
		configs.set(canvas, config);
		$effect(() => {
			if (!onScreen) return;
			// Reading the scheme here configures the chart again when it changes.
			const current = scheme.current;
			const key = inputs && `${current} ${inputs()}`;
			if (instance && key !== undefined && key === drawn) return;
			drawn = key;
			const next = config(chartTheme(current));
			// In place only where the chart's type and inline plugins are the same: Chart.js keeps a chart's
			// inline plugins for its lifetime, so changed ones need a new chart.
			if (instance && (instance.config as ChartConfiguration).type === next.type && samePlugins(instance.config.plugins, next.plugins)) {
				redraw(instance, next);
			} else {
				instance?.destroy();
				instance = new Chart(canvas, next);
			}
			canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? 0) + 1);
			canvas.dataset.scheme = scheme.current;
			onDraw?.();
		});
		return () => {
			observer?.disconnect();
			waiting.delete(canvas);
			instance?.destroy();
		};
	};
}

const samePlugins = (a: Plugin[] = [], b: Plugin[] = []) => a.length === b.length && a.every((p, i) => p === b[i]);

function redraw(instance: Chart, config: ChartConfiguration) {
	instance.data = config.data;
	instance.options = config.options ?? {};
	instance.update('none');
}

/**
 * Runs `use` while the chart on `canvas` is drawn in the light scheme, then draws it again as it was. For the PNG
 * export: a picture for documents, dark text on white, whatever the screen shows. All in one task, so the browser
 * never paints the light chart on a dark page.
 */
export function inLight<T>(canvas: HTMLCanvasElement, use: () => T): T {
	makeWaitingCharts(canvas);
	const instance = Chart.getChart(canvas);
	const config = configs.get(canvas);
	if (!instance || !config || scheme.current === 'light') return use();
	redraw(instance, config(chartTheme('light')));
	try {
		return use();
	} finally {
		redraw(instance, config(chartTheme(scheme.current)));
	}
}

const patterns = new Map<string, CanvasPattern>();

/** Diagonal hatching in `color` on `ground` (the surface the chart is drawn on): the mark of a synthetic figure, readable without colour. */
export function hatch(color: string, ground: string): CanvasPattern | string {
	const key = `${color} ${ground}`;
	const cached = patterns.get(key);
	if (cached) return cached;
	const tile = document.createElement('canvas');
	tile.width = tile.height = 8;
	const ctx = tile.getContext('2d');
	if (!ctx) return color;
	ctx.fillStyle = ground;
	ctx.fillRect(0, 0, 8, 8);
	ctx.strokeStyle = color;
	ctx.lineWidth = 2;
	ctx.beginPath();
	ctx.moveTo(0, 8);
	ctx.lineTo(8, 0);
	ctx.moveTo(-2, 2);
	ctx.lineTo(2, -2);
	ctx.moveTo(6, 10);
	ctx.lineTo(10, 6);
	ctx.stroke();
	const pattern = ctx.createPattern(tile, 'repeat')!;
	patterns.set(key, pattern);
	return pattern;
}
