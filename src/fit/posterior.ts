/**
 * The posterior of a fit: draws of the fitted parameters given the data and
 * the priors, by the affine-invariant ensemble sampler (`ensemble-sampler.ts`)
 * in the parameters' free coordinates, started from the most likely fit.
 *
 * For the normal and lognormal likelihoods the scale and the noise σ are
 * integrated out (a flat prior on the scale, or its log, and 1/σ on σ), so the
 * sampler moves in the parameters alone; each draw's scale and σ are then drawn
 * from their exact conditional given the parameters,
 * $\sigma^2 = \mathrm{RSS}/\chi^2_{n-1}$ and a normal scale (log scale) around
 * its best value. For the negative binomial the log scale (flat prior) and the
 * log size (normal prior, mean log 10, sd 2.5) are sampled with the rest.
 *
 * References: J. Goodman and J. Weare (2010), D. Foreman-Mackey et al.,
 * "emcee" (2013) and C. J. F. ter Braak (2006), for the sampler; A. Gelman et al., *Bayesian Data Analysis*,
 * 3rd ed. (2013), §14.2 and §14.8, for the scale and noise.
 *
 * @internal
 * @module
 */
import { gammaDraw, logDensity, standardNormal, type Distribution } from '../numerics/distributions.js';
import { effectiveSampleSize, splitRHat } from '../numerics/mcmc.js';
import { quantileOfSorted } from '../numerics/quantiles.js';
import { randomStream } from '../numerics/random.js';
import { ensembleSampler } from '../numerics/ensemble-sampler.js';
import type { ParameterInput } from '../model/parameters.js';
import type { FitModel } from './fit-model.js';
import { marginalLogLikelihood, negativeBinomialLogLikelihood, type Likelihood } from './likelihood.js';
import type { FreeFit } from './maximum-likelihood.js';
import { AT_BOUND } from './transform.js';

/** One parameter's posterior in brief. */
export interface PosteriorSummary {
  /** The mean of the draws. */
  readonly mean: number;
  /** The median of the draws. */
  readonly median: number;
  /** The central 95% credible interval (2.5% and 97.5% quantiles of the draws). */
  readonly interval: readonly [number, number];
  /** Rank-normalised split R̂ over the walkers (near 1 when they agree; above 1.05 is not converged). */
  readonly rHat: number;
  /** The bulk effective sample size: how many independent draws the correlated ones are worth. */
  readonly effectiveSampleSize: number;
}

/** Draws from the posterior of a fit (see {@link calibrate}'s `method: 'posterior'`). */
export interface Posterior {
  /** The fitted parameters, in the order of `fit`. */
  readonly names: readonly string[];
  /** One Float64Array per parameter, all of the same length: draw i of every parameter belongs together (they are correlated). */
  readonly draws: Readonly<Record<string, Float64Array>>;
  /** Each draw's scale (measured units per model unit). */
  readonly scale: Float64Array;
  /** Each draw's noise: σ (normal: of the values; lognormal: of their log) or the negative binomial's size k. */
  readonly noise: Float64Array;
  /** The number of draws. */
  readonly count: number;
  /** Mean, median, 95% credible interval, R̂ and effective sample size, per parameter. */
  readonly summary: Readonly<Record<string, PosteriorSummary>>;
  /** The priors used, per parameter. */
  readonly priors: Readonly<Record<string, Distribution>>;
  /** The parameter input the draws complete (held parameters and whole-number choices): pass it as the scenario's parameters. */
  readonly parameters: ParameterInput;
  /** Share of the sampler's proposals accepted (0.2–0.5 is healthy). */
  readonly acceptance: number;
  /** Walkers of the ensemble sampler. */
  readonly walkers: number;
  /** Kept steps per walker (draws = walkers × steps). */
  readonly steps: number;
  /** Sampler steps per walker discarded before the kept ones. */
  readonly burnIn: number;
  /** Sampler steps per kept step. */
  readonly thin: number;
  /** Whether every parameter has R̂ ≤ 1.05 and an effective sample size ≥ 100. */
  readonly converged: boolean;
}

/** What the posterior needs. */
export interface PosteriorProblem {
  readonly model: FitModel;
  readonly best: FreeFit;
  /** Standard errors in the free coordinates at the best fit (Infinity where unknown). */
  readonly freeErrors: readonly number[];
  readonly priors: readonly Distribution[];
  readonly y: readonly number[];
  readonly parameters: ParameterInput;
  readonly draws: number;
  readonly walkers: number;
  readonly burnIn: number;
  readonly thin: number;
  readonly seed: string | number;
}

const SIZE_PRIOR: Distribution = { kind: 'normal', mean: Math.log(10), sd: 2.5 };

