/**
 * The sampling distributions a fit's intervals and checks are read against:
 * Student's t, F and χ² — their tails and quantiles — from the incomplete beta
 * and gamma functions of `special.ts`.
 *
 * References: M. Abramowitz and I. Stegun, *Handbook of Mathematical Functions*,
 * 26.5.27 (F), 26.7.1 (t) and 26.4.19 (χ²).
 *
 * @internal
 * @module
 */
import { betaIncomplete, gammaQ } from './special.js';

/** P(T > t) for Student's t with ν degrees of freedom. */
export function studentSurvival(t: number, nu: number): number {
  const tail = 0.5 * betaIncomplete(nu / 2, 0.5, nu / (nu + t * t));
  return t >= 0 ? tail : 1 - tail;
}

/** The x ≥ 0 where a decreasing tail P(X > x) falls to 1 − p: doubling from `start`, then bisection to 1e-12 relative. */
function quantileFromTail(tail: (x: number) => number, p: number, start: number): number {
  let lo = 0;
  let hi = start;
  while (tail(hi) > 1 - p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (tail(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The p-quantile of Student's t with ν degrees of freedom. */
export function studentQuantile(p: number, nu: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentQuantile(1 - p, nu);
  return quantileFromTail((t) => studentSurvival(t, nu), p, 1);
}

/** P(F > f) for the F distribution with (d1, d2) degrees of freedom. */
export function fSurvival(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  return betaIncomplete(d2 / 2, d1 / 2, d2 / (d2 + d1 * f));
}

/** P(X > x) for χ² with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** The p-quantile of χ² with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  return quantileFromTail((x) => chiSquareSurvival(x, df), p, Math.max(1, df));
}
