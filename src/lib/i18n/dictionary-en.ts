// The data dictionary (data/dictionary.json) in English: every label, description, unit and calibration rule, keyed
// by the dictionary's own codes, which stay as they are (they are the data's codes). The types come from the JSON
// itself, so a value set, value or table missing here, or one the dictionary does not have, is a type error. Column
// names and calibrated figures are plain strings in the JSON's type, so for those the keys come from the row types
// and FigureKey of ../dictionary; tests/unit/dictionary-en.test.ts checks them, and everything else, against the JSON.
import type dictionaryJson from '../../../data/dictionary.json';
import type { FigureKey, TableName, Tables } from '../dictionary';

type Json = typeof dictionaryJson;
type ValueSets = Json['values'];

/** A figure's label and unit; every other value set maps a code to one text. */
interface FigureText {
	label: string;
	/** A short unit word ('people', 'PLN'); empty where the Polish unit is empty. */
	unit: string;
}

interface ColumnText {
	label: string;
	/** Present exactly where the Polish column has a description (checked by the test). */
	description?: string;
	/** Present exactly where the Polish column has a unit (checked by the test). */
	unit?: string;
}

type TableText<T extends TableName> = {
	label: string;
	/** Present exactly where the Polish table has a description (checked by the test). */
	description?: string;
	columns: { [C in keyof Tables[T][number]]: ColumnText };
};

export interface DictionaryEn {
	provenance: { [K in keyof Json['provenance']]: string };
	values: { [S in keyof ValueSets]: { [V in keyof ValueSets[S]]: ValueSets[S][V] extends { label: string } ? FigureText : string } };
	tables: { [T in keyof Json['tables'] & TableName]: TableText<T> };
	/** The rule of each calibrated figure (the JSON lists them as { figure, rule }). */
	calibration: { [K in FigureKey]?: string };
}

/** The JSON's tables and TABLE_NAMES are the same set: a table added to one only is a type error here. */
const sameTables: [Exclude<keyof Json['tables'], TableName> | Exclude<TableName, keyof Json['tables']>] extends [never] ? true : never = true;
void sameTables;

