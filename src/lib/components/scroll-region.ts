// A box that scrolls (a wide table on a narrow screen, a long source text) must be reachable by keyboard,
// or its hidden part cannot be scrolled into view without a mouse (WCAG 2.1.1). While its content
// overflows it is a focusable, named region; otherwise it stays out of the tab order.
import type { Attachment } from 'svelte/attachments';

export function scrollRegion(label: string): Attachment<HTMLElement> {
	return (box) => {
		const update = () => {
			if (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight) {
				box.tabIndex = 0;
				box.setAttribute('role', 'region');
				box.setAttribute('aria-label', label);
			} else {
				box.removeAttribute('tabindex');
				box.removeAttribute('role');
				box.removeAttribute('aria-label');
			}
		};
		// The box resizes with the window or an opening <details>, its content when the figures change.
		const observer = new ResizeObserver(update);
		observer.observe(box);
		if (box.firstElementChild) observer.observe(box.firstElementChild);
		return () => observer.disconnect();
	};
}
