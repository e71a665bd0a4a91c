// Reads a figure as a source page writes it ("385 365,31 zł", "117 tysięcy", "dwóch", "½ etatu") into a number,
// so the build can prove that every published value is the one the page states.

const NUMBER_WORDS: Record<string, number> = {
	'½': 0.5,
	pierwszej: 1,
	pierwszy: 1,
	drugi: 2,
	drugiej: 2,
	dwóch: 2,
	dwie: 2,
	trzech: 3,
	trzy: 3,
	czwarty: 4,
	czwartej: 4
};

const MULTIPLIERS: Record<string, number> = { tys: 1_000, tysięcy: 1_000, tysiące: 1_000, mln: 1_000_000, milionów: 1_000_000 };

// Polish digits: groups of three split by a space or no-break space, decimal comma.
const POLISH_NUMBER = /(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(?:\s+(tys|tysięcy|tysiące|mln|milionów)\b)?/u;

export function parseStated(stated: string): number | null {
	const match = POLISH_NUMBER.exec(stated);
	if (match) {
		const whole = match[1].replace(/[ \u00a0\u202f]/g, '');
		const value = Number(match[2] ? `${whole}.${match[2]}` : whole);
		return match[3] ? value * MULTIPLIERS[match[3]] : value;
	}
	for (const word of stated.toLowerCase().split(/[\s,.;:()]+/u)) {
		if (word in NUMBER_WORDS) return NUMBER_WORDS[word];
	}
	return null;
}

/** Whitespace-insensitive form, so a quote still matches a page that wraps or double-spaces its lines. */
export function normaliseText(text: string): string {
	return text.replace(/\s+/gu, ' ').trim();
}
