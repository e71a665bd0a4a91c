// The overview's headline: four tiles and one or two sentences, generated from the same answer as the rest of the
// page (never typed by hand), so a number in the sentence is the number in its tile, with the same mark.
import type { CentreSummary, Overview } from '../queries/overview';
import { missingReason, onlyPublished, type Imported, type MissingReason, type RateCell, type ValueCell } from '../queries/cells';
import { wilson } from '../stats/wilson';
import { formatInteger, formatMoney, formatPercent } from '../format/number';
import { nounFor } from '../format/plural';
import { ui } from '../i18n';

export type View = 'all' | 'published';

/**
 * Where a headline figure comes from. `published`: from the centres' pages (`derived` where we did the arithmetic,
 * e.g. a sum or a division of published figures). `synthetic`: from the demo's participant rows, wholly or in part
 * (`withPublished`: pooled with published figures); `imported` where the user's own rows are among them.
 */
export type Provenance = { kind: 'published'; sources: string[]; derived: boolean } | { kind: 'synthetic'; imported?: Imported; withPublished?: boolean };

export interface Figure {
	text: string;
	provenance: Provenance;
}

/** A figure the view cannot show, and why (the same codes as table cells and chart bars). */
export interface Missing {
	missing: MissingReason;
}

export type TileId = 'participants' | 'employment' | 'budgets' | 'cost';

export interface Tile {
	id: TileId;
	label: string;
	value: Figure | Missing;
	/** Lines under the figure: n and interval, what it covers, which centres are left out and why. */
	detail: string[];
}

/** A sentence as text and figures: the figures are the tiles' own objects. */
export type Part = string | Figure | Missing;

export interface Headline {
	tiles: Tile[];
	sentence: Part[];
}

export const isFigure = (value: Figure | Missing): value is Figure => 'text' in value;

/** The words of a sentence, marks included as words: what a screen reader or a test reads. */
export function sentenceText(parts: Part[]): string {
	return parts
		.map((part) => {
			if (typeof part === 'string') return part;
			if (!isFigure(part)) return ui.reason(part.missing).label;
			return part.provenance.kind === 'synthetic' ? `${part.text} (${ui.headline.syntheticWord(part.provenance)})` : part.text;
		})
		.join('');
}

const union = (lists: string[][]) => [...new Set(lists.flat())].sort();

/** Many figures of one kind share it; published and synthetic together are synthetic in part. */
function pooledProvenance(cells: Extract<ValueCell | RateCell, { kind: 'published' | 'synthetic' }>[], derived: boolean): Provenance {
	const synthetic = cells.filter((c) => c.kind === 'synthetic');
	if (!synthetic.length) return { kind: 'published', sources: union(cells.map((c) => (c.kind === 'published' ? c.sources : []))), derived };
	const imported = synthetic.map((c) => (c.kind === 'synthetic' ? c.imported : undefined));
	const all = imported.every((i) => i === 'all') && synthetic.length === cells.length;
	return {
		kind: 'synthetic',
		...(imported.some(Boolean) ? { imported: all ? 'all' : 'some' } : {}),
		...(synthetic.length < cells.length ? { withPublished: true } : {})
	};
}

function participantsTile(overview: Overview, view: View): Tile {
	const cell = onlyPublished(overview.selection, view);
	const reason = missingReason(cell);
	const editions = overview.editions;
	const counted = editions.filter((e) => e.participants !== null).length;
	if (reason || (cell.kind !== 'published' && cell.kind !== 'synthetic')) return { id: 'participants', label: ui.headline.tiles.participants, value: { missing: reason ?? 'not_published' }, detail: [] };
	const provenance: Provenance = cell.kind === 'published' ? { kind: 'published', sources: cell.sources, derived: false } : { kind: 'synthetic', ...(cell.imported ? { imported: cell.imported } : {}) };
	return {
		id: 'participants',
		label: ui.headline.tiles.participants,
		value: { text: formatInteger(cell.value), provenance },
		// A published total covers only the editions that state a count: say so where some are silent.
		detail: [cell.kind === 'published' && counted < editions.length ? ui.headline.editionsCounted(counted, editions.length) : ui.headline.centres(overview.centres.length)]
	};
}

/** Left-out centres grouped by why: "OPS Chocianów, OPS Świebodzice: ukryte". */
function leftOut(centres: CentreSummary[], reasons: (MissingReason | null)[]): string | null {
	const byReason = new Map<MissingReason, string[]>();
	reasons.forEach((r, i) => r && byReason.set(r, [...(byReason.get(r) ?? []), centres[i].shortName]));
	return byReason.size ? [...byReason].map(([r, names]) => `${names.join(', ')}: ${ui.reason(r).label}`).join('; ') : null;
}

interface Employment {
	tile: Tile;
	/** "3 z 35; 95% PU 3–22%" */
	interval: string;
	/** How many centres the pooled rate covers: "2 z 5 ośrodków". */
	covered: string;
	/** The centres left out, by name and reason. */
	leftOut: string | null;
}

/**
 * Employed upon leaving, pooled over the centres whose rate the view shows: k and n are sums of figures already on
 * screen, so the pooled rate tells nothing a hidden cell keeps back. Hidden centres are named, never pooled.
 */
