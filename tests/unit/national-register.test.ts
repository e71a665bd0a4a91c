// The national frame: GUS's TERC register read into 16 voivodeships, 380 powiats and 2,477 gminas, and the boundary
// files joined to it so that every unit has exactly one shape. Bad register rows and unknown shapes stop the build.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { parseTerc, readTerc } from '../../scripts/national/register';
import { joinPowiats, joinVoivodeships } from '../../scripts/national/geo-join';

const data = resolve(import.meta.dirname, '../../data');
const register = readTerc(`${data}/registers/terc-2020-01-01.csv`);
const geo = (name: string) => JSON.parse(readFileSync(`${data}/geo/${name}.geojson`, 'utf8'));
const centres = readFileSync(`${data}/centres.csv`, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));

describe('TERC register', () => {
	it('has the counts its README states, each code once', () => {
		expect(register.voivodeships).toHaveLength(16);
		expect(register.powiats).toHaveLength(380);
		expect(register.gminas).toHaveLength(2477);
		expect(new Set(register.gminas.map((g) => g.code)).size).toBe(2477);
		expect(register.gminas.filter((g) => g.type === 'urban')).toHaveLength(302);
		expect(register.gminas.filter((g) => g.type === 'rural')).toHaveLength(1533);
		expect(register.gminas.filter((g) => g.type === 'urban_rural')).toHaveLength(642);
		expect(register.powiats.filter((p) => p.city)).toHaveLength(66);
	});

	it('places every gmina in a powiat and a voivodeship of the register', () => {
		const powiats = new Set(register.powiats.map((p) => p.code));
		const voivodeships = new Set(register.voivodeships.map((v) => v.code));
		expect(register.gminas.filter((g) => !powiats.has(g.powiat) || !voivodeships.has(g.voivodeship))).toEqual([]);
	});

	it("holds the five real centres' gminas under the codes data/centres.csv gives them", () => {
		expect(centres).toHaveLength(5);
		for (const [, , , , gmina, teryt] of centres) expect(register.gminas.find((g) => g.code === teryt)?.name).toBe(gmina);
	});

	it('names the line of a row it cannot place', () => {
		const head = 'WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n02;;;;DOLNOŚLĄSKIE;województwo;2020-01-01\n';
		expect(() => parseTerc(`${head}02;01;01;7;Bolesławiec;gmina;2020-01-01\n`)).toThrow(/wiersz 3: rodzaj jednostki „7”/);
		expect(() => parseTerc(`${head}2;01;;;bolesławiecki;powiat;2020-01-01\n`)).toThrow(/wiersz 3: kod województwa „2”/);
		expect(() => parseTerc('WOJ,POW\n02,01\n')).toThrow(/nagłówek/);
	});
});

describe('boundaries joined to the register', () => {
	const voivodeships = joinVoivodeships(geo('wojewodztwa'), register);
	const powiats = joinPowiats(geo('powiaty'), voivodeships, register);

	it('matches all 16 voivodeships and all 380 powiats exactly once', () => {
		expect(new Set(voivodeships.map((v) => v.code)).size).toBe(16);
		expect(powiats).toHaveLength(380);
		expect(new Set(powiats.map((p) => p.code)).size).toBe(380);
	});

	it('tells apart the powiats whose names occur in two voivodeships', () => {
		const sredzki = powiats.filter((p) => p.feature.properties.name === 'powiat średzki').map((p) => p.code).sort();
		expect(sredzki).toEqual(['0218', '3025']); // Środa Śląska (dolnośląskie), Środa Wielkopolska (wielkopolskie)
	});

	it('winds voivodeships the way d3-geo reads them: Warsaw lies in mazowieckie and not in małopolskie', () => {
		const warsaw: [number, number] = [21.01, 52.23];
		expect(geoContains(voivodeships.find((v) => v.code === '14')!.feature, warsaw)).toBe(true);
		expect(geoContains(voivodeships.find((v) => v.code === '12')!.feature, warsaw)).toBe(false);
	});

	it('refuses a shape the register does not know, and a unit left without a shape', () => {
		const extra = geo('powiaty');
		extra.features[0].properties.name = 'powiat nieistniejący';
		expect(() => joinPowiats(extra, voivodeships, register)).toThrow(/„powiat nieistniejący” \(województwo \d\d\): 0 dopasowań[\s\S]*bez kształtu/);
		const fewer = geo('wojewodztwa');
		fewer.features.pop();
		expect(() => joinVoivodeships(fewer, register)).toThrow(/brak \d\d/);
	});
});
