// Refuses a file that carries direct identifiers: PESEL numbers (checked by their check digit), e-mail addresses,
// phone numbers, street addresses, first names or surnames. The dashboard takes anonymised records only.
import { pl } from '../i18n/pl';
import { normaliseHeader } from './mapping';

export interface PersonalData {
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Polish numbers: nine digits, optionally +48 or 0048 first, in groups.
const PHONE = /^(\+48|0048)?[\s-]?(\d{3}[\s-]?\d{3}[\s-]?\d{3}|\d{2}[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2})$/;
const ADDRESS = /^(ul|al|os|pl)\.?\s+\p{L}[\p{L} .-]*\s+\d+[a-z]?(\/\d+)?/iu;
const NAME_HEADERS = ['imie', 'imiona', 'nazwisko', 'first_name', 'firstname', 'last_name', 'lastname', 'surname', 'name', 'full_name', 'imie_i_nazwisko', 'pesel', 'email', 'e_mail', 'telefon', 'phone', 'adres', 'address', 'ulica', 'street'];
/** The most common Polish first names (GUS PESEL register lists): a column mostly made of them holds names. */
const FIRST_NAMES = new Set(
	(
		'anna maria katarzyna malgorzata agnieszka barbara ewa krystyna elzbieta zofia janina teresa joanna magdalena monika jadwiga danuta irena halina helena beata aleksandra marta dorota marianna grazyna jolanta stanislawa iwona karolina bozena urszula justyna renata alicja paulina sylwia natalia wanda agata aneta izabela ewelina marzena ' +
		'piotr krzysztof andrzej tomasz jan pawel michal marcin stanislaw jakub adam marek lukasz grzegorz mateusz wojciech mariusz dariusz zbigniew jerzy maciej rafal robert kamil jozef henryk tadeusz ryszard kazimierz dawid przemyslaw sebastian jacek slawomir daniel janusz roman szymon artur bartosz filip patryk'
	).split(' ')
);

const share = (values: string[], test: (v: string) => boolean) => {
	const filled = values.filter((v) => v !== '');
	return filled.length ? filled.filter(test).length / filled.length : 0;
};
const fold = (v: string) => normaliseHeader(v);

/** Every column that carries personal data, with why. A column is judged by its name and by most of its values. */
export function findPersonalData(header: string[], rows: string[][]): PersonalData[] {
	const t = pl.imports.guard;
	const found: PersonalData[] = [];
	header.forEach((name, c) => {
		const values = rows.slice(0, 5000).map((r) => r[c] ?? '');
		const pesel = share(values, isPesel);
		if (pesel >= 0.5) return found.push({ column: name, reason: t.pesel(Math.round(pesel * 100)) });
		if (share(values, (v) => EMAIL.test(v)) >= 0.5) return found.push({ column: name, reason: t.email });
		if (share(values, (v) => PHONE.test(v)) >= 0.5) return found.push({ column: name, reason: t.phone });
		if (share(values, (v) => ADDRESS.test(v)) >= 0.5) return found.push({ column: name, reason: t.address });
		if (NAME_HEADERS.includes(fold(name))) return found.push({ column: name, reason: t.nameHeader });
		const names = share(values, (v) => v.split(/\s+/).some((part) => FIRST_NAMES.has(fold(part))));
		if (names >= 0.5) return found.push({ column: name, reason: t.nameValues(Math.round(names * 100)) });
	});
	return found;
}
