import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, account, crossover, schedule, simulate } from 'relationship-equity';
import type { Simulation } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

/** A stand-in for a run: only days, step and the series crossover reads. */
function runOf(values: number[], step = 1): Simulation {
  const days = Float64Array.from(values, (_, i) => i * step);
  const series = Float64Array.from(values);
  const zero = new Float64Array(values.length);
  return { days, step, equity: series, inflow: zero, reach: series, agenda: zero, momentum: zero, interest: series } as unknown as Simulation;
}

describe('crossover', () => {
  const steady = simulate({ horizon: '4 years' });
  const late = simulate({ horizon: '4 years', activity: schedule.reference().pause({ from: 0, for: '6 months' }).change({ at: '6 months', postsPerWeek: 7 }) });

  it('finds when starting late but posting daily catches up with the steady plan, on the line between two grid points', () => {
    const c = crossover(late, steady)!;
    expect(c).not.toBeNull();
    const i = Math.floor(c.day);
    expect(late.equity[i]! - steady.equity[i]!).toBeLessThan(0);
    expect(late.equity[i + 1]! - steady.equity[i + 1]!).toBeGreaterThanOrEqual(0);
    expectClose(c.months, c.day / 30.4375);
    expect(c.partedOn).toBeLessThan(c.day);
  });

  it('interpolates exactly on straight lines', () => {
    expect(crossover(runOf([0, 1, 2, 3, 4]), runOf([0, 3, 3, 3, 3]))).toEqual({ day: 3, months: 3 / 30.4375, partedOn: 1 });
    expect(crossover(runOf([0, 0, 4], 2), runOf([0, 2, 2], 2))!.day).toBe(3);
  });

  it('answers null when A is never behind, or never catches up within the runs', () => {
    expect(crossover(steady, steady)).toBeNull();
    expect(crossover(steady, late)).toBeNull(); // steady falls behind the daily plan and stays behind
    expect(crossover(runOf([1, 0, 0]), runOf([1, 1, 1]))).toBeNull();
  });

  it('compares flows by monthly means, so an event day does not cross early', () => {
    const c = crossover(late, steady, { series: 'interest' })!;
    expect((c.day / 30.4375) % 1).toBeCloseTo(0, 9); // a month's first day
    const byPoint = crossover(late, steady, { series: 'interest', by: 'point' })!;
    expect(Math.abs(byPoint.months - c.months)).toBeLessThan(2);
  });

  it('refuses runs on different grids or in different units, and unknown series', () => {
    expect(caught(() => crossover(steady, simulate({ horizon: '3 years' })), ParameterError).field).toBe('b.days');
    const ours = account({ name: 'ours', scale: { interest: 2 } });
    expect(caught(() => crossover(steady, simulate({ horizon: '4 years', account: ours })), ParameterError).field).toBe('b.account');
    expect(caught(() => crossover(steady, late, { series: 'leads' as never }), ParameterError).field).toBe('options.series');
    expect(caught(() => crossover(steady, late, { by: 'week' as never }), ParameterError).field).toBe('options.by');
    caught(() => crossover(null as never, late), InputTypeError);
  });
});
