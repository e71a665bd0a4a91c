// Reads GUS's TERC register (data/registers/terc-2020-01-01.csv) into Poland's voivodeships, powiats and gminas:
// the frame of the national demo set. The register gives names and codes only; nothing else is taken from it.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type GminaType = 'urban' | 'rural' | 'urban_rural';

export interface Voivodeship {
	/** 2-digit TERC code, e.g. `18`. */
	code: string;
	name: string;
}

export interface Powiat {
	/** 4-digit TERC code (WOJ + POW), e.g. `1808`. */
	code: string;
	/** As in the register: `leżajski`, or the city's name for a city with powiat rights (`Bytom`). */
	name: string;
	city: boolean;
}

export interface Gmina {
	/** 7-digit TERC code (WOJ POW GMI RODZ), e.g. Leżajsk `1808011`. */
	code: string;
	name: string;
	type: GminaType;
	powiat: string;
	voivodeship: string;
}

export interface Register {
	voivodeships: Voivodeship[];
	powiats: Powiat[];
	gminas: Gmina[];
}

/** RODZ 1, 2, 3 are gminas; 4, 5, 8, 9 are parts of them (a town, a rural area, districts). */
const GMINA_TYPES: Record<string, GminaType> = { '1': 'urban', '2': 'rural', '3': 'urban_rural' };
const HEADER = ['WOJ', 'POW', 'GMI', 'RODZ', 'NAZWA', 'NAZWA_DOD', 'STAN_NA'];

/** Parses the register's official layout; a row it cannot place stops the build with its line number. */
export function parseTerc(text: string): Register {
	const rows = parse(text, { bom: true, delimiter: ';', relax_column_count: false, skip_empty_lines: true, info: true }) as unknown as {
		record: string[];
		info: { lines: number };
	}[];
	const [head, ...body] = rows;
	if (head?.record.join(';') !== HEADER.join(';')) throw new Error(`TERC: nagłówek ${head?.record.join(';')} zamiast ${HEADER.join(';')}`);
	const register: Register = { voivodeships: [], powiats: [], gminas: [] };
	for (const { record, info } of body) {
		const [woj, pow, gmi, rodz, name, kind] = record;
		if (!/^\d{2}$/.test(woj)) throw new Error(`TERC, wiersz ${info.lines}: kod województwa „${woj}”`);
		if (!pow) register.voivodeships.push({ code: woj, name: name.toLowerCase() });
		else if (!gmi) register.powiats.push({ code: woj + pow, name, city: kind.includes('na prawach powiatu') });
		else if (GMINA_TYPES[rodz]) register.gminas.push({ code: woj + pow + gmi + rodz, name, type: GMINA_TYPES[rodz], powiat: woj + pow, voivodeship: woj });
		else if (!['4', '5', '8', '9'].includes(rodz)) throw new Error(`TERC, wiersz ${info.lines}: rodzaj jednostki „${rodz}”`);
	}
	return register;
}

export function readTerc(path: string): Register {
	return parseTerc(readFileSync(path, 'utf8'));
}
