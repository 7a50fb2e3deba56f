import { describe, expect, it } from 'vitest';
import { ParameterError, costOfDelay, schedule, simulate, whatIf } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

const away = schedule.reference().pause({ from: '18 months', for: '8 months' });
const base = { horizon: '4 years', activity: away };
const daily = { horizon: '4 years', activity: away.change({ at: '26 months', postsPerDay: 1 }) };

describe('whatIf', () => {
  const result = whatIf(base, { daily });
  const outcome = result.alternatives[0]!;

  it('gives the difference series of equity, reach and interest against the baseline', () => {
    const a = simulate(daily);
    const b = simulate(base);
    expect(Array.from(result.days)).toEqual(Array.from(b.days));
    for (const series of ['equity', 'reach', 'interest'] as const) {
      outcome.difference[series].forEach((d, i) => expectClose(d, a[series][i]! - b[series][i]!, 1e-12));
    }
    expectClose(outcome.equityAtHorizon.alternative, a.final.equity, 1e-12);
    expectClose(outcome.interestAtHorizon.baseline, b.interest[b.interest.length - 1]!, 1e-12);
  });

  it('sums the interest gained and finds when it pays off for good', () => {
    let cumulative = 0;
    const a = simulate(daily);
    const b = simulate(base);
    let lastNotPositive = 0;
    for (let i = 0; i < a.days.length; i++) {
      cumulative += a.interest[i]! - b.interest[i]!;
      if (!(cumulative > 0)) lastNotPositive = i + 1;
    }
    expectClose(outcome.totalInterest, cumulative, 1e-9);
    expect(outcome.paysOffAfter).toBe(a.days[lastNotPositive]);
    expect(outcome.paysOffAfterMonths!).toBeGreaterThan(26);
    expect(outcome.probabilityAhead).toBe(1);
  });

  it('an alternative that never catches up does not pay off', () => {
    const worse = whatIf(base, { idle: { horizon: '4 years', activity: away.change({ at: '26 months', postsPerDay: 0 }) } });
    expect(worse.alternatives[0]!.paysOffAfter).toBeNull();
    expect(worse.alternatives[0]!.totalInterest).toBeLessThan(0);
  });

  it('under uncertainty, draws are shared: an alternative equal to the baseline differs by exactly 0 in every run', () => {
    const same = whatIf(base, { same: base }, { runs: 30, seed: 4, noise: { reach: 0.3 }, uncertain: { neglectDecay: { kind: 'uniform', min: 0.001, max: 0.002 } } });
    const o = same.alternatives[0]!;
    for (const q of o.bands!.interest.quantiles) expect(q.values.every((v) => v === 0)).toBe(true);
    expect(o.probabilityAhead).toBe(0);
  });

  it('under uncertainty, gives bands, total-interest quantiles and the share of runs ahead', () => {
    const u = whatIf(base, { daily }, { runs: 40, seed: 'w', uncertain: { 'lag.mean': { kind: 'uniform', min: 200, max: 500 } }, levels: [0.1, 0.9] });
    const o = u.alternatives[0]!;
    expect(u.runs).toBe(40);
    const [low, high] = o.totalInterestQuantiles!;
    expect(low!.value).toBeLessThanOrEqual(high!.value);
    expect(o.probabilityAhead).toBe(1);
    const again = whatIf(base, { daily }, { runs: 40, seed: 'w', uncertain: { 'lag.mean': { kind: 'uniform', min: 200, max: 500 } }, levels: [0.1, 0.9] });
    expect(Array.from(again.alternatives[0]!.bands!.interest.mean)).toEqual(Array.from(o.bands!.interest.mean));
  });

  it('rejects alternatives on another grid, and an empty list', () => {
    expect(caught(() => whatIf(base, { short: { horizon: '2 years' } }), ParameterError).field).toBe('alternatives.short');
    expect(caught(() => whatIf(base, {}), ParameterError).field).toBe('alternatives');
  });
});

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
  });
});
