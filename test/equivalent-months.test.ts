import { describe, expect, it } from 'vitest';
import { ParameterError, equivalentMonths, schedule, simulate } from 'relationship-equity';
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

  it('rejects a negative or NaN equity', () => {
    expect(caught(() => equivalentMonths(-1), ParameterError).field).toBe('equity');
    expect(caught(() => equivalentMonths(NaN), ParameterError).field).toBe('equity');
  });
});
