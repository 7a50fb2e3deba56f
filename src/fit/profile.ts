/**
 * Profile-likelihood intervals: for one parameter, the values at which the
 * likelihood, maximised over all the others (the scale and noise included),
 * has fallen by the amount a 95% test allows. Unlike value ± 1.96 standard
 * errors they follow the likelihood's real shape — lopsided, or open towards
 * a bound or infinity where the data cannot close them.
 *
 * With the noise σ estimated (normal, lognormal) the cut is Student's:
 * $$ (n - p)\left(\frac{\mathrm{RSS}_j(v)}{\mathrm{RSS}} - 1\right) \le t^2_{n-p,\,0.975}, $$
 * for the negative binomial the χ² one, $2(\hat\ell - \ell_j(v)) \le \chi^2_{1,\,0.95}$.
 * The search runs outwards in the free coordinate on the signed root of the
 * statistic (nearly linear there), and closes on the cut by regula falsi.
 *
 * References: D. M. Bates and D. G. Watts, *Nonlinear Regression Analysis and
 * Its Applications* (1988), §6.1; D. J. Venzon and S. H. Moolgavkar, "A method
 * for computing profile-likelihood-based confidence intervals", *Applied
 * Statistics* 37 (1988).
 *
 * @internal
 * @module
 */
import { chiSquareQuantile, studentQuantile } from '../numerics/statistics.js';
import type { FitModel } from './fit-model.js';
import { fitFree, type FreeFit } from './maximum-likelihood.js';
import { AT_BOUND } from './transform.js';

/** One parameter's interval and whether the data close each end (an open end is the bound, or ±∞). */
export interface ProfileInterval {
  readonly interval: readonly [number, number];
  readonly closed: readonly [boolean, boolean];
  /** Whether the profile found a fit better than the optimum (the optimum was not the best). */
  readonly betterFit: boolean;
}

/** Most inner fits one end of an interval may take. */
const MOST_POINTS = 24;

/** The inner fits: the held coordinate at v, the sum of squares to 10⁻⁵ of itself, the log-likelihood to about 10⁻³ (the cut is read to 1%). */
const INNER_FIT = (index: number, value: number) => ({ maxIterations: 30, tolerance: 1e-5, hold: { index, value } });

/** The cut on the root statistic and how a drop in log-likelihood maps to it. */
export function profileCut(likelihood: string, n: number, p: number, level = 0.95): { readonly root: number; readonly statistic: (drop: number) => number } {
  if (likelihood === 'negative-binomial') {
    return { root: Math.sqrt(chiSquareQuantile(level, 1)), statistic: (drop) => 2 * drop };
  }
  const dof = Math.max(1, n - p);
  return { root: studentQuantile(0.5 + level / 2, dof), statistic: (drop) => dof * Math.expm1((2 * drop) / n) };
}

/**
 * The interval of parameter `index` around the fit `best`, starting the search
 * at a step of `freeError` (its standard error in the free coordinate). The
 * likelihood falls from `top`: the best fit's own, or that of a better fit with
 * other whole-number choices (the interval is then the part of this fit's
 * profile the better one does not reject).
 */
export function profileInterval(model: FitModel, best: FreeFit, index: number, freeError: number, cut: ReturnType<typeof profileCut>, top = best.at.logLikelihood): ProfileInterval {
  const ends = [-1, 1].map((direction) => profileEnd(model, best, index, direction, freeError, cut, top));
  return {
    interval: [ends[0]!.value, ends[1]!.value],
    closed: [ends[0]!.closed, ends[1]!.closed],
    betterFit: ends.some((e) => e.betterFit),
  };
}

/** A point of the profile: the held coordinate, the root statistic there, and the inner fit's coordinates (warm start for points near it). */
interface ProfilePoint {
  readonly u: number;
  readonly root: number;
  readonly inner: readonly number[];
  /** How the inner fit moved per unit of the held coordinate, from the point before (for the next start). */
  readonly trace: readonly number[] | null;
}

function profileEnd(model: FitModel, best: FreeFit, index: number, direction: number, freeError: number, cut: ReturnType<typeof profileCut>, top: number) {
  const transform = model.transforms[index]!;
  let betterFit = false;
  // Each inner fit starts from the fit at the nearest point inside the cut, never from one beyond it.
  // Each inner fit starts where the last one's trend points, from the nearest point inside the cut.
  const probe = (v: number, from: ProfilePoint): ProfilePoint => {
    const start = from.trace === null ? from.inner : from.inner.map((x, j) => x + from.trace![j]! * (v - from.u));
    const inner = fitFree(model, best.likelihood, start, INNER_FIT(index, v)) ?? fitFree(model, best.likelihood, from.inner, INNER_FIT(index, v));
    if (inner === null) return { u: v, root: Infinity, inner: from.inner, trace: null }; // the model refuses the value: nothing beyond it is possible
    const drop = top - inner.at.logLikelihood;
    if (drop < -1e-9 * Math.abs(top)) betterFit = true;
    const trace = inner.u.map((x, j) => (x - from.inner[j]!) / (v - from.u));
    return { u: v, root: Math.sqrt(Math.max(0, cut.statistic(drop))), inner: inner.u, trace };
  };
  const limit = direction * AT_BOUND;
  let step = Number.isFinite(freeError) && freeError > 0 ? Math.min(Math.max(freeError * cut.root, 1e-3), 1) : 1;
  let inside: ProfilePoint = { u: best.u[index]!, root: Math.sqrt(Math.max(0, cut.statistic(top - best.at.logLikelihood))), inner: best.u, trace: null };
  for (let point = 0; point < MOST_POINTS; point++) {
    let u = inside.u + direction * step;
    if (direction * (u - limit) >= 0) u = limit;
    const next = probe(u, inside);
    if (next.root >= cut.root) return { value: transform.toValue(closeIn(inside, next, cut.root, probe)), closed: true, betterFit };
    if (u === limit) return { value: direction < 0 ? transform.bounds[0] : transform.bounds[1], closed: false, betterFit };
    // Extrapolate the root linearly to the cut, growing the step at most fourfold.
    const slope = (next.root - inside.root) / Math.abs(u - inside.u);
    const wanted = slope > 0 ? (cut.root - next.root) / slope : 4 * step;
    step = Math.min(Math.max(wanted * 1.1, 0.5 * step), 4 * step);
    inside = next;
  }
  return { value: transform.toValue(inside.u), closed: false, betterFit };
}

/** Regula falsi (Illinois) between a point inside the cut and one outside it, to 1% of the cut. */
function closeIn(inside: ProfilePoint, outside: ProfilePoint, target: number, probe: (u: number, from: ProfilePoint) => ProfilePoint): number {
  let a = inside;
  let b = outside;
  let fa = a.root - target;
  let fb = b.root - target;
  let side = 0;
  for (let i = 0; i < 40; i++) {
    // Bisect while the outer point is refused by the model (its root infinite); interpolate after.
    const u = Number.isFinite(fb) ? b.u - (fb * (b.u - a.u)) / (fb - fa) : 0.5 * (a.u + b.u);
    const c = probe(u, a);
    const fc = c.root - target;
    if (Math.abs(fc) < 0.01 * target || Math.abs(b.u - a.u) < 1e-10) return u;
    if (fc < 0) {
      a = c;
      fa = fc;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = c;
      fb = fc;
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  return 0.5 * (a.u + b.u);
}
