// The colour scheme as the app sees it: the reader's choice (system, light or dark, kept in localStorage) and the
// scheme in force. static/scheme.js applies it to <html data-scheme> before the first paint; this module only
// stores a choice and watches the attribute, so there is one rule for what a choice means, and charts redraw
// whatever changed it (the switch, the system, another tab).
export type Scheme = 'light' | 'dark';
export type SchemeChoice = 'system' | Scheme;

/** Shared with static/scheme.js. */
export const SCHEME_KEY = 'colour-scheme';

const inForce = (): Scheme => (document.documentElement.dataset.scheme === 'dark' ? 'dark' : 'light');

function stored(): SchemeChoice {
	try {
		const value = localStorage.getItem(SCHEME_KEY);
		return value === 'light' || value === 'dark' ? value : 'system';
	} catch {
		return 'system';
	}
}

class ColourScheme {
	/** What the reader chose; 'system' follows prefers-color-scheme. */
	choice = $state<SchemeChoice>('system');
	/** The scheme on screen. Light while prerendering. */
	current = $state<Scheme>('light');

	constructor() {
		if (typeof document === 'undefined') return;
		this.choice = stored();
		this.current = inForce();
		new MutationObserver(() => (this.current = inForce())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-scheme'] });
		addEventListener('storage', () => (this.choice = stored()));
	}

	choose(choice: SchemeChoice) {
		this.choice = choice;
		try {
			if (choice === 'system') localStorage.removeItem(SCHEME_KEY);
			else localStorage.setItem(SCHEME_KEY, choice);
		} catch {
			// Storage refused (a privacy setting): the choice holds for this page only.
			if (choice !== 'system') {
				document.documentElement.dataset.scheme = choice;
				return;
			}
		}
		dispatchEvent(new Event('colour-scheme'));
	}
}

export const scheme = new ColourScheme();
