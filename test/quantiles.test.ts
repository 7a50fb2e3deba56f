/**
 * The exact quantiles behind the Monte Carlo bands: through the public API
 * (a Monte Carlo whose runs differ only in a parameter drawn from a `choice`
 * list makes the quantile of each day's values known in closed form), and the
 * internal selection on large samples against sorting.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarlo, type MonteCarloResult } from 'relationship-equity';
import { QuantileFinder } from '../src/numerics/quantiles.js';

/** The quantiles of one sample at `levels`, by a finder made for it. */
function quantilesOf(values: Float64Array, levels: readonly number[], out: Float64Array): void {
  new QuantileFinder(values.length, levels).find(values, out);
}

/** Type-7 quantile by sorting. */
function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  return h > k ? sorted[k]! + (h - k) * (sorted[k + 1]! - sorted[k]!) : sorted[k]!;
}

/** Each band's quantile on each of `days` is the type-7 quantile of the runs' kept paths that day. */
function expectBandsFromPaths(result: MonteCarloResult, series: 'equity' | 'reach', days: readonly number[]): void {
  for (const day of days) {
    const values = result.paths![series]!.map((path) => path[day]!);
    result.bands[series]!.quantiles.forEach(({ level, values: band }) => expect(band[day]).toBe(quantile(values, level)));
  }
}

describe('quantiles of the bands', () => {
  it.each([1, 2, 3, 7, 10, 64])('are the type-7 quantiles of %d runs, including repeated values and the extremes', (runs) => {
    const result = monteCarlo({
      runs,
      seed: `q${runs}`,
      scenario: { horizon: 60 },
      uncertain: { eventWeight: { kind: 'choice', values: [0, 1, 1, 2, 5] } },
      levels: [0, 0.1, 0.25, 0.5, 0.77, 1],
      series: ['equity'],
      keepPaths: true,
    });
    expectBandsFromPaths(result, 'equity', [0, 1, 30, 60]);
  });
});

describe('quantiles of many runs', () => {
  it('match sorting for 1,500 noisy runs at every requested level', () => {
    const result = monteCarlo({
      runs: 1500,
      seed: 'many',
      scenario: { horizon: 90 },
      noise: { reach: 0.4 },
      uncertain: { eventWeight: { kind: 'uniform', min: 0, max: 4 } },
      levels: [0.01, 0.05, 0.25, 0.5, 0.5, 0.75, 0.95, 0.999],
      series: ['reach'],
      keepPaths: true,
    });
    expectBandsFromPaths(result, 'reach', [1, 17, 45, 90]);
  });
});

describe('quantiles of large samples (counted into bins)', () => {
  const sorted = (values: Float64Array, levels: readonly number[]): number[] => levels.map((p) => quantile(Array.from(values), p));
  const check = (values: Float64Array, levels: readonly number[]): void => {
    const expected = sorted(values, levels);
    const out = new Float64Array(levels.length);
    const copy = Float64Array.from(values);
    quantilesOf(copy, levels, out);
    expected.forEach((q, i) => expect(Object.is(out[i], q), `level ${levels[i]}: ${out[i]} vs ${q}`).toBe(true));
    expect(copy).toEqual(values); // the sample is left as it was
  };
  const levels = fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }).map((l) => l.sort((a, b) => a - b));

  it('equal sorting for smooth, tied, skewed and outlying samples of 128 to 3,000 values', () => {
    const sample = fc.oneof(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 128, maxLength: 3000 }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 128, maxLength: 3000 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 128, maxLength: 3000 }).map((xs) => xs.map((x) => Math.exp(20 * x))),
      fc
        .tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 128, maxLength: 3000 }), fc.double({ min: 1e100, max: 1e300, noNaN: true }))
        .map(([xs, outlier]) => [...xs, outlier, -outlier]),
    );
    fc.assert(fc.property(sample, levels, (xs, ls) => check(Float64Array.from(xs), ls)), { numRuns: 200, seed: 7 });
  });

  it('handle a sample of one repeated value, and infinite values, by partitioning instead', () => {
    check(new Float64Array(2000).fill(4.5), [0, 0.3, 1]);
    const withInfinity = Float64Array.from({ length: 2000 }, (_, i) => (i === 7 ? Infinity : i === 9 ? -Infinity : Math.sin(i)));
    check(withInfinity, [0, 0.001, 0.5, 0.999, 1]);
  });

  it('find ranks that fall in the same bin, and in the first and last bins', () => {
    // 1,500 values packed near 0 and a single large one: almost all share the first bin.
    const packed = Float64Array.from({ length: 1501 }, (_, i) => (i === 1500 ? 1e9 : i * 1e-9));
    check(packed, [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]);
  });
});

describe('quantiles of small samples (partitioned)', () => {
  it('equal sorting for 1 to 127 values, with ties, at any levels', () => {
    const sample = fc.oneof(
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 127 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 127 }),
    );
    const levels = fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }).map((l) => l.sort((a, b) => a - b));
    fc.assert(
      fc.property(sample, levels, (xs, ls) => {
        const out = new Float64Array(ls.length);
        quantilesOf(Float64Array.from(xs), ls, out);
        ls.forEach((p, i) => expect(out[i]).toBe(quantile(xs, p)));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('QuantileFinder', () => {
  const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
  const smooth = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 10 + i / n);

  it('counts into bins from 128 values on, partitions below, and answers a constant sample at once', () => {
    const out = new Float64Array(levels.length);
    const large = new QuantileFinder(128, levels);
    large.find(smooth(128), out);
    expect(large.method).toBe('counted');
    large.find(new Float64Array(128).fill(3), out);
    expect(large.method).toBe('constant');
    expect(Array.from(out)).toEqual([3, 3, 3, 3, 3]);
    const small = new QuantileFinder(127, levels);
    small.find(smooth(127), out);
    expect(small.method).toBe('partitioned');
  });

  it('counts samples of any size, up to 300,000 values, exactly', () => {
    for (const n of [1024, 5000, 40_000, 300_000]) {
      const finder = new QuantileFinder(n, levels);
      const values = smooth(n);
      const out = new Float64Array(levels.length);
      finder.find(values, out);
      expect(finder.method).toBe('counted');
      expect(Array.from(out)).toEqual(levels.map((p) => quantile(Array.from(values), p)));
    }
  });

  it('partitions a sample with NaN or an infinite value rather than counting it', () => {
    const out = new Float64Array(levels.length);
    const finder = new QuantileFinder(2000, levels);
    const values = smooth(2000);
    values[10] = Infinity;
    finder.find(values, out);
    expect(finder.method).toBe('partitioned');
    expect(Array.from(out)).toEqual(levels.map((p) => quantile(Array.from(values), p)));
    values[10] = NaN;
    finder.find(values, out);
    expect(finder.method).toBe('partitioned');
  });

  it('uses the range it is given, and finds the same quantiles as without it', () => {
    const values = smooth(3000);
    const finder = new QuantileFinder(3000, levels);
    const without = new Float64Array(levels.length);
    const given = new Float64Array(levels.length);
    finder.find(values, without);
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
    finder.find(values, given, { min, max });
    expect(finder.method).toBe('counted');
    expect(Array.from(given)).toEqual(Array.from(without));
    // A range saying "one value throughout" is believed.
    finder.find(values, given, { min: 2, max: 2 });
    expect(finder.method).toBe('constant');
    expect(given[0]).toBe(2);
  });
});
