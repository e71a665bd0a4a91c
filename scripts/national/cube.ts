// Pre-aggregates of the national set, so that the national and regional views need no participant rows: one row
// per centre, year, sex and age band with head counts, outcomes and the support's cost. About 100,000 rows stand
// for a million participants, and every view of the national page is a GROUP BY over them (Mosaic's data cubes).
import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import type { Participant, Support, Tables } from '../../src/lib/dictionary';

export interface CubeRow {
	centre_id: string;
	/** The centre's 7-digit TERC code as a number: the national pages group by it with no join to `centres`. */
	centre_code: number;
	year: number;
	sex: Participant['sex'];
	age_band: string;
	participants: number;
	completed: number;
	employed: number;
	cost_pln: number;
}

export function buildCube(set: Pick<Tables, 'centres' | 'editions' | 'participants' | 'support'>): CubeRow[] {
	const code = new Map(set.centres.map((c) => [c.centre_id, Number(c.teryt)]));
	const year = new Map(set.editions.map((e) => [e.edition_id, e.year]));
	const cost = new Map<string, number>();
	for (const s of set.support as Support[]) cost.set(s.participant_id, (cost.get(s.participant_id) ?? 0) + s.cost_pln);
	const cells = new Map<string, CubeRow>();
	for (const p of set.participants) {
		const y = year.get(p.edition_id);
		// An edition whose year no page states (Leszno's) has no place on a time axis: it stays in the five-centre
		// views, which show it with its own mark.
		if (y === null || y === undefined) continue;
		const key = `${p.centre_id}|${y}|${p.sex}|${p.age_band}`;
		let cell = cells.get(key);
		if (!cell) cells.set(key, (cell = { centre_id: p.centre_id, centre_code: code.get(p.centre_id)!, year: y, sex: p.sex, age_band: p.age_band, participants: 0, completed: 0, employed: 0, cost_pln: 0 }));
		cell.participants += 1;
		if (p.completion === 'completed') cell.completed += 1;
		if (p.outcome_employed) cell.employed += 1;
		cell.cost_pln += cost.get(p.participant_id) ?? 0;
	}
	// Sums of grosze, rounded once: float addition over thousands of rows would leave 0.30000000000000004.
	return [...cells.values()].map((c) => ({ ...c, cost_pln: Math.round(c.cost_pln * 100) / 100 }));
}

/** The cube as Arrow IPC, as DuckDB loads it: ids and categories dictionary-encoded, counts as integers. */
export function cubeIPC(cube: CubeRow[]): Uint8Array {
	const table = tableFromArrays({
		centre_id: cube.map((r) => r.centre_id),
		centre_code: Int32Array.from(cube, (r) => r.centre_code),
		year: Int16Array.from(cube, (r) => r.year),
		sex: cube.map((r) => r.sex),
		age_band: cube.map((r) => r.age_band),
		participants: Int32Array.from(cube, (r) => r.participants),
		completed: Int32Array.from(cube, (r) => r.completed),
		employed: Int32Array.from(cube, (r) => r.employed),
		cost_pln: Float64Array.from(cube, (r) => r.cost_pln)
	}) as Table;
	return tableToIPC(table, 'stream');
}
