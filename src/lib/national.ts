// The national demo set's figures as the national pages show them: Poland, its voivodeships and powiats, and every
// gmina's centre, each with its head count, outcome rates and cost per participant, disclosure control already
// applied (scripts/national/summary.ts builds it at build time; prerendered pages read it, the browser never does).
import type { RateCell, ValueCell } from './queries/cells';

export type NationalLevel = 'country' | 'voivodeship' | 'powiat' | 'centre';

export interface NationalUnit {
	level: NationalLevel;
	/** TERC code: '' for Poland, 2 digits for a voivodeship, 4 for a powiat, 7 for a gmina's centre. */
	code: string;
	name: string;
	/** The unit above, by code; null for Poland. */
	parent: string | null;
	/** Participants; published for a real centre, synthetic otherwise. */
	participants: ValueCell;
	employment: RateCell;
	completion: RateCell;
	costPerParticipant: ValueCell;
	/** Centres within the unit (1 for a centre). */
	centres: number;
}

export interface NationalCentre extends NationalUnit {
	level: 'centre';
	centreId: string;
	gmina: string;
	gminaType: string;
	powiat: string;
	voivodeship: string;
	/** One of the five centres with public pages: it has its own page at /osrodki/{centreId}/. */
	hasPage: boolean;
}

export interface NationalSummary {
	country: NationalUnit;
	voivodeships: NationalUnit[];
	powiats: NationalUnit[];
	centres: NationalCentre[];
	/** Years the synthetic editions cover. */
	years: [number, number];
}
