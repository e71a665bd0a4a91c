// Refuses a file that carries direct identifiers: PESEL numbers (checked by their check digit), e-mail addresses,
// phone numbers, street addresses, first names with a surname. The dashboard takes anonymised records only, so
// every cell is looked at, also inside free text, and one such cell is enough: each is named by row and column.
import { ui } from '../i18n';
import { normaliseHeader } from './mapping';

export interface PersonalData {
	/** File line: 1 for the header, 2 for the first row. */
	row: number;
	column: string;
	reason: string;
}

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** An 11-digit PESEL whose last digit is its check digit and whose month code is a real month. */
export function isPesel(text: string): boolean {
	if (!/^\d{11}$/.test(text)) return false;
	const digits = [...text].map(Number);
	const sum = WEIGHTS.reduce((s, w, i) => s + w * digits[i], 0);
	const month = (digits[2] * 10 + digits[3]) % 20;
	return (10 - (sum % 10)) % 10 === digits[10] && month >= 1 && month <= 12;
}

/** Eleven digits standing alone (not part of a longer number). */
const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/g;
const EMAIL = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.\p{L}{2,}/u;
// Polish numbers: nine digits, optionally +48 or 0048 first, solid or in groups of 3-3-3 or (2)-3-2-2. Not part of
// a longer number, nor a number with decimals (money).
const PHONE = /(?<![\d,.])(?:(?:\+|00)48[\s-]?)?(?:\d{3}([\s-]?)\d{3}\1\d{3}|\(?\d{2}\)?([\s-])\d{3}\2\d{2}\2\d{2})(?!\d|[,.]\d)/;
// ul. / al. / os. / ui. (or the word in full), a name starting with a capital, a house number: „ul. Mickiewicza 5/3”.
const ADDRESS = /(?<!\p{L})(?:[Uu][Ll](?:ic[ay])?|[Aa][Ll](?:ej[ae]|ei)?|[Oo][Ss](?:iedl[eu])?|[Pp][Ll](?:ac[u]?)?)\.?\s+\p{Lu}[\p{L}.\- ]*?\s+\d+[a-zA-Z]?(?:\s*\/\s*\d+)?(?![\p{L}\d])/u;
const NAME_HEADERS = ['imie', 'imiona', 'nazwisko', 'first_name', 'firstname', 'last_name', 'lastname', 'surname', 'name', 'full_name', 'imie_i_nazwisko', 'pesel', 'email', 'e_mail', 'telefon', 'phone', 'adres', 'address', 'ulica', 'street'];
/** The most common Polish first names (GUS PESEL register lists), folded. */
const FIRST_NAMES = new Set(
	(
		'anna maria katarzyna malgorzata agnieszka barbara ewa krystyna elzbieta zofia janina teresa joanna magdalena monika jadwiga danuta irena halina helena beata aleksandra marta dorota marianna grazyna jolanta stanislawa iwona karolina bozena urszula justyna renata alicja paulina sylwia natalia wanda agata aneta izabela ewelina marzena ' +
		'piotr krzysztof andrzej tomasz jan pawel michal marcin stanislaw jakub adam marek lukasz grzegorz mateusz wojciech mariusz dariusz zbigniew jerzy maciej rafal robert kamil jozef henryk tadeusz ryszard kazimierz dawid przemyslaw sebastian jacek slawomir daniel janusz roman szymon artur bartosz filip patryk'
	).split(' ')
);
/** Words before a name that make it a patron or a street, not a person in the records: „św. Stanisława”, „im. Jana”. */
const NOT_A_PERSON = new Set(['sw', 'swietego', 'swietej', 'im', 'imienia', 'ul', 'ulica', 'ulicy', 'al', 'aleja', 'alei', 'pl', 'plac', 'placu', 'os', 'osiedle', 'ks', 'bl', 'kard', 'papieza']);
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** A capital followed by a small letter somewhere: codes, ids, numbers and dates have none, so they skip the name check. */
const HAS_WORD = /\p{Lu}\p{Ll}/u;
const fold = (v: string) => normaliseHeader(v);
/** A word as the name list holds it; folding is only needed when it has letters beyond ASCII. */
const nameKey = (word: string) => {
	const lower = word.toLowerCase();
	return /^[a-z]+$/.test(lower) ? lower : fold(lower);
};

/** The first name that makes a cell name a person: a common first name with a capitalised word beside it, or alone. */
function personName(cell: string): string | null {
	if (/^\p{L}{3,12}$/u.test(cell) && FIRST_NAMES.has(nameKey(cell))) return cell;
	if (!HAS_WORD.test(cell)) return null;
	const words = cell.split(/[\s,;:()"'„”/]+/).filter(Boolean);
	for (let i = 0; i < words.length; i++) {
		if (!CAPITALISED.test(words[i]) || !FIRST_NAMES.has(nameKey(words[i]))) continue;
		if (i > 0 && NOT_A_PERSON.has(nameKey(words[i - 1].replace(/\.$/, '')))) continue;
		const next = words[i + 1];
		// „Jan Kowalski”, or „Kowalski Jan” as a whole cell.
		if ((next && CAPITALISED.test(next)) || (words.length === 2 && i === 1 && CAPITALISED.test(words[0]))) return words[i];
	}
	return null;
}

/** What personal data one cell holds, in words; empty when none. */
export function personalDataIn(cell: string): string[] {
	const t = ui.imports.guard;
	const kinds: string[] = [];
	if (cell.length < 3) return kinds;
	if (cell.length >= 11 && [...cell.matchAll(ELEVEN_DIGITS)].some(([digits]) => isPesel(digits))) kinds.push(t.pesel);
	if (cell.includes('@') && EMAIL.test(cell)) kinds.push(t.email);
	if (cell.length >= 9 && PHONE.test(cell)) kinds.push(t.phone);
	if (cell.length >= 6 && cell.includes(' ') && ADDRESS.test(cell)) kinds.push(t.address);
	const name = personName(cell);
	if (name) kinds.push(t.name(name));
	return kinds;
}

export interface GuardOptions {
	/** Headers that are a dictionary column of the chosen table (a centre's `name`): their name alone is no sign. */
	ownColumns?: string[];
	/** How many findings to keep; all are counted. */
	limit?: number;
}

/** Every header and cell that carries personal data, in file order, with why: the first `limit`, and how many in all. */
export function findPersonalData(header: string[], rows: string[][], { ownColumns = [], limit = Infinity }: GuardOptions = {}): { found: PersonalData[]; total: number } {
	const t = ui.imports.guard;
	const found: PersonalData[] = [];
	let total = 0;
	const add = (row: number, column: string, reason: string) => {
		if (total++ < limit) found.push({ row, column, reason });
	};
	for (const name of header) if (!ownColumns.includes(name) && NAME_HEADERS.includes(fold(name))) add(1, name, t.nameHeader);
	// Codes and categories repeat on every row: each distinct short cell is judged once.
	const seen = new Map<string, string[]>();
	rows.forEach((cells, r) => {
		cells.forEach((cell, c) => {
			let kinds = seen.get(cell);
			if (!kinds) {
				kinds = personalDataIn(cell);
				if (cell.length <= 200 && seen.size < 50_000) seen.set(cell, kinds);
			}
			if (kinds.length) add(r + 2, header[c], t.personal(kinds));
		});
	});
	return { found, total };
}
