/**
 * Seeded streams and the fast noise generator: the inline generator continues
 * each stream exactly as calling it would, and the fast normal is accurate.
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import { fastNormal, lognormalShocks, normalFromUniform, normalQuantile, randomStreamWithState } from '../src/random.js';

describe('randomStreamWithState', () => {
  it('gives the same numbers as randomStream, and a state to continue from', () => {
    const plain = randomStream('state', 3);
    const { random, state } = randomStreamWithState('state', 3);
    for (let i = 0; i < 50; i++) expect(random()).toBe(plain());
    expect(Object.keys(state()).sort()).toEqual(['c', 's0', 's1', 's2']);
  });
});

describe('lognormalShocks', () => {
  it('continues every stream exactly as a call per draw of exp(σ·fastNormal − σ²/2) would, block after block', () => {
    const sigma = 0.35;
    const streams = 5;
    const block = 7;
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
      lognormalShocks(states, streams, count, sigma, out, block);
      for (let m = 0; m < streams; m++) {
        for (let t = 0; t < count; t++) expect(out[m * block + t]).toBe(Math.exp(sigma * fastNormal(reference[m]!) - (sigma * sigma) / 2));
      }
    }
  });

  it('has mean one', () => {
    const states = new Float64Array(4);
    const { c, s0, s1, s2 } = randomStreamWithState('mean', 0).state();
    states.set([c, s0, s1, s2]);
    const out = new Float64Array(200_000);
    lognormalShocks(states, 1, out.length, 0.4, out, out.length);
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
