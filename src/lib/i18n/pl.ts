// Every user-facing string of the interface, in Polish. An English file of the same shape can follow.
import { formatCount, type NounForms, type PluralForms } from '../format/plural';
import { contiguous } from '../format/text';
import { formatNumber } from '../format/number';
import type { MissingReason } from '../queries/cells';

/** Nouns that follow a count, in the forms Intl.PluralRules('pl') picks between (format/plural.ts). */
const nouns = {
	person: { one: 'osoba', few: 'osoby', many: 'osób', other: 'osoby' },
	participant: { one: 'uczestnik', few: 'uczestników', many: 'uczestników', other: 'uczestnika' },
	family: { one: 'rodzina', few: 'rodziny', many: 'rodzin', other: 'rodziny' },
	post: { one: 'etat', few: 'etaty', many: 'etatów', other: 'etatu' },
	row: { one: 'wiersz', few: 'wiersze', many: 'wierszy', other: 'wiersza' },
	field: { one: 'pole', few: 'pola', many: 'pól', other: 'pola' },
	column: { one: 'kolumnę', few: 'kolumny', many: 'kolumn', other: 'kolumny' },
	edition: { one: 'edycja', few: 'edycje', many: 'edycji', other: 'edycji' },
	problem: { one: 'problem', few: 'problemy', many: 'problemów', other: 'problemu' },
	centre: { one: 'ośrodek', few: 'ośrodki', many: 'ośrodków', other: 'ośrodka' },
	/** After „z” (of): „1 z 1 ośrodka”, „2 z 5 ośrodków”. */
	centreOf: { one: 'ośrodka', few: 'ośrodków', many: 'ośrodków', other: 'ośrodka' },
	editionOf: { one: 'edycji', few: 'edycji', many: 'edycji', other: 'edycji' },
	publishedFigure: { one: 'liczba opublikowana', few: 'liczby opublikowane', many: 'liczb opublikowanych', other: 'liczby opublikowanej' }
} satisfies Record<string, NounForms>;

const REASONS: Record<MissingReason, { short: string; label: string; title: string }> = {
	not_published: { short: 'nie opublikowano', label: 'nie opublikowano', title: 'Źródło nie podaje tej liczby.' },
	// One mark for a group of 1–4 and for a figure hidden so that such a group cannot be worked out: „<5” on the
	// second would be untrue (it can stand for hundreds), and two marks would say which figure is the small one.
	hidden_small: { short: 'ukryte', label: 'ukryte', title: 'Ukryte dla ochrony osób: grupa liczy od 1 do 4 osób albo z tej liczby dałoby się taką grupę obliczyć.' },
	published_only: { short: '—', label: 'syntetyczne — ukryte', title: 'Ukryte w widoku „tylko liczby opublikowane”: to liczba syntetyczna.' },
	unknown_year: { short: 'rok nieznany', label: 'rok nieznany: nie da się przeliczyć cen', title: 'Rok edycji nie jest znany, więc kwoty nie da się przeliczyć na ceny stałe.' },
	no_edition: { short: 'brak edycji', label: 'brak edycji', title: 'Ośrodek nie prowadził w tym roku edycji projektu.' },
	not_applicable: { short: '—', label: '', title: 'Nie dotyczy: ta liczba stoi w innej kolumnie.' },
	no_cost: { short: 'brak kosztów', label: 'brak kosztów wsparcia w tym wyborze', title: 'W tym wyborze nie ma kosztów wsparcia.' },
	whole_edition_only: {
		short: 'cała edycja',
		label: 'dotyczy całej edycji: pominięte przy filtrze uczestników',
		title: 'Budżet i koszt dotyczą całej edycji, nie wybranych uczestników, więc przy filtrze uczestników nie są tu pokazane.'
	},
	no_one_selected: {
		short: 'brak osób',
		label: 'nikt w tym wyborze',
		title: 'Filtry nie wybierają tu żadnego uczestnika: nie ma z czego policzyć odsetka ani kosztu na uczestnika.'
	},
	overlapping_support: {
		short: 'pominięte',
		label: 'odsetki pominięte przy filtrze formy wsparcia',
		title: 'Przy filtrze formy wsparcia odsetki nie są pokazywane: jedna osoba dostaje kilka form wsparcia, więc takie widoki nakładają się i zestawione razem mogłyby wskazać małą grupę. Liczby uczestników zostają.'
	}
};

