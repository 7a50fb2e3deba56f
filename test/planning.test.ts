import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, ParameterError, breakEvenHorizon, effortValueSplit, leaderPlan, requiredLeadMultiple, schedule, simulate } from 'relationship-equity';
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
    const leader = simulate({ horizon: '1 year', activity: schedule.weekly(plan.leaderPostsPerWeek!).withEvents({ every: 30.4375, from: 30.4375 / 2 }) });
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
    expect(richer.months).toBeGreaterThan(base.months!);
    const never = breakEvenHorizon({ clientValuePerPost: base.clientValuePerPost * 100, limit: '5 years' });
    expect(never.reachable).toBe(false);
    expect(never.months).toBeNull();
    expect(never.reason).toMatch(/has not overtaken client work after 60 months .*no break-even within the limit/);
    expect(base.reachable).toBe(true);
    expect(base.reason).toBeNull();
  });

  it('keeps the effort on the account winning for good after the break-even', () => {
    const { days, keep, move, months } = breakEvenHorizon();
    for (let i = 0; i < days.length; i++) if (days[i]! >= months! * 30.4375 + 1) expect(keep[i]).toBeGreaterThanOrEqual(move[i]!);
  });
});

describe('effortValueSplit', () => {
  it('almost none of a week’s effort pays within a month; more of it within a year', () => {
    const month = effortValueSplit();
    const year = effortValueSplit({ now: '1 year' });
    expect(month.now).toBeLessThan(0.01);
    expect(year.now).toBeGreaterThan(month.now!);
    expect(year.now! + year.later!).toBeCloseTo(1, 12);
    expect(month.reachable).toBe(true);
    expect(month.total).toBeGreaterThan(0);
  });
});

