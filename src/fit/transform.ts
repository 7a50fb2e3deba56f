/**
 * Fitted parameters in unconstrained coordinates: a parameter bounded below
 * is fitted as the logarithm of its distance from the bound, one bounded on
 * both sides as the logit of its place between them, so that the solver, the
 * profile search and the sampler move freely and a bound is approached, never
 * crossed or clamped to.
 *
 * $$ \theta = \ell + c\,e^{u} \quad\text{on } [\ell, \infty), \qquad
 *    \theta = \ell + \frac{h - \ell}{1 + e^{-u}} \quad\text{on } [\ell, h] $$
 *
 * (and θ = u when unbounded). Reference: the transforms of Stan's constrained
 * parameters, *Stan Reference Manual*, "Constraint transforms".
 *
 * @internal
 * @module
 */

/** |u| beyond which a parameter counts as run to its bound (e^{−30} ≈ 10⁻¹³ of its typical size). */
export const AT_BOUND = 30;

/** One parameter's map between its value θ and the unconstrained u. */
export interface Transform {
  readonly bounds: readonly [number, number];
  toValue(u: number): number;
  toFree(theta: number): number;
  /** dθ/du at u. */
  slope(u: number): number;
}

/**
 * The transform of a parameter with these bounds; `typical` (the start) sets
 * the unit of a one-sided transform so that u = 0 there.
 */
export function transformFor(bounds: readonly [number, number], typical: number): Transform {
  const [lo, hi] = bounds;
  if (lo === -Infinity && hi === Infinity) {
    return { bounds, toValue: (u) => u, toFree: (t) => t, slope: () => 1 };
  }
  if (hi === Infinity) {
    const c = Math.max(typical - lo, 1e-6 * Math.max(Math.abs(lo), 1e-3));
    return {
      bounds,
      toValue: (u) => lo + c * Math.exp(u),
      toFree: (t) => Math.log(Math.max(t - lo, c * Math.exp(-AT_BOUND)) / c),
      slope: (u) => c * Math.exp(u),
    };
  }
  const width = hi - lo;
  const logistic = (u: number): number => 1 / (1 + Math.exp(-u));
  return {
    bounds,
    toValue: (u) => lo + width * logistic(u),
    toFree: (t) => {
      const share = Math.min(Math.max((t - lo) / width, Math.exp(-AT_BOUND)), 1 - Math.exp(-AT_BOUND));
      return Math.log(share / (1 - share));
    },
    slope: (u) => width * logistic(u) * (1 - logistic(u)),
  };
}

/** Whether a free coordinate has run so far that its parameter sits at a bound. */
export function atBound(u: number): boolean {
  return Math.abs(u) >= AT_BOUND - 1e-3;
}
