/**
 * How measurements scatter around the model: the likelihoods {@link calibrate}
 * fits by. Each solves the scale (measured units per model unit) for a given
 * model path in closed form or by a one-dimensional solve, and gives the
 * residuals whose sum of squares the solver minimises, the log-likelihood at
 * the solved scale and noise, and standardised residuals for the checks.
 *
 * - `'normal'`: y = s·m + ε, ε ~ N(0, σ²): noise of the same size at every level.
 * - `'lognormal'`: log y = log s + log m + ε, ε ~ N(0, σ²): noise a share of the
 *   level (views that vary ±25% week to week). Needs every value > 0.
 * - `'negative-binomial'`: y ~ NB(mean s·m, size k), variance μ + μ²/k: counts
 *   (leads, enquiries) whose noise grows with their size, zeros allowed.
 *
 * Each log-likelihood is the full one (all constants kept) so that likelihoods
 * of different fits of the same data compare (AIC). References: P. McCullagh and
 * J. A. Nelder, *Generalized Linear Models* (1989), §2.4 and §11.3 (deviance
 * residuals of the negative binomial, as R's `MASS::glm.nb` fits it); G. H. Golub
 * and V. Pereyra, "Separable nonlinear least squares" (2003), for solving the
 * linear scale apart.
 *
 * @internal
 * @module
 */
import { logGamma } from '../numerics/special.js';

/** The likelihoods {@link calibrate} knows. */
export type LikelihoodName = 'normal' | 'lognormal' | 'negative-binomial';

/** The likelihood at one model path, with the scale solved. */
export interface LikelihoodEvaluation {
  /** Residuals whose sum of squares the solver minimises (for the negative binomial: deviance residuals at the current size). */
  readonly r: number[];
  /** Measured units per model unit. */
  readonly scale: number;
  /** The log-likelihood at this scale and the noise that fits it best (the size held for the negative binomial). */
  readonly logLikelihood: number;
}

/** One likelihood of fixed data y. */
export interface Likelihood {
  readonly name: LikelihoodName;
  /** The evaluation at model values `m` (one per observation), or null where the data are impossible under it (a model of 0 under a positive measurement). */
  evaluate(m: ArrayLike<number>): LikelihoodEvaluation | null;
  /**
   * Residuals at a given scale in the likelihood's own terms — y − s·m (normal),
   * log y − log(s·m) (lognormal), (y − μ)/√(μ + μ²/k) (negative binomial) — each
   * with the same spread under the model: for standard errors and the checks.
   */
  residualsAt(m: ArrayLike<number>, scale: number): number[];
  /** Whether the noise is estimated from the residuals (normal, lognormal) rather than known from the mean (negative binomial). */
  readonly noiseEstimated: boolean;
  /** The noise figure at a model path and scale: σ (normal: of y; lognormal: of log y) or the size k. */
  noiseAt(m: ArrayLike<number>, scale: number): number;
  /** The negative binomial's size k (held while the solver runs; `withSize` gives one with another); NaN for the others. */
  readonly size: number;
  withSize(size: number): Likelihood;
}

const LOG_2PI = Math.log(2 * Math.PI);

function gaussianLogLikelihood(ssr: number, n: number): number {
  return -0.5 * n * (LOG_2PI + Math.log(Math.max(ssr, 1e-300) / n) + 1);
}

function normal(y: readonly number[]): Likelihood {
  const n = y.length;
  const residuals = (m: ArrayLike<number>, s: number): number[] => y.map((v, j) => v - s * m[j]!);
  const self: Likelihood = {
    name: 'normal',
    size: NaN,
    withSize: () => self,
    evaluate(m) {
      let my = 0;
      let mm = 0;
      for (let j = 0; j < n; j++) {
        my += m[j]! * y[j]!;
        mm += m[j]! * m[j]!;
      }
      const scale = mm > 0 ? my / mm : 0;
      const r = residuals(m, scale);
      return { r, scale, logLikelihood: gaussianLogLikelihood(r.reduce((t, v) => t + v * v, 0), n) };
    },
    noiseAt: (m, s) => Math.sqrt(residuals(m, s).reduce((t, v) => t + v * v, 0) / n),
    residualsAt: residuals,
    noiseEstimated: true,
  };
  return self;
}

function lognormal(y: readonly number[]): Likelihood {
  const n = y.length;
  const logY = y.map(Math.log);
  const sumLogY = logY.reduce((t, v) => t + v, 0);
  const residuals = (m: ArrayLike<number>, s: number): number[] => logY.map((v, j) => v - Math.log(s * m[j]!));
  const self: Likelihood = {
    name: 'lognormal',
    size: NaN,
    withSize: () => self,
    evaluate(m) {
      let mean = 0;
      for (let j = 0; j < n; j++) {
        if (!(m[j]! > 0)) return null;
        mean += logY[j]! - Math.log(m[j]!);
      }
      mean /= n;
      const scale = Math.exp(mean);
      const r = logY.map((v, j) => v - Math.log(m[j]!) - mean);
      return { r, scale, logLikelihood: gaussianLogLikelihood(r.reduce((t, v) => t + v * v, 0), n) - sumLogY };
    },
    noiseAt: (m, s) => Math.sqrt(residuals(m, s).reduce((t, v) => t + v * v, 0) / n),
    residualsAt: residuals,
    noiseEstimated: true,
  };
  return self;
}

