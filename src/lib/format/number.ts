// Polish numbers, money, percentages and dates (15 414,61 zł; 12,5%; 12 grudnia 2011), in one place.
// Intl follows CLDR: no group separator below 10 000 (9552,86 zł), a no-break space above it.

const integer = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeMoney = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('pl-PL', { style: 'percent', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatInteger = (value: number) => integer.format(value);
export const formatNumber = (value: number) => decimal.format(value);
export const formatMoney = (value: number) => money.format(value);
export const formatWholeMoney = (value: number) => wholeMoney.format(value);
const percentTenths = new Intl.NumberFormat('pl-PL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Whole per cent by default; tenths where groups are large enough that whole per cent would blur them (16,8%). */
export const formatPercent = (share: number, tenths = false) => (tenths ? percentTenths : percent).format(share);
export const formatDate = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));

/** "41% (95% PU: 24–61%)"; with `tenths`, "16,8% (95% PU: 16,7–16,9%)". */
export function formatInterval(rate: number, low: number, high: number, tenths = false): string {
	return `${formatPercent(rate, tenths)} (95% PU: ${formatPercent(low, tenths).replace(/\s?%$/u, '')}–${formatPercent(high, tenths)})`;
}
