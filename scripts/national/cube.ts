// Pre-aggregates of the national set, so that the national and regional views need no participant rows: one row
// per centre, year, sex and age band with head counts, outcomes and the support's cost. About 100,000 rows stand
// for a million participants, and every view of the national page is a GROUP BY over them (Mosaic's data cubes).
import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import type { Participant, Support, Tables } from '../../src/lib/dictionary';
import type { Stratum } from '../../src/lib/queries/national';

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

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const stratumKey = (r: { year: number; sex: string; age_band: string }) => `${r.year}|${r.sex}|${r.age_band}`;

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
	// Each centre's rows together (in the order centres first appear) and, within a centre, by year, sex and age
	// band: the row's stratum (`cubeStrata`) then repeats a short run and costs the download almost nothing (in the
	// generator's order it added 80 kB gzipped, the entropy of 120,651 numbers out of 70).
	const centreOrder = new Map<string, number>();
	for (const c of cells.values()) if (!centreOrder.has(c.centre_id)) centreOrder.set(c.centre_id, centreOrder.size);
	const rows = [...cells.values()].sort((a, b) => centreOrder.get(a.centre_id)! - centreOrder.get(b.centre_id)! || a.year - b.year || compare(a.sex, b.sex) || compare(a.age_band, b.age_band));
	return rows.map((c) => ({ ...c, cost_pln: Math.round(c.cost_pln * 100) / 100 }));
}

/**
 * The cube's strata (70: 7 years × 2 sexes × 5 age bands), numbered in order of year, sex and age band. A page
 * reads them once; a filter change works out which combination of the filters' values each stratum falls in, 70
 * numbers, and spreads that over the cube's rows by their stratum (queries/national.ts): asking DuckDB that of every
 * cube row took 8–9 ms in Node, most of it writing 120,651 rows to Arrow, against 1.5 ms.
 */
export function cubeStrata(cube: readonly CubeRow[]): Stratum[] {
	const distinct = new Map<string, Omit<Stratum, 'stratum'>>();
	for (const r of cube) if (!distinct.has(stratumKey(r))) distinct.set(stratumKey(r), { year: r.year, sex: r.sex, age_band: r.age_band });
	const sorted = [...distinct.values()].sort((a, b) => a.year - b.year || compare(a.sex, b.sex) || compare(a.age_band, b.age_band));
	// One byte per cube row (in the cube's order, centre then stratum, the column compresses to almost nothing).
	if (sorted.length > 256) throw new Error(`cube: ${sorted.length} strata do not fit a byte`);
	return sorted.map((s, stratum) => ({ stratum, ...s }));
}

/** The strata as Arrow IPC: the table `strata`, which the cube's `stratum` column points into. */
export function strataIPC(strata: readonly Stratum[]): Uint8Array {
	const table = tableFromArrays({
		stratum: Uint8Array.from(strata, (s) => s.stratum),
		year: Int16Array.from(strata, (s) => s.year),
		sex: strata.map((s) => s.sex),
		age_band: strata.map((s) => s.age_band)
	}) as Table;
	return tableToIPC(table, 'stream');
}

/** The cube as Arrow IPC, as DuckDB loads it: ids and categories dictionary-encoded, counts as integers, each row's stratum. */
export function cubeIPC(cube: CubeRow[], strata: readonly Stratum[] = cubeStrata(cube)): Uint8Array {
	const numbered = new Map(strata.map((s) => [stratumKey(s), s.stratum]));
	const table = tableFromArrays({
		centre_id: cube.map((r) => r.centre_id),
		centre_code: Int32Array.from(cube, (r) => r.centre_code),
		year: Int16Array.from(cube, (r) => r.year),
		sex: cube.map((r) => r.sex),
		age_band: cube.map((r) => r.age_band),
		stratum: Uint8Array.from(cube, (r) => {
			const stratum = numbered.get(stratumKey(r));
			if (stratum === undefined) throw new Error(`cube: no stratum for ${stratumKey(r)} (centre ${r.centre_id})`);
			return stratum;
		}),
		participants: Int32Array.from(cube, (r) => r.participants),
		completed: Int32Array.from(cube, (r) => r.completed),
		employed: Int32Array.from(cube, (r) => r.employed),
		cost_pln: Float64Array.from(cube, (r) => r.cost_pln)
	}) as Table;
	return tableToIPC(table, 'stream');
}
