// A DuckDB engine's start as the status lines show it: phase, progress, error, and how long the start took. The
// five centres' engine and the national set's each have one.
export type EnginePhase = 'idle' | 'engine' | 'data' | 'ready' | 'error';

export class EngineState {
	phase = $state<EnginePhase>('idle');
	/** 0..1 within the current phase. */
	progress = $state(0);
	error = $state<string | null>(null);
	/** Time from start to ready, for the status line. */
	startupMs = $state<number | null>(null);
}
