// The chart PNG's layout: title and footer wrap to the picture's width, and the picture is tall enough for every
// line, so a narrow chart's source line is never cut (issue 10, part 5).
import { describe, expect, it } from 'vitest';
import { pngLayout, wrapText } from '../../src/lib/export/png';

// A monospace stand-in for the canvas: 7 px a character in the footer's font, 9 in the title's.
const measure = (text: string, font = '12px') => text.length * (font.startsWith('bold') ? 9 : 7);
const SOURCE = 'Źródła: strony ośrodków (liczby opublikowane), GUS (ceny, ludność); pulpit „Aktywna integracja w OPS”.';

describe('wrapping', () => {
	it('breaks between words, never wider than the width', () => {
		const lines = wrapText(SOURCE, 200, (t) => measure(t));
		expect(lines.join(' ')).toBe(SOURCE);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(200);
	});

	it('keeps a word longer than the width on a line of its own', () => {
		expect(wrapText('a bardzobardzodługiesłowo b', 50, (t) => measure(t))).toEqual(['a', 'bardzobardzodługiesłowo', 'b']);
	});
});

describe('layout', () => {
	it('wraps a phone chart’s footer and makes room for every line', () => {
		const chart = { width: 330, height: 280 };
		const footer = [SOURCE, 'Zawiera dane syntetyczne (demonstracyjne), oznaczone kreskowaniem.', 'brak filtrów', '2026-11-25'];
		const layout = pngLayout(chart, 'Praca po zakończeniu udziału', footer, measure);
		expect(layout.width).toBe(362);
		expect(layout.footerLines.join(' ')).toBe(footer.join(' '));
		expect(layout.footerLines.length).toBeGreaterThan(footer.length);
		for (const line of layout.footerLines) expect(measure(line)).toBeLessThanOrEqual(chart.width);
		// Every footer line fits above the bottom padding.
		expect(layout.height).toBe(layout.footerTop + layout.footerLines.length * 17 + 16);
		expect(layout.footerTop).toBe(layout.chartTop + chart.height + 8);
	});

	it('wraps a long title too, and moves the chart down under it', () => {
		const one = pngLayout({ width: 330, height: 280 }, 'Krótki', [], measure);
		const two = pngLayout({ width: 330, height: 280 }, 'Koszt wsparcia według formy (dane syntetyczne), ceny stałe 2013 r.', [], measure);
		expect(one.titleLines).toHaveLength(1);
		expect(two.titleLines.length).toBeGreaterThan(1);
		expect(two.chartTop - one.chartTop).toBe((two.titleLines.length - 1) * 20);
	});
});
