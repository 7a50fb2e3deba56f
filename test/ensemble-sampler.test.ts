/**
 * The ensemble sampler against targets whose answers are known: a correlated
 * Gaussian (means, variances and the correlation within Monte Carlo error), a
 * bounded target it must never leave, and the same seed giving the same chain.
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import { ensembleSampler } from '../src/numerics/ensemble-sampler.js';

/** A Gaussian with means (1, −2), sds (1, 3) and correlation 0.9. */
function gaussian(x: Float64Array): number {
  const a = x[0]! - 1;
  const b = (x[1]! + 2) / 3;
  const rho = 0.9;
  return (-0.5 * (a * a - 2 * rho * a * b + b * b)) / (1 - rho * rho);
}

function moments(chain: Float64Array, d: number, i: number, j: number) {
  const n = chain.length / d;
  let mi = 0;
  let mj = 0;
  for (let k = 0; k < n; k++) {
    mi += chain[k * d + i]! / n;
    mj += chain[k * d + j]! / n;
  }
  let vi = 0;
  let vj = 0;
  let c = 0;
  for (let k = 0; k < n; k++) {
    vi += (chain[k * d + i]! - mi) ** 2 / n;
    vj += (chain[k * d + j]! - mj) ** 2 / n;
    c += ((chain[k * d + i]! - mi) * (chain[k * d + j]! - mj)) / n;
  }
  return { mi, mj, si: Math.sqrt(vi), sj: Math.sqrt(vj), rho: c / Math.sqrt(vi * vj) };
}

const start = (walkers: number, d: number) => Float64Array.from({ length: walkers * d }, (_, k) => 0.01 * Math.sin(k + 1));

describe('ensembleSampler', () => {
  it('draws a correlated Gaussian: means, spreads and the correlation within a few Monte Carlo errors', () => {
    const run = ensembleSampler({ logDensity: gaussian, dimensions: 2, start: start(16, 2), walkers: 16, burnIn: 500, steps: 2000, random: randomStream('gauss', 0) });
    const m = moments(run.chain, 2, 0, 1);
    expect(m.mi).toBeCloseTo(1, 1);
    expect(m.mj).toBeCloseTo(-2, 0);
    expect(Math.abs(m.si - 1)).toBeLessThan(0.06);
    expect(Math.abs(m.sj - 3)).toBeLessThan(0.18);
    expect(Math.abs(m.rho - 0.9)).toBeLessThan(0.02);
    expect(run.acceptance).toBeGreaterThan(0.2);
    expect(run.acceptance).toBeLessThan(0.8);
  });

  it('the stretch move alone and the differential-evolution move alone both leave the target invariant', () => {
    for (const differential of [0, 1]) {
      const run = ensembleSampler({ logDensity: gaussian, dimensions: 2, start: start(16, 2), walkers: 16, burnIn: 500, steps: 2000, random: randomStream('moves', differential), differential });
      const m = moments(run.chain, 2, 0, 1);
      expect(Math.abs(m.mi - 1)).toBeLessThan(0.15);
      expect(Math.abs(m.si - 1)).toBeLessThan(0.1);
      expect(Math.abs(m.rho - 0.9)).toBeLessThan(0.03);
    }
  });

  it('never leaves the support of its density', () => {
    const box = (x: Float64Array): number => (x[0]! > 0 && x[0]! < 1 && x[1]! > 0 && x[1]! < 1 ? 0 : -Infinity);
    const run = ensembleSampler({ logDensity: box, dimensions: 2, start: Float64Array.from({ length: 16 }, (_, k) => 0.3 + 0.04 * k / 2), walkers: 8, burnIn: 50, steps: 500, random: randomStream('box', 0) });
    expect(run.chain.every((v) => v > 0 && v < 1)).toBe(true);
    // and it spreads over the whole box: the mean of a uniform is ½, its sd 1/√12
    const m = moments(run.chain, 2, 0, 1);
    expect(Math.abs(m.mi - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(m.si - 1 / Math.sqrt(12))).toBeLessThan(0.03);
  });

  it('keeps every thin-th step, with the extras its density wrote for the kept states, and the same seed gives the same chain', () => {
    const problem = {
      logDensity: (x: Float64Array, extras: Float64Array) => {
        extras[0] = x[0]! * 10;
        return gaussian(x);
      },
      dimensions: 2,
      start: start(8, 2),
      walkers: 8,
      burnIn: 10,
      steps: 30,
      thin: 3,
      extras: 1,
    };
    const a = ensembleSampler({ ...problem, random: randomStream('same', 0) });
    const b = ensembleSampler({ ...problem, random: randomStream('same', 0) });
    const c = ensembleSampler({ ...problem, random: randomStream('other', 0) });
    expect(a.chain.length).toBe(30 * 8 * 2);
    expect(a.extras.length).toBe(30 * 8);
    for (let k = 0; k < 30 * 8; k++) expect(a.extras[k]).toBeCloseTo(a.chain[2 * k]! * 10, 12);
    expect(Array.from(a.chain)).toEqual(Array.from(b.chain));
    expect(Array.from(a.chain)).not.toEqual(Array.from(c.chain));
    a.logDensity.forEach((lp, k) => expect(lp).toBeCloseTo(gaussian(a.chain.subarray(2 * k, 2 * k + 2)), 12));
  });
});
