// Funnel-plot control limits for a proportion (Spiegelhalter 2005, "Funnel plots for comparing institutional
// performance", Stat Med 24:1185, appendix A.1.1): exact binomial quantiles around the overall rate, interpolated
// so the limits are smooth in n. A centre outside the 99.8% limits differs by more than chance would explain.
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';

/** Two-sided coverage of the two pairs of limits the plot draws. */
export const FUNNEL_LEVELS = { warning: 0.95, control: 0.998 } as const;

/**
 * The limit below which a share p of a group of n falls when its true rate is `target`. r is the smallest count
 * with P(R ≤ r) ≥ p; α takes back the part of r's own probability that lies beyond p. Clamped to [0, 1], where
 * the interpolation would step past the ends of the scale.
 */
export function funnelLimit(target: number, n: number, p: number): number {
	if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`funnel: n = ${n}`);
	if (!(target >= 0 && target <= 1) || !(p > 0 && p < 1)) throw new RangeError(`funnel: target = ${target}, p = ${p}`);
	const r = binomialQuantile(p, n, target);
	const at = binomialCdf(r, n, target);
	const below = r > 0 ? binomialCdf(r - 1, n, target) : 0;
	const alpha = at === below ? 0 : (at - p) / (at - below);
	return Math.min(1, Math.max(0, (r - alpha) / n));
}

export interface FunnelLimits {
	n: number;
	warning: [number, number];
	control: [number, number];
}

export function funnelLimits(target: number, n: number): FunnelLimits {
	const pair = (level: number): [number, number] => [funnelLimit(target, n, (1 - level) / 2), funnelLimit(target, n, (1 + level) / 2)];
	return { n, warning: pair(FUNNEL_LEVELS.warning), control: pair(FUNNEL_LEVELS.control) };
}

/** The limits along n from `minN` to `maxN`, at about `points` sizes spaced evenly on a log scale, for drawing. */
export function funnelCurve(target: number, maxN: number, points = 60, minN = 1): FunnelLimits[] {
	const sizes = new Set<number>();
	const [from, to] = [Math.log(Math.max(1, minN)), Math.log(maxN)];
	for (let i = 0; i < points; i++) sizes.add(Math.max(1, Math.round(Math.exp(from + ((to - from) * i) / (points - 1)))));
	return [...sizes].sort((a, b) => a - b).map((n) => funnelLimits(target, n));
}

export type FunnelPlace = 'above_control' | 'above_warning' | 'within' | 'below_warning' | 'below_control';

/**
 * Where a centre's k of n lies against the limits around `target`, from two binomial CDF values instead of the
 * four limits (12 evaluations, a quantile search among them: the funnel of 2,477 centres is redrawn on every filter
 * change). With F the CDF and r the limit's count for probability p: k/n is above the limit exactly when
 * F(k) > p or F(k − 1) ≥ p (k past r, or at r with α > 0), and below it exactly when F(k) < p (k short of r; α < 1
 * since F(r − 1) < p), except that the drawn limits are clamped to [0, 1]. funnelPlaceByLimits is the definition, and a property test holds the two equal.
 */
export function funnelPlace(k: number, n: number, target: number): FunnelPlace {
	if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`funnel: n = ${n}`);
	const at = binomialCdf(k, n, target);
	const before = k > 0 ? binomialCdf(k - 1, n, target) : 0;
	// The drawn limits stay within [0, 1]: 0% is never above one, 100% never below one.
	const above = (p: number) => k > 0 && (at > p || before >= p);
	const below = (p: number) => k < n && at < p;
	const { warning, control } = FUNNEL_LEVELS;
	if (above((1 + control) / 2)) return 'above_control';
	if (below((1 - control) / 2)) return 'below_control';
	if (above((1 + warning) / 2)) return 'above_warning';
	if (below((1 - warning) / 2)) return 'below_warning';
	return 'within';
}

/** The same place from the drawn limits themselves: the definition funnelPlace is checked against. */
export function funnelPlaceByLimits(k: number, n: number, target: number): FunnelPlace {
	const rate = k / n;
	const { warning, control } = funnelLimits(target, n);
	if (rate > control[1]) return 'above_control';
	if (rate < control[0]) return 'below_control';
	if (rate > warning[1]) return 'above_warning';
	if (rate < warning[0]) return 'below_warning';
	return 'within';
}
