// DuckDB's worker, started while the page's own scripts are still on their way: its script (0.77 MB, 0.17 MB
// compressed) then loads and runs beside them, and the engine (lib/db/browser.ts) finds it ready to be told to
// instantiate (measured in turns: a cold visit ready about 0.18 s sooner). A file of its own, as scheme.js,
// because the CSP allows no unhashed inline script. The worker's address comes from the page (a meta tag written
// at build time with the hashed file name); one of another origin is refused by the browser and the CSP.
(function () {
	var meta = document.querySelector('meta[name="duckdb-worker"]');
	if (!meta || typeof Worker === 'undefined') return;
	try {
		window.__earlyDuckDBWorker = { url: new URL(meta.content, location.href).href, worker: new Worker(meta.content) };
	} catch (e) {
		// The engine makes its own worker then, as before.
	}
})();
