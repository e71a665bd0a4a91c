// The national pages' figures, computed once at build time from the national set: head counts, employment upon
// leaving, completion and cost per participant for every centre, powiat, voivodeship and Poland, with disclosure
// control along the tree (stats/hierarchy.ts). The five real centres' published figures stay published.
import type { Tables } from '../../src/lib/dictionary';
import type { NationalCentre, NationalSummary, NationalUnit } from '../../src/lib/national';
import { publishedRate, type RateCell, type ValueCell } from '../../src/lib/queries/cells';
import { protectTree, type TreeCount } from '../../src/lib/stats/hierarchy';
import { wilson } from '../../src/lib/stats/wilson';
import type { Register } from './register';

interface Tally {
	n: number;
	employed: number;
	completed: number;
	cost: number;
}

export function nationalSummary(set: Tables, register: Register): NationalSummary {
	const tally = new Map<string, Tally>();
	const cost = new Map<string, number>();
	for (const s of set.support) cost.set(s.participant_id, (cost.get(s.participant_id) ?? 0) + s.cost_pln);
	for (const p of set.participants) {
		const t = tally.get(p.centre_id) ?? { n: 0, employed: 0, completed: 0, cost: 0 };
		t.n += 1;
		if (p.outcome_employed) t.employed += 1;
		if (p.completion === 'completed') t.completed += 1;
		t.cost += cost.get(p.participant_id) ?? 0;
		tally.set(p.centre_id, t);
	}

	// A real centre's figure is published when every edition it has rows for states it; then it is public.
	const figures = (centreId: string, figure: string) => {
		const editions = set.editions.filter((e) => e.centre_id === centreId && set.figures.some((f) => f.edition_id === e.edition_id && f.figure === 'participants'));
		const found = editions.map((e) => set.figures.find((f) => f.edition_id === e.edition_id && f.figure === figure));
		return editions.length && found.every(Boolean) ? { value: found.reduce((s, f) => s + f!.value, 0), sources: [...new Set(found.map((f) => f!.source_id))] } : null;
	};

	const centres = set.centres.filter((c) => tally.has(c.centre_id));
	const kOf = (t: Tally, measure: 'employed' | 'completed') => t[measure];
	const up = new Map<string, Tally>();
	const add = (code: string, t: Tally) => {
		const u = up.get(code) ?? { n: 0, employed: 0, completed: 0, cost: 0 };
		up.set(code, { n: u.n + t.n, employed: u.employed + t.employed, completed: u.completed + t.completed, cost: u.cost + t.cost });
	};
	for (const c of centres) {
		const t = tally.get(c.centre_id)!;
		add(c.teryt.slice(0, 4), t);
		add(c.teryt.slice(0, 2), t);
		add('', t);
	}

	function protect(measure: 'employed' | 'completed') {
		const tree: TreeCount[] = [
			...centres.map((c) => ({ id: c.teryt, parent: c.teryt.slice(0, 4), n: tally.get(c.centre_id)!.n, k: kOf(tally.get(c.centre_id)!, measure), fixed: measure === 'employed' && !c.centre_id.startsWith('g') && figures(c.centre_id, 'participants_employed') !== null })),
			...[...up].map(([code, t]) => ({ id: code === '' ? 'PL' : code, parent: code === '' ? null : code.length === 4 ? code.slice(0, 2) : 'PL', n: t.n, k: kOf(t, measure) }))
		];
		return protectTree(tree);
	}
	const hidden = { employed: protect('employed'), completed: protect('completed') };

	const rate = (k: number, n: number, isHidden: boolean): RateCell => (isHidden ? { kind: 'suppressed', n } : { kind: 'synthetic', k, n, sources: [], ...wilson(k, n) });
	const money = (value: number): ValueCell => ({ kind: 'synthetic', value: Math.round(value * 100) / 100 });

	function unit(level: NationalUnit['level'], code: string, name: string, parent: string | null, t: Tally, count: number): NationalUnit {
		const id = code === '' ? 'PL' : code;
		return {
			level,
			code,
			name,
			parent,
			participants: { kind: 'synthetic', value: t.n },
			employment: rate(t.employed, t.n, hidden.employed.has(id)),
			completion: rate(t.completed, t.n, hidden.completed.has(id)),
			costPerParticipant: money(t.cost / t.n),
			centres: count
		};
	}
	const centresIn = (prefix: string) => centres.filter((c) => c.teryt.startsWith(prefix)).length;

	const national: NationalCentre[] = centres.map((c) => {
		const t = tally.get(c.centre_id)!;
		const real = !c.centre_id.startsWith('g');
		const base = unit('centre', c.teryt, c.short_name, c.teryt.slice(0, 4), t, 1);
		const participants = real ? figures(c.centre_id, 'participants') : null;
		const employed = real ? figures(c.centre_id, 'participants_employed') : null;
		const budget = real ? figures(c.centre_id, 'budget_pln') : null;
		return {
			...base,
			level: 'centre',
			participants: participants ? { kind: 'published', value: participants.value, sources: participants.sources } : base.participants,
			employment: employed ? publishedRate(employed.value, t.n, employed.sources) : base.employment,
			// Where a real centre's page states no budget, its cost is unknown: its synthetic support rows are no answer.
			costPerParticipant: real ? (budget ? { kind: 'published', value: Math.round((budget.value / t.n) * 100) / 100, sources: budget.sources, derived: true } : { kind: 'unknown' }) : base.costPerParticipant,
			centreId: c.centre_id,
			gmina: c.gmina,
			gminaType: c.gmina_type,
			powiat: c.powiat,
			voivodeship: c.voivodeship,
			hasPage: real
		};
	});
	const years = set.editions.map((e) => e.year).filter((y): y is number => y !== null);
	return {
		country: unit('country', '', 'Polska', null, up.get('')!, centres.length),
		voivodeships: register.voivodeships.filter((v) => up.has(v.code)).map((v) => unit('voivodeship', v.code, v.name, '', up.get(v.code)!, centresIn(v.code))),
		powiats: register.powiats.filter((p) => up.has(p.code)).map((p) => unit('powiat', p.code, p.city ? p.name : `powiat ${p.name}`, p.code.slice(0, 2), up.get(p.code)!, centresIn(p.code))),
		centres: national,
		years: [Math.min(...years), Math.max(...years)]
	};
}
