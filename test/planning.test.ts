import { describe, expect, it } from 'vitest';
import { ParameterError, breakEvenHorizon, effortValueSplit, leaderPlan, requiredLeadMultiple, schedule, simulate } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

describe('requiredLeadMultiple and the follower model', () => {
  it('is 1/r', () => {
    expectClose(requiredLeadMultiple(0.3), 10 / 3);
    expect(requiredLeadMultiple(0.25)).toBe(4);
    expect(requiredLeadMultiple(1)).toBe(1);
  });

  it('the leader’s plan reaches 1/r of the clients’ target, and costs more than 1/r in effort', () => {
    const plan = leaderPlan({ clientTarget: 50, transferRate: 0.25, horizon: '1 year' });
    expect(plan.leaderTarget).toBe(200);
    const leader = simulate({ horizon: '1 year', activity: schedule.weekly(plan.leaderPostsPerWeek).withEvents({ every: '1 month' }) });
    expect(Math.abs(leader.final.equity / 200 - 1)).toBeLessThan(1e-6);
    expect(plan.effortMultiple).toBeGreaterThan(plan.resultMultiple);
  });

  it.each([0, -0.1, 1.5, NaN])('rejects a transfer rate of %d', (r) => {
    expect(caught(() => requiredLeadMultiple(r), ParameterError).field).toBe('transferRate');
  });
});

describe('breakEvenHorizon', () => {
  it('falls between 12 and 36 months with the documented defaults (C12)', () => {
    const result = breakEvenHorizon();
    expect(result.months).toBeGreaterThanOrEqual(12);
    expect(result.months).toBeLessThanOrEqual(36);
  });

  it('comes later when client work pays more, and never when it pays far more', () => {
    const base = breakEvenHorizon();
    const richer = breakEvenHorizon({ clientValuePerPost: base.clientValuePerPost * 1.5 });
    expect(richer.months).toBeGreaterThan(base.months);
    expect(breakEvenHorizon({ clientValuePerPost: base.clientValuePerPost * 100, limit: '5 years' }).months).toBe(Infinity);
  });

  it('keeps the effort on the account winning for good after the break-even', () => {
    const { days, keep, move, months } = breakEvenHorizon();
    for (let i = 0; i < days.length; i++) if (days[i]! >= months * 30.4375 + 1) expect(keep[i]).toBeGreaterThanOrEqual(move[i]!);
  });
});

describe('effortValueSplit', () => {
  it('almost none of a week’s effort pays within a month; more of it within a year', () => {
    const month = effortValueSplit();
    const year = effortValueSplit({ now: '1 year' });
    expect(month.now).toBeLessThan(0.01);
    expect(year.now).toBeGreaterThan(month.now);
    expect(year.now + year.later).toBeCloseTo(1, 12);
    expect(month.total).toBeGreaterThan(0);
  });
});