export const pl = {
	nouns,
	/** The noun for a figure's unit in data/dictionary.json, where the unit is a counted noun. */
	unitNouns: { osoby: nouns.person, rodziny: nouns.family, etat: nouns.post } as Record<string, NounForms | undefined>,
	site: {
		title: 'Aktywna integracja w ośrodkach pomocy społecznej',
		subtitle: 'Projekty systemowe POKL 2007–2013, Priorytet VII, Poddziałanie 7.1.1',
		nav: { overview: 'Przegląd', compare: 'Porównanie', centres: 'Ośrodki', national: 'Cała Polska', explorer: 'SQL', imports: 'Własne dane', data: 'O danych' },
		skip: 'Przejdź do treści',
		navLabel: 'Główna',
		noticeLabel: 'Dane syntetyczne',
		/** The language switch names the other language in that language. */
		otherLanguage: 'English',
		scheme: { label: 'Kolory', system: 'jak w systemie', light: 'jasne', dark: 'ciemne' },
		syntheticBanner: 'Dane o uczestnikach (płeć, ukończenie, zatrudnienie, koszty wsparcia) są syntetyczne (demonstracyjne) i zawsze oznaczone. Liczby opublikowane mają źródło.',
		footer: 'Działa w całości w przeglądarce: żadne dane nie opuszczają tego komputera.'
	},
	/** The two datasets: the address chooses one. */
	dataset: { label: 'Dane', centres: '5 ośrodków ze źródłami', national: 'Polska: dane syntetyczne' },
	units: {
		/** The currency as a table's unit line writes it. */
		money: 'zł'
	},
	engine: {
		idle: 'Silnik danych jeszcze nie wystartował: widzisz liczby przygotowane przy budowie strony.',
		engine: 'Wczytywanie silnika DuckDB…',
		data: 'Wczytywanie danych do DuckDB…',
		ready: (ms: number | null) => `DuckDB gotowy${ms === null ? '' : ` (${(ms / 1000).toLocaleString('pl-PL', { maximumFractionDigits: 1 })} s)`}: liczby pochodzą z zapytań w przeglądarce.`,
		/** A national page: its figures are built, and DuckDB answers its filters. */
		readyForFilters: (ms: number | null) => `DuckDB gotowy${ms === null ? '' : ` (${(ms / 1000).toLocaleString('pl-PL', { maximumFractionDigits: 1 })} s)`}: filtry liczy przeglądarka.`,
		error: 'Nie udało się uruchomić silnika danych. Widzisz liczby przygotowane przy budowie strony.',
		retry: 'Spróbuj ponownie',
		progressLabel: 'Postęp wczytywania silnika danych'
	},
	prices: {
		label: 'Ceny',
		nominal: 'bieżące (nominalne)',
		constant: (year: number) => `stałe z ${year} r. (deflator: CPI GUS)`,
		basis: (base: number | null) => (base === null ? 'ceny bieżące' : `ceny stałe ${base} r.`),
		note: 'Ceny stałe: kwota z roku edycji przeliczona średniorocznym wskaźnikiem cen towarów i usług konsumpcyjnych GUS. Edycji bez znanego roku nie da się przeliczyć.'
	},
	view: {
		legend: 'Zakres liczb',
		all: 'Wszystkie (opublikowane i syntetyczne)',
		published: 'Tylko liczby opublikowane'
	},
	cell: {
		synthetic: 'syntetyczne',
		syntheticTitle: 'Liczba z danych syntetycznych (demonstracyjnych), nie z publikacji ośrodka.',
		imported: 'z pliku',
		importedTitle: 'Liczba obejmuje dane wczytane z Twoich plików (tylko w tej przeglądarce):',
		published: 'źródło',
		derived: 'wyliczone z liczb opublikowanych',
		publishedLegend: 'liczba ze strony ośrodka (link prowadzi do listy źródeł; cytat stoi przy liczbie na stronie ośrodka)',
		n: (n: number) => `n = ${n}`,
		interval: '95% przedział ufności (Wilsona)',
		/** A column's mark when every figure in it is of one kind (the cells then carry no badge of their own). */
		columnMark: {
			published: 'źródło',
			derived: 'wyliczone',
			synthetic: 'syntetyczne'
		},
		columnMarkTitle: {
			published: 'Każda liczba w tej kolumnie pochodzi ze strony ośrodka; link prowadzi do listy źródeł, a cytaty stoją na stronach ośrodków.',
			derived: 'Wyliczone przez pulpit z liczb opublikowanych (np. budżet podzielony przez liczbę uczestników): dane wejściowe są opublikowane, dzielenie jest nasze.',
			synthetic: 'Każda liczba w tej kolumnie pochodzi z danych syntetycznych (demonstracyjnych), nie z publikacji ośrodka.'
		},
		/** Provenance in words, for exports and for a cell whose kind differs from its column's. */
		kinds: {
			published: 'opublikowane',
			derived: 'wyliczone z opublikowanych',
			synthetic: 'syntetyczne',
			imported: 'z pliku',
			'synthetic+imported': 'syntetyczne i z pliku',
			missing: 'brak wartości'
		}
	},
	/**
	 * The words for a missing figure's reason, the one place they are written: `short` in a table cell, `label` beside
	 * a chart's absent bar and in exports, `title` the explanation (tooltip, screen readers, the export's note).
	 */
	reason: (code: MissingReason): { short: string; label: string; title: string } => REASONS[code],
	filters: {
		heading: 'Filtry',
		intro: 'Filtry działają na tabele i wykresy tej strony; wykres, który któregoś filtra nie może zastosować, mówi to przy sobie. Filtry dotyczące uczestników (płeć, wiek, …) działają na danych syntetycznych.',
		centres: 'Ośrodek',
		years: 'Rok edycji',
		sex: 'Płeć',
		ageBands: 'Wiek przy wejściu',
		education: 'Wykształcenie',
		labourStatus: 'Status na rynku pracy',
		supportForms: 'Otrzymane wsparcie',
		outcomes: 'Sytuacja po projekcie',
		outcomeLabels: { employed: 'pracujący', job_seeking: 'poszukujący pracy', education: 'w kształceniu lub szkoleniu', qualification: 'z nowymi kwalifikacjami' },
		unknownYear: 'rok nieznany',
		/** Beside a row's years, where its figures cover fewer editions than it lists. */
		coverage: (years: string[], of: number) => `liczby tylko z edycji ${years.join(', ')} (${years.length} z ${of})`,
		active: 'Aktywne filtry',
		remove: (label: string) => `Usuń filtr: ${label}`,
		/** The national filters' choice of every value (no filter). */
		allValues: 'wszystkie',
		clear: 'Wyczyść wszystkie filtry',
		none: 'Brak filtrów: wszystkie ośrodki i edycje.',
		selection: 'Uczestnicy w wyborze',
		participantsChartNote:
			'Ten wykres pokazuje opublikowane liczby uczestników edycji. Działają na nim filtry ośrodka i roku; filtry uczestników (płeć, wiek, wykształcenie, status, wsparcie, sytuacja po projekcie) nie, bo strony ośrodków nie dzielą uczestników według tych cech.',
		participantsChartIgnored: (names: string[]) => `Pominięte na tym wykresie: ${names.join(', ')}. Strony ośrodków nie dzielą według nich liczby uczestników; te filtry działają w tabeli i na pozostałych wykresach.`,
		filterRow: (name: string) => `Filtruj: ${name}`,
		clickHint: 'Kliknij słupek, aby filtrować stronę po tym ośrodku.',
		segmentHint: 'Kliknij fragment słupka, aby filtrować stronę po tej formie wsparcia.',
		waiting: 'Filtry zadziałają, gdy silnik danych będzie gotowy.',
		ignored: (params: string[]) => `Pominięto nieznane parametry adresu: ${params.join(', ')}.`,
		notWithSupport: (params: string[]) =>
			`Forma wsparcia łączy się tylko z filtrem ośrodka i roku, więc pominięto: ${params.join(', ')}. Jedna osoba dostaje kilka form wsparcia, więc takie widoki nakładają się z innymi i zestawione razem mogłyby wskazać grupę mniejszą niż 5 osób.`
	},
	outcomes: {
		heading: 'Wskaźniki rezultatu według płci (dane syntetyczne)',
		intro: 'Sytuacja uczestników po opuszczeniu projektu, w układzie wspólnych wskaźników rezultatu EFS. Liczone z danych syntetycznych; opublikowane liczby są w tabeli porównania powyżej. Gdy jedną z płci trzeba ukryć, ukrywa się obie, by nie dało się jej odjąć od sumy.',
		hidden: 'Ta tabela zawiera wyłącznie dane syntetyczne, więc w widoku „tylko liczby opublikowane” jest ukryta.',
		columns: { centre: 'Ośrodek', indicator: 'Wskaźnik', women: 'Kobiety', men: 'Mężczyźni', total: 'Razem' }
	},
	/** The legend of marks: once per page (components/MarksLegend.svelte), not under every chart and table. */
	legend: {
		heading: 'Oznaczenia',
		published: 'liczba ze strony ośrodka (link do listy źródeł)',
		derived: 'wyliczone przez nas z liczb opublikowanych',
		synthetic: 'dane syntetyczne (demonstracyjne)',
		hatching: 'kreskowany słupek: dane syntetyczne',
		small: 'grupa 1–4 osób albo liczba, z której dałoby się ją obliczyć',
		notPublished: 'strona ośrodka nie podaje',
		imported: 'z Twojego pliku'
	},
	/** The overview's headline: tiles and a sentence generated from the answer (summary/headline.ts). */
	headline: {
		heading: 'Najważniejsze liczby',
		tiles: {
			participants: 'Uczestnicy w wyborze',
			employment: 'Pracujący po zakończeniu udziału',
			budgets: 'Opublikowane budżety',
			cost: 'Koszt na uczestnika'
		},
		centres: (n: number) => `${formatCount(n, nouns.centre)} w wyborze`,
		editionsCounted: (k: number, n: number) => `liczby z ${k} z ${formatCount(n, nouns.editionOf)} (pozostałe: nie opublikowano)`,
		centresCovered: (k: number, n: number) => `${k} z ${formatCount(n, nouns.centreOf)}`,
		others: (reasons: string[]) => `pozostałe: ${reasons.join(', ')}`,
		rate: (k: number, n: number, low: string, high: string) => `${k} z ${n}; 95% PU ${low.replace(/\s?%$/u, '')}–${high}`,
		budgetsFrom: (k: number, n: number, names: string[]) => `${k} z ${formatCount(n, nouns.centreOf)}${names.length ? `: ${names.join(', ')}` : ''}`,
		costFrom: (k: number, n: number, low: string, high: string) =>
			k === 0 ? `0 z ${formatCount(n, nouns.centreOf)}` : k === 1 ? `${low}; 1 z ${formatCount(n, nouns.centreOf)}` : `od ${low} do ${high}; ${k} z ${formatCount(n, nouns.centreOf)}`,
		syntheticWord: (p: { imported?: 'some' | 'all'; withPublished?: boolean }) =>
			p.imported === 'all' ? 'z pliku' : p.imported ? 'syntetyczne i z pliku' : p.withPublished ? 'częściowo syntetyczne' : 'syntetyczne',
		markTitle: {
			published: 'Liczba ze stron ośrodków: link prowadzi do listy źródeł.',
			derived: 'Wyliczone przez pulpit z liczb opublikowanych (suma albo iloraz): dane wejściowe są opublikowane, działanie jest nasze. Link prowadzi do listy źródeł.',
			synthetic: 'Liczba z danych syntetycznych (demonstracyjnych), nie z publikacji ośrodków.',
			withPublished: 'Liczba łączy liczby opublikowane z syntetycznymi (demonstracyjnymi), więc jest oznaczona jako syntetyczna.'
		},
		sourcesList: 'lista źródeł',
		/** Sentence pieces around the tiles' own figures: `F` is a figure with its mark, `M` a figure the view leaves out. */
		sentence: {
			people: <F>(people: F, noun: string) => [people, ` ${noun} w wyborze`],
			peopleMissing: <M>(missing: M) => ['Liczba uczestników w wyborze: ', missing],
			employed: <F>(rate: F, interval: string, covered: string, leftOut: string | null) => ['; po zakończeniu udziału pracowało ', rate, ` (${interval}), liczone w ${covered}${leftOut ? `; ${leftOut}` : ''}.`],
			employedMissing: <M>(missing: M) => ['. Odsetek pracujących po zakończeniu udziału: ', missing, '.'],
			noBudgets: (n: number) => [`${n === 1 ? 'Ośrodek w wyborze nie opublikował' : `Żaden z ${formatCount(n, nouns.centreOf)} w wyborze nie opublikował`} budżetu, więc kosztu na uczestnika nie znamy.`],
			moneyMissing: <M>(missing: M) => ['Budżety i koszty: ', missing, '.'],
			budgetsAndCost: <F>(k: number, n: number, total: F, cost: F | null) =>
				[k === 1 ? `Opublikowany budżet (1 z ${formatCount(n, nouns.centreOf)}): ` : `Opublikowane budżety (${k} z ${formatCount(n, nouns.centreOf)}): razem `, total, ...(cost ? ['; koszt na uczestnika: ', cost, '.'] : ['.'])],
			budgetsAndCostRange: <F>(k: number, n: number, total: F, low: F, lowName: string, high: F, highName: string) => [
				`Opublikowane budżety (${k} z ${formatCount(n, nouns.centreOf)}): razem `,
				total,
				'; koszt na uczestnika od ',
				low,
				` (${lowName}) do `,
				high,
				` (${highName}).`
			]
		}
	},
	overview: {
		heading: 'Przegląd ośrodków',
		intro: 'Pięć ośrodków obok siebie: liczby z ich stron (ze źródłem), a gdzie strony milczą, dane syntetyczne (zawsze oznaczone) albo „nie opublikowano”.',
		tableCaption: 'Porównanie ośrodków',
		sortBy: (column: string) => `Sortuj według: ${column}`,
		columns: {
			centre: 'Ośrodek',
			years: 'Lata edycji',
			participants: 'Uczestnicy',
			women: 'Kobiety',
			completion: 'Ukończyli udział',
			employment: 'Pracujący po projekcie',
			budget: 'Budżet',
			costPerParticipant: 'Koszt na uczestnika',
			costPerEmployed: 'Koszt na osobę pracującą'
		},
		unknownYear: 'rok nieznany',
		denominators: [
			'Udziały (kobiety, ukończenie, praca po projekcie) liczone są od liczby uczestników edycji (n), podanej przy każdej wartości.',
			'Koszt na uczestnika = opublikowany budżet ÷ opublikowana liczba uczestników; koszt na osobę pracującą = budżet ÷ opublikowana liczba osób, które podjęły pracę. Liczby syntetyczne nigdy nie dzielą budżetu.',
			'Przedziały ufności 95% metodą Wilsona: przy grupach liczących od kilku do kilkudziesięciu osób są szerokie i to jest informacja, nie błąd.',
			'Wartości liczone z danych o uczestnikach ukrywa się, gdy grupa lub jej dopełnienie liczy od 1 do 4 osób, albo gdy dałoby się z nich taką grupę obliczyć.'
		],
		charts: {
			participants: {
				title: 'Uczestnicy według ośrodka i roku',
				axis: 'Liczba uczestników',
				contracts: 'kontrakty socjalne',
				local: 'Program Aktywności Lokalnej',
				unsplit: 'bez podziału w źródle',
				note: 'Wszystkie słupki to liczby opublikowane. Edycje, dla których strona nie podaje liczby uczestników, mają napis „nie opublikowano”.'
			},
			employment: {
				title: 'Praca po zakończeniu udziału',
				axis: 'Odsetek uczestników (%)',
				series: 'pracujący po projekcie',
				note: 'Słupek pełny: liczba opublikowana; kreskowany: dane syntetyczne. Wąsy: 95% przedział ufności Wilsona.'
			},
			supportCost: {
				title: 'Koszt wsparcia według formy (dane syntetyczne)',
				axis: 'Koszt wsparcia',
				note: 'Kwoty syntetyczne, skalowane do opublikowanego budżetu tam, gdzie go podano. Ukryte są formy, z których korzystało 1–4 osoby, oraz kwoty, z których dałoby się je obliczyć.'
			},
			mix: {
				title: 'Struktura kosztów wsparcia według formy (dane syntetyczne)',
				axis: 'Udział w koszcie wsparcia (%)',
				note: 'Wszystkie dane na tym wykresie są syntetyczne. Udział formy liczony od sumy kosztów wsparcia ośrodka; ukryte są formy, z których korzystało 1–4 osoby, oraz udziały, z których dałoby się je obliczyć.',
				hidden: 'Wykres pokazuje wyłącznie dane syntetyczne, więc w widoku „tylko liczby opublikowane” jest ukryty.',
				unit: 'Jednostka wykresu',
				share: 'udział (%)',
				money: 'kwota (zł)',
				top: (form: string, share: string, total: string | null) => `najwięcej kosztu: ${form} (${share}${total === null ? '' : `; koszt wsparcia razem ${total}`})`
			},
			cost: {
				title: 'Koszt na uczestnika (z opublikowanych budżetów)',
				axis: 'zł na uczestnika',
				series: 'koszt na uczestnika',
				note: 'Tylko ośrodki, które opublikowały budżet; pozostałe: „nie opublikowano”, nigdy 0.'
			}
		}
	},
	compare: {
		heading: 'Porównanie ośrodków',
		intro: 'Od dwóch do pięciu ośrodków obok siebie: udziały w ich łącznej liczbie, liczba uczestników na 1000 mieszkańców gminy, różnice odsetków z przedziałem ufności i trendy między edycjami. Filtry działają tak samo jak w przeglądzie.',
		pick: (min: number, max: number) => `Wybierz w filtrze „Ośrodek” od ${min} do ${max} ośrodków, aby je porównać.`,
		all: (min: number, max: number) => `Porównanie wszystkich ośrodków. Aby porównać tylko niektóre (od ${min} do ${max}), wybierz je w filtrze „Ośrodek”.`,
		tooMany: (max: number, dropped: string) => `Można porównać najwyżej ${max} ośrodków; pominięto: ${dropped}.`,
		open: 'Porównaj wybrane ośrodki',
		tableCaption: 'Ośrodki obok siebie',
		measure: 'Miara',
		rows: {
			years: 'Lata edycji',
			participants: 'Uczestnicy',
			participantsShare: 'Udział w uczestnikach porównywanych ośrodków',
			population: 'Ludność gminy',
			per1000: 'Uczestnicy na 1000 mieszkańców',
			women: 'Kobiety',
			employment: 'Pracujący po projekcie',
			budget: 'Budżet',
			budgetShare: 'Udział w opublikowanych budżetach',
			costPerParticipant: 'Koszt na uczestnika'
		},
		populationYear: (year: number, within: boolean) => `stan z ${year} r.${within ? '' : ', poza latami projektu'}`,
		populationNote:
			'Ludność: dane GUS przytoczone na stronach, które podają rok (cytat i źródło w danych). Przyjmuje się liczbę z roku najbliższego latom projektu; rok jest zawsze podany. Gdy nie znamy ludności albo roku projektu, wskaźnik na 1000 mieszkańców jest nieznany.',
		shareNote: 'Udział liczony od sumy porównywanych ośrodków; gdy którejś liczby nie opublikowano albo ją ukryto, nie podaje się żadnego udziału (dałby się z nich odtworzyć). Udział w budżetach liczy się tylko wśród ośrodków, które opublikowały budżet.',
		differences: {
			heading: 'Różnice odsetków między ośrodkami',
			intro: 'Różnica w punktach procentowych z 95% przedziałem ufności (metoda Newcombe’a). Gdy przedział obejmuje zero, dane nie pozwalają odróżnić tych dwóch odsetków.',
			columns: { pair: 'Para ośrodków', measure: 'Odsetek', difference: 'Różnica', interval: '95% przedział ufności', verdict: 'Ocena' },
			measures: { employment: 'pracujący po projekcie', completion: 'ukończenie udziału w projekcie', women: 'kobiety wśród uczestników' },
			pick: 'Porównywany odsetek:',
			withinNoise: 'w granicach szumu',
			beyondNoise: 'różnica wyraźna',
			none: (measure: string) => `Brak par, w których oba odsetki („${measure}”) są znane (opublikowane lub syntetyczne i nieukryte). Wybierz inny odsetek powyżej.`
		},
		trends: {
			participants: 'Uczestnicy według roku edycji',
			cost: 'Koszt na uczestnika według roku edycji',
			axisParticipants: 'Liczba uczestników',
			axisCost: 'zł na uczestnika',
			year: 'Rok edycji',
			note: 'Liczby opublikowane dla każdej edycji; brak słupka to „brak edycji” albo „nie opublikowano” (zob. tabelę).'
		}
	},
	errorPage: {
		title: 'Nie ma takiej strony',
		text: 'Pod tym adresem nic nie ma: może link jest stary albo w adresie jest literówka.',
		errorTitle: 'Coś poszło nie tak',
		errorText: 'Tej strony nie udało się wyświetlić.',
		back: 'Wróć do przeglądu ośrodków',
		elsewhere: 'Pozostałe części pulpitu są w menu u góry strony.'
	},
	release: {
		unavailable:
			'To wydanie publiczne: nie zawiera wierszy o uczestnikach, tylko liczby policzone i chronione przy budowie strony. Widoki z filtrami dotyczącymi uczestników albo cenami stałymi nie są w nim dostępne.',
		back: 'Wróć do widoku bez filtrów',
		explorer: 'Wydanie publiczne: tabele participants i support są puste (nie ma tu wierszy o uczestnikach). Liczby o uczestnikach są w tabelach protected_overview, protected_profile i protected_support, chronione przy budowie strony tymi samymi regułami co pulpit (NULL tam, gdzie ukryte).'
	},
	explorer: {
		heading: 'Zapytania SQL',
		intro:
			'Zapytania SQL do danych wczytanych w przeglądarce. Odpowiada na nie osobny DuckDB, z kopią tabel: zapytanie tylko odczytuje, nie sięga po pliki ani adresy i nie zmienia tego, co pokazuje pulpit. Dane o uczestnikach są syntetyczne (kolumna provenance), a ochrona małych grup (<5) nie dotyczy wierszy pokazanych tutaj.',
		editorLabel: 'Zapytanie SQL',
		run: 'Uruchom (Ctrl+Enter)',
		reset: 'Przywróć dane',
		resetDone: 'Eksplorator uruchomiony od nowa na danych z plików i Twoich plikach.',
		schema: 'Tabele i kolumny',
		examples: 'Przykłady',
		exampleTitles: {
			bySex: 'Uczestnicy według ośrodka i płci',
			employment: 'Zatrudnienie po projekcie według statusu na rynku pracy',
			supportCost: 'Koszt wsparcia według formy',
			published: 'Liczby opublikowane według edycji',
			byVoivodeship: 'Uczestnicy i zatrudnienie według województwa',
			byYearSex: 'Uczestnicy według roku i płci',
			costByGminaType: 'Koszt na uczestnika według typu gminy',
			regionEmployment: 'Województwo: zatrudnienie i koszt według statusu na rynku pracy'
		},
		/** Column names the examples give their results: words a reader knows, in snake case as SQL likes them. */
		exampleAliases: { participants: 'uczestnicy', employed: 'pracujacy', share: 'odsetek', cost: 'koszt_pln', centres: 'osrodki', costPerParticipant: 'koszt_na_uczestnika' },
		/** The national synthetic set in the explorer (`?zbior=polska`). */
		national: {
			region: 'Wiersze uczestników (tabela participants)',
			regionNone: 'bez wierszy uczestników (tylko tabele krajowe)',
			regionOption: (name: string) => `uczestnicy województwa ${name}`,
			regionHint: 'Tabela participants to wiersze jednego województwa naraz: wybór wczytuje tylko jego plik.',
			note: 'Zbiór krajowy jest syntetyczny (demonstracyjny): każdy wynik na nim jest oznaczony jako syntetyczny, także tam, gdzie sięga po liczby opublikowane pięciu ośrodków (tabele figures i sources).',
			provenance: 'Wynik zapytania SQL na krajowym zbiorze syntetycznym (dane demonstracyjne, provenance = synthetic), z wyjątkiem liczb opublikowanych pięciu ośrodków, jeśli zapytanie je wybrało (source_id).',
			resetDone: 'Eksplorator uruchomiony od nowa na plikach zbioru krajowego.',
			tables: {
				centres: 'Ośrodki: jeden w każdej gminie (rejestr TERC), z powiatem i województwem',
				cube: 'Kostka: ośrodek × rok × płeć × wiek, z liczbą uczestników, wynikami i kosztem',
				strata: 'Warstwy kostki: rok × płeć × wiek, każda z numerem (kolumna stratum w kostce)',
				participants: 'Uczestnicy wybranego województwa, z kosztem i formami wsparcia'
			},
			columns: {
				stratum: 'numer warstwy (rok × płeć × wiek) w tabeli strata',
				powiat_code: 'kod TERC powiatu',
				voivodeship_code: 'kod TERC województwa',
				has_sources: 'jeden z pięciu ośrodków ze źródłami',
				participants: 'uczestnicy',
				completed: 'ukończyli udział',
				employed: 'zatrudnieni po projekcie',
				cost_pln: 'koszt wsparcia (zł)',
				support_forms: 'otrzymane formy wsparcia: bit n to n-ta forma ze słownika'
			}
		},
		loading: {
			label: 'Wczytywanie danych eksploratora',
			engine: 'Uruchamianie DuckDB…',
			tables: (loaded: number, total: number) => `Wczytywanie tabel: ${loaded} z ${total}…`
		},
		history: 'Historia zapytań',
		historyEmpty: 'Brak zapytań w historii.',
		clearHistory: 'Wyczyść historię',
		result: 'Wynik',
		rows: (n: number, ms: number) => `${formatCount(n, nouns.row)} w ${ms.toLocaleString('pl-PL', { maximumFractionDigits: 0 })} ms`,
		running: (seconds: number, limit: number) => `Wykonywanie zapytania… ${seconds} s (limit ${limit} s)`,
		cancel: 'Przerwij',
		limit: 'Limit czasu',
		seconds: (s: number) => (s < 60 ? `${s} s` : `${s / 60} min`),
		failure: {
			refused: 'Eksplorator odrzuca zapytanie',
			engine: 'DuckDB zgłasza błąd',
			cancelled: 'Zapytanie przerwane',
			timeout: 'Przekroczony limit czasu'
		},
		cancelled: 'Przerwane na Twoją prośbę; dane i pulpit są bez zmian.',
		timedOut: (s: number) => `Zapytanie trwało dłużej niż ${s} s i zostało przerwane. Zawęź je (WHERE, LIMIT) albo wybierz dłuższy limit.`,
		noRows: 'Zapytanie nie zwróciło wierszy.',
		chart: 'Szybki wykres',
		chartCategory: 'Kategorie (oś)',
		chartValue: 'Wartości (liczby)',
		chartNone: 'Wynik nie ma kolumny liczbowej do wykresu.',
		chartLimit: (n: number) => `Pierwsze ${n} wierszy wyniku.`,
		syntheticNote: 'Wynik liczony z tabel participants lub support: dane syntetyczne (demonstracyjne), z wyjątkiem wierszy wczytanych z Twoich plików (provenance = imported).',
		provenance: 'Wynik zapytania SQL: pochodzenie wierszy podaje kolumna provenance tabel participants i support (synthetic) oraz source_id liczb opublikowanych, jeśli zapytanie je wybrało.',
		refused: {
			empty: 'Puste zapytanie.',
			several: 'Jedno polecenie naraz: usuń średnik w środku zapytania.',
			notReading: (word: string) => `Eksplorator tylko odczytuje dane; polecenie „${word}” nie jest dozwolone. Zacznij od SELECT, WITH, FROM, DESCRIBE, SUMMARIZE albo EXPLAIN.`,
			word: (word: string) => `Słowo „${word}” jest niedozwolone: zmieniałoby dane lub ustawienia albo sięgało poza wczytane tabele.`,
			address: 'Adresy (://) są niedozwolone: nic nie opuszcza tej przeglądarki.'
		}
	},
	/** An import's or a data file's problems: where, and which rule of the data dictionary the value breaks. */
	validation: {
		row: (n: number) => `wiersz ${n}`,
		column: (name: string) => `kolumna „${name}”`,
		value: (text: string) => `wartość: „${text}”`,
		requiredEmpty: 'pole wymagane jest puste',
		identifier: 'identyfikator: tylko litery łacińskie, cyfry, „-” i „_”',
		allowed: (values: string[]) => `dozwolone wartości: ${values.join(', ')}`,
		integer: 'oczekiwano liczby całkowitej',
		money: 'oczekiwano kwoty w zł z kropką dziesiętną, najwyżej 2 miejsca po kropce (np. 1234.56)',
		number: 'oczekiwano liczby z kropką dziesiętną (np. 12.5)',
		below: (min: string) => `wartość mniejsza niż ${min}`,
		above: (max: string) => `wartość większa niż ${max}`,
		dateBefore: (min: string) => `data wcześniejsza niż ${min}`,
		dateAfter: (max: string) => `data późniejsza niż ${max}`,
		boolean: 'oczekiwano true albo false',
		date: 'oczekiwano daty RRRR-MM-DD',
		missingColumn: 'brak kolumny wymaganej przez słownik danych',
		unknownColumn: (known: string[]) => `kolumna spoza słownika danych (znane: ${known.join(', ')})`,
		repeatedKey: (first: number) => `klucz powtórzony (pierwszy raz w wierszu ${first})`
	},
	imports: {
		/** How to fix each kind of problem in an import, by its typed kind. */
		hints: {
			not_allowed_value: 'Użyj kodu ze słownika danych (strona „O danych”), nie opisu.',
			duplicate_key: 'Każdy wiersz potrzebuje własnego identyfikatora.',
			unknown_key: 'Najpierw wczytaj plik ośrodków i edycji albo popraw identyfikator.',
			negative: 'Koszty i godziny nie mogą być ujemne.',
			date: 'Daty w formacie RRRR-MM-DD, w latach programu 2007–2015.',
			missing_column: 'Dodaj kolumnę albo wskaż ją w dopasowaniu kolumn.'
		},
		rules: {
			noSuchKey: (table: string) => `brak takiego klucza w tabeli ${table}`,
			keyLoaded: 'klucz już wczytany (w danych wbudowanych albo wcześniejszym pliku)',
			keysClash: (file: string, n: number, key: string) => `${file}: ${n} kluczy „${key}” jest już wczytanych`
		},
		/** An imported file in an export's list of sources. */
		sourceLine: (file: string, rows: number, date: string) => `Plik użytkownika (provenance = imported): ${file}, ${formatCount(rows, nouns.row)}, wczytany ${date}`,
		read: {
			empty: 'plik jest pusty',
			binary: 'plik nie jest tekstem CSV (zawiera bajty binarne); dozwolone: CSV, XLSX, Parquet, Arrow',
			wrongContent: 'zawartość nie odpowiada rozszerzeniu pliku',
			quotes: 'niezamknięty cudzysłów: pole zaczyna się od „"” i nie kończy się nim',
			oneColumn: 'w nagłówku jest jedna kolumna: sprawdź separator (przecinek, średnik albo tabulator)',
			headerOnly: 'plik ma tylko nagłówek, bez wierszy danych',
			width: (got: number, expected: number) => `wiersz ma ${formatCount(got, nouns.field)}, a nagłówek ${expected}: sprawdź separator i cudzysłowy`,
			longCell: (column: string, max: number) => `pole w kolumnie „${column}” ma ponad ${max.toLocaleString('pl-PL')} znaków`,
			brokenXlsx: 'plik XLSX jest uszkodzony albo nie jest arkuszem Excela',
			brokenParquet: 'plik Parquet jest uszkodzony',
			brokenArrow: 'plik Arrow jest uszkodzony',
			notXlsx: 'plik nie jest arkuszem XLSX: to archiwum ZIP bez skoroszytu Excela (zapisz go w Excelu jako .xlsx albo .csv)',
			tooManyColumns: (got: number, max: number) =>
				`plik ma ${formatCount(got, nouns.column)}, a wczytać można najwyżej ${max.toLocaleString('pl-PL')}: zostaw tylko kolumny ze słownika danych`,
			duplicateHeader: (name: string, at: number[]) => `nagłówek „${name}” powtarza się w kolumnach ${at.join(', ')}: każda kolumna potrzebuje własnej nazwy`,
			cell: (address: string, reason: string) => `komórka ${address}: ${reason}`,
			formulaWithoutValue: (formula: string) =>
				`formuła =${formula} nie ma zapisanej wartości (plik zapisano bez przeliczenia): otwórz go w Excelu, przelicz i zapisz albo wklej same wartości`,
			errorValue: (error: string) => `wartość błędu ${error} zamiast danych`,
			notText: 'wartość złożona (nie tekst, liczba ani data)',
			outsideHeader: 'wartość poza kolumnami nagłówka'
		},
		guard: {
			pesel: 'numer PESEL (z poprawną cyfrą kontrolną)',
			email: 'adres e-mail',
			phone: 'numer telefonu',
			address: 'adres (ulica i numer)',
			name: (first: string) => `imię osoby („${first}”)`,
			personal: (kinds: string[]) => `${kinds.join(', ')}: to dane osobowe`,
			nameHeader: 'nazwa kolumny wskazuje na imiona lub nazwiska: to dane osobowe',
			refused: 'Plik odrzucony: zawiera bezpośrednie identyfikatory osób. Usuń je (całą kolumnę albo treść tej komórki) i wczytaj plik ponownie.'
		},
		unmapped: 'kolumna bez odpowiednika w słowniku danych: wskaż ją albo pomiń',
		kept: {
			missing: 'brak zapisanych danych',
			unreadable: 'zapisane dane bez wpisu na liście plików, nie do odczytania: usunięte'
		},
		page: {
			heading: 'Własne dane',
			intro: 'Wczytaj zanonimizowane dane swojego ośrodka (uczestnicy, wsparcie, edycje, ośrodki), aby zobaczyć je obok pozostałych. Plik zostaje w tej przeglądarce: nic nie jest wysyłane. Dane z pliku są oznaczone „z pliku” na każdym wykresie i w każdej tabeli.',
			format: 'Kolumny i dozwolone wartości opisuje słownik danych; pliki: CSV (UTF-8 albo Windows-1250, przecinek, średnik lub tabulator, przecinek dziesiętny), XLSX, Parquet, Arrow.',
			dictionaryLink: 'Słownik danych',
			drop: 'Upuść plik tutaj albo wybierz go z dysku.',
			pick: 'Wybierz plik',
			reading: 'Czytanie i sprawdzanie pliku…',
			progress: 'Postęp czytania pliku',
			cancel: 'Anuluj',
			cancelled: 'Anulowano: nic nie zostało wczytane.',
			refused: 'Pliku nie wczytano.',
			summary: (format: string, rows: number, encoding?: string, delimiter?: string) =>
				`${format.toUpperCase()}, ${formatCount(rows, nouns.row)}${encoding ? `, kodowanie ${encoding}` : ''}${delimiter ? `, separator „${delimiter === '\t' ? 'tabulator' : delimiter}”` : ''}.`,
			table: 'Tabela słownika: ',
			mapping: 'Dopasowanie kolumn (zapamiętywane dla kolejnych plików)',
			header: 'Kolumna w pliku',
			column: 'Kolumna słownika',
			sample: 'Pierwsza wartość',
			mapFor: (header: string) => `Kolumna słownika dla „${header}”`,
			unmapped: 'wybierz albo wpisz kolumnę',
			skip: 'pomiń tę kolumnę',
			skipWord: 'pomiń',
			ready: (n: number) => `Plik jest poprawny: ${formatCount(n, nouns.row)} do wczytania.`,
			load: 'Wczytaj do pulpitu',
			problems: (n: number) => `Problemy w pliku: ${n.toLocaleString('pl-PL')}.`,
			nothingLoaded: 'Nic nie zostało wczytane; dane już wczytane są bez zmian.',
			loaded: (file: string, n: number) => `Wczytano ${file}: ${formatCount(n, nouns.row)}. Są już na wykresach i w tabelach, oznaczone „z pliku”.`,
			loadedHeading: 'Wczytane pliki (w tej przeglądarce)',
			rows: (n: number) => formatCount(n, nouns.row),
			loadedAt: (date: string, time: string) => `wczytany ${date}, ${time}`,
			remove: (file: string, date: string, time: string) => `Usuń ${file} (wczytany ${date}, ${time})`,
			none: 'Nie wczytano jeszcze żadnego pliku.',
			inUse: (file: string, dependents: string[]) =>
				`Nie usunięto pliku ${file}: wiersze ${dependents.length > 1 ? 'plików' : 'pliku'} ${dependents.join(', ')} odwołują się do jego wierszy. Usuń najpierw ${dependents.length > 1 ? 'tamte pliki' : 'tamten plik'}.`,
			restoreFailed: 'Nie udało się ponownie wczytać',
			recheckFailed: 'Od sprawdzenia pliku zmieniły się wczytane pliki (w tej lub innej karcie), więc sprawdzono go ponownie: teraz ma problemy, wymienione niżej. Nic nie zostało wczytane.'
		},
		more: (n: number) => `… i jeszcze ${formatCount(n, nouns.problem)}`
	},
	print: {
		/** The running header's date: the day the page was printed. */
		date: (day: string) => `Wydruk: ${day}`,
		/** The filters, the price basis and the view as one line, on paper and in the report. */
		filters: (parts: string[]) => `Filtry: ${parts.join(' · ')}`,
		noFilters: 'brak (wszystkie ośrodki i edycje)',
		reportLink: 'Raport do druku (PDF)',
		print: 'Drukuj lub zapisz jako PDF',
		printHint: 'Przycisk otwiera okno drukowania przeglądarki; aby zapisać plik, wybierz „Zapisz jako PDF”. Raport mieści się na dwóch stronach A4.',
		reportDate: (day: string) => `Stan na ${day}`,
		back: (page: string) => `Wróć: ${page}`,
		compareTitle: 'Raport: porównanie ośrodków',
		centreTitle: (name: string) => `Raport: ${name}`,
		figures: 'Najważniejsze liczby',
		table: 'Ośrodki obok siebie',
		editions: 'Edycje projektu (jak podaje strona ośrodka)',
		sources: 'Źródła i pochodzenie liczb',
		provenance:
			'Liczby opublikowane pochodzą ze stron ośrodków (ŹRÓDŁO); WYLICZONE to działania pulpitu na liczbach opublikowanych (np. budżet podzielony przez liczbę uczestników). Dane o uczestnikach są syntetyczne (SYNTETYCZNE, kreskowanie na wykresach). Grupy od 1 do 4 osób, i liczby, z których dałoby się je obliczyć, są ukryte („ukryte”), a tam, gdzie strona milczy, stoi „nie opublikowano”.',
		answer: { snapshot: 'Liczby przygotowane przy budowie strony.', duckdb: 'Liczby z zapytań DuckDB w tej przeglądarce.' }
	},
	exports: {
		button: 'Eksportuj',
		formats: {
			xlsx: 'Excel (XLSX): tabela jak na ekranie i arkusz w formacie danych',
			csvExcel: 'CSV dla polskiego Excela (tabela jak na ekranie)',
			csv: 'CSV — format danych (jeden wiersz na liczbę, UTF-8)',
			parquet: 'Parquet (format danych)',
			arrow: 'Arrow IPC (format danych)',
			png: 'Obraz PNG wykresu'
		},
		failures: {
			png: 'PNG: przeglądarka nie utworzyła obrazu'
		},
		sheets: { table: 'Tabela', data: 'Format danych', about: 'Opis' },
		/** Headers of the columns a wide export adds beside a figure column. */
		wide: {
			k: 'licznik (k)',
			n: 'mianownik (n)',
			low: '95% PU od',
			high: '95% PU do',
			provenance: 'pochodzenie',
			note: 'uwaga',
			rowId: 'identyfikator'
		},
		/** The block above the table on its sheet. */
		block: {
			filters: 'Filtry i ceny',
			sources: 'Źródła',
			exportedAt: 'Eksport',
			marks: 'Oznaczenia: „syntetyczne” w nagłówku kolumny = każda liczba w niej jest syntetyczna (demonstracyjna), komórki syntetyczne są też zakreskowane; „wyliczone z opublikowanych” = dane wejściowe opublikowane, dzielenie nasze. Źródło każdej liczby i jej pochodzenie są w arkuszu „Format danych”.'
		},
		about: {
			title: 'Tytuł',
			exportedAt: 'Data eksportu',
			filters: 'Filtry i ceny',
			noFilters: 'brak filtrów',
			sources: 'Źródła',
			provenance: 'Pochodzenie',
			disclosure: 'Ochrona danych',
			disclosureText: 'Liczby z danych o uczestnikach od 1 do 4 są ukryte (puste komórki z pochodzeniem „ukryte”), a z nimi liczby, z których dałoby się je obliczyć (te mogą być duże); jeden znak dla obu, by nie było widać, która jest mała. Opublikowanych liczb projektów się nie ukrywa.',
			columns: 'Kolumny'
		},
		provenance: 'Kolumna provenance podaje pochodzenie każdego wiersza: published (liczba ze strony ośrodka, źródło w kolumnie sources), derived (wyliczone przez pulpit z liczb opublikowanych, np. budżet podzielony przez liczbę uczestników), synthetic (dane syntetyczne, demonstracyjne), imported (z Twoich plików), unknown (źródło nie podaje), suppressed (ukryte dla ochrony osób: grupa 1–4 osób albo liczba, z której dałoby się ją obliczyć), hidden (syntetyczne, ukryte w widoku „tylko opublikowane”), omitted (pominięte w tym widoku). Kolumna reason podaje kod powodu braku wartości (not_published, hidden_small, published_only, unknown_year, no_edition, no_cost, whole_edition_only, overlapping_support, no_one_selected; hidden_small znaczy „ukryte dla ochrony osób”: grupa 1–4 osób albo liczba, z której dałoby się ją obliczyć). Odsetki są ułamkami (0,459 = 45,9%).',
		syntheticMark: 'Zawiera dane syntetyczne (demonstracyjne), oznaczone kreskowaniem.',
		sourceLine: 'Źródła: strony ośrodków (liczby opublikowane), GUS (ceny, ludność); pulpit „Aktywna integracja w OPS”.',
		sources: ['Strony internetowe ośrodków: źródło każdej opublikowanej liczby w kolumnie sources', 'GUS: TERYT (TERC), średnioroczne wskaźniki cen (CPI), liczba ludności przytoczona na stronach z podanym rokiem', 'Dane syntetyczne: generator w repozytorium (scripts/data/generate.ts), ziarno stałe'],
		failed: 'Nie udało się przygotować pliku.'
	},
	chart: {
		table: 'Pokaż dane w tabeli',
		notes: 'Uwagi',
		/** The chart as one keyboard stop (charts/keyboard.ts). */
		keys: {
			role: 'wykres',
			hint: 'Strzałki przechodzą między słupkami.',
			hintFilter: 'Strzałki przechodzą między słupkami; Enter albo spacja filtruje stronę po wybranym słupku, jak kliknięcie.',
			position: (at: number, of: number) => `${at} z ${of}.`
		},
		loading: 'Wczytywanie…',
		empty: 'Brak danych dla tego wyboru.',
		error: 'Nie udało się pobrać danych wykresu.',
		syntheticLegend: 'kreskowanie = dane syntetyczne',
		emptyBecause: {
			noRows: 'Nic do narysowania: w tym wyborze nie ma żadnych wierszy danych.',
			suppressed: 'Nic do narysowania: w tym wyborze każda wartość jest ukryta dla ochrony osób (grupa od 1 do 4 osób albo liczba, z której dałoby się ją obliczyć).',
			unknown: 'Nic do narysowania: źródła nie publikują tych liczb („nie opublikowano”).',
			zero: 'Nic do narysowania: w tym wyborze wszystkie wartości są zerowe.',
			mixed: (reasons: string[]) => `Nic do narysowania. Powody: ${reasons.join('; ')}.`
		},
		/** Charts read aloud: each chart's figures as one sentence (screen readers, the table's caption). */
		describe: {
			participants: (parts: string[], unknown: number, editions: number) =>
				`Opublikowane liczby uczestników — ${parts.join('; ')}.${unknown ? ` Dla ${unknown} z ${editions} edycji strony nie podają liczby uczestników.` : ''}`,
			rate: (centre: string, rate: string, k: number, n: number, low: string, high: string, mark: 'published' | 'synthetic' | 'imported' | 'mixed') =>
				`${centre}: ${rate}, ${k} z ${n}, 95% PU ${low}–${high} (${{ published: 'opublikowane', synthetic: 'syntetyczne', imported: 'z pliku', mixed: 'syntetyczne i z pliku' }[mark]})`,
			cost: (parts: string[], unknown: string[]) => `Koszt na uczestnika: ${parts.join(', ') || 'brak'}.${unknown.length ? ` Nie opublikowano budżetu: ${unknown.join(', ')}.` : ''}`,
			synthetic: 'Dane syntetyczne.',
			published: 'Liczby opublikowane.',
			/** The first column of a chart's table twin, where the bars are editions. */
			edition: 'Edycja'
		},
		/** The note beside budgets and costs under a participant filter. */
		wholeEditionNote: 'Budżet i koszty to liczby całej edycji, nie wybranych uczestników (np. kobiet): przy filtrze uczestników nie są pokazywane, bo odpowiadałyby na inne pytanie. Usuń filtry uczestników, by je zobaczyć.'
	},
	centre: {
		back: 'Wszystkie ośrodki',
		location: 'Położenie',
		gmina: 'Gmina',
		/** A gmina's type as a word after its name: „Chocianów (miejsko-wiejska)”. */
		gminaTypes: { miejska: 'miejska', wiejska: 'wiejska', 'miejsko-wiejska': 'miejsko-wiejska' } as Record<string, string>,
		summary: (editions: number, figures: number) => `${formatCount(editions, nouns.edition)} · ${formatCount(figures, nouns.publishedFigure)}`,
		teryt: 'Kod TERC',
		gminaType: 'Rodzaj gminy',
		powiat: 'Powiat',
		voivodeship: 'Województwo',
		editions: 'Edycje projektu',
		editionColumns: { year: 'Rok', title: 'Tytuł', period: 'Okres (słowami źródła)', participants: 'Uczestnicy', budget: 'Budżet', note: 'Uwaga' },
		figures: 'Co podaje strona ośrodka',
		figureColumns: { figure: 'Wskaźnik', stated: 'Zapis w źródle', value: 'Wartość', unit: 'Jednostka', quote: 'Cytat' },
		activities: 'Działania, kursy i wydarzenia',
		activityColumns: { name: 'Nazwa (słowami źródła)', kind: 'Rodzaj', form: 'Forma wsparcia', date: 'Data', source: 'Źródło' },
		profile: 'Profil uczestników (dane syntetyczne)',
		profileIntro: (n: number) => `Rozkłady ${n} syntetycznych uczestników. Grupy liczące od 1 do 4 osób są ukryte, a gdy zostałaby ukryta tylko jedna, ukrywa się też najmniejszą z pozostałych, by nie dało się jej odjąć od sumy.`,
		profileColumns: { value: 'Kategoria', count: 'Liczba osób' },
		support: 'Wsparcie według formy (dane syntetyczne)',
		supportColumns: { form: 'Forma wsparcia', participants: 'Uczestnicy', hours: 'Godziny', cost: 'Koszt' },
		supportNote: 'Koszty syntetyczne skalowane tak, by sumowały się do opublikowanego budżetu (gdzie go podano).',
		sources: 'Źródła',
		sourceText: 'Pełny tekst strony (kopia w repozytorium)',
		dateStated: 'data na stronie',
		noYear: 'rok nieznany',
		dimensions: {
			sex: 'Płeć',
			age_band: 'Wiek przy wejściu',
			education: 'Wykształcenie',
			labour_status: 'Status na rynku pracy przy wejściu',
			pathway: 'Ścieżka udziału',
			completion: 'Zakończenie udziału'
		}
	},
	data: {
		heading: 'O danych',
		intro:
			'Skąd są liczby, co znaczą i czego nie wiemy. Słownik danych jest też formatem, w którym ośrodki będą mogły wczytać własne, zanonimizowane dane.',
		provenance: 'Pochodzenie liczb',
		sourceKinds: { 'centre-page': 'strona ośrodka', registry: 'rejestr publiczny', reference: 'strona przytaczająca dane GUS' },
		dictionary: 'Słownik danych',
		columns: { name: 'Kolumna', type: 'Typ', label: 'Znaczenie', values: 'Dozwolone wartości', required: 'Wymagana' },
		/** A column's type in the dictionary's tables. */
		typeNames: { id: 'identyfikator', text: 'tekst', enum: 'wartość ze słownika', integer: 'liczba całkowita', number: 'liczba', money: 'kwota (zł)', date: 'data RRRR-MM-DD', boolean: 'true/false', ref: 'odwołanie' },
		publishedWord: 'opublikowane',
		yes: 'tak',
		no: 'nie',
		calibration: 'Kalibracja danych syntetycznych',
		calibrationIntro: 'Generator (ziarno stałe, wynik powtarzalny) odtwarza dokładnie każdą opublikowaną liczbę:',
		activityNote: 'Nazwy działań podano słowami źródła. Przypisanie do formy wsparcia to klasyfikacja zespołu, nie źródła.',
		sources: 'Źródła',
		methods: 'Metody',
		methodNotes: [
			'Przedział ufności 95% dla odsetka: metoda Wilsona (dobra przy małych n i odsetkach bliskich 0% lub 100%).',
			'Kontrola ujawniania: liczby z danych o uczestnikach od 1 do 4 pokazuje się jako „ukryte”; gdy w zestawieniu ukryta byłaby tylko jedna komórka, ukrywa się też najmniejszą z pozostałych, z tym samym znakiem, by nie było widać, która jest mała. Odsetek ukrywa się, gdy licznik albo jego dopełnienie do n to 1–4 osoby. Opublikowanych liczb projektów się nie ukrywa.',
			'Ochrona przed odejmowaniem widoków: przy każdym filtrze sprawdza się widoki sąsiednie (bez któregoś filtra albo bez jednej z jego wartości). Jeśli różnica z którymkolwiek z nich dałaby grupę 1–4 osób albo taką liczbę w jej obrębie, odpowiednie liczby tego widoku ukrywa się; gdy ukryty ośrodek dałby się odjąć od sumy wyboru, ukrywa się też kolejny. Nie chroni to przed każdym łańcuchem wielu zapytań (tzw. trackerami); przy prawdziwych danych eksport i zapytania SQL powinny przejść dodatkowy przegląd.',
			'Suma z kilku edycji jest znana tylko wtedy, gdy każda z nich podaje daną liczbę; inaczej „nie opublikowano”, nigdy suma częściowa.',
			'Liczby, kwoty i daty w zapisie polskim (np. 12 345,67 zł).'
		]
	},
	national: {
		title: 'Polska: dane syntetyczne',
		/** The country as a unit of the tree (the summary names it as the register does, in Polish). */
		country: 'Polska',
		intro: 'Ośrodek pomocy społecznej w każdej z 2477 gmin rejestru TERC GUS. Edycje, uczestnicy i koszty są syntetyczne; pięć ośrodków ze źródłami zachowuje swoje opublikowane liczby.',
		crumbs: 'Poziom',
		kOfN: (k: string, n: string) => `${k} z ${n}`,
		childrenName: { country: 'województwa', voivodeship: 'powiaty', powiat: 'ośrodki' },
		measures: { label: 'Miara', employment: 'Pracujący po zakończeniu udziału', completion: 'Ukończyli udział', cost: 'Koszt na uczestnika' },
		tiles: {
			title: (name: string) => `${name} w liczbach`,
			participants: 'Uczestnicy',
			centres: 'Ośrodki',
			employment: 'Pracujący po zakończeniu udziału',
			completion: 'Ukończyli udział',
			cost: 'Koszt na uczestnika',
			costRange: (low: string, median: string, high: string) => `mediana ośrodków ${median} (od ${low} do ${high})`,
			ofCentres: (n: number) => formatCount(n, nouns.centre)
		},
		/** The years of a sentence: „w 2012 r.”, „w latach 2008–2014”, „w latach 2010, 2012”. */
		yearsPhrase: (years: number[]) => (years.length === 1 ? `w ${years[0]} r.` : `w latach ${contiguous(years) ? `${years[0]}–${years.at(-1)}` : years.join(', ')}`),
		/** `participants`: a count, or why it is not shown („ukryte”). */
		sentence: (unit: string, centres: number, participants: number | string, years: string, employed: string, outside: number) =>
			`${unit}: ${formatCount(centres, nouns.centre)}, ${typeof participants === 'number' ? formatCount(participants, nouns.participant) : `liczba uczestników: ${participants}`} ${years.replace(/\.$/u, '')}. Po zakończeniu udziału pracowało ${employed}; ${outside === 0 ? 'żaden ośrodek nie wychodzi poza granice zmienności 99,8%' : `${formatCount(outside, nouns.centre)} poza granicami zmienności 99,8%`}.`,
		map: {
			title: (measure: string, children: string) => `${measure}: ${children} na mapie`,
			legend: 'Legenda',
			hidden: 'ukryte',
			none: 'brak danych',
			drill: 'Kliknij obszar, aby przejść niżej.',
		},
		funnel: {
			title: (measure: string) => `${measure} a liczba uczestników: wykres lejkowy`,
			axisX: 'Uczestnicy ośrodka (n, skala logarytmiczna)',
			axisY: 'Odsetek',
			target: (rate: string) => `Odsetek całego poziomu: ${rate}`,
			warning: 'Granice 95%',
			control: 'Granice 99,8%',
			above: 'Powyżej granic 99,8%',
			withinLabel: 'W granicach zmienności',
			moreOutside: (n: number) => `i jeszcze ${formatCount(n, nouns.centre)} poza granicami (tabela niżej)`,
			aboveWarning: 'Powyżej granic 95%',
			belowWarning: 'Poniżej granic 95%',
			targetLabel: 'Odsetek całego poziomu',
			below: 'Poniżej granic 99,8%',
			within: (n: number) => `${formatCount(n, nouns.centre)} w granicach zmienności`,
			// „Poza wykresem: 4 ośrodki …”: a count before „nie ma” would need the genitive („4 ośrodków”).
			hidden: (n: number) => `Poza wykresem: ${formatCount(n, nouns.centre)} z ukrytym odsetkiem.`,
			empty: (n: number) => `Poza wykresem: ${formatCount(n, nouns.centre)} bez uczestników w tym wyborze.`,
			method: 'Granice kontrolne: dokładny rozkład dwumianowy wokół odsetka całego poziomu, z interpolacją (Spiegelhalter 2005). Ośrodek poza granicami 99,8% różni się bardziej, niż tłumaczyłby przypadek; w granicach nie znaczy „tak samo”.',
			point: (name: string, k: number, n: number, interval: string) => `${name}: ${k} z ${n} (${interval})`,
			none: 'Brak ośrodków do pokazania.',
			open: 'Enter otwiera ośrodek.'
		},
		cost: {
			title: 'Koszt na uczestnika: rozkład ośrodków',
			axisX: (basis: string) => `Koszt na uczestnika (zł, ${basis})`,
			axisY: 'Liczba ośrodków',
			unknown: (n: number) => `${formatCount(n, nouns.centre)} bez znanego kosztu (nie opublikowano).`,
			hidden: (n: number) => `${formatCount(n, nouns.centre)} z ukrytym kosztem (bo ukryta jest liczba uczestników).`,
			omitted: (n: number) => `${formatCount(n, nouns.centre)} ze źródłami bez kosztu w tym wyborze: ich opublikowany budżet dotyczy całej edycji, nie wybranych uczestników.`,
			empty: (n: number) => `${formatCount(n, nouns.centre)} bez uczestników w tym wyborze.`
		},
		table: {
			caption: (name: string) => `Ośrodki: ${name}`,
			children: (name: string) => `Jednostki: ${name}`,
			unit: 'Jednostka',
			centre: 'Ośrodek',
			powiat: 'Powiat',
			participants: 'Uczestnicy',
			employment: 'Pracujący po zakończeniu udziału',
			completion: 'Ukończyli udział',
			cost: 'Koszt na uczestnika',
			centres: 'Ośrodki',
			shown: (shown: number, all: number) => `${formatNumber(shown)} z ${formatCount(all, nouns.centreOf)}`,
			search: 'Szukaj w tabeli (ośrodek lub gmina)',
			searched: (query: string) => `Szukaj w tabeli: „${query}”`,
			sources: ['Dane syntetyczne: generator w repozytorium (scripts/national/generate.ts), ziarno stałe', 'GUS: rejestr TERC (2020-01-01), jeden ośrodek na gminę', 'Pięć ośrodków ze źródłami: liczby opublikowane na ich stronach']
		},
		search: {
			label: 'Znajdź ośrodek po nazwie gminy',
			placeholder: 'np. Lezajsk',
			none: 'Nie ma takiej gminy.',
			results: (n: number) => `${formatCount(n, nouns.centre)} pasuje`
		},
		compare: {
			title: 'Porównanie ośrodków',
			intro: 'Od 2 do 5 ośrodków z całej Polski obok siebie i obok kraju, z przedziałami ufności. Wpisz nazwę gminy, aby dodać ośrodek; wybór i filtry są w adresie, więc link otwiera to samo porównanie.',
			link: 'Porównaj ośrodki',
			addLink: 'Dodaj do porównania',
			picked: (n: number, max: number) => `Wybrane ośrodki: ${n} z ${max}`,
			add: 'Dodaj ośrodek: wpisz nazwę gminy',
			remove: (name: string) => `Usuń z porównania: ${name}`,
			full: (max: number) => `Porównanie ma już ${max} ośrodków; usuń jeden, aby dodać inny.`,
			empty: (min: number) => `Wybierz co najmniej ${min} ośrodki, aby je porównać.`,
			chart: 'Pracujący po zakończeniu udziału i ukończenie udziału: wybrane ośrodki i Polska',
			caption: 'Słupek: odsetek; wąsy: 95% przedział ufności (Wilson). Słupek kreskowany: dane syntetyczne. Ukryty odsetek jest nazwany, nie narysowany.',
			table: 'Wybrane ośrodki i Polska'
		},
		/** Parameters a national page could not take: unknown, or surplus (a filter's second value, a sixth centre). */
		ignored: (params: string[]) => `Pominięto parametry adresu: ${params.join(', ')} (nieznana albo nadmiarowa wartość: każdy filtr przyjmuje tu jedną, porównanie do pięciu ośrodków).`,
		/** Over the built figures while the first answer for the address's filters is worked out: what they count. */
		pending: 'Na razie wszyscy uczestnicy bez filtrów; liczby dla wybranych filtrów są w drodze.',
		/** Under a participant filter every count is moved by its cell key (stats/cell-key.ts); said on the page and in exports. */
		perturbed: (max: number, step: number) =>
			`Przy filtrach liczby osób są lekko zmienione (najwyżej o ${max}), a koszt na uczestnika zaokrąglony do ${step} zł, zawsze tak samo dla tych samych ludzi, co utrudnia wskazanie kogokolwiek przez różnicę widoków. Części mogą nie sumować się do całości.`,
		status: {
			built: 'Bez filtrów: liczby policzone przy budowie strony.',
			loading: (percent: number) => `Wczytuję dane krajowe do DuckDB: ${percent}%…`,
			computing: 'Liczę dla wybranych filtrów…',
			done: (total: number, guard: number) => `Policzono dla wybranych filtrów w ${total} ms, w tym ochrona małych grup ${guard} ms.`,
			error: (message: string) => `Nie udało się policzyć: ${message}`,
			retry: 'Spróbuj ponownie'
		},
		selected: {
			title: (name: string) => `Wybrany ośrodek: ${name}`,
			page: 'Strona ośrodka ze źródłami',
			close: 'Zamknij'
		}
	},
	notFound: 'Nie ma takiej strony.'
} as const;

/**
 * `pl`'s shape, which every language's table must have (i18n/en.ts): texts widen to `string`, noun forms to any
 * language's plural forms, and a function that returns text returns `string` with the same parameters. Keys and tuple
 * lengths stay, so a missing key or another signature is a type error. Other functions (generic ones among them)
 * keep their exact type.
 */
export type Messages = Widen<typeof pl>;

type Widen<T> = T extends string
	? string
	: T extends NounForms
		? PluralForms
		: T extends (...args: infer A) => infer R
			? [R] extends [string]
				? (...args: A) => string
				: T
			: T extends object
				? { readonly [K in keyof T]: Widen<T[K]> }
				: T;
