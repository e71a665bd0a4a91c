// The colour scheme, set on <html data-scheme> before anything is drawn, so a dark page never flashes light: the
// reader's choice if one is stored, else the system's preference, which it keeps following. A file of its own,
// loaded from <head> without defer, because the CSP allows scripts from the site ('self') but no unhashed inline
// ones. The header's switch (src/lib/state/scheme.svelte.ts) stores a choice and sends 'colour-scheme' to apply it.
(function () {
	var KEY = 'colour-scheme';
	var system = matchMedia('(prefers-color-scheme: dark)');
	// Paper is light whatever the screen: a dark page printed would be pale ink on white, charts included.
	var paper = matchMedia('print');
	function chosen() {
		try {
			var value = localStorage.getItem(KEY);
			return value === 'light' || value === 'dark' ? value : null;
		} catch (e) {
			// Storage refused (a privacy setting): the system's preference still holds.
			return null;
		}
	}
	function apply() {
		document.documentElement.setAttribute('data-scheme', paper.matches ? 'light' : chosen() || (system.matches ? 'dark' : 'light'));
	}
	apply();
	system.addEventListener('change', apply);
	paper.addEventListener('change', apply);
	addEventListener('beforeprint', function () {
		document.documentElement.setAttribute('data-scheme', 'light');
	});
	addEventListener('afterprint', apply);
	addEventListener('colour-scheme', apply);
	// A choice made in another tab.
	addEventListener('storage', function (event) {
		if (event.key === KEY || event.key === null) apply();
	});
})();
