// Sort order of the comparison table: which column, which way; unknown, hidden and suppressed cells always last,
// so a missing figure never passes for the smallest.
import { onlyPublished, type RateCell, type ValueCell } from '../queries/cells';
import type { CentreSummary } from '../queries/overview';

/** URL names (Polish) of the sortable columns, and the summary field each one reads. */
export const SORT_COLUMNS = {
	osrodek: 'shortName',
	uczestnicy: 'participants',
	kobiety: 'women',
	ukonczenie: 'completion',
	praca: 'employment',
	budzet: 'budget',
	'koszt-na-uczestnika': 'costPerParticipant',
	'koszt-na-pracujacego': 'costPerEmployed'
} as const satisfies Record<string, keyof CentreSummary>;

export type SortColumn = keyof typeof SORT_COLUMNS;

export interface Sort {
	column: SortColumn;
	descending: boolean;
}

export const isSortColumn = (name: string): name is SortColumn => Object.hasOwn(SORT_COLUMNS, name);

function sortValue(centre: CentreSummary, column: SortColumn, view: 'all' | 'published'): string | number | null {
	const field = SORT_COLUMNS[column];
	if (field === 'shortName') return centre.shortName;
	const cell = onlyPublished(centre[field] as ValueCell | RateCell, view);
	return 'value' in cell ? cell.value : 'rate' in cell ? cell.rate : null;
}

/** A new array in the chosen order; ties and no sort keep the given (centre id) order. */
export function sortCentres(centres: CentreSummary[], sort: Sort | null, view: 'all' | 'published'): CentreSummary[] {
	if (!sort) return centres;
	const direction = sort.descending ? -1 : 1;
	return centres
		.map((centre, index) => ({ centre, index, value: sortValue(centre, sort.column, view) }))
		.sort((a, b) => {
			if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
			const order = typeof a.value === 'string' ? a.value.localeCompare(b.value as string, 'pl') : a.value - (b.value as number);
			return order * direction || a.index - b.index;
		})
		.map((entry) => entry.centre);
}

/** A header click: ascending first, then descending, then back to ascending. */
export const nextSort = (current: Sort | null, column: SortColumn): Sort => ({ column, descending: current?.column === column && !current.descending });
