// Numbers, money, percentages and dates in the page's language, in one place: Polish 15 414,61 zł; 12,5%;
// 12 grudnia 2011, English 15,414.61 PLN; 12.5%; 12 December 2011. Intl follows CLDR: Polish has no group
// separator below 10 000 (9552,86 zł), a no-break space above it. English money puts the code after the amount,
// as EU documents write it, rather than Intl's "PLN 15,414.61".
import { getLocale, INTL_LOCALE, type Locale } from '../i18n/locale';

interface Formats {
	integer: Intl.NumberFormat;
	decimal: Intl.NumberFormat;
	money: (value: number) => string;
	wholeMoney: (value: number) => string;
	percent: Intl.NumberFormat;
	percentTenths: Intl.NumberFormat;
	longDate: Intl.DateTimeFormat;
	interval: string;
}

function formatsFor(locale: Locale): Formats {
	const tag = INTL_LOCALE[locale];
	const number = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, options);
	const currency = (digits: Intl.NumberFormatOptions) => {
		if (locale === 'pl') return number({ style: 'currency', currency: 'PLN', ...digits }).format;
		const plain = number(digits);
		return (value: number) => `${plain.format(value)}\u00a0PLN`;
	};
	return {
		integer: number({ maximumFractionDigits: 0 }),
		decimal: number({ maximumFractionDigits: 2 }),
		money: currency({ minimumFractionDigits: 2, maximumFractionDigits: 2 }),
		wholeMoney: currency({ maximumFractionDigits: 0 }),
		percent: number({ style: 'percent', maximumFractionDigits: 0 }),
		percentTenths: number({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
		longDate: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
		interval: locale === 'pl' ? '95% PU' : '95% CI'
	};
}

const FORMATS: Record<Locale, Formats> = { pl: formatsFor('pl'), en: formatsFor('en') };
const f = () => FORMATS[getLocale()];

export const formatInteger = (value: number) => f().integer.format(value);
export const formatNumber = (value: number) => f().decimal.format(value);
export const formatMoney = (value: number) => f().money(value);
export const formatWholeMoney = (value: number) => f().wholeMoney(value);
/** Whole per cent by default; tenths where groups are large enough that whole per cent would blur them (16,8%). */
export const formatPercent = (share: number, tenths = false) => (tenths ? f().percentTenths : f().percent).format(share);
export const formatDate = (iso: string) => f().longDate.format(new Date(`${iso}T00:00:00Z`));

/** "41% (95% PU: 24–61%)"; with `tenths`, "16,8% (95% PU: 16,7–16,9%)"; in English "41% (95% CI: 24–61%)". */
export function formatInterval(rate: number, low: number, high: number, tenths = false): string {
	return `${formatPercent(rate, tenths)} (${f().interval}: ${formatPercent(low, tenths).replace(/\s?%$/u, '')}–${formatPercent(high, tenths)})`;
}