function employmentOf(centres: CentreSummary[], view: View): Employment {
	const cells = centres.map((c) => onlyPublished(c.employment, view));
	const shown = cells.filter((c): c is Extract<RateCell, { kind: 'published' | 'synthetic' }> => c.kind === 'published' || c.kind === 'synthetic');
	const reasons = cells.map(missingReason);
	const label = ui.headline.tiles.employment;
	const k = shown.reduce((s, c) => s + c.k, 0);
	const n = shown.reduce((s, c) => s + c.n, 0);
	const others = [...new Set(reasons.filter((r): r is MissingReason => !!r))];
	const covered = ui.headline.centresCovered(shown.length, centres.length);
	const rest = others.length ? ui.headline.others(others.map((r) => ui.reason(r).label)) : null;
	// The tile's one reason is a centre's that has participants: with 15 selected, „no one selected” would be untrue.
	const reason = others.find((r) => r !== 'no_one_selected') ?? others[0] ?? 'not_published';
	if (!shown.length || n === 0) return { tile: { id: 'employment', label, value: { missing: reason }, detail: [] }, interval: '', covered, leftOut: leftOut(centres, reasons) };
	const { rate, low, high } = wilson(k, n);
	const interval = ui.headline.rate(k, n, formatPercent(low), formatPercent(high));
	return {
		tile: { id: 'employment', label, value: { text: formatPercent(rate), provenance: pooledProvenance(shown, shown.length > 1) }, detail: [interval, rest ? `${covered}; ${rest}` : covered] },
		interval,
		covered,
		leftOut: leftOut(centres, reasons)
	};
}

type PublishedValue = Extract<ValueCell, { kind: 'published' }>;

/** Budgets and costs are whole-edition figures: a participant filter leaves them out (cells.ts), and so does the tile. */
const omittedIn = (cells: ValueCell[]): MissingReason | null => missingReason(cells.find((c) => c.kind === 'omitted') ?? { kind: 'synthetic', value: 0 });

function budgetsTile(centres: CentreSummary[]): Tile {
	const label = ui.headline.tiles.budgets;
	const cells = centres.map((c) => c.budget);
	const omitted = omittedIn(cells);
	if (omitted) return { id: 'budgets', label, value: { missing: omitted }, detail: [] };
	const known = centres.filter((c) => c.budget.kind === 'published');
	const values = known.map((c) => c.budget as PublishedValue);
	const detail = [ui.headline.budgetsFrom(known.length, centres.length, known.map((c) => c.shortName))];
	if (!known.length) return { id: 'budgets', label, value: { missing: 'not_published' }, detail };
	const total = Math.round(values.reduce((s, v) => s + v.value, 0) * 100) / 100;
	// One budget is shown as published; a sum of several is ours, from published figures.
	return { id: 'budgets', label, value: { text: formatMoney(total), provenance: { kind: 'published', sources: union(values.map((v) => v.sources)), derived: known.length > 1 } }, detail };
}

function costTile(centres: CentreSummary[]): { tile: Tile; lowest: Figure | null; highest: Figure | null; lowName: string; highName: string } {
	const label = ui.headline.tiles.cost;
	const cells = centres.map((c) => c.costPerParticipant);
	const omitted = omittedIn(cells);
	const none = { lowest: null, highest: null, lowName: '', highName: '' };
	if (omitted) return { tile: { id: 'cost', label, value: { missing: omitted }, detail: [] }, ...none };
	const known = centres.filter((c) => c.costPerParticipant.kind === 'published').sort((a, b) => (a.costPerParticipant as PublishedValue).value - (b.costPerParticipant as PublishedValue).value);
	if (!known.length) return { tile: { id: 'cost', label, value: { missing: 'not_published' }, detail: [ui.headline.costFrom(0, centres.length, '', '')] }, ...none };
	const figure = (c: CentreSummary): Figure => {
		const cell = c.costPerParticipant as PublishedValue;
		return { text: formatMoney(cell.value), provenance: { kind: 'published', sources: cell.sources, derived: true } };
	};
	const [low, high] = [known[0], known[known.length - 1]];
	const lowest = figure(low);
	const highest = figure(high);
	const text = known.length > 1 ? `${lowest.text} – ${highest.text}` : lowest.text;
	return {
		tile: {
			id: 'cost',
			label,
			value: { text, provenance: { kind: 'published', sources: union(known.map((c) => (c.costPerParticipant as PublishedValue).sources)), derived: true } },
			detail: [ui.headline.costFrom(known.length, centres.length, low.shortName, high.shortName)]
		},
		lowest,
		highest,
		lowName: low.shortName,
		highName: high.shortName
	};
}

/** The headline of an overview answer, in the view the page shows ("published only" keeps only published figures). */
export function headline(overview: Overview, view: View): Headline {
	const participants = participantsTile(overview, view);
	const employment = employmentOf(overview.centres, view);
	const budgets = budgetsTile(overview.centres);
	const cost = costTile(overview.centres);
	const s = ui.headline.sentence;
	const count = isFigure(participants.value) ? (overview.selection as { value: number }).value : 0;
	const people = isFigure(participants.value) ? s.people(participants.value, nounFor(count, ui.nouns.participant)) : s.peopleMissing(participants.value);
	const work = isFigure(employment.tile.value) ? s.employed(employment.tile.value, employment.interval, employment.covered, employment.leftOut) : s.employedMissing(employment.tile.value);
	const budgetCount = overview.centres.filter((c) => c.budget.kind === 'published').length;
	const money = !isFigure(budgets.value)
		? budgets.value.missing === 'not_published'
			? s.noBudgets(overview.centres.length)
			: s.moneyMissing(budgets.value)
		: cost.lowest && cost.highest && cost.lowest !== cost.highest && cost.lowName !== cost.highName
			? s.budgetsAndCostRange(budgetCount, overview.centres.length, budgets.value, cost.lowest, cost.lowName, cost.highest, cost.highName)
			: s.budgetsAndCost(budgetCount, overview.centres.length, budgets.value, isFigure(cost.tile.value) ? cost.tile.value : null);
	return { tiles: [participants, employment.tile, budgets, cost.tile], sentence: [...people, ...work, ' ', ...money] };
}
