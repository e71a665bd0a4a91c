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
 * Why a known figure is left out of a view on purpose.
 * `whole_edition_only`: a budget, or a cost per participant, describes the whole edition, not the participants a
 * filter selects: it would answer a different question than the view asks.
 * `overlapping_support`: a rate under a form-of-support filter. One person gets several forms, so these views
 * overlap each other and every other view; their rates and complements, set side by side, single out groups that
 * no suppression pattern of one view can keep hidden (the auditor found them). Head counts stay.
 */
export type OmittedReason = 'whole_edition_only' | 'overlapping_support';

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

/** A head count from synthetic participant rows: "<5" when small. */
export function syntheticCount(count: number | null): ValueCell {
	if (count === null) return { kind: 'unknown' };
	return isSmall(count) ? { kind: 'suppressed' } : { kind: 'synthetic', value: count };
}

/** A rate from synthetic participant rows: hidden when a small cell could single someone out. */
export function syntheticRate(k: number | null, n: number | null): RateCell {
	if (k === null || n === null || n === 0) return { kind: 'unknown' };
	if (rateIsDisclosive(k, n)) return { kind: 'suppressed', n };
	return { kind: 'synthetic', k, n, sources: [], ...wilson(k, n) };
}

/** What the "published figures only" view keeps. */
export function onlyPublished<C extends ValueCell | RateCell>(cell: C, view: 'all' | 'published'): C | { kind: 'hidden' } {
	return view === 'published' && cell.kind !== 'published' && cell.kind !== 'unknown' && cell.kind !== 'omitted' ? { kind: 'hidden' } : cell;
}
