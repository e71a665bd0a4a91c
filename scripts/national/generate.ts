// The national demo set: one social-welfare centre per gmina of the TERC register, with synthetic editions
// 2008–2014, participants and support from a seeded generator. The five real centres enter as they are: their own
// names, editions, published figures and calibrated synthetic rows (scripts/data), nothing added to them.
// Every assumption below is a plain guess, stated in the README; the register gives names and codes, nothing else.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Centre, Edition, Participant, Support, Tables } from '../../src/lib/dictionary';
import { AGE, EDUCATION, FORM_COST } from '../data/generate';
import type { Gmina, GminaType, Register } from './register';

export const NATIONAL_SEED = 2_477_2020;
export const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014] as const;
export const NATIONAL_SOURCE = 'synthetic-national';

/** Share of centres running a systemic project each year: a ramp-up, a plateau, the last year of the programme. */
const TAKE_PART: Record<number, number> = { 2008: 0.55, 2009: 0.75, 2010: 0.85, 2011: 0.88, 2012: 0.88, 2013: 0.85, 2014: 0.4 };
/** Relative edition size by gmina type; a city with powiat rights runs larger projects still. */
const SIZE: Record<GminaType, number> = { urban: 3, urban_rural: 1.6, rural: 1 };
const CITY_POWIAT = 4;
/** Employment upon leaving, on the log-odds scale: a base near 22%, then type, region, centre and year effects. */
const EMPLOYED_BASE = -1.25;
const EMPLOYED_TYPE: Record<GminaType, number> = { urban: 0.1, urban_rural: 0, rural: -0.08 };
const LABOUR: Record<GminaType, Partial<Record<string, number>>> = {
	urban: { unemployed: 4, long_term_unemployed: 4, inactive: 2, employed: 1 },
	urban_rural: { unemployed: 3, long_term_unemployed: 4, inactive: 3, employed: 1 },
	rural: { unemployed: 3, long_term_unemployed: 3, inactive: 4, employed: 1 }
};
const FORM_SHARE: Record<string, number> = { social: 1, vocational: 0.85, educational: 0.6, health: 0.35, social_work: 1, financial: 0.8 };
const TYPE_WORD: Record<GminaType, string> = { urban: 'miejska', rural: 'wiejska', urban_rural: 'miejsko-wiejska' };

export interface NationalOptions {
	/** About how many participants over all synthetic editions (the real five's rows come on top). */
	participants: number;
	seed: number;
	/** Only these voivodeships' centres (2-digit codes); all when absent. Sizes do not depend on the choice. */
	voivodeships?: string[];
}

export const NATIONAL_DEFAULTS: NationalOptions = { participants: 1_000_000, seed: NATIONAL_SEED };

type Rng = { int: (from: number, to: number) => number; unit: () => number; normal: () => number; chance: (p: number) => boolean };

/** One stream per key (a gmina's code), so a voivodeship's rows are the same whether or not others are generated. */
function rng(seed: number, key: string): Rng {
	let h = seed >>> 0;
	for (const ch of key) h = (Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1) >>> 0) ^ (h >>> 15);
	const gen = xoroshiro128plus(h);
	const int = (from: number, to: number) => uniformInt(gen, from, to);
	const unit = () => (int(0, 0x3fffffff) + 0.5) / 0x40000000;
	return {
		int,
		unit,
		normal: () => Math.sqrt(-2 * Math.log(unit())) * Math.cos(2 * Math.PI * unit()),
		chance: (p) => unit() < p
	};
}

const weighted = (r: Rng, weights: Partial<Record<string, number>>): string => {
	const entries = Object.entries(weights) as [string, number][];
	let roll = r.unit() * entries.reduce((s, [, w]) => s + w, 0);
	for (const [value, weight] of entries) if ((roll -= weight) <= 0) return value;
	return entries[entries.length - 1][0];
};
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function centreName(gmina: Gmina): { kind: Centre['kind']; short: string; full: string } {
	if (gmina.type === 'urban') return { kind: 'MOPS', short: `MOPS ${gmina.name}`, full: `Miejski Ośrodek Pomocy Społecznej, gmina ${gmina.name}` };
	if (gmina.type === 'rural') return { kind: 'GOPS', short: `GOPS ${gmina.name}`, full: `Gminny Ośrodek Pomocy Społecznej, gmina ${gmina.name}` };
	return { kind: 'OPS', short: `OPS ${gmina.name}`, full: `Ośrodek Pomocy Społecznej, gmina ${gmina.name}` };
}

