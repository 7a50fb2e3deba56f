import { describe, expect, it } from 'vitest';
import { ParameterError, SERIES, compare, schedule, simulate } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

describe('compare', () => {
  const twin = simulate({ horizon: '4 years' });
  const away = simulate({ horizon: '4 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) });
  const c = compare(away, twin);

  it('gives the difference and the shortfall of every series, point by point', () => {
    for (const name of SERIES) {
      expect(c[name].difference.length).toBe(twin.days.length);
      expect(c[name].gap.length).toBe(twin.days.length);
    }
    const i = 800;
    expectClose(c.equity.difference[i]!, away.equity[i]! - twin.equity[i]!);
    expectClose(c.equity.gap[i]!, (twin.equity[i]! - away.equity[i]!) / twin.equity[i]!);
  });

  it('reads a gap of 0 where the baseline is 0 (no NaN)', () => {
    expect(c.equity.gap[0]).toBe(0);
    expect(c.interest.gap.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('finds the largest gap and its day', () => {
    const { largestGap, dayOfLargestGap } = c.summary.equity;
    expect(largestGap).toBe(Math.max(...c.equity.gap));
    expect(c.equity.gap[c.days.indexOf(dayOfLargestGap)]).toBe(largestGap);
    // equity falls furthest behind just after the absence ends (day 791.4): the first post back comes up to 4.7 days
    // later (1.5 posts a week: one every 4.7 days), and momentum builds again from there
    expect(dayOfLargestGap).toBeGreaterThan(791);
    expect(dayOfLargestGap).toBeLessThan(811);
  });

  it('sums the area between the curves', () => {
    let area = 0;
    for (let i = 0; i < twin.days.length; i++) area += away.reach[i]! - twin.reach[i]!;
    expectClose(c.summary.reach.cumulativeDifference, area, 1e-9);
    expect(c.summary.reach.cumulativeDifference).toBeLessThan(0);
  });

  it('a run compared with itself has no gap', () => {
    const same = compare(twin, twin);
    for (const name of SERIES) expect(same.summary[name].largestGap).toBe(0);
    expect(same.summary.equity.dayOfLargestGap).toBe(twin.days[0]); // the first day the largest gap is reached
  });

  it('weighs the area by the step', () => {
    const fine = simulate({ horizon: 20, step: 0.5, activity: schedule.daily(1) });
    const half = simulate({ horizon: 20, step: 0.5, activity: schedule.daily(0.5) });
    let area = 0;
    for (let i = 0; i < fine.days.length; i++) area += (half.equity[i]! - fine.equity[i]!) * 0.5;
    expectClose(compare(half, fine).summary.equity.cumulativeDifference, area, 1e-12);
  });

  it('rejects runs on different grids', () => {
    const short = simulate({ horizon: '1 year' });
    expect(caught(() => compare(short, twin), ParameterError).field).toBe('b.days');
  });
});

describe('compare: the summary in a case worked by hand', () => {
  it('finds the final gap, the final difference and the area, to the last digit', () => {
    const base = simulate({ horizon: 10, activity: schedule.daily(1) });
    const less = simulate({ horizon: 10, activity: schedule.daily(0.5) });
    const c = compare(less, base);
    const n = base.days.length - 1;
    expect(c.summary.equity.finalDifference).toBe(less.equity[n]! - base.equity[n]!);
    expect(c.summary.equity.finalGap).toBe((base.equity[n]! - less.equity[n]!) / base.equity[n]!);
    let area = 0;
    for (let i = 0; i <= n; i++) area += less.equity[i]! - base.equity[i]!;
    expectClose(c.summary.equity.cumulativeDifference, area, 1e-13);
    expect(c.summary.equity.largestGap).toBe(Math.max(...c.equity.gap));
    expect(c.summary.equity.dayOfLargestGap).toBe(c.days[c.equity.gap.indexOf(c.summary.equity.largestGap)]);
    // ahead instead of behind: negative gaps
    const ahead = compare(base, less);
    expect(ahead.equity.gap[n]).toBeLessThan(0);
    expect(ahead.summary.equity.cumulativeDifference).toBeGreaterThan(0);
  });

  it('rejects grids that differ in step or start as well as length', () => {
    const a = simulate({ horizon: 10 });
    expect(() => compare(a, simulate({ horizon: 5, step: 0.5 }))).toThrow(ParameterError);
    expect(() => compare(a, simulate({ horizon: 10, initial: { day: 1 } }))).toThrow(
      '`b.days` must be the same grid as a (11 points from day 0 every 1), got "11 points from day 1 every 1"',
    );
  });
});