describe('planning in detail', () => {
  const equityAfter = (postsPerWeek: number, eventsPerMonth = 1, horizon: number | string = '1 year'): number => {
    let activity = schedule.weekly(postsPerWeek);
    // the planning tools' events: the k-th in the middle of its interval
    if (eventsPerMonth > 0) activity = activity.withEvents({ every: 30.4375 / eventsPerMonth, from: 30.4375 / eventsPerMonth / 2 });
    return simulate({ horizon, activity }).final.equity;
  };

  it('leaderPlan: both rates reach their targets, with the events per month given', () => {
    const plan = leaderPlan({ clientTarget: 150, transferRate: 0.5, horizon: '1 year', eventsPerMonth: 2 });
    expect(plan.clientPostsPerWeek).toBeGreaterThan(0);
    expect(equityAfter(plan.clientPostsPerWeek!, 2) / 150).toBeCloseTo(1, 6);
    expect(equityAfter(plan.leaderPostsPerWeek!, 2) / 300).toBeCloseTo(1, 6);
    expect(plan.effortMultiple).toBe(plan.leaderPostsPerWeek! / plan.clientPostsPerWeek!);
    expect(plan.reachable).toBe(true);
    const without = leaderPlan({ clientTarget: 150, transferRate: 0.5, horizon: '1 year', eventsPerMonth: 0 });
    expect(equityAfter(without.clientPostsPerWeek!, 0) / 150).toBeCloseTo(1, 6);
    expect(without.clientPostsPerWeek).toBeGreaterThan(plan.clientPostsPerWeek!);
  });

  it('leaderPlan: a target events alone reach needs no posts and has no effort multiple; one out of reach says so', () => {
    const tiny = leaderPlan({ clientTarget: equityAfter(0) / 4, transferRate: 1, horizon: '1 year' });
    expect(tiny.clientPostsPerWeek).toBe(0);
    expect(tiny.effortMultiple).toBeNull();
    expect(tiny.reachable).toBe(false);
    expect(tiny.reason).toMatch(/event\(s\) a month alone bring it to .* it needs no posts, so there is no effort multiple/);
    const far = leaderPlan({ clientTarget: 1e7, transferRate: 0.5, horizon: '1 year' });
    expect(far.leaderPostsPerWeek).toBeNull();
    expect(far.effortMultiple).toBeNull();
    expect(far.reachable).toBe(false);
    expect(far.reason).toMatch(/^no rate of up to 448 posts a week brings the leader to 20000000 in 365 days: the most it reaches is \d+/);
  });

  it.each([
    ['options not an object', () => leaderPlan(5 as never), InputTypeError, 'options'],
    ['an unknown option', () => leaderPlan({ clientTarget: 1, transferRate: 0.5, horizon: 10, target: 3 } as never), ParameterError, 'options.target'],
    ['a client target of 0', () => leaderPlan({ clientTarget: 0, transferRate: 0.5, horizon: 10 }), ParameterError, 'clientTarget'],
    ['an unreadable horizon', () => leaderPlan({ clientTarget: 1, transferRate: 0.5, horizon: 'soon' }), DurationError, 'horizon'],
    ['negative events', () => leaderPlan({ clientTarget: 1, transferRate: 0.5, horizon: 10, eventsPerMonth: -1 }), ParameterError, 'eventsPerMonth'],
    ['a transfer rate above 1', () => leaderPlan({ clientTarget: 1, transferRate: 2, horizon: 10 }), ParameterError, 'transferRate'],
    ['breakEven options not an object', () => breakEvenHorizon(5 as never), InputTypeError, 'options'],
    ['breakEven unknown option', () => breakEvenHorizon({ posts: 3 } as never), ParameterError, 'options.posts'],
    ['breakEven posts of 0', () => breakEvenHorizon({ postsPerWeek: 0 }), ParameterError, 'postsPerWeek'],
    ['breakEven unreadable limit', () => breakEvenHorizon({ limit: 'never' }), DurationError, 'limit'],
    ['breakEven negative value', () => breakEvenHorizon({ clientValuePerPost: -1 }), ParameterError, 'clientValuePerPost'],
    ['split options not an object', () => effortValueSplit(5 as never), InputTypeError, 'options'],
    ['split unknown option', () => effortValueSplit({ later: 3 } as never), ParameterError, 'options.later'],
    ['split horizon not beyond now', () => effortValueSplit({ now: '1 year', horizon: '1 year' }), ParameterError, 'horizon'],
    ['split activity not a schedule', () => effortValueSplit({ activity: { posts: 1 } as never }), ParameterError, 'activity'],
    ['split unreadable now', () => effortValueSplit({ now: 'today' }), DurationError, 'now'],
    ['split unreadable after', () => effortValueSplit({ after: 'later' }), DurationError, 'after'],
    ['split no extra posts', () => effortValueSplit({ extraPosts: 0 }), ParameterError, 'extraPosts'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('breakEvenHorizon: keep is the interest the effort has earned so far, move what client work would have paid, from now', () => {
    const initial = simulate({ horizon: '1 year' }).final;
    const r = breakEvenHorizon({ postsPerWeek: 5, initial, limit: '6 years' });
    const kept = simulate({ horizon: '6 years', initial, activity: schedule.weekly(0).change({ at: initial.day, postsPerWeek: 5 }) });
    const idle = simulate({ horizon: '6 years', initial, activity: schedule.none() });
    const perDay = 5 / 7;
    const year = Math.round(365.25);
    expectClose(r.clientValuePerPost, (kept.interest[year]! - idle.interest[year]!) / perDay, 1e-12);
    let earned = 0;
    for (let i = 0; i < kept.days.length; i++) {
      expect(r.days[i]).toBe(kept.days[i]! - initial.day);
      expectClose(r.keep[i]!, earned, 1e-9);
      expectClose(r.move[i]!, r.clientValuePerPost * perDay * r.days[i]!, 1e-9);
      earned += kept.interest[i]! - idle.interest[i]!;
    }
    const first = r.days.findIndex((_, i) => i >= 1 && r.keep.slice(i).every((k, j) => k >= r.move[i + j]!));
    expect(r.months).toBe(r.days[first]! / 30.4375);
  });

  it('effortValueSplit: the share of a week of extra posts earned within `now`, against simulate', () => {
    const activity = schedule.weekly(2);
    const split = effortValueSplit({ now: '6 months', horizon: '3 years', after: '1 year', extraPosts: 14, activity });
    const after = 365.25;
    const boosted = activity.change({ at: after, postsPerDay: 2 / 7 + 2 }).change({ at: after + 7, postsPerDay: 2 / 7 });
    const base = simulate({ horizon: after + 3 * 365.25, activity });
    const more = simulate({ horizon: after + 3 * 365.25, activity: boosted });
    let early = 0;
    let total = 0;
    base.days.forEach((day, i) => {
      const gain = more.interest[i]! - base.interest[i]!;
      if (day >= after) total += gain;
      if (day >= after && day < after + 182.625) early += gain;
    });
    expectClose(split.total, total, 1e-9);
    expectClose(split.now!, early / total, 1e-9);
    expectClose(split.later!, 1 - early / total, 1e-12);
  });
});
