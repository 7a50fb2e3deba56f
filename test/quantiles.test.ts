/**
 * The exact quantiles behind the Monte Carlo bands, through the public API:
 * a Monte Carlo whose runs differ only in a parameter drawn from a `choice`
 * list makes the quantile of each day's values known in closed form.
 */
import { describe, expect, it } from 'vitest';
import { monteCarlo } from 'relationship-equity';

/** Type-7 quantile by sorting. */
function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < sorted.length ? sorted[k]! + (h - k) * (sorted[k + 1]! - sorted[k]!) : sorted[k]!;
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
    for (const day of [0, 1, 30, 60]) {
      const values = result.paths!.equity!.map((path) => path[day]!);
      result.bands.equity!.quantiles.forEach(({ level, values: band }) => expect(band[day]).toBe(quantile(values, level)));
    }
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
    for (const day of [1, 17, 45, 90]) {
      const values = result.paths!.reach!.map((path) => path[day]!);
      result.bands.reach!.quantiles.forEach(({ level, values: band }) => expect(band[day]).toBe(quantile(values, level)));
    }
  });
});
