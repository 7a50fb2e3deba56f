/**
 * The verdict on a fit, in words: each failed check gives its own warning
 * with its figures, the fit is inadequate when a residual test, the solver,
 * the scale or the posterior fails — and a parameter at its bound is warned
 * of without making the fit inadequate by itself.
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import { checkFit, type FitToCheck } from '../src/fit/fit-checks.js';
import { likelihoodOf } from '../src/fit/likelihood.js';
import type { FreeFit } from '../src/fit/maximum-likelihood.js';

const n = 120;
const random = randomStream('fit-checks', 0);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const m = Float64Array.from({ length: n }, (_, k) => 50 + 20 * Math.sin(k / 7));
const white = Array.from({ length: n }, () => normal());

/** A fit whose residuals on the log scale are `r`, at scale 3. */
function fitWith(r: readonly number[], converged = true): FreeFit {
  const y = Array.from(m, (v, j) => 3 * v * Math.exp(0.1 * r[j]!));
  const likelihood = likelihoodOf('lognormal', y);
  const at = likelihood.evaluate(m)!;
  return { u: [0], theta: [1], at: { ...at, m }, likelihood, iterations: 17, converged };
}

function check(over: Partial<FitToCheck> & { r?: readonly number[] } = {}) {
  const best = over.best ?? fitWith(over.r ?? white);
  return checkFit({
    model: undefined as never,
    best,
    observations: { observedIndex: Array.from({ length: n }, (_, k) => k) } as never,
    parameters: over.parameters ?? { neglectDecay: { value: 0.002, atBound: false } },
    scale: over.scale ?? { value: 3, closed: [true, true] },
    posterior: over.posterior,
  });
}

describe('checkFit', () => {
  it('passes white residuals with no warning, and reports the three tests', () => {
    const verdict = check();
    expect(verdict.adequate).toBe(true);
    expect(verdict.warnings).toEqual([]);
    expect(verdict.checks.autocorrelation.passed && verdict.checks.drift.passed && verdict.checks.spread.passed).toBe(true);
    expect(verdict.checks.autocorrelation.lags).toBe(10);
  });

  it('says the residuals are autocorrelated, with Q, the lags and p', () => {
    let previous = 0;
    const verdict = check({ r: white.map((e) => (previous = 0.8 * previous + e)) });
    expect(verdict.adequate).toBe(false);
    expect(verdict.warnings.join('\n')).toMatch(/^The residuals are autocorrelated \(Ljung–Box Q = \d+(\.\d+)? over 10 lags, p = \d\.\d\de-\d+\): the model misses a pattern/m);
  });

  it('says the residuals drift, with F and p', () => {
    const verdict = check({ r: white.map((e, k) => e + (k - 60) / 25) });
    expect(verdict.adequate).toBe(false);
    expect(verdict.warnings.some((w) => /^The residuals drift over time \(F = [\d.e+-]+, p = [\d.e+-]+\): the data have a trend or a bend/.test(w))).toBe(true);
  });

  it('says the noise changes with the level, naming the likelihood', () => {
    const verdict = check({ r: white.map((e, k) => e * (m[k]! / 50) ** 4) });
    expect(verdict.adequate).toBe(false);
    expect(verdict.warnings.some((w) => /^The noise changes with the level .*the lognormal likelihood does not describe it/.test(w))).toBe(true);
  });

  it('says a fit did not converge, with its iterations', () => {
    const verdict = check({ best: fitWith(white, false) });
    expect(verdict.adequate).toBe(false);
    expect(verdict.warnings).toEqual(['The fit did not converge in 17 iterations: raise maxIterations, or fit fewer parameters.']);
  });

  it.each([
    [{ value: 0, closed: [true, true] as const }],
    [{ value: 3, closed: [false, true] as const }],
    [{ value: 3, closed: [true, false] as const }],
  ])('says the data do not support a scale: %j', (scale) => {
    const verdict = check({ scale });
    expect(verdict.adequate).toBe(false);
    expect(verdict.warnings).toEqual(['The data do not support a scale (measured units per model unit): the model is flat or zero where the values are measured.']);
  });

  it('says a posterior has not converged, with the largest R̂ and the smallest effective size', () => {
    const summary = (rHat: number, effectiveSampleSize: number) => ({ mean: 0, median: 0, interval: [0, 0] as const, rHat, effectiveSampleSize });
    const posterior = { converged: false, summary: { a: summary(1.2, 800), b: summary(1.01, 42) } } as never;
    const verdict = check({ posterior });
    expect(verdict.adequate).toBe(false);
    expect(verdict.warnings).toEqual(['The posterior has not converged (largest R̂ 1.2, smallest effective sample size 42; wanted ≤ 1.05 and ≥ 100): raise draws or burnIn.']);
    expect(check({ posterior: { converged: true, summary: {} } as never }).adequate).toBe(true);
  });

  it('warns of a parameter at its bound without making the fit inadequate, in readable figures', () => {
    const verdict = check({ parameters: { neglectDecay: { value: 1.4e-16, atBound: true }, 'lag.mean': { value: 2.5e13, atBound: true }, agendaWeight: { value: 0.3, atBound: false } } });
    expect(verdict.adequate).toBe(true);
    expect(verdict.warnings).toEqual([
      'neglectDecay ran to its bound (1.40e-16): the data push it as far as the bounds allow — towards a model without it, or one the bounds exclude.',
      'lag.mean ran to its bound (2.50e+13): the data push it as far as the bounds allow — towards a model without it, or one the bounds exclude.',
    ]);
    const small = check({ parameters: { a: { value: 0, atBound: true }, b: { value: 0.5, atBound: true }, c: { value: 9999, atBound: true }, d: { value: 0.001, atBound: true } } });
    expect(small.warnings.map((w) => /\(([^)]*)\)/.exec(w)![1])).toEqual(['0', '0.5', '10000', '0.001']); // three digits: 9999 reads as 10000
    expect(check({ parameters: { e: { value: 10_000, atBound: true }, f: { value: 0.000999, atBound: true }, g: { value: -20_000, atBound: true } } }).warnings.map((w) => /\(([^)]*)\)/.exec(w)![1])).toEqual(['1.00e+4', '9.99e-4', '-2.00e+4']);
  });
});
