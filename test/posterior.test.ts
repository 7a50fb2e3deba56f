/**
 * The posterior where it is known exactly: for a model linear in its log with
 * a flat prior, the marginal posterior of the slope is Student's t around the
 * least-squares estimate — the sampler's draws must match its quantiles, and
 * each draw's scale and noise their conditionals. Same seed, same draws.
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import type { FitModel } from '../src/fit/fit-model.js';
import { likelihoodOf } from '../src/fit/likelihood.js';
import { fitFree } from '../src/fit/maximum-likelihood.js';
import { samplePosterior } from '../src/fit/posterior.js';
import { transformFor } from '../src/fit/transform.js';
import { studentQuantile } from '../src/numerics/statistics.js';
import { quantileOfSorted } from '../src/numerics/quantiles.js';
import { simpleRegression } from './helpers.js';

const n = 25;
const x = Float64Array.from({ length: n }, (_, j) => j / (n - 1));
const random = randomStream('posterior-test', 0);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const logY = Array.from(x, (v) => 2 + 0.5 * v + 0.3 * normal());
const y = logY.map(Math.exp);
const transforms = [transformFor([-Infinity, Infinity], 0)];
const path = ([b]: readonly number[]) => Float64Array.from(x, (v) => Math.exp(b! * v));
const model: FitModel = { names: ['b'], transforms, values: (u) => [...u], input: () => ({}), periods: path, observed: path };
const like = likelihoodOf('lognormal', y);
const best = fitFree(model, like, [0], { maxIterations: 100 })!;

const { slope: b, se, mx, my, rss } = simpleRegression(x, logY);

const problem = { model, best, freeErrors: [se], priors: [{ kind: 'uniform' as const, min: -50, max: 50 }], y, parameters: {}, draws: 8000, walkers: 16, burnIn: 300, thin: 2, seed: 'exact' };

describe('samplePosterior', () => {
  const posterior = samplePosterior(problem);

  it('draws the slope from Student’s t(n − 2) around the least-squares estimate', () => {
    const sorted = Float64Array.from(posterior.draws.b!).sort();
    // Monte Carlo error of a quantile: √(p(1 − p)/ESS) over the density there — about 0.03 se in the middle, 0.08 se at the tails here.
    for (const [p, tolerance] of [[0.025, 0.25], [0.25, 0.1], [0.5, 0.1], [0.75, 0.1], [0.975, 0.25]] as const) {
      const expected = b + se * studentQuantile(p, n - 2);
      expect(Math.abs(quantileOfSorted(sorted, p) - expected), `quantile ${p}`).toBeLessThan(tolerance * se);
    }
    expect(posterior.summary.b!.rHat).toBeLessThan(1.05);
    expect(posterior.summary.b!.effectiveSampleSize).toBeGreaterThan(400);
    expect(posterior.converged).toBe(true);
    expect(posterior.count).toBe(8000);
  });

  it('draws each scale and noise from their conditional: σ around the residual spread, the scale around its best value', () => {
    const sigma = Float64Array.from(posterior.noise).sort();
    // σ² | data ~ RSS / χ²(n − 2) marginally over the slope: its median is RSS / median χ²
    expect(quantileOfSorted(sigma, 0.5)).toBeGreaterThan(0.85 * Math.sqrt(rss / (n - 2)));
    expect(quantileOfSorted(sigma, 0.5)).toBeLessThan(1.15 * Math.sqrt(rss / (n - 2)));
    // log scale = intercept: mean of log y − b·x̄ … at b = b̂ it is my − b̂ mx
    const logScale = Float64Array.from(posterior.scale, Math.log);
    const mean = logScale.reduce((s, v) => s + v, 0) / logScale.length;
    expect(Math.abs(mean - (my - b * mx))).toBeLessThan(0.05);
  });

  it('gives the same draws for the same seed and other draws for another', () => {
    const again = samplePosterior({ ...problem, draws: 400 });
    const same = samplePosterior({ ...problem, draws: 400 });
    const other = samplePosterior({ ...problem, draws: 400, seed: 'other' });
    expect(Array.from(again.draws.b!)).toEqual(Array.from(same.draws.b!));
    expect(Array.from(again.scale)).toEqual(Array.from(same.scale));
    expect(Array.from(again.draws.b!)).not.toEqual(Array.from(other.draws.b!));
  });
});
