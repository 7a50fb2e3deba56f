import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, account, crossover, schedule, simulate } from 'relationship-equity';
import type { Simulation } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

/** A stand-in for a run: only days, step and the series crossover reads. */
function runOf(values: number[], step = 1, first = 0): Simulation {
  const days = Float64Array.from(values, (_, i) => first + i * step);
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

  it('counts parting from the first point, months from the runs\' first day, and ignores differences of rounding', () => {
    expect(crossover(runOf([0, 2, 4]), runOf([1, 2, 2]))).toEqual({ day: 1, months: 1 / 30.4375, partedOn: 0 });
    expect(crossover(runOf([0, 2, 4], 1, 100), runOf([1, 2, 2], 1, 100))).toEqual({ day: 101, months: 1 / 30.4375, partedOn: 100 });
    expect(crossover(runOf([1 - 1e-12, 0, 5]), runOf([1, 1, 1]))).toEqual({ day: 1 + 1 / 5, months: 1.2 / 30.4375, partedOn: 1 });
  });

  it('compares every flow by months unless told, and stocks by points', () => {
    for (const series of ['inflow', 'reach', 'interest'] as const) {
      const c = crossover(late, steady, { series });
      if (c !== null) expect((c.day / 30.4375) % 1, series).toBeCloseTo(0, 9);
    }
    const byMonth = crossover(late, steady, { series: 'equity', by: 'month' })!;
    expect((byMonth.day / 30.4375) % 1).toBeCloseTo(0, 9);
    expect(crossover(late, steady, { series: 'equity' })!.day).not.toBeCloseTo(byMonth.day, 3);
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
    expect(caught(() => crossover(runOf([0, 1, 2], 1), runOf([0, 1, 2], 2)), ParameterError).field).toBe('b.days');
    expect(caught(() => crossover(runOf([0, 1, 2], 1, 0), runOf([0, 1, 2], 1, 5)), ParameterError).field).toBe('b.days');
    const twice = account({ name: 'ours', scale: { interest: 2 } });
    const thrice = account({ name: 'ours', scale: { interest: 3 } });
    const error = caught(() => crossover(simulate({ horizon: '1 year', account: twice }), simulate({ horizon: '1 year', account: thrice })), ParameterError);
    expect(error.value).toBe('ours');
    expect(caught(() => crossover(simulate({ horizon: '1 year', account: twice }), simulate({ horizon: '1 year' })), ParameterError).value).toBe('none (model units)');
    expect(caught(() => crossover(steady, late, { sries: 'equity' } as never), ParameterError).field).toBe('options.sries');
    caught(() => crossover(steady, { days: [1, 2] } as never), InputTypeError);
    const ours = account({ name: 'ours', scale: { interest: 2 } });
    expect(caught(() => crossover(steady, simulate({ horizon: '4 years', account: ours })), ParameterError).field).toBe('b.account');
    expect(caught(() => crossover(steady, late, { series: 'leads' as never }), ParameterError).field).toBe('options.series');
    expect(caught(() => crossover(steady, late, { by: 'week' as never }), ParameterError).field).toBe('options.by');
    caught(() => crossover(null as never, late), InputTypeError);
  });
});
