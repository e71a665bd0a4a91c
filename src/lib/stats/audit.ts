// An attacker over every published view at once. Each count on screen describes a population (a set of conditions
// on the participants); the auditor pools what all views show, then tries to recover what any view hides: the same
// population shown elsewhere (a rate's n included), a total minus the shown parts of a breakdown (repeated, so one
// recovered value feeds the next), and any difference of two shown counts whose populations nest.
import { isSmall } from './disclosure';

/** A population: each restricted attribute with the values it keeps. An attribute left out may take any value. */
export type Box = Readonly<Record<string, readonly string[]>>;

export interface AuditCell {
	/** What the cell is, in the view's words (centre and measure). */
	what: string;
	box: Box;
	/** The count shown, or null where the view hides it. */
	value: number | null;
	/** 'n': the group size printed beside a rate; 'k': a rate's count; 'rest': a rate's complement (n − k). */
	role?: 'count' | 'n' | 'k' | 'rest';
	/** For 'k' and 'rest': the rate's whole group (its n). */
	of?: Box;
	/** A figure the centre's own page publishes: public, never a secret, and shown whatever the rules say. */
	published?: boolean;
}

export interface AuditView {
	/** The address a user would open, e.g. /?plec=K. */
	name: string;
	cells: AuditCell[];
}

export interface Leak {
	kind: 'small-shown' | 'recovered' | 'difference';
	/** The figure given away: the hidden count, or the small group a difference singles out. */
	value: number;
	/** Where it was hidden (view — cell), or the two counts subtracted. */
	target: string;
	/** How the attacker gets it, naming every view used. */
	how: string;
}

export interface AuditReport {
	views: number;
	cells: number;
	/** Distinct populations among the cells, shown or hidden. */
	populations: number;
	/** Pairs of shown counts whose populations nest, each subtracted. */
	nestedPairs: number;
	/** Totals set against the parts of a breakdown. */
	breakdowns: number;
	leaks: Leak[];
}

export type ParticipantRecord = Readonly<Record<string, string>>;

const EMPTY = Symbol('empty');

/** The box in canonical form: values sorted, attributes that keep their whole domain dropped; EMPTY if none can hold. */
function normalise(box: Box, domains: Record<string, readonly string[]>): Box | typeof EMPTY {
	const out: Record<string, string[]> = {};
	for (const [attribute, values] of Object.entries(box)) {
		const domain = domains[attribute];
		if (!domain) throw new Error(`audit: unknown attribute ${attribute}`);
		const kept = [...new Set(values)].filter((v) => domain.includes(v)).sort();
		if (!kept.length) return EMPTY;
		if (kept.length < domain.length) out[attribute] = kept;
	}
	return out;
}

const keyOf = (box: Box) =>
	Object.keys(box)
		.sort()
		.map((a) => `${a}=${box[a].join('|')}`)
		.join(';');

/** The intersection of two boxes (both conditions hold). */
export function and(a: Box, b: Box): Box {
	const out: Record<string, readonly string[]> = { ...a };
	for (const [attribute, values] of Object.entries(b)) out[attribute] = out[attribute] ? out[attribute].filter((v) => values.includes(v)) : values;
	return out;
}

interface Known {
	value: number;
	how: string;
	/** Worked out, not read off a view. */
	derived?: boolean;
	/** Known without any participant-level figure: published, or worked out from published figures only. */
	public: boolean;
}

/**
 * Cells as a naive protection would show them: each count hidden when small, each rate when its count or
 * complement is small, with n beside it. For showing that the auditor finds the leaks such a rule lets through.
 */
export function primaryOnly(views: AuditView[], count: (box: Box) => number): AuditView[] {
	return views.map((view) => ({
		name: view.name,
		cells: view.cells.map((cell) => {
			const value = count(cell.box);
			if (cell.published) return { ...cell, value };
			if (cell.role === 'k' || cell.role === 'rest') {
				const n = count(cell.of!);
				return { ...cell, value: isSmall(value) || isSmall(n - value) ? null : value };
			}
			return { ...cell, value: cell.role === 'n' || !isSmall(value) ? value : null };
		})
	}));
}

