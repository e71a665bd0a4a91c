// Sorting the comparison table (table/columns.ts sortRows through the URL's column names): by value either way,
// missing figures last both ways, names in Polish order.
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../src/lib/snapshot';
import { nextSort } from '../../src/lib/table/columns';
import { sortCentres, type Sort } from '../../src/lib/state/sort';

const centres = snapshot.overview.centres;
const order = (sort: Sort | null, view: 'all' | 'published' = 'all') => sortCentres(centres, sort, view).map((c) => c.centreId);

describe('comparison sort', () => {
	it('keeps the given order without a sort', () => {
		expect(order(null)).toEqual(centres.map((c) => c.centreId));
	});

	it('sorts by cost per participant both ways, with the centres that publish no budget last each time', () => {
		const known = centres.filter((c) => c.costPerParticipant.kind === 'published');
		const unknown = centres.filter((c) => c.costPerParticipant.kind !== 'published').map((c) => c.centreId);
		expect(known.length).toBeGreaterThan(1);
		expect(unknown.length).toBeGreaterThan(0);
		const value = (id: string) => (centres.find((c) => c.centreId === id)!.costPerParticipant as { value: number }).value;
		const up = order({ column: 'koszt-na-uczestnika', descending: false });
		const down = order({ column: 'koszt-na-uczestnika', descending: true });
		const upKnown = up.slice(0, known.length).map(value);
		expect(upKnown).toEqual([...upKnown].sort((a, b) => a - b));
		expect(down.slice(0, known.length).map(value)).toEqual([...upKnown].reverse());
		expect(up.slice(known.length)).toEqual(unknown);
		expect(down.slice(known.length)).toEqual(unknown);
	});

	it('puts synthetic rates last in the published-only view, where they are hidden', () => {
		const withoutPublished = centres.filter((c) => c.employment.kind !== 'published').map((c) => c.centreId);
		expect(centres.some((c) => c.employment.kind === 'synthetic')).toBe(true);
		const sorted = order({ column: 'praca', descending: true }, 'published');
		expect(sorted.slice(-withoutPublished.length).sort()).toEqual([...withoutPublished].sort());
	});

	it('sorts names in Polish alphabetical order', () => {
		const names = sortCentres(centres, { column: 'osrodek', descending: false }, 'all').map((c) => c.shortName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'pl')));
	});

	it('turns a header click into ascending, then descending', () => {
		expect(nextSort(null, 'praca')).toEqual({ column: 'praca', descending: false });
		expect(nextSort({ column: 'praca', descending: false }, 'praca')).toEqual({ column: 'praca', descending: true });
		expect(nextSort({ column: 'praca', descending: true }, 'budzet')).toEqual({ column: 'budzet', descending: false });
	});
});
