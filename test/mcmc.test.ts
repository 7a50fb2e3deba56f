/**
 * Convergence figures of Markov chains: R̂ near 1 for chains that agree and
 * far above it for chains that do not; the effective sample size near the
 * number of draws for independent ones and near n/τ for an AR(1) chain with
 * integrated autocorrelation time τ = (1 + φ)/(1 − φ).
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import { effectiveSampleSize, splitRHat } from '../src/numerics/mcmc.js';

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function ar1(chains: number, n: number, phi: number, seed: string, shift = (_c: number) => 0): Float64Array[] {
  return Array.from({ length: chains }, (_, c) => {
    const random = randomStream(seed, c);
    const out = new Float64Array(n);
    let x = normal(random) / Math.sqrt(1 - phi * phi);
    for (let t = 0; t < n; t++) {
      x = phi * x + normal(random);
      out[t] = x + shift(c);
    }
    return out;
  });
}

describe('splitRHat and effectiveSampleSize', () => {
  it('independent draws: R̂ within 1% of 1, effective size within 10% of the draws', () => {
    const chains = ar1(8, 1000, 0, 'iid');
    expect(Math.abs(splitRHat(chains) - 1)).toBeLessThan(0.01);
    expect(Math.abs(effectiveSampleSize(chains) / 8000 - 1)).toBeLessThan(0.1);
  });

  it('an AR(1) chain with φ = 0.8: effective size near n/τ with τ = 9', () => {
    const chains = ar1(8, 4000, 0.8, 'ar');
    expect(Math.abs(effectiveSampleSize(chains) / (32000 / 9) - 1)).toBeLessThan(0.15);
    expect(splitRHat(chains)).toBeLessThan(1.01);
  });

  it('chains stuck in different places, or drifting within themselves, give an R̂ well above 1', () => {
    expect(splitRHat(ar1(4, 500, 0.5, 'apart', (c) => 2 * c))).toBeGreaterThan(1.5);
    const drifting = ar1(4, 500, 0.5, 'drift').map((c) => c.map((v, t) => v + t / 50));
    expect(splitRHat(drifting)).toBeGreaterThan(1.2);
  });

  it('a chain whose spread differs between chains is caught by the folded (tail) figure', () => {
    const chains = ar1(4, 1000, 0, 'spread').map((c, i) => c.map((v) => v * (i === 0 ? 4 : 1)));
    expect(splitRHat(chains)).toBeGreaterThan(1.05);
  });
});
