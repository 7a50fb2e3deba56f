import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, ParameterError, costOfDelay, schedule, simulate } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

describe('costOfDelay', () => {
  const { now, delays } = costOfDelay();

  it('starts from the seed’s account at the end of its 8-month absence', () => {
    expect(now).toBe(792);
    expect(delays.map((d) => d.delayMonths)).toEqual([0, 1, 3, 6]);
  });

  it('each month of waiting costs equity and interest, and the longer the wait the more each month costs', () => {
    expect(delays[0]).toMatchObject({ equityCost: 0, interestCost: 0, costShowsAfter: null });
    for (let i = 1; i < delays.length; i++) {
      expect(delays[i]!.equityCost).toBeGreaterThan(delays[i - 1]!.equityCost);
      expect(delays[i]!.interestCost).toBeGreaterThan(delays[i - 1]!.interestCost);
      expect(delays[i]!.costPerMonth.equity).toBeGreaterThan(0);
    }
    expect(delays[3]!.costPerMonth.equity).toBeGreaterThan(delays[1]!.costPerMonth.equity);
  });

  it('the cost shows in the interest only months later, and peaks later still', () => {
    for (const d of delays.slice(1)) {
      expect(d.costShowsAfter!).toBeGreaterThan(90);
      expect(d.costPeaksAfter!).toBeGreaterThan(d.costShowsAfter!);
    }
  });

  it('takes an account of your own and a plan to resume with', () => {
    const mine = simulate({ horizon: '1 year', activity: schedule.weekly(3) }).final;
    const result = costOfDelay({ initial: mine, resume: schedule.weekly(3), resumeAt: [0, '2 months'], horizon: '2 years' });
    expect(result.now).toBe(mine.day);
    expect(result.delays[1]!.equityCost).toBeGreaterThan(0);
  });

  it('rejects a horizon shorter than the longest delay', () => {
    expect(caught(() => costOfDelay({ resumeAt: [0, '2 years'], horizon: '1 year' }), ParameterError).field).toBe('horizon');
    expect(() => costOfDelay({ resumeAt: ['1 year', 0], horizon: '1 year' })).toThrow(
      "`horizon` must be longer than the longest delay (365.25 days), got '1 year'".replace(/'/g, '"'),
    );
  });

  it.each([
    ['options not an object', () => costOfDelay('now' as never), InputTypeError, 'options'],
    ['an unknown option', () => costOfDelay({ resumeOn: [0] } as never), ParameterError, 'options.resumeOn'],
    ['resume not a schedule', () => costOfDelay({ resume: { postsPerWeek: 3 } as never }), ParameterError, 'resume'],
    ['resumeAt not an array', () => costOfDelay({ resumeAt: '1 month' as never }), ParameterError, 'resumeAt'],
    ['resumeAt empty', () => costOfDelay({ resumeAt: [] }), ParameterError, 'resumeAt'],
    ['a delay unreadable', () => costOfDelay({ resumeAt: [0, 'later'] }), DurationError, 'resumeAt[1]'],
    ['the horizon unreadable', () => costOfDelay({ horizon: 'a while' }), DurationError, 'horizon'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('sorts the delays, and measures every cost against the shortest', () => {
    const mine = simulate({ horizon: '1 year', activity: schedule.weekly(3) }).final;
    const resume = schedule.weekly(3);
    const { delays: rows } = costOfDelay({ initial: mine, resume, resumeAt: ['3 months', '1 month'], horizon: '2 years' });
    expect(rows.map((d) => d.delayMonths)).toEqual([1, 3]);
    const scenario = (months: number) =>
      simulate({ horizon: '2 years', initial: mine, activity: resume.pause({ from: mine.day, for: `${months} months` }) });
    const first = scenario(1);
    const second = scenario(3);
    const total = (run: typeof first): number => run.interest.reduce((sum, v) => sum + v * run.step, 0);
    expect(rows[0]).toMatchObject({ equityCost: 0, interestCost: 0, costPerMonth: { equity: 0, interest: 0 }, costShowsAfter: null, costPeaksAfter: null });
    expectClose(rows[0]!.totalInterest, total(first), 1e-9);
    expectClose(rows[1]!.totalInterest, total(second), 1e-9);
    expectClose(rows[1]!.equityAtHorizon, second.final.equity, 1e-9);
    expectClose(rows[1]!.equityCost, first.final.equity - second.final.equity, 1e-9);
    expectClose(rows[1]!.interestCost, total(first) - total(second), 1e-9);
    expectClose(rows[1]!.costPerMonth.equity, rows[1]!.equityCost / 2, 1e-9); // two months more than the shortest delay
    expectClose(rows[1]!.costPerMonth.interest, rows[1]!.interestCost / 2, 1e-9);
    // when the shortfall (the share of interest lost) first passes 1%, and when it is largest
    const shortfall = second.interest.map((v, t) => (first.interest[t]! > 0 ? (first.interest[t]! - v) / first.interest[t]! : 0));
    const shows = shortfall.findIndex((x) => x > 0.01);
    const peak = shortfall.indexOf(Math.max(...shortfall));
    expect(rows[1]!.costShowsAfter).toBe(first.days[shows]! - mine.day);
    expect(rows[1]!.costPeaksAfter).toBe(first.days[peak]! - mine.day);
    expect(peak).toBeLessThan(shortfall.length - 1);
  });
});