/** Σ log NB(y | μ = s·m, k), all constants kept. */
export function negativeBinomialLogLikelihood(y: readonly number[], m: ArrayLike<number>, s: number, k: number): number {
  let total = 0;
  for (let j = 0; j < y.length; j++) {
    const mu = s * m[j]!;
    const v = y[j]!;
    total += logGamma(v + k) - logGamma(k) - logGamma(v + 1) + k * Math.log(k / (k + mu)) + (v > 0 ? v * Math.log(mu / (k + mu)) : 0);
  }
  return total;
}

/** The scale s solving Σ (y − s·m)/(s·m + k) = 0 (the likelihood's stationary point; decreasing in s), by safeguarded Newton steps. */
function negativeBinomialScale(y: readonly number[], m: ArrayLike<number>, k: number): number {
  let sy = 0;
  let sm = 0;
  for (let j = 0; j < y.length; j++) {
    sy += y[j]!;
    sm += m[j]!;
  }
  let s = sy / sm;
  let lo = 0;
  let hi = Infinity;
  for (let iteration = 0; iteration < 60; iteration++) {
    let g = 0;
    let dg = 0;
    for (let j = 0; j < y.length; j++) {
      const d = s * m[j]! + k;
      g += (y[j]! - s * m[j]!) / d;
      dg -= (m[j]! * (y[j]! + k)) / (d * d);
    }
    if (g > 0) lo = s;
    else hi = s;
    let next = s - g / dg;
    if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * s : 0.5 * (lo + hi);
    if (Math.abs(next - s) <= 1e-13 * s) return next;
    s = next;
  }
  return s;
}

function negativeBinomial(y: readonly number[], k: number): Likelihood {
  const logSaturated = (j: number): number => (y[j]! > 0 ? y[j]! * Math.log(y[j]!) : 0) - (y[j]! + k) * Math.log(y[j]! + k);
  const deviance = (m: ArrayLike<number>, s: number): number[] =>
    y.map((v, j) => {
      const mu = s * m[j]!;
      const d2 = 2 * (logSaturated(j) - (v > 0 ? v * Math.log(mu) : 0) + (v + k) * Math.log(mu + k));
      return Math.sign(v - mu) * Math.sqrt(Math.max(d2, 0));
    });
  return {
    name: 'negative-binomial',
    size: k,
    withSize: (size) => negativeBinomial(y, size),
    evaluate(m) {
      for (let j = 0; j < y.length; j++) if (!(m[j]! > 0) && y[j]! > 0) return null;
      const scale = negativeBinomialScale(y, m, k);
      if (!(scale > 0)) return null;
      return { r: deviance(m, scale), scale, logLikelihood: negativeBinomialLogLikelihood(y, m, scale, k) };
    },
    noiseAt: (m, s) => negativeBinomialSize(y, m, s),
    residualsAt: (m, s) => y.map((v, j) => (v - s * m[j]!) / Math.sqrt(s * m[j]! + (s * m[j]!) ** 2 / k)),
    noiseEstimated: false,
  };
}

/** The size k of most likelihood at a model path and scale: golden-section search on log k over [10⁻⁴, 10⁸] (10⁸: no overdispersion, a Poisson). */
export function negativeBinomialSize(y: readonly number[], m: ArrayLike<number>, s: number): number {
  const f = (logK: number): number => negativeBinomialLogLikelihood(y, m, s, Math.exp(logK));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(1e-4);
  let b = Math.log(1e8);
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-6) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return Math.exp(0.5 * (a + b));
}

/** The likelihood `name` of the data `y`; the negative binomial starts at size `size`. */
export function likelihoodOf(name: LikelihoodName, y: readonly number[], size = 10): Likelihood {
  if (name === 'normal') return normal(y);
  if (name === 'lognormal') return lognormal(y);
  return negativeBinomial(y, size);
}

/**
 * The log of the likelihood with the scale and the noise integrated out —
 * a flat prior on the scale (its log for the lognormal) and 1/σ on the noise —
 * up to a constant: what the posterior samples for the normal and lognormal.
 *
 * $$ \log p(y \mid \theta) = -\tfrac{n-1}{2}\log \mathrm{RSS}(\theta) \;[-\tfrac12 \log \textstyle\sum m^2 \text{ (normal)}] $$
 *
 * Reference: A. Gelman et al., *Bayesian Data Analysis*, 3rd ed. (2013), §14.2.
 */
export function marginalLogLikelihood(likelihood: Likelihood, m: ArrayLike<number>): number {
  const at = likelihood.evaluate(m);
  if (at === null) return -Infinity;
  const n = at.r.length;
  const rss = at.r.reduce((t, v) => t + v * v, 0);
  let out = -0.5 * (n - 1) * Math.log(Math.max(rss, 1e-300));
  if (likelihood.name === 'normal') {
    let mm = 0;
    for (let j = 0; j < n; j++) mm += m[j]! * m[j]!;
    out -= 0.5 * Math.log(mm);
  }
  return out;
}
