// The client's start, before the page hydrates: DuckDB begins here, so that the wasm's download and compile and the
// engine's start-up (1 to 2 s on two cores) overlap hydration instead of following it. Its worker is older still:
// static/engine-start.js made it from the page's head, and the engine takes it. The prerendered page is on screen
// already; the status line follows once the layout mounts (startEngine).
import * as duckdb from '@duckdb/duckdb-wasm';
import type { ClientInit } from '@sveltejs/kit';
import { provideDuckDB } from '$lib/db/browser';
import { beginEngine } from '$lib/state/engine.svelte';
import { beginNationalEngine } from '$lib/state/national.svelte';
import { withoutLocale } from '$lib/i18n/locale';
import { engineFor } from '$lib/engine-for';

export const init: ClientInit = () => {
	provideDuckDB(duckdb);
	const which = engineFor(location.pathname, location.search);
	// The explorer over the national set starts its own locked engine; only the national pages' one begins here.
	if (which === 'centres') beginEngine();
	else if (withoutLocale(location.pathname).startsWith('/polska')) beginNationalEngine();
};
