// The running header and footer of every printed page: CSS page-margin boxes (src/print.css) show custom properties
// set here on <html>, so they can hold what only the page knows — its title and its filters line — and today's date.
import { formatDate } from '../format/number';
import { ui } from '../i18n';

/** A CSS string literal: quotes and backslashes escaped, a line break as CSS's own (\A). */
export const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\s*\n\s*/g, '\\A ')}"`;

/** The reader's calendar day, not UTC's. */
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The margin texts for a page: its heading and filters line (when it has one), the date, sources and the mark. */
export function marginTexts(heading: string, filters: string | null, today: Date): Record<string, string> {
	const title = heading && heading !== ui.site.title ? `${ui.site.title} — ${heading}` : ui.site.title;
	return {
		'--print-title': cssString(filters ? `${title}\n${filters}` : title),
		'--print-date': cssString(ui.print.date(formatDate(localDay(today)))),
		'--print-source': cssString(`${ui.exports.sourceLine}\n${ui.exports.syntheticMark}`)
	};
}

/** Reads the page as it stands and writes its margin texts. */
export function updateRunningHeader(doc: Document = document, today = new Date()) {
	const text = (selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() || null;
	const texts = marginTexts(text('main h1') ?? '', text('[data-print-filters]'), today);
	// Only what changed: a custom property set on <html> re-styles the whole page.
	const style = doc.documentElement.style;
	for (const [name, value] of Object.entries(texts)) if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
}

/** Keeps the margin texts current when printing starts (Ctrl+P, or print media emulated); returns the clean-up. */
export function keepRunningHeader(): () => void {
	const update = () => updateRunningHeader();
	const media = matchMedia('print');
	update();
	addEventListener('beforeprint', update);
	media.addEventListener('change', update);
	return () => {
		removeEventListener('beforeprint', update);
		media.removeEventListener('change', update);
	};
}
