// One suppression pattern for every view at once. A count is the cell of a cross-table over the attributes its
// population names (centre, sex, labour status, …), and every view that shows that population reads the same
// table, so a cell hidden on one page is hidden on all of them. Within a table each line (the cells that add up
// to one cell of a coarser table) never has a lone hidden cell, nor hidden cells that add up to a small group, nor
// all its cells shown beside a hidden total; secondary cells are picked by a rule that depends only on the table.
import { isSmall } from './disclosure';

/** Participants counted per combination of `values`; `flags` counts those of them for whom each flag holds. */
export interface LinkedRow {
	values: Readonly<Record<string, string>>;
	n: number;
	flags: Readonly<Record<string, number>>;
}

/** A cell: the value of each attribute of its table. */
export type Cell = Readonly<Record<string, string>>;

const keyOf = (attributes: readonly string[], cell: Cell) => attributes.map((a) => `${a}=${cell[a]}`).join(';');

interface Entry {
	cell: Cell;
	count: number;
	hidden: boolean;
}

/** Every subset of the attributes, in their order, the empty one included. */
function subsetsOf(attributes: string[]): string[][] {
	const out: string[][] = [];
	for (let mask = 0; mask < 1 << attributes.length; mask++) out.push(attributes.filter((_, i) => mask & (1 << i)));
	return out;
}

const EPSILON = 1e-9;

/** Subtracts `pivot` (whose `col` coefficient is 1) from `row` as many times as clears `col` from it. */
function eliminate(row: Map<number, number>, pivot: Map<number, number>, col: number) {
	const factor = row.get(col);
	if (factor === undefined) return;
	for (const [j, v] of pivot) {
		const next = (row.get(j) ?? 0) - factor * v;
		if (Math.abs(next) < EPSILON) row.delete(j);
		else row.set(j, next);
	}
}

/**
 * The hidden cells whose value follows from the equations "parts = total" (each side a list of cells; a shown cell
 * is known, a hidden one unknown): Gauss–Jordan elimination, then a hidden cell is determined when its pivot row
 * has no other unknown left in it.
 */
export function determinedCells(equations: Entry[][][]): Entry[] {
	const unknowns = new Map<Entry, number>();
	const rows: Map<number, number>[] = [];
	for (const [parts, totals] of equations) {
		const row = new Map<number, number>();
		const add = (c: Entry, coefficient: number) => {
			if (!c.hidden) return;
			if (!unknowns.has(c)) unknowns.set(c, unknowns.size);
			const i = unknowns.get(c)!;
			row.set(i, (row.get(i) ?? 0) + coefficient);
		};
		parts.forEach((c) => add(c, 1));
		totals.forEach((c) => c && add(c, -1));
		for (const [i, v] of row) if (Math.abs(v) < EPSILON) row.delete(i);
		if (row.size) rows.push(row);
	}
	const pivotRow = new Map<number, Map<number, number>>();
	for (const row of rows) {
		// Reduce by the pivots so far, then make this row a pivot row of its first unknown.
		for (const [col, pivot] of pivotRow) eliminate(row, pivot, col);
		if (!row.size) continue;
		const [col, lead] = row.entries().next().value as [number, number];
		for (const [j, v] of row) row.set(j, v / lead);
		for (const other of pivotRow.values()) eliminate(other, row, col);
		pivotRow.set(col, row);
	}
	const byIndex = [...unknowns.keys()];
	return [...pivotRow].filter(([, row]) => row.size === 1).map(([col]) => byIndex[col]);
}

export interface LinkedTables {
	/** Whether the cell (one value per attribute it names) is hidden in its table. */
	hidden(cell: Cell): boolean;
	/** Its count, from the rows. */
	count(cell: Cell): number;
	/** The values an attribute takes in the rows. */
	values(attribute: string): string[];
}

/**
 * @param rows     the participants, grouped; any attribute is either a value of the rows or one of their flags
 * @param fixed    cells published by the centres themselves: public, so never hidden and never picked to hide
 */
