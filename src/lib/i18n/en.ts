// Every user-facing string of the interface, in English, key for key as in pl.ts: `Messages` makes a missing or
// differently shaped key a type error. Centre names, quotes from source pages and the data dictionary's codes stay Polish.
import { englishNounFor, formatEnglishCount, type EnglishNounForms } from '../format/plural';
import { contiguous } from '../format/text';
import type { MissingReason } from '../queries/cells';
import type { Messages } from './pl';

/** Nouns that follow a count, in the forms Intl.PluralRules('en') picks between (format/plural.ts). */
const nouns = {
	person: { one: 'person', other: 'people' },
	participant: { one: 'participant', other: 'participants' },
	family: { one: 'family', other: 'families' },
	post: { one: 'full-time post', other: 'full-time posts' },
	row: { one: 'row', other: 'rows' },
	field: { one: 'field', other: 'fields' },
	column: { one: 'column', other: 'columns' },
	edition: { one: 'edition', other: 'editions' },
	problem: { one: 'problem', other: 'problems' },
	centre: { one: 'centre', other: 'centres' },
	/** English needs no case after "of" (2 of 5 centres); the key stays for the Polish genitive. */
	centreOf: { one: 'centre', other: 'centres' },
	editionOf: { one: 'edition', other: 'editions' },
	publishedFigure: { one: 'published figure', other: 'published figures' }
} satisfies Record<keyof Messages['nouns'], EnglishNounForms>;

/** A verb after a counted subject agrees with it the same way (1 centre is, 2 centres are). */
const verbs = {
	be: { one: 'is', other: 'are' },
	match: { one: 'matches', other: 'match' }
} satisfies Record<string, EnglishNounForms>;

const number = (value: number, maximumFractionDigits = 2) => value.toLocaleString('en-GB', { maximumFractionDigits });

const REASONS: Record<MissingReason, { short: string; label: string; title: string }> = {
	not_published: { short: 'not published', label: 'not published', title: 'The source does not give this figure.' },
	hidden_small: { short: 'hidden', label: 'hidden', title: 'Hidden to protect people: the group has 1 to 4 people, or this figure would let one work such a group out.' },
	published_only: { short: '—', label: 'synthetic — hidden', title: 'Hidden in the “published figures only” view: this is a synthetic figure.' },
	unknown_year: { short: 'year unknown', label: 'year unknown: prices cannot be converted', title: 'The year of the edition is not known, so the amount cannot be converted to constant prices.' },
	no_edition: { short: 'no edition', label: 'no edition', title: 'The centre ran no edition of the project in this year.' },
	not_applicable: { short: '—', label: '', title: 'Not applicable: this figure stands in another column.' },
	no_cost: { short: 'no costs', label: 'no support costs in this selection', title: 'There are no support costs in this selection.' },
	whole_edition_only: {
		short: 'whole edition',
		label: 'refers to the whole edition: left out under a participant filter',
		title: 'The budget and the cost refer to the whole edition, not to the selected participants, so they are not shown here under a participant filter.'
	},
	no_one_selected: {
		short: 'no one',
		label: 'no one in this selection',
		title: 'The filters select no participant here: there is nothing to compute a rate or a cost per participant from.'
	},
	overlapping_support: {
		short: 'left out',
		label: 'rates left out under a form-of-support filter',
		title: 'Under a form-of-support filter no rates are shown: one person receives several forms of support, so such views overlap, and set side by side they could single out a small group. Participant counts remain.'
	}
};

