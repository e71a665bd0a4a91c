// The SQL explorer's own DuckDB: a second engine, in a worker of its own, over the same files and the user's
// imports, locked before its first statement. Nothing a researcher's query does reaches the dashboard's engine,
// a long query never holds up the dashboard's questions, and Cancel or the time limit ends its worker outright.
import type { DatabaseDoor, Exploration } from '../db/database';
import { readsParticipantRows } from '../queries/explorer';

/** The time limits a researcher can pick, in seconds; the default is the second. */
export const TIME_LIMITS = [5, 30, 120, 600] as const;
export type TimeLimit = (typeof TIME_LIMITS)[number];

/** Why the explorer has no result to show: typed here, worded by the i18n module. */
export type ExplorerFailure =
	| { kind: 'refused'; message: string }
	| { kind: 'engine'; message: string }
	| { kind: 'cancelled' }
	| { kind: 'timeout'; seconds: number };

/** The user's imports, as the explorer's engine needs them. */
export interface UserImports {
	copy: (door: DatabaseDoor) => Promise<void>;
	version: () => string;
}

class Stopped extends Error {
	constructor(readonly failure: ExplorerFailure) {
		super(failure.kind);
	}
}

export class Explorer {
	/** The query on screen or running, its answer, and how long it took to arrive on screen. */
	sql = $state('');
	running = $state(false);
	startedAt = $state(0);
	result = $state.raw<(Exploration & { ms: number; synthetic: boolean }) | null>(null);
	failure = $state.raw<ExplorerFailure | null>(null);
	limit = $state<TimeLimit>(TIME_LIMITS[1]);

	#door: Promise<DatabaseDoor> | undefined;
	#importsCopied = '';
	#stop: ((failure: ExplorerFailure) => void) | undefined;
	readonly #open: () => DatabaseDoor;
	readonly #imports: UserImports;

	/**
	 * @param open a fresh database over the site's files (not yet started)
	 * @param imports puts the user's imports into it, as the dashboard has them, and says which those are
	 */
	constructor(open: () => DatabaseDoor, imports: UserImports) {
		this.#open = open;
		this.#imports = imports;
	}

	/** Starts the explorer's engine ahead of the first query (the page does so on opening); a new one once the
	 * user's imports have changed since it copied them. */
	prepare(): Promise<DatabaseDoor> {
		if (this.#door && this.#importsCopied !== this.#imports.version() && !this.running) void this.close(this.#door);
		this.#door ??= (async () => {
			const door = this.#open();
			await door.ready();
			this.#importsCopied = this.#imports.version();
			await this.#imports.copy(door);
			await door.lock();
			return door;
		})();
		this.#door.catch(() => (this.#door = undefined));
		return this.#door;
	}

	/**
	 * Runs one researcher's query. `refusal` is the friendly text check's verdict: it words the common refusals
	 * better than the engine would, but the engine's lock and parser are what enforce them.
	 */
	async run(sql: string, refusal: string | null, onScreen: () => Promise<void>) {
		// One query at a time: the engine is single-threaded, and Cancel is how to stop the one running.
		if (this.running) return;
		this.sql = sql;
		this.result = null;
		if (refusal) {
			this.failure = { kind: 'refused', message: refusal };
			return;
		}
		this.failure = null;
		// Before `running`: an engine whose copy of the user's imports is out of date is replaced here.
		const door = this.prepare();
		this.running = true;
		this.startedAt = performance.now();
		const started = this.startedAt;
		const seconds = this.limit;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const stopped = new Promise<never>((_, reject) => {
			this.#stop = (failure) => reject(new Stopped(failure));
			timer = setTimeout(() => reject(new Stopped({ kind: 'timeout', seconds })), seconds * 1000);
		});
		try {
			const answer = await Promise.race([door.then((d) => d.explore(sql)), stopped]);
			this.result = { ...answer, ms: 0, synthetic: readsParticipantRows(sql) };
			this.running = false;
			await onScreen();
			// Time to the result on screen, not to the engine's last byte: converting and drawing rows count too.
			if (this.startedAt === started) this.result = { ...this.result, ms: performance.now() - started };
		} catch (error) {
			this.running = false;
			if (error instanceof Stopped) {
				this.failure = error.failure;
				// The only way to stop a query inside duckdb-wasm is to end its worker; the next query starts afresh.
				await this.close(door);
			} else {
				this.failure = { kind: 'engine', message: error instanceof Error ? error.message : String(error) };
			}
		} finally {
			clearTimeout(timer);
			this.#stop = undefined;
		}
	}

	cancel() {
		this.#stop?.({ kind: 'cancelled' });
	}

	/** „Przywróć dane”: a new engine from the files and the user's imports, whatever the last one went through. */
	async reset() {
		this.cancel();
		if (this.#door) await this.close(this.#door);
		this.result = null;
		this.failure = null;
		await this.prepare();
	}

	/** Ends this engine, and forgets it unless a newer one has already taken its place. */
	private async close(door: Promise<DatabaseDoor>) {
		if (this.#door === door) this.#door = undefined;
		await door.then((d) => d.close()).catch(() => undefined);
	}
}