export function linkedTables(rows: LinkedRow[], fixed: (cell: Cell) => boolean): LinkedTables {
	const tables = new Map<string, Map<string, Entry>>();

	function cellsOf(attributes: string[]): Map<string, { cell: Cell; count: number; hidden: boolean }> {
		const flags = attributes.filter((a) => !rows.some((r) => a in r.values));
		if (flags.length > 1) throw new Error(`linkedTables: ${flags.join(', ')} are counted separately, not crossed`);
		const cells = new Map<string, { cell: Cell; count: number; hidden: boolean }>();
		const add = (cell: Cell, count: number) => {
			if (count === 0) return;
			const key = keyOf(attributes, cell);
			const entry = cells.get(key);
			if (entry) entry.count += count;
			else cells.set(key, { cell, count, hidden: false });
		};
		for (const row of rows) {
			const base = Object.fromEntries(attributes.filter((a) => !flags.includes(a)).map((a) => [a, row.values[a]]));
			if (!flags.length) add(base, row.n);
			else {
				const k = row.flags[flags[0]] ?? 0;
				add({ ...base, [flags[0]]: 'true' }, k);
				add({ ...base, [flags[0]]: 'false' }, row.n - k);
			}
		}
		// In the order of their keys, whatever the rows' order: the same table must come out the same everywhere.
		return new Map([...cells].sort(([a], [b]) => (a < b ? -1 : 1)));
	}

	function table(attributes: string[]) {
		const name = attributes.join(',');
		const known = tables.get(name);
		if (known) return known;
		const cells = cellsOf(attributes);
		for (const c of cells.values()) c.hidden = isSmall(c.count) && !fixed(c.cell);
		tables.set(name, cells);
		if (!attributes.length) return cells;
		// Lines along each attribute, with the coarser table's cell they add up to.
		const lines = attributes.map((along) => {
			const rest = attributes.filter((a) => a !== along);
			const coarser = table(rest);
			const byLine = new Map<string, { cell: Cell; count: number; hidden: boolean }[]>();
			for (const c of cells.values()) {
				const key = keyOf(rest, c.cell);
				byLine.set(key, [...(byLine.get(key) ?? []), c]);
			}
			return [...byLine].map(([key, parts]) => ({ parts, totalHidden: coarser.get(key)?.hidden ?? false }));
		});
		// A cell hidden alone in another line, with nothing there to hide beside it, would follow from that line.
		// (A line whose total is hidden too gives nothing away.)
		const linesOf = new Map<object, { cell: Cell; count: number; hidden: boolean }[][]>();
		for (const line of lines.flat()) if (!line.totalHidden) for (const p of line.parts) linesOf.set(p, [...(linesOf.get(p) ?? []), line.parts]);
		const stranded = (p: { cell: Cell; count: number; hidden: boolean }) =>
			(linesOf.get(p) ?? []).some((parts) => !parts.some((q) => q !== p && (q.hidden || !fixed(q.cell))));
		const revealed = new Set<Entry>();
		let changed = true;
		while (changed) {
			changed = false;
			for (const { parts, totalHidden } of lines.flat()) {
				const hidden = parts.filter((p) => p.hidden);
				const sum = hidden.reduce((s, p) => s + p.count, 0);
				if (!(hidden.length === 1 || isSmall(sum) || (totalHidden && hidden.length === 0))) continue;
				const pick = parts
					.filter((p) => !p.hidden && !fixed(p.cell) && !stranded(p) && !revealed.has(p))
					.sort((a, b) => a.count - b.count || (keyOf(attributes, a.cell) < keyOf(attributes, b.cell) ? -1 : 1))[0];
				if (!pick) continue;
				pick.hidden = true;
				changed = true;
			}
			if (!changed) changed = hideUntilUndetermined(attributes, cells, stranded, revealed);
		}
		return cells;
	}

	/**
	 * Lines one at a time are not enough: in a table of two or more attributes a hidden cell can follow from
	 * several lines together (two cycles of hidden cells joined by one cell, which is then fixed by them). The lines
	 * of this table and of every coarser one are solved as one linear system; while a hidden cell is determined by
	 * it, the smallest shown cell of this table that leaves fewer cells determined is hidden too. Returns whether any
	 * cell was hidden. Coarser tables were settled on their own lattice, so only this table's cells can have tipped.
	 */
	function hideUntilUndetermined(attributes: string[], cells: Map<string, Entry>, stranded: (c: Entry) => boolean, revealed: Set<Entry>): boolean {
		if (attributes.length < 2) return false;
		const lattice = subsetsOf(attributes).map((a) => ({ attributes: a, cells: a.length === attributes.length ? cells : table(a) }));
		const equations: Entry[][][] = [];
		for (const t of lattice)
			for (const along of t.attributes) {
				const rest = t.attributes.filter((a) => a !== along);
				const coarser = lattice.find((l) => l.attributes.join(',') === rest.join(','))!.cells;
				const byLine = new Map<string, Entry[]>();
				for (const c of t.cells.values()) {
					const key = keyOf(rest, c.cell);
					byLine.set(key, [...(byLine.get(key) ?? []), c]);
				}
				for (const [key, parts] of byLine) equations.push([parts, [coarser.get(key)!]]);
			}
		const determined = () => determinedCells(equations).length;
		let before = determined();
		let hidOne = false;
		while (before) {
			// A cell equal to a shown cell (the only one of its line that is not empty) would be determined itself.
			const candidates = [...cells.values()]
				.filter((c) => !c.hidden && !fixed(c.cell) && !stranded(c) && !revealed.has(c))
				.sort((a, b) => a.count - b.count || (keyOf(attributes, a.cell) < keyOf(attributes, b.cell) ? -1 : 1));
			let best: { cell: Entry; left: number } | null = null;
			for (const c of candidates) {
				c.hidden = true;
				const left = determined();
				c.hidden = false;
				if (!best || left < best.left) best = { cell: c, left };
				if (left < before) break;
			}
			// Nothing here that would not leave as much determined as before: this table cannot mend it.
			if (!best || best.left > before) break;
			best.cell.hidden = true;
			hidOne = true;
			before = best.left;
		}
		// What still follows from the shown cells is no secret for hiding it: a cell of this table hidden only for
		// another's sake (not small itself) shows, and is never picked again. A small one stays hidden.
		for (const c of determinedCells(equations))
			if (c.hidden && !isSmall(c.count) && [...cells.values()].includes(c)) {
				c.hidden = false;
				revealed.add(c);
			}
		return hidOne;
	}

	const attributesOf = (cell: Cell) => Object.keys(cell).sort();
	const count = (cell: Cell) => table(attributesOf(cell)).get(keyOf(attributesOf(cell), cell))?.count ?? 0;
	return {
		count,
		values: (attribute) => [...new Set(rows.map((r) => r.values[attribute]))].sort(),
		hidden(cell) {
			const attributes = attributesOf(cell);
			const found = table(attributes).get(keyOf(attributes, cell));
			if (found) return found.hidden;
			// An empty cell tells about the group it splits (none of a small group has this value), unless a group
			// around it is empty too, and then it is empty for all to see.
			const parents = attributes.map((a) => count(Object.fromEntries(attributes.filter((b) => b !== a).map((b) => [b, cell[b]]))));
			return parents.some(isSmall) && !parents.includes(0);
		}
	};
}
