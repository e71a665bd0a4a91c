// Spans named in the browser's performance timeline (a trace or the bench reads them to say where time went).
// Never allowed to fail the work it times: an older browser's `performance.measure` takes no options and throws.

/** Names the span from `start` to `end` (performance.now() times) in the performance timeline. */
export function span(name: string, start: number, end = performance.now()) {
	try {
		performance.measure(name, { start, end });
	} catch {
		// Timing is for the reader of a trace; the dashboard works without it.
	}
}