/** The log posterior in free coordinates (x: the parameters' coordinates, then log scale and log size for the negative binomial). */
function logPosterior(model: FitModel, likelihood: Likelihood, priors: readonly Distribution[], y: readonly number[]) {
  const p = model.names.length;
  const counts = likelihood.name === 'negative-binomial';
  const u = new Array<number>(p);
  return (x: Float64Array, extras: Float64Array): number => {
    let lp = 0;
    for (let i = 0; i < p; i++) {
      if (!(Math.abs(x[i]!) < AT_BOUND)) return -Infinity;
      u[i] = x[i]!;
    }
    const theta = model.values(u);
    for (let i = 0; i < p; i++) lp += logDensity(priors[i]!, theta[i]!)! + Math.log(model.transforms[i]!.slope(u[i]!));
    if (!(lp > -Infinity)) return -Infinity;
    const m = model.observed(theta);
    if (m === null) return -Infinity;
    if (counts) {
      for (let j = 0; j < y.length; j++) if (!(m[j]! > 0) && y[j]! > 0) return -Infinity;
      return lp + negativeBinomialLogLikelihood(y, m, Math.exp(x[p]!), Math.exp(x[p + 1]!)) + logDensity(SIZE_PRIOR, x[p + 1]!)!;
    }
    const at = likelihood.evaluate(m);
    if (at === null) return -Infinity;
    let rss = 0;
    for (const v of at.r) rss += v * v;
    let mm = 0;
    for (let j = 0; j < m.length; j++) mm += m[j]! * m[j]!;
    extras[0] = at.scale;
    extras[1] = rss;
    extras[2] = mm;
    return lp + marginalLogLikelihood(likelihood, m);
  };
}

/** Walkers started around the best fit, spread by the free standard errors (at most 1), each at a finite density. */
function startingEnsemble(problem: PosteriorProblem, dimensions: number, density: (x: Float64Array, e: Float64Array) => number): Float64Array {
  const { best, freeErrors, walkers } = problem;
  const centre = [...best.u];
  const spread = freeErrors.map((e) => (Number.isFinite(e) && e > 0 ? Math.min(e, 1) : 1));
  if (dimensions > centre.length) {
    centre.push(Math.log(best.at.scale), Math.log(best.likelihood.size));
    spread.push(0.05, 0.3);
  }
  const random = randomStream(problem.seed, 1);
  const out = new Float64Array(walkers * dimensions);
  const scratch = new Float64Array(3);
  for (let w = 0; w < walkers; w++) {
    const x = out.subarray(w * dimensions, (w + 1) * dimensions);
    let shrink = 1;
    for (let attempt = 0; attempt < 60; attempt++) {
      for (let i = 0; i < dimensions; i++) x[i] = centre[i]! + shrink * spread[i]! * standardNormal(random);
      if (density(x, scratch) > -Infinity) break;
      shrink *= 0.8;
      if (attempt === 59) x.set(centre);
    }
  }
  return out;
}

function summarise(values: Float64Array, chains: Float64Array[]): PosteriorSummary {
  const sorted = Float64Array.from(values).sort();
  let mean = 0;
  for (const v of values) mean += v / values.length;
  return {
    mean,
    median: quantileOfSorted(sorted, 0.5),
    interval: [quantileOfSorted(sorted, 0.025), quantileOfSorted(sorted, 0.975)],
    rHat: splitRHat(chains),
    effectiveSampleSize: effectiveSampleSize(chains),
  };
}

/** Sample the posterior of a fit. */
export function samplePosterior(problem: PosteriorProblem): Posterior {
  const { model, best, priors, y, walkers, burnIn } = problem;
  const likelihood = best.likelihood;
  const p = model.names.length;
  const counts = likelihood.name === 'negative-binomial';
  const dimensions = counts ? p + 2 : p;
  const density = logPosterior(model, likelihood, priors, y);
  const steps = Math.ceil(problem.draws / walkers);
  const chain = ensembleSampler({ logDensity: density, dimensions, start: startingEnsemble(problem, dimensions, density), walkers, burnIn, steps, thin: problem.thin, random: randomStream(problem.seed, 0), extras: 3 });
  const count = steps * walkers;
  const column = (i: number): Float64Array => Float64Array.from({ length: count }, (_, k) => chain.chain[k * dimensions + i]!);
  const draws: Record<string, Float64Array> = {};
  const summary: Record<string, PosteriorSummary> = {};
  model.names.forEach((name, i) => {
    const free = column(i);
    const values = free.map((u) => model.transforms[i]!.toValue(u));
    draws[name] = values;
    const chains = Array.from({ length: walkers }, (_, w) => Float64Array.from({ length: steps }, (_, s) => values[s * walkers + w]!));
    summary[name] = summarise(values, chains);
  });
  const { scale, noise } = counts ? { scale: column(p).map(Math.exp), noise: column(p + 1).map(Math.exp) } : scaleDraws(chain.extras, count, y.length, likelihood.name, problem.seed);
  const converged = Object.values(summary).every((s) => s.rHat <= 1.05 && s.effectiveSampleSize >= 100);
  return {
    names: model.names,
    draws,
    scale,
    noise,
    count,
    summary,
    priors: Object.fromEntries(model.names.map((name, i) => [name, priors[i]!])),
    parameters: problem.parameters,
    acceptance: chain.acceptance,
    walkers,
    steps,
    burnIn,
    thin: problem.thin,
    converged,
  };
}

/** Each draw's σ and scale from their conditional given the parameters (extras: best scale, RSS, Σm²). */
function scaleDraws(extras: Float64Array, count: number, n: number, name: string, seed: string | number): { scale: Float64Array; noise: Float64Array } {
  const random = randomStream(seed, 2);
  const scale = new Float64Array(count);
  const noise = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const best = extras[3 * k]!;
    const rss = extras[3 * k + 1]!;
    const mm = extras[3 * k + 2]!;
    const sigma = Math.sqrt(rss / (2 * gammaDraw((n - 1) / 2, random)));
    noise[k] = sigma;
    const z = standardNormal(random);
    scale[k] = name === 'lognormal' ? best * Math.exp((sigma / Math.sqrt(n)) * z) : best + (sigma / Math.sqrt(mm)) * z;
  }
  return { scale, noise };
}

