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
	const tables = new Map<string, Map<string, { cell: Cell; count: number; hidden: boolean }>>();

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
		let changed = true;
		while (changed) {
			changed = false;
			for (const { parts, totalHidden } of lines.flat()) {
				const hidden = parts.filter((p) => p.hidden);
				const sum = hidden.reduce((s, p) => s + p.count, 0);
				if (!(hidden.length === 1 || isSmall(sum) || (totalHidden && hidden.length === 0))) continue;
				const pick = parts
					.filter((p) => !p.hidden && !fixed(p.cell) && !stranded(p))
					.sort((a, b) => a.count - b.count || (keyOf(attributes, a.cell) < keyOf(attributes, b.cell) ? -1 : 1))[0];
				if (!pick) continue;
				pick.hidden = true;
				changed = true;
			}
		}
		return cells;
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
