import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, monteCarlo, schedule, simulate, whatIf } from 'relationship-equity';
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

  it('under uncertainty, each run is the monteCarlo run of the same seed: means, bands, totals, their quantiles and the share ahead', () => {
    // A burst of daily posting then silence, against a steady weekly habit: which brings more depends on the draws.
    const steady = { horizon: '1 year', activity: schedule.weekly(1.5), step: 2 };
    const burst = { horizon: '1 year', activity: schedule.daily(0.8).pause({ from: '6 weeks', for: '46 weeks' }), step: 2 };
    const u = { runs: 25, seed: 7, noise: { reach: 0.3 }, uncertain: { neglectDecay: { kind: 'uniform', min: 0.0001, max: 0.05 }, 'lag.mean': { kind: 'uniform', min: 100, max: 400 } } } as const;
    const levels = [0, 0.3, 0.5, 1];
    const o = whatIf(steady, { burst }, { ...u, levels }).alternatives[0]!;
    const paths = (scenario: typeof steady) => monteCarlo({ ...u, scenario, keepPaths: true, series: ['equity', 'interest'] }).paths!;
    const b = paths(steady);
    const a = paths(burst);
    const totals = b.interest!.map((base, r) => base.reduce((sum, v, t) => sum + (a.interest![r]![t]! - v) * 2, 0));
    const sorted = [...totals].sort((x, y) => x - y);
    const type7 = (level: number): number => {
      const h = (sorted.length - 1) * level;
      const k = Math.floor(h);
      return sorted[k]! + (h - k) * (sorted[Math.min(k + 1, sorted.length - 1)]! - sorted[k]!);
    };
    o.totalInterestQuantiles!.forEach((q, i) => {
      expect(q.level).toBe(levels[i]);
      expectClose(q.value, type7(levels[i]!), 1e-9);
    });
    expect(o.probabilityAhead).toBe(totals.filter((t) => t > 0).length / 25);
    expect(o.probabilityAhead).toBeGreaterThan(0);
    expect(o.probabilityAhead).toBeLessThan(1);
    const last = b.equity![0]!.length - 1;
    const mean = (series: Float64Array[], t: number): number => series.reduce((sum, p) => sum + p[t]!, 0) / series.length;
    for (const t of [0, 40, last]) {
      expectClose(o.difference.equity[t]!, mean(a.equity as Float64Array[], t) - mean(b.equity as Float64Array[], t), 1e-9);
    }
    expectClose(o.equityAtHorizon.baseline, mean(b.equity as Float64Array[], last), 1e-9);
    expectClose(o.interestAtHorizon.alternative, mean(a.interest as Float64Array[], last), 1e-9);
    expectClose(o.totalInterest, totals.reduce((x, y) => x + y, 0) / 25, 1e-9);
    const differences = b.equity!.map((p, r) => a.equity![r]![40]! - p[40]!).sort((x, y) => x - y);
    expect(o.bands!.equity.quantiles[0]!.values[40]).toBe(differences[0]);
    expect(o.bands!.equity.quantiles[3]!.values[40]).toBe(differences[24]);
  });

  it('a plan identical to the baseline never pays off', () => {
    const same = whatIf(base, { same: base }).alternatives[0]!;
    expect(same.totalInterest).toBe(0);
    expect(same.paysOffAfter).toBeNull();
    expect(same.paysOffAfterMonths).toBeNull();
  });

  it('counts the time to pay off from the first day of the runs, also when they start later', () => {
    const start = simulate({ horizon: '6 months' }).final;
    const later = whatIf({ horizon: '2 years', initial: start }, { more: { horizon: '2 years', initial: start, activity: schedule.reference().change({ at: 200, postsPerDay: 1 }) } });
    const o = later.alternatives[0]!;
    expect(later.days[0]).toBe(start.day);
    expect(o.paysOffAfter!).toBeGreaterThan(200 - start.day);
    expect(o.paysOffAfter!).toBeLessThan(later.days.at(-1)! - start.day);
    expectClose(o.paysOffAfterMonths!, o.paysOffAfter! / 30.4375, 1e-12);
  });

  it('rejects alternatives on another grid, and an empty list', () => {
    expect(caught(() => whatIf(base, { finer: { ...base, step: 0.5 } }), ParameterError).field).toBe('alternatives.finer');
    const later = simulate({ horizon: 30 }).final;
    expect(() => whatIf(base, { later: { ...base, initial: later } })).toThrow(
      "`alternatives.later` must be on the baseline's grid (1461 steps of 1 days from day 0): give the same horizon, step and start, got \"1461 steps of 1 days from day 30\"",
    );
    expect(caught(() => whatIf(base, { short: { horizon: '2 years' } }), ParameterError).field).toBe('alternatives.short');
    expect(caught(() => whatIf(base, {}), ParameterError).field).toBe('alternatives');
  });

  it.each([
    ['alternatives not an object', () => whatIf(base, 'daily' as never), InputTypeError, 'alternatives'],
    ['a baseline with an unknown key', () => whatIf({ ...base, horizn: 3 } as never, { daily }), ParameterError, 'baseline.horizn'],
    ['an alternative with an unknown key', () => whatIf(base, { daily: { ...daily, horizn: 3 } as never }), ParameterError, 'alternatives.daily.horizn'],
    ['options not an object', () => whatIf(base, { daily }, 5 as never), InputTypeError, 'options'],
    ['an unknown option', () => whatIf(base, { daily }, { run: 5 } as never), ParameterError, 'options.run'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });
});

