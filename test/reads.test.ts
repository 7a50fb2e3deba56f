import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParameterError, schedule, simulate } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

describe('run.mean, run.total and run.monthly', () => {
  const run = simulate({ horizon: '3 years', activity: schedule.reference().pause({ from: '1 year', for: '4 months' }) });

  it('averages every series and totals the flows over [from, to), point by point as the grid holds them', () => {
    let reach = 0;
    let equity = 0;
    for (let i = 100; i < 200; i++) {
      reach += run.reach[i]!;
      equity += run.equity[i]!;
    }
    const read = run.mean(100, 200);
    expectClose(read.equity, equity / 100);
    expectClose(read.reach, reach / 100);
    expectClose(run.total(100, 200).reach, reach);
    expect(run.total(100, 200)).not.toHaveProperty('equity'); // a stock has no total
  });

  it('reads durations as well as days', () => {
    expect(run.mean('1 year', '16 months')).toEqual(run.mean(365.25, 16 * 30.4375));
  });

  it('splits the run into months whose totals add up to the run and whose means carry no event-day spike', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 14, noNaN: true }), fc.constantFrom('1 week', '1 month', '3 months'), fc.constantFrom(0.5, 1, 2), (perWeek, every, step) => {
        const r = simulate({ horizon: '2 years', step: `${step} days`, activity: schedule.weekly(perWeek).withEvents({ every }) });
        const months = r.monthly();
        expect(months[0]!.month).toBe(1);
        const total = months.reduce((s, m) => s + m.total.interest, 0);
        expectClose(total, r.total(0, r.days[r.days.length - 1]! + r.step).interest, 1e-9);
        for (let k = 1; k < months.length; k++) expect(months[k]!.from).toBeCloseTo(months[k - 1]!.to, 9);
      }),
      { numRuns: 12, seed: 5 },
    );
  });

  it('does not alias event days: a steady plan with monthly events has a monthly interest that only rises while equity builds', () => {
    const steady = simulate({ horizon: '2 years', activity: schedule.weekly(3).withEvents({ every: '1 month' }) });
    const months = steady.monthly().slice(0, -1); // the last month is partial
    for (let k = 1; k < months.length; k++) expect(months[k]!.mean.interest).toBeGreaterThanOrEqual(months[k - 1]!.mean.interest * 0.999);
  });

  it('refuses a period outside the run, backwards, or between two grid points', () => {
    expect(caught(() => run.mean(200, 100), ParameterError).field).toBe('to');
    expect(caught(() => run.total(-5, 10), ParameterError).field).toBe('from');
    expect(caught(() => run.mean(0, '10 years'), ParameterError).field).toBe('from');
    const coarse = simulate({ horizon: 30, step: '7 days' });
    expect(caught(() => coarse.mean(1, 2), ParameterError).field).toBe('to');
  });
});
