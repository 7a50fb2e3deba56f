/**
 * The special functions behind the kernels' weights, against closed forms:
 * Γ at known points, the incomplete gamma functions where they have an
 * elementary form (integer shape), in both of their regimes and far tails,
 * and R's rounding.
 */
import { describe, expect, it } from 'vitest';
import { gammaMass, gammaP, gammaQ, logGamma, quantileOfOneToN, roundHalfEven } from '../src/numerics/special.js';
import { expectClose } from './helpers.js';

describe('logGamma', () => {
  it.each([
    [0.25, Math.log(3.6256099082219083119)], // below 1/2: by reflection
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [10.5, Math.log(1133278.3889487855)],
    [100, 359.13420536957539878],
  ])('ln Γ(%d)', (x, expected) => expectClose(logGamma(x), expected, 1e-13));
});

/** P(n, x) for a whole shape n: 1 − e^{−x} Σ_{k<n} x^k / k!. */
function closedP(n: number, x: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += term;
    term *= x / (k + 1);
  }
  return 1 - Math.exp(-x) * sum;
}

describe('gammaP and gammaQ', () => {
  it.each([
    [1, 0.5],
    [1, 1.999],
    [1, 2],
    [1, 3],
    [3, 0.1],
    [3, 3.999],
    [3, 4],
    [3, 12],
    [6, 5],
    [6, 30],
  ])('match the closed form at shape %d, x = %d, on both sides of x = a + 1', (a, x) => {
    expectClose(gammaP(a, x), closedP(a, x), 1e-13);
    expectClose(gammaQ(a, x), 1 - closedP(a, x), 1e-13);
  });

  it('keep relative accuracy far in the upper tail, where 1 − P would be 0', () => {
    const q = gammaQ(2, 50); // e^{−50}(1 + 50)
    expect(Math.abs(q / (Math.exp(-50) * 51) - 1)).toBeLessThan(1e-12);
    const small = 1 - gammaP(2, 0.001); // lower regime: Q = 1 − P
    expectClose(gammaQ(2, 0.001), small, 1e-15);
  });

  it('are 0 and 1 at the ends, and below zero', () => {
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaP(2, -1)).toBe(0);
    expect(gammaP(2, Infinity)).toBe(1);
    expect(gammaQ(2, 0)).toBe(1);
    expect(gammaQ(2, -1)).toBe(1);
    expect(gammaQ(2, Infinity)).toBe(0);
  });
});

describe('gammaMass', () => {
  it('is P(hi) − P(lo) in the body and Q(lo) − Q(hi) in the upper tail, accurately', () => {
    expectClose(gammaMass(3, 1, 2), closedP(3, 2) - closedP(3, 1), 1e-14);
    const tail = gammaMass(2, 40, 41); // both ends far out: e^{−40}·41 − e^{−41}·42
    expect(Math.abs(tail / (Math.exp(-40) * 41 - Math.exp(-41) * 42) - 1)).toBeLessThan(1e-10);
  });
});

describe('R rounding and quantiles', () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [2.4, 2],
    [2.6, 3],
    [-0.5, 0],
    [-1.5, -2],
    [7, 7],
  ])('roundHalfEven(%d) is %d', (x, expected) => expect(roundHalfEven(x)).toBe(expected));

  it('quantile(1:n, p) is 1 + p(n − 1)', () => {
    expect(quantileOfOneToN(10, 0)).toBe(1);
    expect(quantileOfOneToN(10, 1)).toBe(10);
    expect(quantileOfOneToN(5, 0.3)).toBeCloseTo(2.2, 14);
  });
});
