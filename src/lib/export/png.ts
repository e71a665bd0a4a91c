// A chart as PNG: the canvas on white, with its title above and, below, where it comes from and — when it holds
// synthetic figures — that it does, so the picture carries its honesty marks when it travels alone. Title and footer
// wrap to the picture's width and the picture grows to hold every line: a phone's narrow chart never cuts its
// source line.
import { ui } from '../i18n';

const PAD = 16;
const TITLE_FONT = 'bold 15px system-ui, sans-serif';
const TITLE_LINE = 20;
const FOOTER_FONT = '12px system-ui, sans-serif';
const FOOTER_LINE = 17;
const GAP = 8;

/** `text` in lines no wider than `width` (as `measure` reports), broken between words; a longer word keeps its own line. */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/u).filter(Boolean)) {
		const last = lines.length - 1;
		if (last >= 0 && measure(`${lines[last]} ${word}`) <= width) lines[last] = `${lines[last]} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** Where everything goes, in CSS pixels: the title's and the footer's lines, and the picture's size that holds them. */
export function pngLayout(chart: { width: number; height: number }, title: string, footer: string[], measure: (text: string, font: string) => number) {
	const width = chart.width + PAD * 2;
	const text = chart.width;
	const titleLines = wrapText(title, text, (t) => measure(t, TITLE_FONT));
	const footerLines = footer.flatMap((line) => wrapText(line, text, (t) => measure(t, FOOTER_FONT)));
	const chartTop = PAD + titleLines.length * TITLE_LINE + GAP;
	const footerTop = chartTop + chart.height + GAP;
	return { width, height: footerTop + footerLines.length * FOOTER_LINE + PAD, titleLines, footerLines, chartTop, footerTop };
}

/**
 * The picture, drawn at once: the caller may have drawn the chart in the light scheme for it (charts/chart.svelte.ts
 * inLight), and draws it back as soon as this returns. A PNG goes into documents, so it is dark on white in either
 * scheme.
 */
export function chartPicture(canvas: HTMLCanvasElement, title: string, footer: string[]): HTMLCanvasElement {
	const out = document.createElement('canvas');
	const ctx = out.getContext('2d')!;
	const measure = (text: string, font: string) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	};
	const chart = { width: canvas.clientWidth, height: canvas.clientHeight };
	const layout = pngLayout(chart, title, footer, measure);
	const scale = canvas.width / canvas.clientWidth || 1;
	out.width = Math.ceil(layout.width * scale);
	out.height = Math.ceil(layout.height * scale);
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.scale(scale, scale);
	ctx.textBaseline = 'alphabetic';
	ctx.fillStyle = '#1b1b1b';
	ctx.font = TITLE_FONT;
	layout.titleLines.forEach((line, i) => ctx.fillText(line, PAD, PAD + 14 + i * TITLE_LINE));
	ctx.drawImage(canvas, PAD, layout.chartTop, chart.width, chart.height);
	ctx.font = FOOTER_FONT;
	ctx.fillStyle = '#4a4a4a';
	layout.footerLines.forEach((line, i) => ctx.fillText(line, PAD, layout.footerTop + 12 + i * FOOTER_LINE));
	return out;
}

export async function pngBytes(out: HTMLCanvasElement): Promise<Uint8Array> {
	const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error(ui.exports.failures.png);
	return new Uint8Array(await blob.arrayBuffer());
}