interface Plan {
	gmina: Gmina;
	/** Relative size of each year's edition; 0 where the centre ran none. */
	weights: number[];
}


/** Which years each synthetic centre ran a project, and how large: drawn for every gmina, so the scale is national. */
function plans(register: Register, realCodes: Set<string>, seed: number): Plan[] {
	const cities = new Set(register.powiats.filter((p) => p.city).map((p) => p.code));
	return register.gminas
		.filter((g) => !realCodes.has(g.code))
		.map((gmina) => {
			const r = rng(seed, `plan:${gmina.code}`);
			const scale = SIZE[gmina.type] * (cities.has(gmina.powiat) ? CITY_POWIAT : 1) * Math.exp(0.45 * r.normal());
			return { gmina, weights: YEARS.map((year) => (r.chance(TAKE_PART[year]) ? scale * Math.exp(0.25 * r.normal()) : 0)) };
		});
}

/**
 * The national set. `real` is the project's own data (loadData): its centres, editions, figures, activities and
 * calibrated synthetic rows are kept as they are and never resized.
 */
/** Each synthetic centre's edition sizes by year (0: no edition), scaled so that all of them add up to about `participants`. */
export function nationalPlan(register: Register, real: Tables, options: NationalOptions = NATIONAL_DEFAULTS): { gmina: Gmina; sizes: number[] }[] {
	const all = plans(register, new Set(real.centres.map((c) => c.teryt)), options.seed);
	const perWeight = options.participants / all.reduce((s, p) => s + p.weights.reduce((a, b) => a + b, 0), 0);
	return all.map(({ gmina, weights }) => ({ gmina, sizes: weights.map((w) => (w === 0 ? 0 : Math.max(5, Math.round(w * perWeight)))) }));
}