export const dictionaryEn: DictionaryEn = {
	provenance: {
		published:
			'A figure given on the centre’s page (source and quote in figures.csv), or in a public register (GUS TERC, GUS CPI), or on a page that quotes GUS data (quote in populations.csv).',
		synthetic: 'Demonstration data from a deterministic generator (scripts/data/generate.ts); they do not describe real people. Always marked as synthetic.',
		unknown: 'The source is silent: the field is empty, and the interface reads “not published”, never 0.'
	},
	values: {
		centre_kind: { OPS: 'Social Welfare Centre', MOPS: 'Municipal Social Welfare Centre', GOPS: 'Gmina Social Welfare Centre' },
		gmina_type: { miejska: 'urban gmina (TERC: 1)', wiejska: 'rural gmina (TERC: 2)', 'miejsko-wiejska': 'urban-rural gmina (TERC: 3)' },
		source_kind: {
			'centre-page': 'centre’s website',
			registry: 'public register',
			reference: 'secondary page quoting GUS data (e.g. a copy of Wikipedia); its address is in the title'
		},
		figure: {
			participants: { label: 'Participants', unit: 'people' },
			participants_planned: { label: 'Planned participants', unit: 'people' },
			candidates: { label: 'People interested (recruitment)', unit: 'people' },
			social_contracts: { label: 'Social contracts', unit: 'people' },
			local_activity_participants: { label: 'Local Activity Programme participants', unit: 'people' },
			women: { label: 'Women', unit: 'people' },
			participants_employed: { label: 'Participants who took up work', unit: 'people' },
			families_with_assistant: { label: 'Families with a family assistant', unit: 'families' },
			budget_pln: { label: 'Budget', unit: 'PLN' },
			efs_pln: { label: 'ESF co-financing', unit: 'PLN' },
			own_contribution_pln: { label: 'Own contribution', unit: 'PLN' },
			staff_salaries_pln: { label: 'Salaries of project staff', unit: 'PLN' },
			staff_hired: { label: 'Staff hired', unit: 'people' },
			staff_hired_fte: { label: 'New employment', unit: 'full-time posts' },
			staff_continued: { label: 'Continued employment of social workers', unit: 'people' },
			edition_ordinal: { label: 'Successive year / project', unit: '' }
		},
		activity_kind: {
			workshop: 'workshops',
			training: 'training',
			counselling: 'counselling and advice',
			course: 'vocational course',
			therapy: 'therapy',
			event: 'event',
			trip: 'trip',
			social_work: 'social work',
			family_assistant: 'family assistant',
			financial: 'financial support',
			other: 'other'
		},
		support_form: {
			social: 'social activation',
			vocational: 'vocational activation',
			educational: 'educational activation',
			health: 'health activation',
			social_work: 'social work',
			financial: 'financial support'
		},
		pathway: { social_contract: 'social contract', local_activity: 'Local Activity Programme (PAL)' },
		sex: { K: 'woman', M: 'man' },
		age_band: { '18-24': '18–24 years', '25-34': '25–34 years', '35-44': '35–44 years', '45-54': '45–54 years', '55-64': '55–64 years' },
		education: {
			isced_0_1: 'primary or below (ISCED 0–1)',
			isced_2: 'lower secondary (ISCED 2)',
			isced_3: 'upper secondary (ISCED 3)',
			isced_4: 'post-secondary non-tertiary (ISCED 4)',
			isced_5_8: 'tertiary (ISCED 5–8)'
		},
		labour_status: {
			unemployed: 'unemployed (up to 12 months)',
			long_term_unemployed: 'long-term unemployed',
			inactive: 'economically inactive',
			employed: 'employed (including farmers)'
		},
		completion: { completed: 'completed participation', left_early: 'left early' },
		provenance: { published: 'published', synthetic: 'synthetic', imported: 'loaded from the user’s file' }
	},
	tables: {
		centres: {
			label: 'Centres',
			columns: {
				centre_id: { label: 'Centre identifier' },
				short_name: { label: 'Short name' },
				name: { label: 'Name' },
				kind: { label: 'Type (OPS/MOPS)' },
				gmina: { label: 'Gmina' },
				teryt: { label: 'Gmina TERC code (GUS)' },
				gmina_type: { label: 'Type of gmina' },
				powiat: { label: 'Powiat' },
				voivodeship: { label: 'Voivodeship' },
				source_id: { label: 'Source of the codes' }
			}
		},
		sources: {
			label: 'Sources',
			columns: {
				source_id: { label: 'Source identifier' },
				kind: { label: 'Type of source' },
				centre_id: { label: 'Centre' },
				file: { label: 'Copy of the page’s text (in data/)' },
				title: { label: 'Title' },
				date_stated: { label: 'Date given on the page' }
			}
		},
		editions: {
			label: 'Project editions (centre × year)',
			columns: {
				edition_id: { label: 'Edition identifier' },
				centre_id: { label: 'Centre' },
				year: { label: 'Year', description: 'Empty when the page does not give the year.' },
				title: { label: 'Project title' },
				start_date: { label: 'Start' },
				end_date: { label: 'End' },
				period_stated: { label: 'Period in the source’s words' },
				source_id: { label: 'Source' },
				quote: { label: 'Quote confirming the edition' },
				note: { label: 'Note' }
			}
		},
		figures: {
			label: 'Published figures',
			columns: {
				edition_id: { label: 'Edition' },
				figure: { label: 'Indicator' },
				value: { label: 'Value' },
				stated: {
					label: 'As stated in the source',
					description: 'Exactly as the page gives it; read as a number it must give the value, and it must stand in the quote.'
				},
				source_id: { label: 'Source' },
				quote: { label: 'Quote' },
				note: { label: 'Note' }
			}
		},
		activities: {
			label: 'Activities, instruments, courses and events',
			columns: {
				activity_id: { label: 'Activity identifier' },
				edition_id: { label: 'Edition' },
				kind: { label: 'Type' },
				name: { label: 'Name in the source’s words' },
				date: { label: 'Date' },
				support_form: { label: 'Form of support', description: 'The team’s classification (not the source’s), by the instruments of active integration.' },
				source_id: { label: 'Source' }
			}
		},
		cpi: {
			label: 'Inflation (CPI, GUS)',
			description:
				'The GUS annual average consumer price index (prices of consumer goods and services): the change in prices in % on the previous year. The basis for converting amounts to constant prices.',
			columns: {
				year: { label: 'Year' },
				cpi_change_pct: {
					label: 'Price change year on year',
					unit: '%',
					description: '4.2 means that prices (on average over the year) rose by 4.2% on the previous year.'
				},
				source_id: { label: 'Source' }
			}
		},
		populations: {
			label: 'Population of gminas',
			description:
				'The population of the centre’s gmina in a given year, entered only when it stands on the source page, with a quote. A missing row reads “no GUS data”, never 0.',
			columns: {
				centre_id: { label: 'Centre (its gmina)' },
				year: { label: 'Year the figure refers to' },
				population: {
					label: 'Population',
					unit: 'people',
					description: 'Must stand in the quote (with no separator, or with a space, comma or full stop between the thousands).'
				},
				as_of: { label: 'As of (date)', description: 'Empty when the page gives only the year.' },
				source_id: { label: 'Source' },
				quote: { label: 'Quote', description: 'A sentence or table row from the page, word for word, in the page’s language.' },
				note: { label: 'Note' }
			}
		},
		participants: {
			label: 'Participants (synthetic)',
			description:
				'One row per participant in an edition. The fields follow the ESF participant monitoring (PEFS) of 2007–2013. No first names, surnames, PESEL numbers or addresses: only a random pseudonymous key.',
			columns: {
				participant_id: { label: 'Pseudonymous key' },
				edition_id: { label: 'Edition' },
				centre_id: { label: 'Centre' },
				pathway: { label: 'Participation pathway' },
				sex: { label: 'Sex' },
				age_band: { label: 'Age at entry' },
				education: { label: 'Education' },
				labour_status: { label: 'Labour market status at entry' },
				disability: { label: 'Disability' },
				start_date: { label: 'Start of participation' },
				end_date: { label: 'End of participation' },
				completion: { label: 'Completion of participation' },
				outcome_employed: { label: 'In employment upon leaving the project' },
				outcome_job_seeking: { label: 'Job searching upon leaving the project' },
				outcome_education: { label: 'In education or training upon leaving the project' },
				outcome_qualification: { label: 'Gained a qualification' },
				provenance: { label: 'Provenance' }
			}
		},
		support: {
			label: 'Support (synthetic)',
			description: 'One row per form of support received by a participant, with hours and cost.',
			columns: {
				support_id: { label: 'Support identifier' },
				participant_id: { label: 'Participant' },
				edition_id: { label: 'Edition' },
				form: { label: 'Form of support' },
				activity_id: { label: 'Activity' },
				hours: { label: 'Hours', unit: 'h' },
				cost_pln: { label: 'Cost', unit: 'PLN' },
				provenance: { label: 'Provenance' }
			}
		}
	},
	calibration: {
		participants: 'number of participants in the edition = the published figure',
		women: 'number of women in the edition = the published figure',
		social_contracts: 'participants on the “social contract” pathway = the published figure',
		local_activity_participants: 'Local Activity Programme (PAL) participants = the published figure',
		participants_employed: 'participants in employment upon leaving the project = the published figure',
		budget_pln: 'total cost of support in the edition = the budget (to the grosz)',
		own_contribution_pln: 'total financial support = the own contribution (the page: a contribution in the form of benefits for the participants)',
		staff_salaries_pln: 'total cost of social work = salaries of project staff'
	}
};