/** How many records fall in a box, remembered per box. */
export function counter(records: ParticipantRecord[]): (box: Box) => number {
	const truth = new Map<string, number>();
	return (box) => {
		const key = keyOf(box);
		let n = truth.get(key);
		if (n === undefined) {
			n = records.filter((r) => Object.entries(box).every(([a, values]) => values.includes(r[a]))).length;
			truth.set(key, n);
		}
		return n;
	};
}

export function audit(views: AuditView[], records: ParticipantRecord[], domains: Record<string, readonly string[]>): AuditReport {
	const count = counter(records);

	const boxes = new Map<string, Box>();
	const known = new Map<string, Known>();
	const hidden = new Map<string, { value: number; where: string[] }>();
	const leaks: Leak[] = [];
	let cells = 0;

	// Populations the centres publish are public, whichever view prints them.
	const publicKeys = new Set(
		views.flatMap((v) => v.cells.filter((c) => c.published).map((c) => normalise(c.box, domains))).flatMap((box) => (box === EMPTY ? [] : [keyOf(box)]))
	);
	for (const view of views) {
		for (const cell of view.cells) {
			cells++;
			const box = normalise(cell.box, domains);
			if (box === EMPTY) continue;
			const key = keyOf(box);
			boxes.set(key, box);
			const where = `${view.name} — ${cell.what}`;
			const actual = count(box);
			if (cell.value === null) {
				const entry = hidden.get(key) ?? { value: actual, where: [] };
				entry.where.push(where);
				hidden.set(key, entry);
				continue;
			}
			if (cell.value !== actual) throw new Error(`audit: ${where} shows ${cell.value}, but its population [${key}] counts ${actual}`);
			if (!publicKeys.has(key) && isSmall(cell.value)) leaks.push({ kind: 'small-shown', value: cell.value, target: where, how: cell.role === 'n' ? 'n printed beside a rate' : 'printed' });
			const before = known.get(key);
			const isPublic = publicKeys.has(key);
			if (!before || (isPublic && !before.public)) known.set(key, { value: cell.value, how: `${where}${cell.role === 'n' ? ' (n of the rate)' : ''}`, public: isPublic });
		}
	}

	// (a) Breakdowns: a population is the sum of its parts along any attribute. Whenever all terms but one are
	// known, the last one follows; repeated until nothing new follows.
	let breakdowns = 0;
	const split = (box: Box, attribute: string, values: readonly string[]): Box => {
		const out = { ...box } as Record<string, readonly string[]>;
		if (values.length === domains[attribute].length) delete out[attribute];
		else out[attribute] = values;
		return out;
	};
	const relations = (box: Box): { total: Box; parts: Box[] }[] => {
		const out: { total: Box; parts: Box[] }[] = [];
		for (const [attribute, domain] of Object.entries(domains)) {
			const values = box[attribute] ?? domain;
			if (values.length > 1) out.push({ total: box, parts: values.map((v) => split(box, attribute, [v])) });
			if (box[attribute]) {
				const parent = split(box, attribute, domain);
				out.push({ total: parent, parts: [box, split(box, attribute, domain.filter((v) => !values.includes(v)))] });
			}
		}
		return out;
	};
	const describe = (key: string) => known.get(key)!.how;
	let changed = true;
	const tried = new Set<string>();
	while (changed) {
		changed = false;
		for (const box of [...boxes.values()]) {
			for (const { total, parts } of relations(box)) {
				const totalKey = keyOf(total);
				const partKeys = parts.map(keyOf);
				const signature = `${totalKey}=${partKeys.join('+')}`;
				if (!tried.has(signature)) {
					tried.add(signature);
					breakdowns++;
				}
				const unknown = partKeys.filter((k) => !known.has(k));
				// An empty group adds nothing to what the published figures already say.
				const isPublic = [totalKey, ...partKeys].filter((k) => known.has(k) && known.get(k)!.value !== 0).every((k) => known.get(k)!.public);
				if (known.has(totalKey) && unknown.length === 1) {
					const [target] = unknown;
					const value = known.get(totalKey)!.value - partKeys.filter((k) => k !== target).reduce((s, k) => s + known.get(k)!.value, 0);
					const others = partKeys.filter((k) => k !== target).map((k) => `[${describe(k)}]`);
					known.set(target, { value, public: isPublic, derived: true, how: `[${describe(totalKey)}]${others.length ? ` − ${others.join(' − ')}` : ''}` });
					boxes.set(target, parts[partKeys.indexOf(target)]);
					changed = true;
				} else if (!known.has(totalKey) && unknown.length === 0) {
					const value = partKeys.reduce((s, k) => s + known.get(k)!.value, 0);
					known.set(totalKey, { value, public: isPublic, derived: true, how: partKeys.map((k) => `[${describe(k)}]`).join(' + ') });
					boxes.set(totalKey, total);
					changed = true;
				}
			}
		}
	}

	for (const [key, secret] of hidden) {
		const found = known.get(key);
		if (!found || found.public) continue;
		// An empty cell gives nothing away unless it splits a small group (none of those few has this value).
		const box = boxes.get(key)!;
		if (secret.value === 0) {
			const parents = Object.keys(box).map((a) => count(Object.fromEntries(Object.entries(box).filter(([b]) => b !== a))));
			if (!parents.some(isSmall) || parents.includes(0)) continue;
		}
		if (found.value !== secret.value) throw new Error(`audit: worked out ${found.value} for [${key}], which counts ${secret.value}`);
		leaks.push({ kind: 'recovered', value: secret.value, target: secret.where.join('; '), how: found.how });
	}

	// (b) Differences of two shown counts whose populations nest: a small one singles out a small group.
	let nestedPairs = 0;
	const shownKeys = [...known.entries()].filter(([, k]) => !k.derived).map(([key]) => key);
	const bySignature = new Map<string, string[]>();
	const signature = (box: Box) => Object.keys(box).sort().join(',');
	for (const key of shownKeys) {
		const s = signature(boxes.get(key)!);
		bySignature.set(s, [...(bySignature.get(s) ?? []), key]);
	}
	// The people in `outer` but not in `inner` whom published figures (or sums of them) already count, where the two
	// differ in one attribute only, so that the difference is itself a population split along it.
	const publicPart = (outer: Box, inner: Box): number => {
		const differing = Object.keys(inner).filter((a) => (outer[a] ?? domains[a]).length !== inner[a].length);
		if (differing.length !== 1) return 0;
		const [attribute] = differing;
		const rest = (outer[attribute] ?? domains[attribute]).filter((v) => !inner[attribute].includes(v))
			.sort();
		const whole = known.get(keyOf(split(outer, attribute, rest)));
		if (whole?.public) return whole.value;
		return rest.reduce((sum, v) => {
			const part = known.get(keyOf(split(outer, attribute, [v])));
			return sum + (part?.public ? part.value : 0);
		}, 0);
	};
	const contains = (outer: Box, inner: Box) => Object.entries(outer).every(([a, values]) => inner[a] && inner[a].every((v) => values.includes(v)));
	for (const key of shownKeys) {
		const inner = boxes.get(key)!;
		const attributes = Object.keys(inner);
		for (let mask = 0; mask < 1 << attributes.length; mask++) {
			const kept = attributes.filter((_, i) => mask & (1 << i)).sort().join(',');
			for (const outerKey of bySignature.get(kept) ?? []) {
				if (outerKey === key || !contains(boxes.get(outerKey)!, inner)) continue;
				nestedPairs++;
				const [a, b] = [known.get(outerKey)!, known.get(key)!];
				const difference = a.value - b.value;
				// Minus an empty group, the difference is the outer count as printed: checked as such above.
				if (!isSmall(difference) || (a.public && b.public) || b.value === 0) continue;
				// Published people are no secret: what the difference holds beyond them is what it gives away.
				const secret = difference - publicPart(boxes.get(outerKey)!, inner);
				if (isSmall(secret)) leaks.push({ kind: 'difference', value: difference, target: `[${outerKey}] − [${key}]`, how: `${a.how} minus ${b.how}` });
			}
		}
	}

	return { views: views.length, cells, populations: boxes.size, nestedPairs, breakdowns, leaks };
}
