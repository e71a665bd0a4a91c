// The explorer's query history, kept in this browser (localStorage) and nowhere else: newest first, no repeats.
const KEY = 'pokl711.sql-history';
const LIMIT = 30;

function read(): string[] {
	try {
		const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(stored) ? stored.filter((q): q is string => typeof q === 'string').slice(0, LIMIT) : [];
	} catch {
		// Storage off or the entry damaged: start empty rather than fail the page.
		return [];
	}
}

class QueryHistory {
	entries = $state<string[]>([]);

	load() {
		this.entries = read();
	}

	add(sql: string) {
		this.entries = [sql, ...this.entries.filter((q) => q !== sql)].slice(0, LIMIT);
		this.save();
	}

	clear() {
		this.entries = [];
		this.save();
	}

	private save() {
		try {
			localStorage.setItem(KEY, JSON.stringify(this.entries));
		} catch {
			// A full or blocked storage loses the history, not the query.
		}
	}
}

export const queryHistory = new QueryHistory();
