/**
 * Profile-likelihood intervals where the answer is exact: for a model that is
 * linear in its log (log y = a + b·x + ε), the profile interval of b with the
 * t cut is the textbook least-squares interval b̂ ± t(0.975, n − 2)·se(b̂); and
 * an interval the data cannot close runs open to the bound.
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import type { FitModel } from '../src/fit/fit-model.js';
import { likelihoodOf } from '../src/fit/likelihood.js';
import { fitFree } from '../src/fit/maximum-likelihood.js';
import { profileCut, profileInterval } from '../src/fit/profile.js';
import { transformFor, type Transform } from '../src/fit/transform.js';
import { studentQuantile } from '../src/numerics/statistics.js';
import { simpleRegression } from './helpers.js';

function fakeModel(transforms: Transform[], path: (theta: readonly number[]) => Float64Array): FitModel {
  return {
    names: transforms.map((_, i) => `p${i}`),
    transforms,
    values: (u) => u.map((v, i) => transforms[i]!.toValue(v)),
    input: () => ({}),
    periods: path,
    observed: path,
  };
}

const n = 30;
const x = Float64Array.from({ length: n }, (_, j) => j / (n - 1));
const random = randomStream('profile', 0);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

describe('profileInterval', () => {
  it('is the exact least-squares interval for a model linear in its log', () => {
    const logY = Array.from(x, (v) => 1 + 0.7 * v + 0.2 * normal());
    const y = logY.map(Math.exp);
    const model = fakeModel([transformFor([-Infinity, Infinity], 0)], ([b]) => Float64Array.from(x, (v) => Math.exp(b! * v)));
    const like = likelihoodOf('lognormal', y);
    const best = fitFree(model, like, [0], { maxIterations: 100 })!;
    const { slope: b, se } = simpleRegression(x, logY); // ordinary least squares of log y on x
    const t = studentQuantile(0.975, n - 2);
    expect(best.theta[0]).toBeCloseTo(b, 6);
    const { interval, closed } = profileInterval(model, best, 0, se, profileCut('lognormal', n, 2));
    expect(closed).toEqual([true, true]);
    // read to 1% of the cut: the ends within 1% of the half-width
    expect(Math.abs(interval[0] - (b - t * se))).toBeLessThan(0.01 * t * se);
    expect(Math.abs(interval[1] - (b + t * se))).toBeLessThan(0.01 * t * se);
  });

  it('runs open to a bound the data cannot exclude, and closes on the other side', () => {
    // y depends on c only through 1 − e^{−c}: large c are all alike.
    const model = fakeModel([transformFor([0, Infinity], 1)], ([c]) => Float64Array.from(x, (v) => 1 + v * (1 - Math.exp(-c!))));
    const y = Array.from(x, (v) => (1 + v * (1 - Math.exp(-3))) * Math.exp(0.05 * normal()));
    const like = likelihoodOf('lognormal', y);
    const best = fitFree(model, like, [0], { maxIterations: 100 })!;
    const { interval, closed } = profileInterval(model, best, 0, 1, profileCut('lognormal', n, 2));
    expect(closed).toEqual([true, false]);
    expect(interval[1]).toBe(Infinity);
    expect(interval[0]).toBeGreaterThan(0);
    expect(interval[0]).toBeLessThan(best.theta[0]!);
  });

  it('uses the χ² cut for the negative binomial and the t cut otherwise', () => {
    expect(profileCut('negative-binomial', 50, 2).root).toBeCloseTo(1.959964, 5);
    expect(profileCut('normal', 12, 2).root).toBeCloseTo(studentQuantile(0.975, 10), 12);
    // the t statistic: (n − p)(RSS ratio − 1) from a drop in log-likelihood of n/2 · log(RSS ratio)
    const cut = profileCut('lognormal', 40, 3);
    expect(cut.statistic((40 / 2) * Math.log(1.1))).toBeCloseTo(37 * 0.1, 10);
  });
});
