// A figure on screen is published (with its sources), synthetic, unknown (the source is silent) or suppressed
// (disclosure control). Every table and chart reads these, so the three honesty rules hold in one place.
import { isSmall, rateIsDisclosive } from '../stats/disclosure';
import { wilson, type Interval } from '../stats/wilson';

export type ValueCell =
	| { kind: 'published'; value: number; sources: string[]; derived?: boolean }
	| { kind: 'synthetic'; value: number; imported?: Imported }
	| { kind: 'suppressed' }
	| { kind: 'unknown' }
	| { kind: 'omitted'; reason: OmittedReason };

/**
 * Why a figure is left out of a view on purpose.
 * `whole_edition_only`: a budget, or a cost per participant, describes the whole edition, not the participants a
 * filter selects: it would answer a different question than the view asks.
 * `overlapping_support`: a rate under a form-of-support filter. One person gets several forms, so these views
 * overlap each other and every other view; their rates and complements, set side by side, single out groups that
 * no suppression pattern of one view can keep hidden (the auditor found them). Head counts stay.
 * `no_one_selected`: the filters select none of the unit's participants. Its head count is 0; a rate or a cost per
 * participant over nobody is no figure at all, and „not published” would say the source is silent, which it is not.
 */
export type OmittedReason = 'whole_edition_only' | 'overlapping_support' | 'no_one_selected';

export const omitted = (reason: OmittedReason): ValueCell => ({ kind: 'omitted', reason });
export const omittedRate = (reason: OmittedReason): RateCell => ({ kind: 'omitted', reason });

export type RateCell =
	| ({ kind: 'published' | 'synthetic'; k: number; n: number; sources: string[]; imported?: Imported } & Interval)
	/** n is left out where the group's size is what must stay hidden. */
	| { kind: 'suppressed'; n?: number }
	| { kind: 'unknown' }
	| { kind: 'omitted'; reason: OmittedReason };

/** A figure from participant rows that include the user's own imported rows: some of them, or all. */
export type Imported = 'some' | 'all';

/** Marks a figure computed from participant rows with how many of them came from the user's files. */
export function markImported<C extends ValueCell | RateCell>(cell: C, imported: number, n: number): C {
	if (cell.kind !== 'synthetic' || imported === 0) return cell;
	return { ...cell, imported: imported >= n ? 'all' : 'some' };
}

export const published = (value: number | null | undefined, sources: string[], derived = false): ValueCell =>
	value === null || value === undefined ? { kind: 'unknown' } : { kind: 'published', value, sources, ...(derived ? { derived } : {}) };

export function publishedRate(k: number, n: number, sources: string[]): RateCell {
	return { kind: 'published', k, n, sources, ...wilson(k, n) };
}

/** A head count from synthetic participant rows: „ukryte” when small. */
export function syntheticCount(count: number | null): ValueCell {
	if (count === null) return { kind: 'unknown' };
	return isSmall(count) ? { kind: 'suppressed' } : { kind: 'synthetic', value: count };
}

/** A rate from synthetic participant rows: hidden when a small cell could single someone out. */
export function syntheticRate(k: number | null, n: number | null): RateCell {
	if (k === null || n === null) return { kind: 'unknown' };
	if (n === 0) return omittedRate('no_one_selected');
	if (rateIsDisclosive(k, n)) return { kind: 'suppressed', n };
	return { kind: 'synthetic', k, n, sources: [], ...wilson(k, n) };
}

/**
 * A figure as a view shows it: its cell, hidden because the view shows published figures only, or absent for a
 * reason a chart's data carries (no edition that year, no year to set prices by).
 */
export type ShownCell = ValueCell | RateCell | { kind: 'hidden' } | { kind: 'missing'; reason: MissingReason };

/**
 * Why a figure is absent, as one code wherever it travels (table cell, chart bar, export row); `pl.reason` gives its
 * words. `not_published`: the source is silent. `hidden_small`: disclosure control (a group of 1–4, or a figure
 * that would give one away; one code for both, so none says which is small). `published_only`: a synthetic figure
 * in the "published figures only" view. `unknown_year`: an amount whose edition has no year cannot be moved to
 * constant prices. `no_edition`: the centre ran no edition that year. `no_cost`: no support cost in the
 * selection. `not_applicable`: the figure stands in another column (an edition its page does not split). The two
 * omitted reasons are explained at OmittedReason.
 */
export type MissingReason = 'not_published' | 'hidden_small' | 'published_only' | 'unknown_year' | 'no_edition' | 'no_cost' | 'not_applicable' | OmittedReason;

/** The reason a shown cell carries no figure, or null when it has one. */
export function missingReason(cell: ShownCell): MissingReason | null {
	switch (cell.kind) {
		case 'unknown':
			return 'not_published';
		case 'suppressed':
			return 'hidden_small';
		case 'hidden':
			return 'published_only';
		case 'omitted':
		case 'missing':
			return cell.reason;
		default:
			return null;
	}
}

/** What the "published figures only" view keeps. „No one selected” is read off synthetic rows, so it goes too. */
export function onlyPublished<C extends ValueCell | RateCell>(cell: C, view: 'all' | 'published'): C | { kind: 'hidden' } {
	const kept = cell.kind === 'published' || cell.kind === 'unknown' || (cell.kind === 'omitted' && cell.reason !== 'no_one_selected');
	return view === 'published' && !kept ? { kind: 'hidden' } : cell;
}
