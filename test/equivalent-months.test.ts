import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, ParameterError, equivalentMonths, schedule, simulate } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

describe('equivalentMonths', () => {
  it('gives back the months of a reference run', () => {
    for (const months of [3, 12, 18, 40]) {
      const run = simulate({ horizon: months * 30.4375 });
      expectClose(equivalentMonths(run.final.equity), run.final.day / 30.4375, 1e-9);
    }
  });

  it('is 0 for no equity and grows with equity', () => {
    expect(equivalentMonths(0)).toBe(0);
    expect(equivalentMonths(50)).toBeLessThan(equivalentMonths(100));
  });

  it('is Infinity for equity the reference effort never builds', () => {
    expect(equivalentMonths(1e9, { limit: '20 years' })).toBe(Infinity);
  });

  it('measures against the reference effort it is given', () => {
    const daily = schedule.daily(1).withEvents({ every: '1 month' });
    expect(equivalentMonths(100, { activity: daily })).toBeLessThan(equivalentMonths(100));
  });

  it('interpolates between grid points, and a value on a grid point gives that day', () => {
    const run = simulate({ horizon: 30 });
    expectClose(equivalentMonths(run.equity[10]!), 10 / 30.4375, 1e-12);
    expectClose(equivalentMonths((run.equity[10]! + run.equity[11]!) / 2), 10.5 / 30.4375, 1e-9);
    expectClose(equivalentMonths(run.equity[10]! * 0.75 + run.equity[11]! * 0.25), 10.25 / 30.4375, 1e-9);
  });

  it('keeps looking past its first five years, up to the limit', () => {
    const long = simulate({ horizon: '8 years' });
    const at7 = long.equity[Math.round(7 * 365.25)]!;
    expect(at7).toBeGreaterThan(long.equity[Math.round(5 * 365.25)]!);
    expectClose(equivalentMonths(at7), Math.round(7 * 365.25) / 30.4375, 1e-6);
    expect(equivalentMonths(at7, { limit: '6 years' })).toBe(Infinity);
    expectClose(equivalentMonths(at7, { limit: '2587 days' }), Math.round(7 * 365.25) / 30.4375, 1e-6);
  });

  it('uses the step and parameters it is given', () => {
    const coarse = simulate({ horizon: 60, step: 2 });
    expectClose(equivalentMonths(coarse.equity[10]!, { step: 2 }), 20 / 30.4375, 1e-12);
    const parameters = { neglectDecay: 0.01, activeDecay: 0.002 };
    const decaying = simulate({ horizon: 60, parameters });
    expectClose(equivalentMonths(decaying.equity[40]!, { parameters }), 40 / 30.4375, 1e-12);
  });

  it.each([
    ['options not an object', () => equivalentMonths(1, 'monthly' as never), InputTypeError, 'options'],
    ['an unknown option', () => equivalentMonths(1, { limt: 5 } as never), ParameterError, 'options.limt'],
    ['a limit of zero', () => equivalentMonths(1, { limit: 0 }), ParameterError, 'options.limit'],
    ['an unreadable limit', () => equivalentMonths(1, { limit: 'forever' }), DurationError, 'options.limit'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('rejects a negative or NaN equity', () => {
    expect(caught(() => equivalentMonths(-1), ParameterError).field).toBe('equity');
    expect(caught(() => equivalentMonths(NaN), ParameterError).field).toBe('equity');
  });
});
