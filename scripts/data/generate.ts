// Seeded, deterministic generator of the synthetic participants and support. No such data is public, so this
// demo set is made to reproduce every published aggregate exactly (see src/lib/validation/calibration.ts) and
// is marked `synthetic` on every row. Everything the pages do not state is drawn from plain assumptions below.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Activity, Edition, Figure, FigureKey, Participant, Support } from '../../src/lib/dictionary';

export const SEED = 7_112_013;

type Weights<T extends string> = Partial<Record<T, number>>;

/** What a page says of who took part, as generator settings; each line cites the page's words. */
interface Cohort {
	labour: Weights<'unemployed' | 'long_term_unemployed' | 'inactive' | 'employed'>;
	/** Window for start and end dates; null where the page gives no year. */
	window: [string, string] | null;
	womenShare: number;
}

const COHORTS: Record<string, Cohort> = {
	// "8 osób bezrobotnych", registered at the labour office; 01.04–31.12.2012.
	'chocianow-2012': { labour: { unemployed: 3, long_term_unemployed: 5 }, window: ['2012-04-01', '2012-12-31'], womenShare: 0.6 },
	// "długotrwale bezrobotni"
	'swiebodzice-2009': { labour: { long_term_unemployed: 1 }, window: ['2009-01-15', '2009-12-15'], womenShare: 0.55 },
	// "osoby bezrobotne, niepracujące, a także zatrudnione (w tym rolnicy)"; recruitment January–April, ends by 12.12.2011.
	'lezajsk-2011': { labour: { unemployed: 3, long_term_unemployed: 4, inactive: 2, employed: 1 }, window: ['2011-04-01', '2011-12-12'], womenShare: 0.65 },
	// "10 kobiet, korzystających ze świadczeń pomocy społecznej"; the page names no year.
	'leszno-bez-roku': { labour: { unemployed: 2, long_term_unemployed: 3, inactive: 3 }, window: null, womenShare: 1 },
	// Contracts and the local activity programme (PAL) in 2013; PAL events from 24.04 to 12.12.2013.
	'janow-lubelski-2013': { labour: { unemployed: 3, long_term_unemployed: 4, inactive: 3, employed: 1 }, window: ['2013-04-24', '2013-12-12'], womenShare: 0.55 }
};

export const AGE = { '18-24': 2, '25-34': 3, '35-44': 3, '45-54': 3, '55-64': 1 };
export const EDUCATION = { isced_0_1: 3, isced_2: 3, isced_3: 4, isced_4: 1, isced_5_8: 1 };
/** Hours and zł per hour (or zł per payment for financial support), to give costs a plausible shape before scaling. */
export const FORM_COST: Record<string, { hours: [number, number] | null; rate: [number, number] }> = {
	social: { hours: [12, 40], rate: [60, 110] },
	vocational: { hours: [4, 20], rate: [70, 120] },
	educational: { hours: [40, 180], rate: [25, 45] },
	health: { hours: [6, 20], rate: [90, 150] },
	social_work: { hours: [20, 80], rate: [40, 60] },
	financial: { hours: null, rate: [600, 2400] }
};

export function generate(editions: Edition[], figures: Figure[], activities: Activity[], seed = SEED) {
	const rng = xoroshiro128plus(seed);
	const int = (from: number, to: number) => uniformInt(rng, from, to);
	const chance = (p: number) => int(0, 9_999) < p * 10_000;
	const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)];
	const weighted = <T extends string>(weights: Weights<T>): T => {
		const entries = Object.entries(weights) as [T, number][];
		let roll = int(1, entries.reduce((s, [, w]) => s + w, 0));
		for (const [value, weight] of entries) if ((roll -= weight) <= 0) return value;
		return entries[entries.length - 1][0];
	};
	const pseudonym = () => Array.from({ length: 10 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[int(0, 31)]).join('');
	const dayOffset = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
	const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

	const participants: Participant[] = [];
	const support: Support[] = [];

	for (const edition of editions) {
		const published = new Map(figures.filter((f) => f.edition_id === edition.edition_id).map((f) => [f.figure, f.value]));
		const count = published.get('participants');
		const cohort = COHORTS[edition.edition_id];
		if (count === undefined || !cohort) continue; // no published group size: nothing to calibrate to, so no rows
		const local = published.get('local_activity_participants') ?? 0;
		const women = published.get('women');
		const employedTarget = published.get('participants_employed');

		const rows: Participant[] = [];
		for (let i = 0; i < count; i++) {
			const pathway = i < count - local ? 'social_contract' : 'local_activity';
			const completion = chance(0.12) ? 'left_early' : 'completed';
			let start: string | null = null;
			let end: string | null = null;
			if (cohort.window) {
				const span = daysBetween(cohort.window[0], cohort.window[1]);
				start = dayOffset(cohort.window[0], int(0, Math.floor(span / 4)));
				end = completion === 'completed' ? dayOffset(cohort.window[1], -int(0, 20)) : dayOffset(start, int(30, Math.max(31, daysBetween(start, cohort.window[1]) - 1)));
			}
			rows.push({
				participant_id: `U${pseudonym()}`,
				edition_id: edition.edition_id,
				centre_id: edition.centre_id,
				pathway,
				sex: chance(cohort.womenShare) ? 'K' : 'M',
				age_band: weighted(AGE),
				education: weighted(EDUCATION),
				labour_status: weighted(cohort.labour),
				disability: chance(0.1),
				start_date: start,
				end_date: end,
				completion,
				outcome_employed: false,
				outcome_job_seeking: false,
				outcome_education: false,
				outcome_qualification: false,
				provenance: 'synthetic'
			});
		}
		if (women !== undefined) setExactly(rows, women, (p) => p.sex === 'K', (p, on) => (p.sex = on ? 'K' : 'M'), pick);

		const employable = rows.filter((p) => p.pathway === 'social_contract');
		if (employedTarget !== undefined) {
			const chosen = shuffle(employable, int).slice(0, employedTarget);
			for (const p of chosen) p.outcome_employed = true;
		} else {
			for (const p of rows) p.outcome_employed = p.completion === 'completed' && chance(p.pathway === 'social_contract' ? 0.2 : 0.05);
		}
		for (const p of rows) {
			p.outcome_job_seeking = !p.outcome_employed && p.completion === 'completed' && chance(0.55);
			p.outcome_education = !p.outcome_employed && chance(0.08);
		}

		const forms = supportPlan(edition.edition_id, activities);
		const editionSupport: Support[] = [];
		for (const p of rows) {
			const received = p.pathway === 'local_activity' ? ['social', ...(chance(0.3) ? ['social_work'] : [])] : forms.filter((f) => f.always || chance(f.share)).map((f) => f.form);
			received.forEach((form, k) => {
				const activity = forms.find((f) => f.form === form)?.activities;
				const shape = FORM_COST[form];
				const hours = shape.hours ? int(shape.hours[0], shape.hours[1]) : null;
				const cost = (hours ?? 1) * int(shape.rate[0], shape.rate[1]);
				editionSupport.push({
					support_id: `${p.participant_id}-${k + 1}`,
					participant_id: p.participant_id,
					edition_id: edition.edition_id,
					form,
					activity_id: activity && activity.length > 0 ? pick(activity).activity_id : null,
					hours,
					cost_pln: cost,
					provenance: 'synthetic'
				});
			});
			p.outcome_qualification = p.completion === 'completed' && received.includes('educational') && chance(0.85);
		}
		calibrateCosts(editionSupport, published);
		participants.push(...rows);
		support.push(...editionSupport);
	}
	return { participants, support };
}