export function generateNational(register: Register, real: Tables, options: NationalOptions = NATIONAL_DEFAULTS): Tables {
	const all = nationalPlan(register, real, options);
	const wanted = options.voivodeships && new Set(options.voivodeships);
	const voivodeshipName = new Map(register.voivodeships.map((v) => [v.code, v.name]));
	const powiatName = new Map(register.powiats.map((p) => [p.code, p.name]));
	const regionEffect = new Map(register.voivodeships.map((v) => [v.code, 0.08 * rng(options.seed, `region:${v.code}`).normal()]));

	const centres: Centre[] = [];
	const editions: Edition[] = [];
	const participants: Participant[] = [];
	const support: Support[] = [];
	for (const { gmina, sizes } of all) {
		if (wanted && !wanted.has(gmina.voivodeship)) continue;
		const r = rng(options.seed, `rows:${gmina.code}`);
		const name = centreName(gmina);
		const centreId = `g${gmina.code}`;
		centres.push({
			centre_id: centreId,
			short_name: name.short,
			name: name.full,
			kind: name.kind,
			gmina: gmina.name,
			teryt: gmina.code,
			gmina_type: TYPE_WORD[gmina.type],
			powiat: powiatName.get(gmina.powiat)!,
			voivodeship: voivodeshipName.get(gmina.voivodeship)!,
			source_id: 'gus-terc'
		});
		// Mostly chance variation between centres, and a few that truly differ: what a funnel plot is for.
		const centreEffect = r.chance(0.04) ? 0.6 * r.normal() : 0.05 * r.normal();
		const completionRate = Math.min(0.98, Math.max(0.6, 0.88 + 0.05 * r.normal()));
		const womenShare = Math.min(0.8, Math.max(0.4, 0.6 + 0.06 * r.normal()));
		YEARS.forEach((year, y) => {
			const size = sizes[y];
			if (size === 0) return;
			const editionId = `${centreId}-${year}`;
			editions.push({
				edition_id: editionId,
				centre_id: centreId,
				year,
				title: `Projekt systemowy ${year} (dane syntetyczne)`,
				start_date: `${year}-03-01`,
				end_date: `${year}-12-15`,
				period_stated: null,
				source_id: NATIONAL_SOURCE,
				quote: '',
				note: 'Edycja syntetyczna: gmina z rejestru TERC, liczby z generatora.'
			});
			const employed = logistic(EMPLOYED_BASE + EMPLOYED_TYPE[gmina.type] + regionEffect.get(gmina.voivodeship)! + centreEffect + (year >= 2012 ? -0.1 : 0));
			for (let i = 0; i < size; i++) {
				const participantId = `${editionId}-${i + 1}`;
				const pathway = r.chance(0.85) ? 'social_contract' : 'local_activity';
				const completion = r.chance(completionRate) ? 'completed' : 'left_early';
				const start = `${year}-${String(3 + r.int(0, 3)).padStart(2, '0')}-${String(1 + r.int(0, 27)).padStart(2, '0')}`;
				const end = completion === 'completed' ? `${year}-12-${String(1 + r.int(0, 14)).padStart(2, '0')}` : `${year}-${String(7 + r.int(0, 3)).padStart(2, '0')}-${String(1 + r.int(0, 27)).padStart(2, '0')}`;
				const isEmployed = completion === 'completed' && r.chance(pathway === 'social_contract' ? employed : employed / 4);
				const forms = pathway === 'local_activity' ? ['social', ...(r.chance(0.3) ? ['social_work'] : [])] : Object.keys(FORM_SHARE).filter((f) => r.chance(FORM_SHARE[f]));
				forms.forEach((form, k) => {
					const shape = FORM_COST[form];
					const hours = shape.hours ? r.int(shape.hours[0], shape.hours[1]) : null;
					support.push({
						support_id: `${participantId}-${k + 1}`,
						participant_id: participantId,
						edition_id: editionId,
						form,
						activity_id: null,
						hours,
						cost_pln: (hours ?? 1) * r.int(shape.rate[0], shape.rate[1]),
						provenance: 'synthetic'
					});
				});
				participants.push({
					participant_id: participantId,
					edition_id: editionId,
					centre_id: centreId,
					pathway,
					sex: r.chance(womenShare) ? 'K' : 'M',
					age_band: weighted(r, AGE),
					education: weighted(r, EDUCATION),
					labour_status: weighted(r, LABOUR[gmina.type]),
					disability: r.chance(0.1),
					start_date: start,
					end_date: end,
					completion,
					outcome_employed: isEmployed,
					outcome_job_seeking: !isEmployed && completion === 'completed' && r.chance(0.55),
					outcome_education: !isEmployed && r.chance(0.08),
					outcome_qualification: completion === 'completed' && forms.includes('educational') && r.chance(0.85),
					provenance: 'synthetic'
				});
			}
		});
	}

	const realWanted = (c: Centre) => !wanted || wanted.has(c.teryt.slice(0, 2));
	const keep = new Set(real.centres.filter(realWanted).map((c) => c.centre_id));
	const realEditions = new Set(real.editions.filter((e) => keep.has(e.centre_id)).map((e) => e.edition_id));
	return {
		...real,
		sources: [
			...real.sources,
			{ source_id: NATIONAL_SOURCE, kind: 'registry', centre_id: null, file: null, title: 'Zbiór syntetyczny: gminy z rejestru TERC, edycje i uczestnicy z generatora (nie dane rzeczywiste)', date_stated: null }
		],
		centres: [...real.centres.filter((c) => keep.has(c.centre_id)), ...centres],
		editions: [...real.editions.filter((e) => realEditions.has(e.edition_id)), ...editions],
		figures: real.figures.filter((f) => realEditions.has(f.edition_id)),
		activities: real.activities.filter((a) => realEditions.has(a.edition_id)),
		populations: real.populations.filter((p) => keep.has(p.centre_id)),
		participants: [...real.participants.filter((p) => keep.has(p.centre_id)), ...participants],
		support: [...real.support.filter((s) => realEditions.has(s.edition_id)), ...support]
	};
}
