import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, swings } from 'relationship-equity';
import { caught } from './helpers.js';

describe('swings', () => {
  it('moves each input alone between the ends of its range, the others at their midpoints, longest swing first', () => {
    const result = swings(({ a, b }) => a + 2 * b, { a: [0, 1], b: [0, 1] });
    expect(result.base).toBe(1.5);
    expect(result.baseInputs).toEqual({ a: 0.5, b: 0.5 });
    expect(result.swings).toEqual([
      { input: 'b', low: 0, high: 1, atLow: 0.5, atHigh: 2.5, swing: 2 },
      { input: 'a', low: 0, high: 1, atLow: 1, atHigh: 2, swing: 1 },
    ]);
    expect(result.evaluations).toBe(5);
  });

  it('holds the others at given base values, and reads a falling answer as a swing all the same', () => {
    const result = swings(({ a, b }) => a * b - 10 * a, { a: [0, 2], b: [0, 4] }, { base: { b: 1 } });
    expect(result.baseInputs).toEqual({ a: 1, b: 1 });
    const a = result.swings.find((s) => s.input === 'a')!;
    expect(a.atLow).toBe(0);
    expect(a.atHigh).toBe(2 - 20);
    expect(a.swing).toBe(18);
  });

  it("reads a distribution between its 5% and 95% quantiles, around its median, and takes other ends when told", () => {
    const result = swings(({ a }) => a, { a: { kind: 'normal', mean: 10, sd: 2 } });
    expect(result.baseInputs.a).toBeCloseTo(10, 12);
    expect(result.swings[0]!.low).toBeCloseTo(10 - 2 * 1.6448536, 6);
    expect(result.swings[0]!.high).toBeCloseTo(10 + 2 * 1.6448536, 6);
    const quartiles = swings(({ a }) => a, { a: [0, 8] }, { ends: [0.25, 0.75] });
    expect([quartiles.swings[0]!.low, quartiles.swings[0]!.high]).toEqual([2, 6]);
  });

  it('refuses bad options, naming them', () => {
    const f = ({ a }: Record<string, number>) => a!;
    expect(caught(() => swings(f, { a: [0, 1] }, { ends: [0.9, 0.1] }), ParameterError).field).toBe('options.ends');
    expect(caught(() => swings(f, { a: [0, 1] }, { base: { b: 1 } }), ParameterError).field).toBe('options.base.b');
    expect(caught(() => swings(f, { a: [0, 1] }, { base: { a: NaN } }), ParameterError).field).toBe('options.base.a');
    expect(caught(() => swings(f, {}), ParameterError).field).toBe('ranges');
    expect(caught(() => swings(() => Infinity, { a: [0, 1] }), ParameterError)).toBeInstanceOf(ParameterError);
  });
});

describe('swings, its options', () => {
  const f = ({ a }: Record<string, number>) => a!;
  it('refuses ends that are not two probabilities in order, naming options.ends', () => {
    for (const ends of [[0.1], [0.1, 0.5, 0.9], [-0.1, 0.5], [0.5, 1.1], ['0', 1], [0.5, 0.5], 'ends']) {
      expect(caught(() => swings(f, { a: [0, 1] }, { ends } as never), ParameterError).field).toBe('options.ends');
    }
  });

  it('names the options and their base, and reads a normal at the ends 0 and 1 at its 0.5% and 99.5% quantiles (as Morris does)', () => {
    expect(caught(() => swings(f, { a: [0, 1] }, { step: 1 } as never), ParameterError).field).toBe('options.step');
    expect(caught(() => swings(f, { a: [0, 1] }, { base: 3 } as never), InputTypeError).field).toBe('options.base');
    expect(caught(() => swings(f, { a: [0, 1] }, { base: { a: '1' } } as never), ParameterError).field).toBe('options.base.a');
    expect(caught(() => swings(f, { a: [0, 1] }, { base: { b: 1 } }), ParameterError).message).toContain('one of the inputs (a)');
    const tails = swings(f, { a: { kind: 'normal', mean: 0, sd: 1 } }, { ends: [0, 1] }).swings[0]!;
    expect(tails.low).toBeCloseTo(-2.5758293, 5);
    expect(tails.high).toBeCloseTo(2.5758293, 5);
    const truncated = swings(f, { a: { kind: 'normal', mean: 0, sd: 1, min: 0, max: 1 } }).swings[0]!;
    // A normal truncated to [0, 1] is bounded: read at its ends.
    expect(truncated.low).toBe(0);
    expect(truncated.high).toBeCloseTo(1, 12);
    const bounded = swings(f, { a: [2, 4] }, { ends: [0, 1] }).swings[0]!;
    expect([bounded.low, bounded.high]).toEqual([2, 4]);
  });
});