interface FormPlan {
	form: string;
	always: boolean;
	share: number;
	activities: Activity[];
}

/** Forms of support a social-contract participant may get: those the page names, via its activities. */
function supportPlan(editionId: string, activities: Activity[]): FormPlan[] {
	const named = activities.filter((a) => a.edition_id === editionId && a.support_form);
	const shares: Record<string, number> = { social: 1, vocational: 0.9, educational: 0.75, health: 0.5, social_work: 1, financial: 0.85 };
	return Object.keys(shares)
		.map((form) => ({ form, always: shares[form] === 1, share: shares[form], activities: named.filter((a) => a.support_form === form) }))
		.filter((plan) => plan.activities.length > 0);
}

/** Flips rows until exactly `target` satisfy `has`. */
function setExactly<T>(rows: T[], target: number, has: (r: T) => boolean, set: (r: T, on: boolean) => void, pick: <U>(xs: readonly U[]) => U) {
	while (rows.filter(has).length < target) set(pick(rows.filter((r) => !has(r))), true);
	while (rows.filter(has).length > target) set(pick(rows.filter(has)), false);
}

function shuffle<T>(items: T[], int: (a: number, b: number) => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = int(0, i);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * Scales costs so that published totals hold to the grosz: financial support to the own contribution, social work
 * to staff salaries, and everything to the budget. Without a published budget the raw costs stay as they are.
 */
function calibrateCosts(rows: Support[], published: Map<FigureKey, number>) {
	const budget = published.get('budget_pln');
	const fixed: [string, number | undefined][] = [
		['financial', published.get('own_contribution_pln')],
		['social_work', published.get('staff_salaries_pln')]
	];
	let remaining = budget === undefined ? undefined : Math.round(budget * 100);
	const pinned = new Set<string>();
	for (const [form, total] of fixed) {
		if (total === undefined) continue;
		const group = rows.filter((r) => r.form === form);
		if (group.length === 0) throw new Error(`calibration: no ${form} support to carry the published ${total} zł`);
		allocate(group, Math.round(total * 100));
		pinned.add(form);
		if (remaining !== undefined) remaining -= Math.round(total * 100);
	}
	if (remaining !== undefined) {
		const rest = rows.filter((r) => !pinned.has(r.form));
		if (remaining < 0 || rest.length === 0) throw new Error('calibration: published parts exceed the budget');
		allocate(rest, remaining);
	} else {
		for (const r of rows.filter((r) => !pinned.has(r.form))) r.cost_pln = Math.round(r.cost_pln * 100) / 100;
	}
}

/** Splits `grosze` over rows in proportion to their raw costs (largest remainder), so the sum is exact. */
function allocate(rows: Support[], grosze: number) {
	const weight = rows.reduce((s, r) => s + r.cost_pln, 0);
	const shares = rows.map((r) => (r.cost_pln / weight) * grosze);
	const floors = shares.map(Math.floor);
	let left = grosze - floors.reduce((a, b) => a + b, 0);
	const order = shares.map((s, i) => [s - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (left-- <= 0) break;
		floors[i] += 1;
	}
	rows.forEach((r, i) => (r.cost_pln = floors[i] / 100));
}
