// The one place a Chart.js instance lives: created on attach, updated in place when its data changes
// (no animation), destroyed on detach. Every chart component uses it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';
import { BarWithErrorBar, BarWithErrorBarsController } from 'chartjs-chart-error-bars';
import type { Attachment } from 'svelte/attachments';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, BarWithErrorBarsController, BarWithErrorBar);

/** Print resolution: a canvas drawn at the screen's pixel ratio comes out blurred on paper. */
const PRINT_PIXEL_RATIO = 3;
let printWatched = false;

/**
 * Chart.js keeps a chart at its screen size while the page is laid out for paper, so every chart is redrawn at its
 * printed card's size (and at print resolution) when print media starts, and back when it ends. print.css also
 * caps a canvas at its card's width, in case a browser prints without telling.
 */
function watchPrint() {
	if (printWatched || typeof matchMedia === 'undefined') return;
	printWatched = true;
	const media = matchMedia('print');
	const fit = (printing: boolean) => {
		for (const instance of Object.values(Chart.instances)) {
			instance.options.devicePixelRatio = printing ? PRINT_PIXEL_RATIO : undefined;
			instance.resize();
		}
	};
	media.addEventListener('change', () => fit(media.matches));
	addEventListener('beforeprint', () => fit(true));
	addEventListener('afterprint', () => fit(false));
}

export function chart(config: () => ChartConfiguration, onDraw?: () => void): Attachment<HTMLCanvasElement> {
	watchPrint();
	return (canvas) => {
		let instance: Chart | undefined;
		$effect(() => {
			const next = config();
			// In place only where the chart's type and inline plugins are the same: Chart.js keeps a chart's
			// inline plugins for its lifetime, so changed ones need a new chart.
			if (instance && (instance.config as ChartConfiguration).type === next.type && samePlugins(instance.config.plugins, next.plugins)) {
				instance.data = next.data;
				instance.options = next.options ?? {};
				instance.update('none');
			} else {
				instance?.destroy();
				instance = new Chart(canvas, next);
			}
			canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? 0) + 1);
			onDraw?.();
		});
		return () => instance?.destroy();
	};
}

const samePlugins = (a: Plugin[] = [], b: Plugin[] = []) => a.length === b.length && a.every((p, i) => p === b[i]);

const patterns = new Map<string, CanvasPattern>();

/** Diagonal hatching in `color`: the mark of a synthetic figure, readable without colour. */
export function hatch(color: string): CanvasPattern | string {
	const cached = patterns.get(color);
	if (cached) return cached;
	const tile = document.createElement('canvas');
	tile.width = tile.height = 8;
	const ctx = tile.getContext('2d');
	if (!ctx) return color;
	ctx.fillStyle = '#ffffff';
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
	patterns.set(color, pattern);
	return pattern;
}
