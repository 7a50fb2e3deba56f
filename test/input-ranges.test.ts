import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError } from 'relationship-equity';
import { finiteAnswer, modelFunction, readRanges } from '../src/numerics/input-ranges.js';
import { caught } from './helpers.js';

describe('readRanges', () => {
  it('turns [low, high] and uniform ranges into a straight line from low to high', () => {
    const [a, b] = readRanges({ a: [2, 6], b: { kind: 'uniform', min: -1, max: 1 } }, 8);
    expect([a!.name, a!.at(0), a!.at(0.25), a!.at(1), a!.bounded]).toEqual(['a', 2, 3, 6, true]);
    expect([b!.at(0), b!.at(0.5), b!.at(1)]).toEqual([-1, 0, 1]);
  });

  it('inverts normal, lognormal and triangular distributions, marking the unbounded ones', () => {
    const [n, l, t] = readRanges(
      { n: { kind: 'normal', mean: 3, sd: 2 }, l: { kind: 'lognormal', mu: 0, sigma: 0.5 }, t: { kind: 'triangular', min: 0, mode: 1, max: 4 } },
      8,
    );
    expect(n!.at(0.5)).toBeCloseTo(3, 12);
    expect(n!.at(0.975)).toBeCloseTo(3 + 2 * 1.959964, 5);
    expect(n!.bounded).toBe(false);
    expect(l!.at(0.5)).toBeCloseTo(1, 12);
    expect(l!.bounded).toBe(false);
    // triangular: the mode sits at probability (mode − min) / (max − min) = 1/4.
    expect(t!.at(0.25)).toBeCloseTo(1, 12);
    expect([t!.at(0), t!.at(1), t!.bounded]).toEqual([0, 4, true]);
    expect(t!.at(0.5)).toBeCloseTo(4 - Math.sqrt(0.5 * 4 * 3), 12);
  });

  it('reads a normal truncated as monteCarlo draws it: the quantile within the kept part, bounded when both ends are', () => {
    const [half, both] = readRanges({ half: { kind: 'normal', mean: 0, sd: 1, min: 0 }, both: { kind: 'normal', mean: 1, sd: 2, min: 0, max: 2 } }, 8);
    // Half a normal above 0: its median is the normal's 75% quantile.
    expect(half!.at(0.5)).toBeCloseTo(0.6744898, 6);
    expect(half!.at(0)).toBe(0);
    expect(half!.bounded).toBe(false);
    expect([both!.at(0), both!.at(0.5), both!.at(1), both!.bounded]).toEqual([0, 1, 2, true]);
  });

  it('refuses bad ranges, naming the input and the field', () => {
    const field = (ranges: unknown) => caught(() => readRanges(ranges, 3), ParameterError).field;
    expect(field({})).toBe('ranges');
    expect(field({ a: [0, 1], b: [0, 1], c: [0, 1], d: [0, 1] })).toBe('ranges');
    expect(field({ a: [1, 1] })).toBe('ranges.a');
    expect(field({ a: [0, 1, 2] })).toBe('ranges.a');
    expect(field({ a: [0, Infinity] })).toBe('ranges.a');
    expect(field({ a: { kind: 'uniform', min: 1, max: 0 } })).toBe('ranges.a.max');
    expect(field({ a: { kind: 'normal', mean: 0, sd: 0 } })).toBe('ranges.a.sd');
    expect(field({ a: { kind: 'normal', mean: 'x', sd: 1 } })).toBe('ranges.a.mean');
    expect(field({ a: { kind: 'lognormal', mu: 0, sigma: -1 } })).toBe('ranges.a.sigma');
    expect(field({ a: { kind: 'triangular', min: 0, mode: 2, max: 1 } })).toBe('ranges.a');
    expect(field({ a: { kind: 'normal', mean: 0, sd: 1, extra: 1 } })).toBe('ranges.a.extra');
    expect(field({ a: { kind: 'beta' } })).toBe('ranges.a.kind');
    expect(field({ a: { kind: 'normal', mean: 0, sd: 1, min: 1, max: 0 } })).toBe('ranges.a.max');
    expect(field({ a: { kind: 'normal', mean: 0, sd: 1, min: 50 } })).toBe('ranges.a');
  });
});

describe('modelFunction and finiteAnswer', () => {
  it('accept a function and a finite number, and refuse anything else with the inputs that gave it', () => {
    const f = () => 1;
    expect(modelFunction(f)).toBe(f);
    expect(caught(() => modelFunction(3), InputTypeError).field).toBe('model');
    expect(finiteAnswer(2.5, { a: 1 })).toBe(2.5);
    expect(caught(() => finiteAnswer(NaN, { a: 1 }), ParameterError).message).toContain('{"a":1}');
    expect(caught(() => finiteAnswer('1', { a: 1 }), ParameterError).field).toBe('model');
  });
});