export const en: Messages = {
	nouns,
	unitNouns: { osoby: nouns.person, rodziny: nouns.family, etat: nouns.post },
	site: {
		title: 'Active integration in social welfare centres',
		subtitle: 'Systemic projects of the Human Capital Operational Programme 2007–2013 (POKL), Priority VII, Sub-measure 7.1.1',
		nav: { overview: 'Overview', compare: 'Compare', centres: 'Centres', national: 'All of Poland', explorer: 'SQL', imports: 'Your data', data: 'About the data' },
		skip: 'Skip to content',
		navLabel: 'Main',
		noticeLabel: 'Synthetic data',
		/** The language switch names the other language in that language. */
		otherLanguage: 'Polski',
		scheme: { label: 'Colours', system: 'as the system', light: 'light', dark: 'dark' },
		syntheticBanner: 'Participant-level data (sex, completion, employment, support costs) are synthetic (for demonstration) and always marked. Published figures carry their source.',
		footer: 'Runs entirely in your browser: no data leaves this computer.'
	},
	dataset: { label: 'Data', centres: '5 centres with sources', national: 'Poland: synthetic data' },
	units: {
		money: 'PLN'
	},
	engine: {
		idle: 'The data engine has not started yet: you are seeing figures prepared when the site was built.',
		engine: 'Loading the DuckDB engine…',
		data: 'Loading data into DuckDB…',
		ready: (ms: number | null) => `DuckDB ready${ms === null ? '' : ` (${number(ms / 1000, 1)} s)`}: figures come from queries in your browser.`,
		readyForFilters: (ms: number | null) => `DuckDB ready${ms === null ? '' : ` (${number(ms / 1000, 1)} s)`}: your browser works out the filters.`,
		error: 'The data engine could not start. You are seeing figures prepared when the site was built.',
		retry: 'Try again',
		progressLabel: 'Data engine loading progress'
	},
	prices: {
		label: 'Prices',
		nominal: 'current (nominal)',
		constant: (year: number) => `constant ${year} prices (deflator: CPI, Statistics Poland)`,
		basis: (base: number | null) => (base === null ? 'current prices' : `constant ${base} prices`),
		note: 'Constant prices: the amount from the edition’s year, deflated by the annual average consumer price index of Statistics Poland (Główny Urząd Statystyczny, GUS). Editions with no known year cannot be converted.'
	},
	view: {
		legend: 'Figures shown',
		all: 'All (published and synthetic)',
		published: 'Published figures only'
	},
	cell: {
		synthetic: 'synthetic',
		syntheticTitle: 'A figure from synthetic (demonstration) data, not from the centre’s publications.',
		imported: 'from file',
		importedTitle: 'This figure includes data loaded from your files (in this browser only):',
		published: 'source',
		derived: 'derived from published figures',
		publishedLegend: 'figure from the centre’s page (the link leads to the list of sources; the quote stands beside the figure on the centre’s page)',
		n: (n: number) => `n = ${n}`,
		interval: '95% confidence interval (Wilson)',
		columnMark: {
			published: 'source',
			derived: 'derived',
			synthetic: 'synthetic'
		},
		columnMarkTitle: {
			published: 'Every figure in this column comes from a centre’s page; the link leads to the list of sources, and the quotes stand on the centres’ pages.',
			derived: 'Derived by the dashboard from published figures (e.g. the budget divided by the number of participants): the inputs are published, the division is ours.',
			synthetic: 'Every figure in this column comes from synthetic (demonstration) data, not from the centre’s publications.'
		},
		kinds: {
			published: 'published',
			derived: 'derived from published figures',
			synthetic: 'synthetic',
			imported: 'from file',
			'synthetic+imported': 'synthetic and from file',
			missing: 'no value'
		}
	},
	reason: (code: MissingReason): { short: string; label: string; title: string } => REASONS[code],
	filters: {
		heading: 'Filters',
		intro: 'Filters apply to this page’s tables and charts; a chart that cannot apply one of them says so beside it. Participant filters (sex, age, …) work on the synthetic data.',
		centres: 'Centre',
		years: 'Edition year',
		sex: 'Sex',
		ageBands: 'Age at entry',
		education: 'Education',
		labourStatus: 'Labour market status',
		supportForms: 'Support received',
		outcomes: 'Status upon leaving',
		outcomeLabels: { employed: 'in employment', job_seeking: 'job searching', education: 'in education or training', qualification: 'gaining a qualification' },
		unknownYear: 'year unknown',
		coverage: (years: string[], of: number) => `figures only from ${englishNounFor(years.length, nouns.edition)} ${years.join(', ')} (${years.length} of ${of})`,
		active: 'Active filters',
		remove: (label: string) => `Remove filter: ${label}`,
		/** The national filters' choice of every value (no filter). */
		allValues: 'all',
		clear: 'Clear all filters',
		none: 'No filters: all centres and editions are shown.',
		selection: 'Participants in the selection',
		participantsChartNote:
			'This chart shows the published numbers of participants per edition. The centre and year filters apply to it; participant filters (sex, age, education, status, support, status upon leaving) do not, because the centres’ pages do not break participants down by these characteristics.',
		participantsChartIgnored: (names: string[]) =>
			`Not applied to this chart: ${names.join(', ')}. The centres’ pages do not break the number of participants down by them; these filters apply in the table and the other charts.`,
		filterRow: (name: string) => `Filter: ${name}`,
		clickHint: 'Click a bar to filter the page by that centre.',
		segmentHint: 'Click part of a bar to filter the page by that form of support.',
		waiting: 'Filters will work once the data engine is ready.',
		ignored: (params: string[]) => `Unknown address parameters ignored: ${params.join(', ')}.`,
		notWithSupport: (params: string[]) =>
			`A form of support combines only with the centre and year filters, so these were left out: ${params.join(', ')}. One person receives several forms of support, so such views overlap with others, and set side by side they could single out a group of fewer than 5 people.`
	},
	outcomes: {
		heading: 'Result indicators by sex (synthetic data)',
		intro: 'Participants’ status upon leaving the project, laid out as the ESF common result indicators. Computed from synthetic data; the published figures are in the comparison table above. When one sex has to be hidden, both are, so that it cannot be subtracted from the total.',
		hidden: 'This table holds synthetic data only, so it is hidden in the “published figures only” view.',
		columns: { centre: 'Centre', indicator: 'Indicator', women: 'Women', men: 'Men', total: 'Total' }
	},
	legend: {
		heading: 'Key',
		published: 'figure from the centre’s page (link to the list of sources)',
		derived: 'derived by us from published figures',
		synthetic: 'synthetic (demonstration) data',
		hatching: 'hatched bar: synthetic data',
		small: 'a group of 1–4 people, or a figure from which one could work it out',
		notPublished: 'not given on the centre’s page',
		imported: 'from your file'
	},
	headline: {
		heading: 'Key figures',
		tiles: {
			participants: 'Participants in the selection',
			employment: 'In employment upon leaving',
			budgets: 'Published budgets',
			cost: 'Cost per participant'
		},
		centres: (n: number) => `${formatEnglishCount(n, nouns.centre)} in the selection`,
		editionsCounted: (k: number, n: number) => `figures from ${k} of ${formatEnglishCount(n, nouns.editionOf)} (the rest: not published)`,
		centresCovered: (k: number, n: number) => `${k} of ${formatEnglishCount(n, nouns.centreOf)}`,
		others: (reasons: string[]) => `the rest: ${reasons.join(', ')}`,
		rate: (k: number, n: number, low: string, high: string) => `${k} of ${n}; 95% CI ${low.replace(/\s?%$/u, '')}–${high}`,
		budgetsFrom: (k: number, n: number, names: string[]) => `${k} of ${formatEnglishCount(n, nouns.centreOf)}${names.length ? `: ${names.join(', ')}` : ''}`,
		costFrom: (k: number, n: number, low: string, high: string) =>
			k === 0
				? `0 of ${formatEnglishCount(n, nouns.centreOf)}`
				: k === 1
					? `${low}; 1 of ${formatEnglishCount(n, nouns.centreOf)}`
					: `from ${low} to ${high}; ${k} of ${formatEnglishCount(n, nouns.centreOf)}`,
		syntheticWord: (p: { imported?: 'some' | 'all'; withPublished?: boolean }) =>
			p.imported === 'all' ? 'from file' : p.imported ? 'synthetic and from file' : p.withPublished ? 'partly synthetic' : 'synthetic',
		markTitle: {
			published: 'A figure from the centres’ pages: the link leads to the list of sources.',
			derived: 'Derived by the dashboard from published figures (a sum or a ratio): the inputs are published, the arithmetic is ours. The link leads to the list of sources.',
			synthetic: 'A figure from synthetic (demonstration) data, not from the centres’ publications.',
			withPublished: 'This figure combines published figures with synthetic (demonstration) ones, so it is marked as synthetic.'
		},
		sourcesList: 'list of sources',
		sentence: {
			people: <F>(people: F, noun: string) => [people, ` ${noun} in the selection`],
			peopleMissing: <M>(missing: M) => ['Participants in the selection: ', missing],
			employed: <F>(rate: F, interval: string, covered: string, leftOut: string | null) => ['; ', rate, ` were in employment upon leaving (${interval}), based on ${covered}${leftOut ? `; ${leftOut}` : ''}.`],
			employedMissing: <M>(missing: M) => ['. Share in employment upon leaving: ', missing, '.'],
			noBudgets: (n: number) => [`${n === 1 ? 'The centre in the selection has not published' : `${n === 2 ? 'Neither' : 'None'} of the ${formatEnglishCount(n, nouns.centreOf)} in the selection has published`} a budget, so the cost per participant is unknown.`],
			moneyMissing: <M>(missing: M) => ['Budgets and costs: ', missing, '.'],
			budgetsAndCost: <F>(k: number, n: number, total: F, cost: F | null) =>
				[k === 1 ? `Published budget (1 of ${formatEnglishCount(n, nouns.centreOf)}): ` : `Published budgets (${k} of ${formatEnglishCount(n, nouns.centreOf)}): in total `, total, ...(cost ? ['; cost per participant: ', cost, '.'] : ['.'])],
			budgetsAndCostRange: <F>(k: number, n: number, total: F, low: F, lowName: string, high: F, highName: string) => [
				`Published budgets (${k} of ${formatEnglishCount(n, nouns.centreOf)}): in total `,
				total,
				'; cost per participant from ',
				low,
				` (${lowName}) to `,
				high,
				` (${highName}).`
			]
		}
	},
	overview: {
		heading: 'Overview of centres',
		intro: 'Five centres side by side: figures from their pages (with the source) and, where the pages are silent, synthetic data (always marked) or “not published”.',
		tableCaption: 'Centres compared',
		sortBy: (column: string) => `Sort by: ${column}`,
		columns: {
			centre: 'Centre',
			years: 'Edition years',
			participants: 'Participants',
			women: 'Women',
			completion: 'Completed participation',
			employment: 'In employment upon leaving',
			budget: 'Budget',
			costPerParticipant: 'Cost per participant',
			costPerEmployed: 'Cost per person in employment'
		},
		unknownYear: 'year unknown',
		denominators: [
			'Shares (women, completion, employment upon leaving) are computed over the edition’s number of participants (n), given beside each value.',
			'Cost per participant = published budget ÷ published number of participants; cost per person in employment = budget ÷ published number of people who took up work. Synthetic figures never divide a budget.',
			'95% confidence intervals by the Wilson method: for groups of a few to a few dozen people they are wide, and that is information, not an error.',
			'Values computed from participant data are hidden when the group or its complement has 1 to 4 people, or when such a group could be worked out from them.'
		],
		charts: {
			participants: {
				title: 'Participants by centre and year',
				axis: 'Number of participants',
				contracts: 'social contracts',
				local: 'Local Activity Programme',
				unsplit: 'not split in the source',
				note: 'Every bar is a published figure. Editions for which the page does not give the number of participants are labelled “not published”.'
			},
			employment: {
				title: 'Employment upon leaving',
				axis: 'Share of participants (%)',
				series: 'in employment upon leaving',
				note: 'Solid bar: published figure; hatched: synthetic data. Whiskers: 95% Wilson confidence interval.'
			},
			supportCost: {
				title: 'Support cost by form (synthetic data)',
				axis: 'Support cost',
				note: 'Synthetic amounts, scaled to the published budget where one is given. Forms used by 1–4 people are hidden, and so are amounts from which they could be worked out.'
			},
			mix: {
				title: 'Support cost structure by form (synthetic data)',
				axis: 'Share of support cost (%)',
				note: 'All data in this chart are synthetic. A form’s share is computed over the centre’s total support cost; forms used by 1–4 people are hidden, and so are shares from which they could be worked out.',
				hidden: 'This chart shows synthetic data only, so it is hidden in the “published figures only” view.',
				unit: 'Chart unit',
				share: 'share (%)',
				money: 'amount (PLN)',
				top: (form: string, share: string, total: string | null) => `largest cost: ${form} (${share}${total === null ? '' : `; total support cost ${total}`})`
			},
			cost: {
				title: 'Cost per participant (from published budgets)',
				axis: 'PLN per participant',
				series: 'cost per participant',
				note: 'Only centres that published a budget; the others: “not published”, never 0.'
			}
		}
	},
	compare: {
		heading: 'Comparison of centres',
		intro: 'Two to five centres side by side: shares of their combined total, participants per 1,000 inhabitants of the municipality, differences in rates with confidence intervals, and trends across editions. Filters work as in the overview.',
		pick: (min: number, max: number) => `Choose ${min} to ${max} centres in the “Centre” filter to compare them.`,
		all: (min: number, max: number) => `Comparing all centres. To compare only some of them (${min} to ${max}), choose them in the “Centre” filter.`,
		tooMany: (max: number, dropped: string) => `At most ${max} centres can be compared; left out: ${dropped}.`,
		open: 'Compare the selected centres',
		tableCaption: 'Centres side by side',
		measure: 'Measure',
		rows: {
			years: 'Edition years',
			participants: 'Participants',
			participantsShare: 'Share of the compared centres’ participants',
			population: 'Population of the municipality',
			per1000: 'Participants per 1,000 inhabitants',
			women: 'Women',
			employment: 'In employment upon leaving',
			budget: 'Budget',
			budgetShare: 'Share of published budgets',
			costPerParticipant: 'Cost per participant'
		},
		populationYear: (year: number, within: boolean) => `as of ${year}${within ? '' : ', outside the project years'}`,
		populationNote:
			'Population: Statistics Poland (GUS) data quoted on pages that give the year (quote and source in the data). The figure from the year closest to the project years is used; the year is always shown. Where the population or the project year is unknown, the rate per 1,000 inhabitants is unknown.',
		shareNote: 'Shares are computed over the total of the compared centres; when any of the figures is not published or is hidden, no share is given (the figure could be worked out from them). A share of budgets is computed only among the centres that published a budget.',
		differences: {
			heading: 'Differences in rates between centres',
			intro: 'The difference in percentage points with a 95% confidence interval (Newcombe’s method). When the interval includes zero, the data cannot tell the two rates apart.',
			columns: { pair: 'Pair of centres', measure: 'Rate', difference: 'Difference', interval: '95% confidence interval', verdict: 'Assessment' },
			measures: { employment: 'in employment upon leaving', completion: 'completed participation in the project', women: 'women among participants' },
			pick: 'Rate compared:',
			withinNoise: 'within the noise',
			beyondNoise: 'clear difference',
			none: (measure: string) => `No pair in which both rates (“${measure}”) are known (published, or synthetic and not hidden). Choose another rate above.`
		},
		trends: {
			participants: 'Participants by edition year',
			cost: 'Cost per participant by edition year',
			axisParticipants: 'Number of participants',
			axisCost: 'PLN per participant',
			year: 'Edition year',
			note: 'Published figures for each edition; a missing bar means “no edition” or “not published” (see the table).'
		}
	},
	errorPage: {
		title: 'Page not found',
		text: 'There is nothing at this address: the link may be old, or the address may contain a typo.',
		errorTitle: 'Something went wrong',
		errorText: 'This page could not be displayed.',
		back: 'Back to the overview of centres',
		elsewhere: 'The other parts of the dashboard are in the menu at the top of the page.'
	},
	release: {
		unavailable:
			'This is the public release: it holds no participant rows, only figures computed and protected when the site was built. Views with participant filters or constant prices are not available in it.',
		back: 'Back to the unfiltered view',
		explorer: 'Public release: the participants and support tables are empty (there are no participant rows here). Figures about participants are in the tables protected_overview, protected_profile and protected_support, protected when the site was built by the same rules as the dashboard (NULL where hidden).'
	},
	explorer: {
		heading: 'SQL queries',
		intro:
			'SQL queries on the data loaded in your browser. A separate DuckDB answers them, with its own copy of the tables: a query only reads, reaches no files or addresses, and does not change what the dashboard shows. Participant data are synthetic (the provenance column), and the protection of small groups (<5) does not apply to the rows shown here.',
		editorLabel: 'SQL query',
		run: 'Run (Ctrl+Enter)',
		reset: 'Restore data',
		resetDone: 'The explorer has restarted on the site’s data and your files.',
		schema: 'Tables and columns',
		examples: 'Examples',
		exampleTitles: {
			bySex: 'Participants by centre and sex',
			employment: 'Employment upon leaving by labour market status',
			supportCost: 'Support cost by form',
			published: 'Published figures by edition',
			byVoivodeship: 'Participants and employment by voivodeship',
			byYearSex: 'Participants by year and sex',
			costByGminaType: 'Cost per participant by gmina type',
			regionEmployment: 'A voivodeship: employment and cost by labour market status'
		},
		exampleAliases: { participants: 'participants', employed: 'employed', share: 'share_pct', cost: 'cost_pln', centres: 'centres', costPerParticipant: 'cost_per_participant' },
		national: {
			region: 'Participant rows (table participants)',
			regionNone: 'no participant rows (national tables only)',
			regionOption: (name: string) => `participants of ${name} voivodeship`,
			regionHint: 'The participants table holds one voivodeship’s rows at a time: choosing one loads only its file.',
			note: 'The national set is synthetic (demonstration data): every result over it is marked synthetic, even where it reads the five centres’ published figures (tables figures and sources).',
			provenance: 'Result of an SQL query over the national synthetic set (demonstration data, provenance = synthetic), except the five centres’ published figures, if the query chose them (source_id).',
			resetDone: 'The explorer has restarted on the national set’s files.',
			tables: {
				centres: 'Centres: one in every gmina (TERC register), with its powiat and voivodeship',
				cube: 'Cube: centre × year × sex × age band, with participants, outcomes and cost',
				strata: 'The cube’s strata: year × sex × age band, each numbered (column stratum of the cube)',
				participants: 'Participants of the chosen voivodeship, with their support’s cost and forms'
			},
			columns: {
				stratum: 'number of the stratum (year × sex × age band) in table strata',
				powiat_code: 'TERC code of the powiat',
				voivodeship_code: 'TERC code of the voivodeship',
				has_sources: 'one of the five centres with sources',
				participants: 'participants',
				completed: 'completed',
				employed: 'employed upon leaving',
				cost_pln: 'cost of support (PLN)',
				support_forms: 'forms of support received: bit n is the dictionary’s n-th form'
			}
		},
		loading: {
			label: 'Explorer data loading',
			engine: 'Starting DuckDB…',
			tables: (loaded: number, total: number) => `Loading tables: ${loaded} of ${total}…`
		},
		history: 'Query history',
		historyEmpty: 'No queries in the history.',
		clearHistory: 'Clear history',
		result: 'Result',
		rows: (n: number, ms: number) => `${formatEnglishCount(n, nouns.row)} in ${number(ms, 0)} ms`,
		running: (seconds: number, limit: number) => `Running the query… ${seconds} s (limit ${limit} s)`,
		cancel: 'Stop',
		limit: 'Time limit',
		seconds: (s: number) => (s < 60 ? `${s} s` : `${s / 60} min`),
		failure: {
			refused: 'The explorer refuses the query',
			engine: 'DuckDB reports an error',
			cancelled: 'Query stopped',
			timeout: 'Time limit exceeded'
		},
		cancelled: 'Stopped at your request; the data and the dashboard are unchanged.',
		timedOut: (s: number) => `The query took longer than ${s} s and was stopped. Narrow it down (WHERE, LIMIT) or choose a longer limit.`,
		noRows: 'The query returned no rows.',
		chart: 'Quick chart',
		chartCategory: 'Categories (axis)',
		chartValue: 'Values (numbers)',
		chartNone: 'The result has no numeric column to chart.',
		chartLimit: (n: number) => `The first ${formatEnglishCount(n, nouns.row)} of the result.`,
		syntheticNote: 'A result computed from the participants or support tables: synthetic (demonstration) data, except rows loaded from your files (provenance = imported).',
		provenance: 'SQL query result: the provenance column of the participants and support tables gives the rows’ origin (synthetic), and source_id that of published figures, if the query selected it.',
		refused: {
			empty: 'Empty query.',
			several: 'One statement at a time: remove the semicolon in the middle of the query.',
			notReading: (word: string) => `The explorer only reads data; the statement “${word}” is not allowed. Start with SELECT, WITH, FROM, DESCRIBE, SUMMARIZE or EXPLAIN.`,
			word: (word: string) => `The word “${word}” is not allowed: it would change data or settings, or reach beyond the loaded tables.`,
			address: 'Addresses (://) are not allowed: nothing leaves this browser.'
		}
	},
	validation: {
		row: (n: number) => `row ${n}`,
		column: (name: string) => `column “${name}”`,
		value: (text: string) => `value: “${text}”`,
		requiredEmpty: 'a required field is empty',
		identifier: 'identifier: Latin letters, digits, “-” and “_” only',
		allowed: (values: string[]) => `allowed values: ${values.join(', ')}`,
		integer: 'a whole number was expected',
		money: 'an amount in PLN with a decimal point was expected, at most 2 places after it (e.g. 1234.56)',
		number: 'a number with a decimal point was expected (e.g. 12.5)',
		below: (min: string) => `value below ${min}`,
		above: (max: string) => `value above ${max}`,
		dateBefore: (min: string) => `date before ${min}`,
		dateAfter: (max: string) => `date after ${max}`,
		boolean: 'true or false was expected',
		date: 'a date as YYYY-MM-DD was expected',
		missingColumn: 'a column the data dictionary requires is missing',
		unknownColumn: (known: string[]) => `a column outside the data dictionary (known: ${known.join(', ')})`,
		repeatedKey: (first: number) => `key repeated (first in row ${first})`
	},
	imports: {
		hints: {
			not_allowed_value: 'Use the code from the data dictionary (the “About the data” page), not its description.',
			duplicate_key: 'Every row needs an identifier of its own.',
			unknown_key: 'Load the file of centres and editions first, or correct the identifier.',
			negative: 'Costs and hours cannot be negative.',
			date: 'Dates as YYYY-MM-DD, within the programme’s years 2007–2015.',
			missing_column: 'Add the column, or point to it in the column mapping.'
		},
		rules: {
			noSuchKey: (table: string) => `no such key in the table ${table}`,
			keyLoaded: 'key already loaded (in the built-in data or an earlier file)',
			keysClash: (file: string, n: number, key: string) => `${file}: ${n} ${englishNounFor(n, { one: 'key', other: 'keys' })} “${key}” already loaded`
		},
		sourceLine: (file: string, rows: number, date: string) => `User’s file (provenance = imported): ${file}, ${formatEnglishCount(rows, nouns.row)}, loaded ${date}`,
		read: {
			empty: 'the file is empty',
			binary: 'the file is not CSV text (it contains binary bytes); allowed: CSV, XLSX, Parquet, Arrow',
			wrongContent: 'the content does not match the file extension',
			quotes: 'unclosed quotation mark: a field starts with “"” and does not end with one',
			oneColumn: 'the header has a single column: check the delimiter (comma, semicolon or tab)',
			headerOnly: 'the file has a header only, with no data rows',
			width: (got: number, expected: number) => `a row has ${formatEnglishCount(got, nouns.field)} and the header ${number(expected)}: check the delimiter and quotation marks`,
			longCell: (column: string, max: number) => `a field in column “${column}” is longer than ${number(max)} characters`,
			brokenXlsx: 'the XLSX file is damaged or is not an Excel workbook',
			brokenParquet: 'the Parquet file is damaged',
			brokenArrow: 'the Arrow file is damaged',
			notXlsx: 'the file is not an XLSX workbook: it is a ZIP archive without an Excel workbook (save it in Excel as .xlsx or .csv)',
			tooManyColumns: (got: number, max: number) =>
				`the file has ${formatEnglishCount(got, nouns.column)}, and at most ${number(max)} can be loaded: keep only the data dictionary’s columns`,
			duplicateHeader: (name: string, at: number[]) => `the header “${name}” repeats in columns ${at.join(', ')}: every column needs a name of its own`,
			cell: (address: string, reason: string) => `cell ${address}: ${reason}`,
			formulaWithoutValue: (formula: string) =>
				`the formula =${formula} has no stored value (the file was saved without recalculating): open it in Excel, recalculate and save, or paste the values only`,
			errorValue: (error: string) => `the error value ${error} instead of data`,
			notText: 'a compound value (not text, a number or a date)',
			outsideHeader: 'a value outside the header’s columns'
		},
		guard: {
			pesel: 'a PESEL number (with a valid check digit)',
			email: 'an e-mail address',
			phone: 'a phone number',
			address: 'an address (street and number)',
			name: (first: string) => `a person’s first name (“${first}”)`,
			personal: (kinds: string[]) => `${kinds.join(', ')}: this is personal data`,
			nameHeader: 'the column’s name points to first names or surnames: this is personal data',
			refused: 'File refused: it contains direct identifiers of people. Remove them (the whole column or the content of that cell) and load the file again.'
		},
		unmapped: 'a column with no counterpart in the data dictionary: map it or skip it',
		kept: {
			missing: 'no stored data',
			unreadable: 'stored data with no entry in the list of files, unreadable: removed'
		},
		page: {
			heading: 'Your data',
			intro: 'Load your centre’s anonymised data (participants, support, editions, centres) to see them beside the others. The file stays in this browser: nothing is sent. Data from the file are marked “from file” in every chart and every table.',
			format: 'The data dictionary describes the columns and their allowed values; files: CSV (UTF-8 or Windows-1250; comma, semicolon or tab; decimal comma), XLSX, Parquet, Arrow.',
			dictionaryLink: 'Data dictionary',
			drop: 'Drop a file here or choose one from your disk.',
			pick: 'Choose a file',
			reading: 'Reading and checking the file…',
			progress: 'File reading progress',
			cancel: 'Cancel',
			cancelled: 'Cancelled: nothing was loaded.',
			refused: 'The file was not loaded.',
			summary: (format: string, rows: number, encoding?: string, delimiter?: string) =>
				`${format.toUpperCase()}, ${formatEnglishCount(rows, nouns.row)}${encoding ? `, encoding ${encoding}` : ''}${delimiter ? `, delimiter “${delimiter === '\t' ? 'tab' : delimiter}”` : ''}.`,
			table: 'Dictionary table: ',
			mapping: 'Column mapping (remembered for later files)',
			header: 'Column in the file',
			column: 'Dictionary column',
			sample: 'First value',
			mapFor: (header: string) => `Dictionary column for “${header}”`,
			unmapped: 'choose or type a column',
			skip: 'skip this column',
			skipWord: 'skip',
			ready: (n: number) => `The file is valid: ${formatEnglishCount(n, nouns.row)} to load.`,
			load: 'Load into the dashboard',
			problems: (n: number) => `Problems in the file: ${number(n)}.`,
			nothingLoaded: 'Nothing was loaded; the data already loaded are unchanged.',
			loaded: (file: string, n: number) => `Loaded ${file}: ${formatEnglishCount(n, nouns.row)}. They are already in the charts and tables, marked “from file”.`,
			loadedHeading: 'Loaded files (in this browser)',
			rows: (n: number) => formatEnglishCount(n, nouns.row),
			loadedAt: (date: string, time: string) => `loaded ${date}, ${time}`,
			remove: (file: string, date: string, time: string) => `Remove ${file} (loaded ${date}, ${time})`,
			none: 'No file has been loaded yet.',
			inUse: (file: string, dependents: string[]) =>
				`${file} was not removed: rows of ${dependents.join(', ')} point at its rows. Remove ${dependents.length > 1 ? 'those files' : 'that file'} first.`,
			restoreFailed: 'Could not load again',
			recheckFailed: 'The loaded files changed since this file was checked (in this tab or another), so it was checked again: it now has problems, listed below. Nothing was loaded.'
		},
		more: (n: number) => `… and ${formatEnglishCount(n, nouns.problem)} more`
	},
	print: {
		/** The running header's date: the day the page was printed. */
		date: (day: string) => `Printed: ${day}`,
		/** The filters, the price basis and the view as one line, on paper and in the report. */
		filters: (parts: string[]) => `Filters: ${parts.join(' · ')}`,
		noFilters: 'none (all centres and editions)',
		reportLink: 'Report for print (PDF)',
		print: 'Print or save as PDF',
		printHint: 'The button opens the browser’s print dialog; to save a file, choose “Save as PDF”. The report fits on two A4 pages.',
		reportDate: (day: string) => `As of ${day}`,
		back: (page: string) => `Back: ${page}`,
		compareTitle: 'Report: centres compared',
		centreTitle: (name: string) => `Report: ${name}`,
		figures: 'Key figures',
		table: 'Centres side by side',
		editions: 'Project editions (as the centre’s page states them)',
		sources: 'Sources and provenance of the figures',
		provenance:
			'Published figures come from the centres’ pages (SOURCE); DERIVED marks the dashboard’s arithmetic on published figures (e.g. a budget divided by the number of participants). Participant data are synthetic (SYNTHETIC, hatched in charts). Groups of 1 to 4 people, and figures from which one could work them out, are hidden (“hidden”), and where a page is silent the figure reads “not published”.',
		answer: { snapshot: 'Figures prepared when the site was built.', duckdb: 'Figures from DuckDB queries in this browser.' }
	},
	exports: {
		button: 'Export',
		formats: {
			xlsx: 'Excel (XLSX): the table as on screen and a sheet in data format',
			csvExcel: 'CSV for Excel (the table as on screen)',
			csv: 'CSV — data format (one row per figure, UTF-8)',
			parquet: 'Parquet (data format)',
			arrow: 'Arrow IPC (data format)',
			png: 'PNG image of the chart'
		},
		failures: {
			png: 'PNG: the browser did not create the image'
		},
		sheets: { table: 'Table', data: 'Data format', about: 'About' },
		wide: {
			k: 'numerator (k)',
			n: 'denominator (n)',
			low: '95% CI from',
			high: '95% CI to',
			provenance: 'provenance',
			note: 'note',
			rowId: 'identifier'
		},
		block: {
			filters: 'Filters and prices',
			sources: 'Sources',
			exportedAt: 'Exported',
			marks: 'Marks: “synthetic” in a column header = every figure in the column is synthetic (demonstration data), and synthetic cells are also hatched; “derived from published figures” = the inputs are published, the division is ours. The source and provenance of every figure are on the “Data format” sheet.'
		},
		about: {
			title: 'Title',
			exportedAt: 'Export date',
			filters: 'Filters and prices',
			noFilters: 'no filters',
			sources: 'Sources',
			provenance: 'Provenance',
			disclosure: 'Disclosure control',
			disclosureText: 'Figures from participant data between 1 and 4 are hidden (empty cells with provenance “suppressed”), and with them figures from which they could be worked out (these may be large); one mark for both, so that nobody can tell which one is small. Published project figures are not hidden.',
			columns: 'Columns'
		},
		provenance: 'The provenance column gives the origin of every row: published (a figure from a centre’s page, its source in the sources column), derived (computed by the dashboard from published figures, e.g. the budget divided by the number of participants), synthetic (synthetic demonstration data), imported (from your files), unknown (the source does not say), suppressed (hidden to protect people: a group of 1–4, or a figure from which one could work it out), hidden (synthetic, hidden in the “published figures only” view), omitted (left out in this view). The reason column gives the code for why a value is missing (not_published, hidden_small, published_only, unknown_year, no_edition, no_cost, whole_edition_only, overlapping_support, no_one_selected; hidden_small means “hidden to protect people”: a group of 1–4, or a figure from which one could work it out). Rates are fractions (0.459 = 45.9%).',
		syntheticMark: 'Contains synthetic (demonstration) data, marked by hatching.',
		sourceLine: 'Sources: the centres’ pages (published figures), Statistics Poland (prices, population); the dashboard “Active integration in social welfare centres”.',
		sources: [
			'The centres’ websites: the source of every published figure is in the sources column',
			'Statistics Poland (GUS): TERYT (TERC), annual average consumer price indices (CPI), population as quoted, with its year, on the pages cited',
			'Synthetic data: the generator in the repository (scripts/data/generate.ts), fixed seed'
		],
		failed: 'The file could not be prepared.'
	},
	chart: {
		table: 'Show the data as a table',
		notes: 'Notes',
		keys: {
			role: 'chart',
			hint: 'Arrow keys move between the bars.',
			hintFilter: 'Arrow keys move between the bars; Enter or Space filters the page by the selected bar, like a click.',
			position: (at: number, of: number) => `${at} of ${of}.`
		},
		loading: 'Loading…',
		empty: 'No data for this selection.',
		error: 'The chart’s data could not be fetched.',
		syntheticLegend: 'hatching = synthetic data',
		emptyBecause: {
			noRows: 'Nothing to draw: there are no data rows in this selection.',
			suppressed: 'Nothing to draw: in this selection every value is hidden to protect people (a group of 1 to 4 people, or a figure from which one could work such a group out).',
			unknown: 'Nothing to draw: the sources do not publish these figures (“not published”).',
			zero: 'Nothing to draw: in this selection all values are zero.',
			mixed: (reasons: string[]) => `Nothing to draw. Reasons: ${reasons.join('; ')}.`
		},
		describe: {
			participants: (parts: string[], unknown: number, editions: number) =>
				`Published numbers of participants — ${parts.join('; ')}.${unknown ? ` For ${unknown} of ${editions} ${englishNounFor(editions, nouns.edition)} the pages do not give the number of participants.` : ''}`,
			rate: (centre: string, rate: string, k: number, n: number, low: string, high: string, mark: 'published' | 'synthetic' | 'imported' | 'mixed') =>
				`${centre}: ${rate}, ${k} of ${n}, 95% CI ${low}–${high} (${{ published: 'published', synthetic: 'synthetic', imported: 'from a file', mixed: 'synthetic and from a file' }[mark]})`,
			cost: (parts: string[], unknown: string[]) => `Cost per participant: ${parts.join(', ') || 'none'}.${unknown.length ? ` Budget not published: ${unknown.join(', ')}.` : ''}`,
			synthetic: 'Synthetic data.',
			published: 'Published figures.',
			edition: 'Edition'
		},
		wholeEditionNote:
			'The budget and costs are figures for the whole edition, not for the selected participants (e.g. women): under a participant filter they are not shown, because they would answer a different question. Remove the participant filters to see them.'
	},
	centre: {
		back: 'All centres',
		location: 'Location',
		gmina: 'Municipality (gmina)',
		gminaTypes: { miejska: 'urban', wiejska: 'rural', 'miejsko-wiejska': 'urban-rural' },
		summary: (editions: number, figures: number) => `${formatEnglishCount(editions, nouns.edition)} · ${formatEnglishCount(figures, nouns.publishedFigure)}`,
		teryt: 'TERC code',
		gminaType: 'Type of municipality',
		powiat: 'County (powiat)',
		voivodeship: 'Voivodeship',
		editions: 'Project editions',
		editionColumns: { year: 'Year', title: 'Title', period: 'Period (in the source’s words)', participants: 'Participants', budget: 'Budget', note: 'Note' },
		figures: 'What the centre’s page states',
		figureColumns: { figure: 'Indicator', stated: 'As stated in the source', value: 'Value', unit: 'Unit', quote: 'Quote' },
		activities: 'Activities, courses and events',
		activityColumns: { name: 'Name (in the source’s words)', kind: 'Type', form: 'Form of support', date: 'Date', source: 'Source' },
		profile: 'Participant profile (synthetic data)',
		profileIntro: (n: number) =>
			`Distributions of ${number(n)} synthetic ${englishNounFor(n, nouns.participant)}. Groups of 1 to 4 people are hidden, and where only one group would be hidden, the smallest of the others is hidden too, so that it cannot be subtracted from the total.`,
		profileColumns: { value: 'Category', count: 'Number of people' },
		support: 'Support by form (synthetic data)',
		supportColumns: { form: 'Form of support', participants: 'Participants', hours: 'Hours', cost: 'Cost' },
		supportNote: 'Synthetic costs, scaled so that they add up to the published budget (where one is given).',
		sources: 'Sources',
		sourceText: 'Full text of the page (copy in the repository)',
		dateStated: 'date on the page',
		noYear: 'year unknown',
		dimensions: {
			sex: 'Sex',
			age_band: 'Age at entry',
			education: 'Education',
			labour_status: 'Labour market status at entry',
			pathway: 'Participation pathway',
			completion: 'Completion of participation'
		}
	},
	data: {
		heading: 'About the data',
		intro: 'Where the figures come from, what they mean and what we do not know. The data dictionary is also the format in which centres will be able to load their own anonymised data.',
		provenance: 'Provenance of the figures',
		sourceKinds: { 'centre-page': 'centre’s page', registry: 'public register', reference: 'page quoting Statistics Poland (GUS) data' },
		dictionary: 'Data dictionary',
		columns: { name: 'Column', type: 'Type', label: 'Meaning', values: 'Allowed values', required: 'Required' },
		typeNames: { id: 'identifier', text: 'text', enum: 'value from the dictionary', integer: 'whole number', number: 'number', money: 'amount (PLN)', date: 'date YYYY-MM-DD', boolean: 'true/false', ref: 'reference' },
		publishedWord: 'published',
		yes: 'yes',
		no: 'no',
		calibration: 'Calibration of the synthetic data',
		calibrationIntro: 'The generator (fixed seed, reproducible output) reproduces every published figure exactly:',
		activityNote: 'Activity names are given in the source’s words. Their assignment to a form of support is the team’s classification, not the source’s.',
		sources: 'Sources',
		methods: 'Methods',
		methodNotes: [
			'95% confidence interval for a rate: the Wilson method (sound for small n and for rates close to 0% or 100%).',
			'Disclosure control: figures from participant data between 1 and 4 are shown as “hidden”; where only one cell of a table would be hidden, the smallest of the others is hidden too, with the same mark, so that nobody can tell which one is small. A rate is hidden when its numerator, or its complement to n, is 1–4 people. Published project figures are not hidden.',
			'Protection against differencing views: under every filter, the neighbouring views (without one of the filters, or without one of its values) are checked. If the difference from any of them would give a group of 1–4 people, or such a number within it, the corresponding figures of this view are hidden; when a hidden centre could be subtracted from the selection’s total, another one is hidden too. This does not protect against every chain of many queries (so-called trackers); with real data, exports and SQL queries should go through an additional review.',
			'A total over several editions is known only when every one of them gives the figure; otherwise “not published”, never a partial total.',
			'Numbers, amounts and dates in English notation (e.g. 12,345.67 PLN).'
		]
	},
	national: {
		title: 'Poland: synthetic data',
		country: 'Poland',
		intro: 'A social welfare centre in each of the 2,477 gminas of the GUS TERC register. Editions, participants and costs are synthetic; the five centres with sources keep their published figures.',
		crumbs: 'Level',
		kOfN: (k: string, n: string) => `${k} of ${n}`,
		childrenName: { country: 'voivodeships', voivodeship: 'powiats', powiat: 'centres' },
		measures: { label: 'Measure', employment: 'In employment upon leaving', completion: 'Completed participation', cost: 'Cost per participant' },
		tiles: {
			title: (name: string) => `${name} in figures`,
			participants: 'Participants',
			centres: 'Centres',
			employment: 'In employment upon leaving',
			completion: 'Completed participation',
			cost: 'Cost per participant',
			costRange: (low: string, median: string, high: string) => `median of centres ${median} (from ${low} to ${high})`,
			ofCentres: (n: number) => formatEnglishCount(n, nouns.centre)
		},
		yearsPhrase: (years: number[]) => `in ${years.length > 1 && contiguous(years) ? `${years[0]}–${years.at(-1)}` : years.join(', ')}`,
		sentence: (unit: string, centres: number, participants: number | string, years: string, employed: string, outside: number) =>
			`${unit}: ${formatEnglishCount(centres, nouns.centre)}, ${typeof participants === 'number' ? formatEnglishCount(participants, nouns.participant) : `number of participants: ${participants}`} ${years}. In employment upon leaving: ${employed}; ${outside === 0 ? 'no centre lies outside the 99.8% control limits' : `${formatEnglishCount(outside, nouns.centre)} outside the 99.8% control limits`}.`,
		map: {
			title: (measure: string, children: string) => `${measure}: ${children} on the map`,
			legend: 'Legend',
			hidden: 'hidden',
			none: 'no data',
			drill: 'Click an area to go one level down.',
		},
		funnel: {
			title: (measure: string) => `${measure} against the number of participants: funnel plot`,
			axisX: 'Participants of the centre (n, log scale)',
			axisY: 'Rate',
			target: (rate: string) => `Rate for the whole level: ${rate}`,
			warning: '95% limits',
			control: '99.8% limits',
			above: 'Above the 99.8% limits',
			withinLabel: 'Within the limits of chance variation',
			moreOutside: (n: number) => `and ${formatEnglishCount(n, nouns.centre)} more outside the limits (table below)`,
			aboveWarning: 'Above the 95% limits',
			belowWarning: 'Below the 95% limits',
			targetLabel: 'Rate for the whole level',
			below: 'Below the 99.8% limits',
			within: (n: number) => `${formatEnglishCount(n, nouns.centre)} within the limits of chance variation`,
			hidden: (n: number) => `${formatEnglishCount(n, nouns.centre)} with a hidden rate ${englishNounFor(n, verbs.be)} not plotted.`,
			empty: (n: number) => `${formatEnglishCount(n, nouns.centre)} with no participants in this selection ${englishNounFor(n, verbs.be)} not plotted.`,
			method: 'Control limits: exact binomial around the rate of the whole level, interpolated (Spiegelhalter 2005). A centre outside the 99.8% limits differs more than chance would explain; within the limits does not mean "the same".',
			point: (name: string, k: number, n: number, interval: string) => `${name}: ${k} of ${n} (${interval})`,
			none: 'No centres to show.',
			open: 'Enter opens the centre.'
		},
		cost: {
			title: 'Cost per participant: distribution of centres',
			axisX: (basis: string) => `Cost per participant (PLN, ${basis})`,
			axisY: 'Number of centres',
			unknown: (n: number) => `${formatEnglishCount(n, nouns.centre)} without a known cost (not published).`,
			hidden: (n: number) => `${formatEnglishCount(n, nouns.centre)} with a hidden cost (the number of participants is hidden).`,
			omitted: (n: number) => `${formatEnglishCount(n, nouns.centre)} with sources and no cost for this selection: their published budget covers a whole edition, not the participants selected.`,
			empty: (n: number) => `${formatEnglishCount(n, nouns.centre)} with no participants in this selection.`
		},
		table: {
			caption: (name: string) => `Centres: ${name}`,
			children: (name: string) => `Units: ${name}`,
			unit: 'Unit',
			centre: 'Centre',
			powiat: 'Powiat',
			participants: 'Participants',
			employment: 'In employment upon leaving',
			completion: 'Completed participation',
			cost: 'Cost per participant',
			centres: 'Centres',
			shown: (shown: number, all: number) => `${shown.toLocaleString('en-GB')} of ${formatEnglishCount(all, nouns.centre)}`,
			search: 'Search the table (centre or gmina)',
			searched: (query: string) => `Table search: "${query}"`,
			sources: ['Synthetic data: the generator in the repository (scripts/national/generate.ts), fixed seed', 'Statistics Poland: the TERC register (2020-01-01), one centre per gmina', 'The five centres with sources: figures published on their pages']
		},
		search: {
			label: 'Find a centre by the name of its gmina',
			placeholder: 'e.g. Lezajsk',
			none: 'No such gmina.',
			results: (n: number) => `${formatEnglishCount(n, nouns.centre)} ${englishNounFor(n, verbs.match)}`
		},
		compare: {
			title: 'Compare centres',
			intro: '2 to 5 centres from all of Poland side by side and beside the country, with confidence intervals. Type a gmina’s name to add a centre; the choice and the filters are in the address, so a link opens the same comparison.',
			link: 'Compare centres',
			addLink: 'Add to the comparison',
			picked: (n: number, max: number) => `Centres chosen: ${n} of ${max}`,
			add: 'Add a centre: type a gmina’s name',
			remove: (name: string) => `Remove from the comparison: ${name}`,
			full: (max: number) => `The comparison has ${max} centres already; remove one to add another.`,
			empty: (min: number) => `Choose at least ${min} centres to compare them.`,
			chart: 'In employment upon leaving and completed participation: the chosen centres and Poland',
			caption: 'Bar: the share; whiskers: 95% confidence interval (Wilson). Hatched bar: synthetic data. A hidden share is named, not drawn.',
			table: 'The chosen centres and Poland'
		},
		ignored: (params: string[]) => `Ignored address parameters: ${params.join(', ')} (an unknown or surplus value: each filter here takes one, a comparison up to five centres).`,
		pending: 'For now, all participants without filters; the figures for the chosen filters are on their way.',
		perturbed: (max: number, step: number) =>
			`Under filters, counts of people are moved slightly (by at most ${max}) and cost per participant is rounded to ${step} PLN, always the same way for the same people, which makes it hard to single anyone out by a difference of views. Parts may not add up to the whole.`,
		status: {
			built: 'No filters: figures worked out when the page was built.',
			loading: (percent: number) => `Loading the national data into DuckDB: ${percent}%…`,
			computing: 'Working out the figures for the chosen filters…',
			done: (total: number, guard: number) => `Worked out for the chosen filters in ${total} ms, of which small-group protection ${guard} ms.`,
			error: (message: string) => `Could not work out the figures: ${message}`,
			retry: 'Try again'
		},
		selected: {
			title: (name: string) => `Selected centre: ${name}`,
			page: 'Page of the centre with sources',
			close: 'Close'
		}
	},
	notFound: 'There is no such page.'
};
