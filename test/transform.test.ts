/** The fit's unconstrained coordinates: exact round trips, the right slope, and bounds approached but never crossed. */
import { describe, expect, it } from 'vitest';
import { AT_BOUND, atBound, transformFor } from '../src/fit/transform.js';

describe('transformFor', () => {
  const cases: [string, [number, number], number][] = [
    ['positive', [0, Infinity], 0.0015],
    ['bounded below elsewhere', [2, Infinity], 5],
    ['a share', [0, 1], 0.3],
    ['a window', [-3, 7], 1],
    ['unbounded', [-Infinity, Infinity], 4],
  ];

  it.each(cases)('%s: u = 0 at the start (one-sided), round trips, and dθ/du is the slope', (_, bounds, start) => {
    const t = transformFor(bounds, start);
    if (bounds[1] === Infinity && bounds[0] !== -Infinity) expect(t.toFree(start)).toBeCloseTo(0, 12);
    for (const u of [-5, -1, 0, 0.5, 3]) {
      expect(t.toFree(t.toValue(u))).toBeCloseTo(u, 9);
      const h = 1e-6;
      expect(t.slope(u)).toBeCloseTo((t.toValue(u + h) - t.toValue(u - h)) / (2 * h), 6 - Math.max(0, Math.round(Math.log10(Math.abs(t.slope(u)) + 1e-30))));
    }
  });

  it('keeps every value inside its bounds, however far the coordinate runs', () => {
    for (const [, bounds, start] of cases) {
      const t = transformFor(bounds, start);
      for (const u of [-AT_BOUND, -12, 12, AT_BOUND]) {
        const v = t.toValue(u);
        expect(v).toBeGreaterThanOrEqual(bounds[0]);
        expect(v).toBeLessThanOrEqual(bounds[1]);
      }
    }
  });

  it('maps a value at a bound (a start of 0 or 1) to the edge coordinate, not to ±∞', () => {
    expect(transformFor([0, 1], 1).toFree(1)).toBeCloseTo(AT_BOUND, 3);
    expect(transformFor([0, 1], 0).toFree(0)).toBeCloseTo(-AT_BOUND, 3);
    expect(transformFor([0, Infinity], 0).toFree(0)).toBeCloseTo(-AT_BOUND, 9);
    expect(atBound(AT_BOUND)).toBe(true);
    expect(atBound(-AT_BOUND)).toBe(true);
    expect(atBound(AT_BOUND - 1)).toBe(false);
  });
});
