// The SQL explorer's own DuckDB: a second engine, in a worker of its own, over the five centres' files and the
// user's imports, or over the national synthetic set, locked before its first statement. Nothing a researcher's
// query does reaches the dashboard's engine, a long query never holds up the dashboard's questions, and Cancel or
// the time limit ends its worker outright.
import type { DatabaseDoor, Exploration } from '../db/database';
import { readsParticipantRows } from '../queries/explorer';
import type { ExplorerDataset } from './explorer-url';

/** The time limits a researcher can pick, in seconds; the default is the second. */
export const TIME_LIMITS = [5, 30, 120, 600] as const;
export type TimeLimit = (typeof TIME_LIMITS)[number];

/** Why the explorer has no result to show: typed here, worded by the i18n module. */
export type ExplorerFailure =
	| { kind: 'refused'; message: string }
	| { kind: 'engine'; message: string }
	| { kind: 'cancelled' }
	| { kind: 'timeout'; seconds: number };

/** How far the engine's start has come: the wasm downloaded, then the tables loaded one by one. */
export type LoadStep = { step: 'engine' | 'tables'; loaded: number; total: number };

/** What an engine answers from: a dataset and, for the national set, one voivodeship's participant rows. */
export interface ExplorerData {
	dataset: ExplorerDataset;
	region: string | null;
}

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
	/** The data it answers from; a change starts another engine (see `show`). */
	dataset = $state<ExplorerDataset>('centres');
	region = $state<string | null>(null);
	/** The engine's start, while it lasts. */
	loading = $state.raw<LoadStep | null>(null);
	/** The query on screen or running, its answer, and how long it took to arrive on screen. */
	sql = $state('');
	running = $state(false);
	startedAt = $state(0);
	result = $state.raw<(Exploration & { ms: number; synthetic: boolean; dataset: ExplorerDataset }) | null>(null);
	failure = $state.raw<ExplorerFailure | null>(null);
	limit = $state<TimeLimit>(TIME_LIMITS[1]);

	#door: Promise<DatabaseDoor> | undefined;
	/** Which data #door holds, as `dataset:region`. */
	#doorData = '';
	#importsCopied = '';
	#stop: ((failure: ExplorerFailure) => void) | undefined;
	/** Counts runs; a run whose number is no longer the latest was overtaken by a switch of data (show). */
	#run = 0;
	readonly #open: (data: ExplorerData, onProgress: (step: LoadStep) => void) => DatabaseDoor;
	readonly #imports: UserImports;

	/**
	 * @param open a fresh database over a dataset's files (not yet started), reporting its start
	 * @param imports puts the user's imports into it, as the dashboard has them, and says which those are
	 */
	constructor(open: (data: ExplorerData, onProgress: (step: LoadStep) => void) => DatabaseDoor, imports: UserImports) {
		this.#open = open;
		this.#imports = imports;
	}

	get #data(): string {
		return `${this.dataset}:${this.region ?? ''}`;
	}

	/**
	 * Which data to answer from, as the page's address says. Another dataset or voivodeship ends the engine over
	 * the last one (a running query too) and starts a fresh, locked one; a query and answer of one dataset never
	 * show over another (the page puts that dataset's own query in the editor).
	 */
	show({ dataset, region }: ExplorerData) {
		region = dataset === 'national' ? region : null;
		if (dataset === this.dataset && region === this.region) return;
		// The running query's worker ends with its engine; its answer or failure, when it settles, is dropped, and
		// the new data's first query need not wait for that.
		this.cancel();
		this.#run++;
		this.running = false;
		if (dataset !== this.dataset) this.sql = '';
		this.dataset = dataset;
		this.region = region;
		this.result = null;
		this.failure = null;
		void this.prepare().catch(() => undefined);
	}

	/** Starts the explorer's engine ahead of the first query (the page does so on opening); a new one once the
	 * data it should hold, or the user's imports, have changed since it loaded them. */
	prepare(): Promise<DatabaseDoor> {
		const data = this.#data;
		const centres = this.dataset === 'centres';
		// Other data: always (show() has cancelled the query). Newer imports: not under a running query.
		if (this.#door && (this.#doorData !== data || (centres && !this.running && this.#importsCopied !== this.#imports.version()))) void this.close(this.#door);
		if (!this.#door) {
			this.#doorData = data;
			const current = () => this.#doorData === data;
			this.loading = { step: 'engine', loaded: 0, total: 1 };
			const door = (async () => {
				const door = this.#open({ dataset: this.dataset, region: this.region }, (step) => current() && (this.loading = step));
				await door.ready();
				// The user's imports belong beside the five centres, in their tables; the national set has none.
				if (centres) {
					this.#importsCopied = this.#imports.version();
					await this.#imports.copy(door);
				}
				await door.lock();
				if (current()) this.loading = null;
				return door;
			})();
			this.#door = door;
			door.catch(() => {
				if (this.#door === door) this.#door = undefined;
				if (current()) this.loading = null;
			});
		}
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
		const { dataset } = this;
		const run = ++this.#run;
		const current = () => this.#run === run;
		try {
			const answer = await Promise.race([door.then((d) => d.explore(sql)), stopped]);
			if (!current()) return;
			this.running = false;
			// Every answer over the national set is synthetic demo data, whatever tables it read.
			this.result = { ...answer, ms: 0, synthetic: dataset === 'national' || readsParticipantRows(sql), dataset };
			await onScreen();
			// Time to the result on screen, not to the engine's last byte: converting and drawing rows count too.
			if (current() && this.startedAt === started) this.result = { ...this.result, ms: performance.now() - started };
		} catch (error) {
			// Overtaken by other data: that data's page shows no failure of this one, and its engine is gone already.
			if (!current()) return;
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
			if (current()) this.#stop = undefined;
		}
	}

	cancel() {
		this.#stop?.({ kind: 'cancelled' });
	}

	/** „Przywróć dane”: a new engine from the files (and the user's imports), whatever the last one went through. */
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
