// The page's handle on one import: a worker doing the reading, checking and encoding, with its progress, and a
// cancel that stops it at once (the worker is ended; nothing it held is loaded).
import type { TableName } from '../dictionary';
import type { Mapping } from './mapping';
import type { WorkerReply, WorkerRequest, WorkerTask } from './import.worker';
import { getLocale } from '../i18n/locale';
import ImportWorker from './import.worker?worker';

type Reply<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;

export class ImportSession {
	/** 0..1 while a file is read; null when nothing is being read. */
	progress = $state<number | null>(null);
	private worker = new ImportWorker();
	private pending: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | null = null;
	/** The worker answers one request at a time: a second (a re-check while a file is encoded) waits its turn. */
	private turn: Promise<unknown> = Promise.resolve();
	private closed = false;

	constructor() {
		this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') this.progress = reply.share;
			else if (reply.type === 'failed') this.settle((p) => p.reject(new Error(reply.message)));
			else this.settle((p) => p.resolve(reply));
		};
	}

	private settle(action: (pending: NonNullable<ImportSession['pending']>) => void) {
		const pending = this.pending;
		this.pending = null;
		this.progress = null;
		if (pending) action(pending);
	}

	private ask<T extends WorkerReply['type']>(task: WorkerTask, transfer: Transferable[] = []): Promise<Reply<T>> {
		const asked = this.turn.then(
			() =>
				new Promise<Reply<T>>((resolve, reject) => {
					if (this.closed) return reject(new Error('import session closed'));
					this.pending = { resolve: resolve as (reply: WorkerReply) => void, reject };
					this.worker.postMessage({ ...task, locale: getLocale() } satisfies WorkerRequest, transfer);
				})
		);
		this.turn = asked.catch(() => undefined);
		return asked;
	}

	parse(file: File) {
		this.progress = 0;
		return this.ask<'parsed'>({ type: 'parse', file });
	}

	check(table: TableName, mapping: Mapping, known: Partial<Record<TableName, string[]>>) {
		return this.ask<'checked'>({ type: 'check', table, mapping: $state.snapshot(mapping), known });
	}

	/** The checked rows as Arrow, kept in IndexedDB under the import's own `id`. */
	encode(table: TableName, id: string) {
		return this.ask<'encoded'>({ type: 'encode', table, id });
	}

	/** Stops whatever the worker is doing; a new session is needed after. */
	cancel(reason: string) {
		this.closed = true;
		this.worker.terminate();
		this.settle((p) => p.reject(new Error(reason)));
	}

	/** Ends the worker; a request still waiting is refused, so no one waits on it (an import's turn would never end). */
	close() {
		this.cancel('import session closed');
	}
}
