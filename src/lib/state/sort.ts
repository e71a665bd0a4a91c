// Sort order of the overview's comparison table as the URL holds it: which column (by its Polish URL name), which
// way. The order itself is the table's (table/columns.ts sortRows): unknown, hidden and suppressed cells always last.
import type { CentreSummary } from '../queries/overview';
import { sortRows } from '../table/columns';
import { centreTable } from '../table/tables';

/** URL names (Polish) of the sortable columns, and the comparison table's column each one sorts by. */
export const SORT_COLUMNS = {
	osrodek: 'centre',
	uczestnicy: 'participants',
	kobiety: 'women',
	ukonczenie: 'completion',
	praca: 'employment',
	budzet: 'budget',
	'koszt-na-uczestnika': 'cost-per-participant',
	'koszt-na-pracujacego': 'cost-per-employed'
} as const;

export type SortColumn = keyof typeof SORT_COLUMNS;

export interface Sort {
	column: SortColumn;
	descending: boolean;
}

export const isSortColumn = (name: string): name is SortColumn => Object.hasOwn(SORT_COLUMNS, name);

/** The centres in the URL's order, as the comparison table sorts them; ties and no sort keep the given order. */
export function sortCentres(centres: CentreSummary[], sort: Sort | null, view: 'all' | 'published'): CentreSummary[] {
	const { columns } = centreTable(centres, [], view, null);
	return sortRows(centres, columns, sort && { column: SORT_COLUMNS[sort.column], descending: sort.descending });
}
