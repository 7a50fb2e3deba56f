/**
 * Compensated summation (numerics/summation.ts): more exact than a plain sum
 * where a plain sum drifts, the same running and at once, and side by side.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCompensated, CompensatedSum, compensatedSum } from '../src/numerics/summation.js';

describe('compensated sums', () => {
  it('add 0.1 ten times to exactly 1, where a plain loop falls short', () => {
    let plain = 0;
    for (let i = 0; i < 10; i++) plain += 0.1;
    expect(plain).not.toBe(1);
    expect(compensatedSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('keep a million small terms on a large total to within an ulp of the exact sum', () => {
    const terms = [1e8, ...Array.from({ length: 1_000_000 }, () => 1e-3)];
    const exact = 1e8 + 1000; // 1e6 × 1e-3, represented closely enough at this size
    let plain = 0;
    for (const t of terms) plain += t;
    expect(Math.abs(plain - exact)).toBeGreaterThan(1e-6);
    expect(Math.abs(compensatedSum(terms) - exact)).toBeLessThanOrEqual(2e-8);
  });

  it('scale every term, and agree whether kept running, at once or side by side', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (values, scale) => {
        const running = new CompensatedSum();
        const sums = new Float64Array(2);
        const corrections = new Float64Array(2);
        for (const v of values) {
          running.add(v * scale);
          addCompensated(sums, corrections, 1, v * scale);
        }
        expect(running.value).toBe(compensatedSum(values, scale));
        expect(sums[1]).toBe(running.value);
        expect(sums[0]).toBe(0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
