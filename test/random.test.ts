/**
 * Seeded streams and the fast noise generator: the inline generator continues
 * each stream exactly as calling it would, and the fast normal is accurate.
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import { ParameterError } from 'relationship-equity';
import { draw, validateDistribution } from '../src/numerics/distributions.js';
import { fastNormal, normalCdf, normalFromUniform, normalQuantile } from '../src/numerics/normal.js';
import { lognormalShocks, randomStreamWithState } from '../src/numerics/random.js';
import { caught } from './helpers.js';

describe('randomStreamWithState', () => {
  it('gives the same numbers as randomStream, and a state to continue from', () => {
    const plain = randomStream('state', 3);
    const { random, state } = randomStreamWithState('state', 3);
    for (let i = 0; i < 50; i++) expect(random()).toBe(plain());
    expect(Object.keys(state()).sort()).toEqual(['c', 's0', 's1', 's2']);
  });
});

describe('lognormalShocks', () => {
  it('continues every stream exactly as a call per draw of exp(σ·fastNormal − σ²/2) would, block after block, point-major, for few streams and many', () => {
    const sigma = 0.35;
    const block = 7;
    for (const streams of [5, 1100]) {
      const states = new Float64Array(4 * streams);
      const reference = Array.from({ length: streams }, (_, m) => {
        const stream = randomStreamWithState('shocks', m);
        stream.random(); // a draw of a parameter first, as in a Monte Carlo
        const { c, s0, s1, s2 } = stream.state();
        states.set([c, s0, s1, s2], 4 * m);
        return stream.random;
      });
      const out = new Float64Array(streams * block);
      for (const count of [7, 3, 7]) {
        lognormalShocks(states, streams, count, sigma, out);
        // Point-major: a point's multipliers of every stream side by side; each stream's own draws in order.
        const expected = new Float64Array(streams * count);
        for (let m = 0; m < streams; m++) {
          for (let t = 0; t < count; t++) expected[t * streams + m] = Math.exp(sigma * fastNormal(reference[m]!) - (sigma * sigma) / 2);
        }
        expect(out.subarray(0, streams * count)).toEqual(expected);
      }
    }
  });

  it('has mean one', () => {
    const states = new Float64Array(4);
    const { c, s0, s1, s2 } = randomStreamWithState('mean', 0).state();
    states.set([c, s0, s1, s2]);
    const out = new Float64Array(200_000);
    lognormalShocks(states, 1, out.length, 0.4, out);
    expect(out.reduce((a, b) => a + b, 0) / out.length).toBeCloseTo(1, 2);
  });
});

describe('normalFromUniform', () => {
  it('is within 1.2e-9 (relative) of the normal quantile in the centre and both tails, and odd around 1/2', () => {
    for (const u of [1e-300, 1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.03, 0.2, 0.5, 0.77, 0.97575, 0.98, 0.999, 1 - 1e-12]) {
      const z = normalFromUniform(u);
      const exact = normalQuantile(u);
      expect(Math.abs(z - exact)).toBeLessThanOrEqual(1.2e-9 * Math.max(1, Math.abs(exact)));
    }
    for (const u of [0.001, 0.01, 0.1, 0.3]) expect(normalFromUniform(1 - u)).toBeCloseTo(-normalFromUniform(u), 9);
    expect(Number.isFinite(normalFromUniform(0))).toBe(true);
  });
});

describe('validateDistribution', () => {
  it.each([
    [{ kind: 'uniform', min: 'a', max: 1 }, 'd.min'],
    [{ kind: 'uniform', min: 0, max: NaN }, 'd.max'],
    [{ kind: 'uniform', min: 2, max: 1 }, 'd.max'],
    [{ kind: 'normal', mean: 0, sd: 1, min: 'x' }, 'd.min'],
    [{ kind: 'normal', mean: 0, sd: 1, max: Infinity }, 'd.max'],
    [{ kind: 'normal', mean: 0, sd: 1, min: 3, max: 1 }, 'd.max'],
    [{ kind: 'normal', mean: 0, sd: 1, min: 1, max: 1 }, 'd.max'],
    [{ kind: 'normal', mean: NaN, sd: 1 }, 'd.mean'],
    [{ kind: 'normal', mean: 0, sd: 0 }, 'd.sd'],
    [{ kind: 'lognormal', mu: 'x', sigma: 1 }, 'd.mu'],
    [{ kind: 'lognormal', mu: 0, sigma: -1 }, 'd.sigma'],
    [{ kind: 'beta', alpha: 0, beta: 1 }, 'd.alpha'],
    [{ kind: 'beta', alpha: 1, beta: -2 }, 'd.beta'],
    [{ kind: 'beta', alpha: 1, beta: 1, min: 'x' }, 'd.min'],
    [{ kind: 'beta', alpha: 1, beta: 1, max: NaN }, 'd.max'],
    [{ kind: 'beta', alpha: 1, beta: 1, min: 2, max: 1 }, 'd.max'],
    [{ kind: 'triangular', min: 'x', mode: 1, max: 2 }, 'd.min'],
    [{ kind: 'triangular', min: 0, mode: NaN, max: 2 }, 'd.mode'],
    [{ kind: 'triangular', min: 0, mode: 1, max: 'x' }, 'd.max'],
    [{ kind: 'triangular', min: 1, mode: 0, max: 2 }, 'd.mode'],
    [{ kind: 'triangular', min: 0, mode: 3, max: 2 }, 'd.max'],
    [{ kind: 'choice', values: [] }, 'd.values'],
    [{ kind: 'choice', values: 'abc' }, 'd.values'],
    [{ kind: 'choice', values: [1, 'two'] }, 'd.values[1]'],
    [{ kind: 'choice', values: [1], weights: [1] }, 'd.weights'],
    [{ kind: 'poisson', lambda: 1 }, 'd.kind'],
  ])('%j is refused, naming %s', (spec, field) => {
    const error = caught(() => validateDistribution(spec, 'd'), Error) as Error & { field: string };
    expect(error.field).toBe(field);
  });

  it('names the kinds it knows, and says a one-point truncation is a fixed value', () => {
    expect(caught(() => validateDistribution({ kind: 'poisson' }, 'd'), ParameterError).message).toBe(
      "`d.kind` must be one of 'uniform', 'normal', 'lognormal', 'beta', 'triangular', 'choice', got \"poisson\"",
    );
    expect(caught(() => validateDistribution({ kind: 'normal', mean: 0, sd: 1, min: 1, max: 1 }, 'd'), ParameterError).message).toMatch(/a truncation to one point is a fixed value/);
    expect(caught(() => validateDistribution({ kind: 'uniform', min: 2, max: 1 }, 'd'), ParameterError).message).toMatch(/the bounds are inverted/);
  });

  it('takes equal bounds where they make a fixed value, and fills the defaults', () => {
    expect(validateDistribution({ kind: 'uniform', min: 1, max: 1 }, 'd')).toEqual({ kind: 'uniform', min: 1, max: 1 });
    expect(validateDistribution({ kind: 'normal', mean: 0, sd: 1 }, 'd')).toEqual({ kind: 'normal', mean: 0, sd: 1, min: -Infinity, max: Infinity });
    expect(validateDistribution({ kind: 'beta', alpha: 2, beta: 3 }, 'd')).toEqual({ kind: 'beta', alpha: 2, beta: 3, min: 0, max: 1 });
    expect(validateDistribution({ kind: 'triangular', min: 0, mode: 0, max: 0 }, 'd')).toEqual({ kind: 'triangular', min: 0, mode: 0, max: 0 });
  });
});

describe('draws', () => {
  const sample = (spec: object, n = 20_000) => {
    const random = randomStreamWithState('draws', 0).random;
    const d = validateDistribution(spec, 'd');
    return Array.from({ length: n }, () => draw(d, random));
  };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('have the means of their distributions and stay inside their bounds', () => {
    const u = sample({ kind: 'uniform', min: 2, max: 6 });
    expect(mean(u)).toBeCloseTo(4, 1);
    expect(Math.min(...u) >= 2 && Math.max(...u) <= 6).toBe(true);
    expect(mean(sample({ kind: 'normal', mean: 3, sd: 2 }))).toBeCloseTo(3, 1);
    const truncated = sample({ kind: 'normal', mean: 0, sd: 1, min: 0 });
    expect(Math.min(...truncated)).toBeGreaterThanOrEqual(0);
    expect(mean(truncated)).toBeCloseTo(Math.sqrt(2 / Math.PI), 1); // half-normal
    expect(mean(sample({ kind: 'lognormal', mu: 0, sigma: 0.5 }))).toBeCloseTo(Math.exp(0.125), 1);
    const b = sample({ kind: 'beta', alpha: 2, beta: 6, min: 10, max: 20 });
    expect(mean(b)).toBeCloseTo(10 + (10 * 2) / 8, 0);
    expect(Math.min(...b) >= 10 && Math.max(...b) <= 20).toBe(true);
    expect(mean(sample({ kind: 'triangular', min: 0, mode: 3, max: 6 }))).toBeCloseTo(3, 1);
    expect(mean(sample({ kind: 'triangular', min: 0, mode: 0, max: 3 }))).toBeCloseTo(1, 1);
    expect(new Set(sample({ kind: 'choice', values: [1, 5, 9] }, 300))).toEqual(new Set([1, 5, 9]));
  });
});

describe('normalCdf and normalQuantile', () => {
  it('are inverse to each other, exact at the ends, and match known values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 10);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [1e-10, 0.01, 0.3, 0.5, 0.9, 0.999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
  });
});
