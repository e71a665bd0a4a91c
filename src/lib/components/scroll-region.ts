// A box that scrolls (a wide table on a narrow screen, a long source text) must be reachable by keyboard,
// or its hidden part cannot be scrolled into view without a mouse (WCAG 2.1.1). While its content
// overflows it is a focusable, named region; otherwise it stays out of the tab order.
import type { Attachment } from 'svelte/attachments';

/**
 * `overflows`: the caller knows the box scrolls without measuring it (a virtual table taller than its box can be).
 * Such a box is a region even while the browser skips its layout (`content-visibility: auto` off screen), when
 * no resize is observed: a reader tabbing down the page still reaches it.
 */
export function scrollRegion(label: string, overflows = false): Attachment<HTMLElement> {
	return (box) => {
		const mark = (region: boolean) => {
			if (region) {
				box.tabIndex = 0;
				box.setAttribute('role', 'region');
				box.setAttribute('aria-label', label);
			} else {
				box.removeAttribute('tabindex');
				box.removeAttribute('role');
				box.removeAttribute('aria-label');
			}
		};
		if (overflows) {
			mark(true);
			return;
		}
		// Otherwise the observer measures the box once it is laid out. One whose layout is skipped now reports
		// nothing until then, so a region it was (a long table shortened while off screen) is cleared here; one
		// on screen keeps its marks until measured, so a reader's focus on it is not dropped in between. Only a box
		// marked already is asked: asking forces the page's style, which a table's first mount need not.
		if (box.getAttribute('role') === 'region' && !box.checkVisibility?.({ contentVisibilityAuto: true })) mark(false);
		const update = () => mark(box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight);
		// The box resizes with the window or an opening <details>, its content when the figures change.
		const observer = new ResizeObserver(update);
		observer.observe(box);
		if (box.firstElementChild) observer.observe(box.firstElementChild);
		return () => observer.disconnect();
	};
}
