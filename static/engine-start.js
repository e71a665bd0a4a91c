// DuckDB's worker, started while the page's own scripts are still on their way: its 0.9 MB script then loads and
// runs beside them, and the engine (lib/db/browser.ts) finds it ready to be told to instantiate, about 0.4 s
// sooner on a cold visit. A file of its own, as scheme.js, because the CSP allows no unhashed inline script. The
// worker's address comes from the page (a meta tag written at build time with the hashed file name).
(function () {
	var meta = document.querySelector('meta[name="duckdb-worker"]');
	if (!meta || typeof Worker === 'undefined') return;
	try {
		window.__earlyDuckDBWorker = { url: new URL(meta.content, location.href).href, worker: new Worker(meta.content) };
	} catch (e) {
		// The engine makes its own worker then, as before.
	}
})();
