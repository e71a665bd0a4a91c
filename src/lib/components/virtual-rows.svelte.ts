// Which rows of a long table are in view (plus a margin): TanStack Virtual driven by runes, for a table that keeps
// only those rows in the page between two spacers. Shared by DataTable's virtual mode and the explorer's VirtualTable.
import { createVirtualizer } from '@tanstack/svelte-virtual';
import { untrack } from 'svelte';
import { fromStore, get } from 'svelte/store';

export interface VirtualRows {
	/** Indexes of the rows to render, in order. */
	readonly indexes: number[];
	/** Heights of the spacers above and below them, in pixels. */
	readonly top: number;
	readonly bottom: number;
}

/**
 * `count` and `scroller` are read reactively. Until the box is measured (while prerendering, and on hydration,
 * which must render the same rows) the rows are those a box `viewHeight` pixels tall would show at its top.
 */
export function virtualRows(count: () => number, scroller: () => HTMLElement | undefined, rowHeight: number, viewHeight = 448): VirtualRows {
	const virtualizer = createVirtualizer<HTMLElement, HTMLTableRowElement>({
		count: untrack(count),
		getScrollElement: () => untrack(scroller) ?? null,
		estimateSize: () => rowHeight,
		overscan: 12,
		initialRect: { width: 0, height: viewHeight }
	});
	$effect(() => {
		const n = count();
		const element = scroller();
		// Read the store without subscribing: setOptions updates it, and a subscription here would loop.
		const instance = get(virtualizer);
		instance.setOptions({ count: n, getScrollElement: () => element ?? null });
		instance.measure();
	});
	const store = fromStore(virtualizer);
	const items = $derived(store.current.getVirtualItems());
	const top = $derived(items[0]?.start ?? 0);
	const bottom = $derived(store.current.getTotalSize() - (items.at(-1)?.end ?? 0));
	return {
		// Rows that a shorter list (a search) no longer has, until the virtualiser hears of the new count.
		get indexes() {
			const n = count();
			return items.flatMap((item) => (item.index < n ? [item.index] : []));
		},
		get top() {
			return top;
		},
		get bottom() {
			return bottom;
		}
	};
}
