import { describe, expect, it } from 'vitest';
import { ParameterError, createMonitor, monitor, randomStream, schedule, type DayActivity } from 'relationship-equity';
import { caught } from './helpers.js';

/** Two years of an ordinary account: 1–2 posts a week on random days, an event a month on a random day. */
function noisySteady(seed: string, days = 730): DayActivity[] {
  const random = randomStream(seed, 0);
  const out = Array.from({ length: days }, () => ({ posts: 0, events: 0 }));
  for (let w = 0; w < Math.floor(days / 7); w++) {
    const n = random() < 0.5 ? 1 : 2;
    for (let k = 0; k < n; k++) out[w * 7 + Math.floor(random() * 7)]!.posts += 1;
  }
  for (let m = 0; m * 30.4 < days - 30; m++) out[Math.floor(m * 30.4 + random() * 30)]!.events += 1;
  return out;
}

describe('monitor', () => {
  it('stays quiet on ordinary noise: seeded noisy steady histories raise no warning over 2 years', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      expect(monitor(noisySteady(seed)).warnings, seed).toEqual([]);
    }
  });

  it('C13: fed the seed’s history, it warns within 28 days of the drop while interest has not yet fallen', () => {
    const report = monitor(schedule.reference().pause({ from: '18 months', for: '8 months' }), { days: 800 });
    const warning = report.warnings.find((w) => w.severity === 'warning')!;
    expect(warning.day - 548).toBeLessThanOrEqual(28);
    expect(warning.began).toBe(548);
    expect(report.interest[warning.day]! / report.interest[548]!).toBeGreaterThan(0.95);
    expect(report.warnings.map((w) => w.severity)).toEqual(['watch', 'warning', 'critical']);
  });

  it('says how much equity is at stake and when interest will show it', () => {
    const report = monitor(schedule.reference().pause({ from: '18 months', for: '8 months' }), { days: 700 });
    const w = report.warnings.find((x) => x.severity === 'warning')!;
    expect(w.projected!.months3).toBeGreaterThan(0);
    expect(w.projected!.months6).toBeGreaterThan(w.projected!.months3);
    expect(w.projected!.months12).toBeGreaterThan(w.projected!.months6);
    expect(w.interestShowsIn!).toBeGreaterThan(60);
    expect(w.message).toMatch(/WARNING — no post or event for 2\d days \(since day 548\)/);
  });

  it('notices effort that falls without stopping: from daily posting to one post a fortnight', () => {
    const days: DayActivity[] = Array.from({ length: 400 }, (_, d) => ({ posts: d < 200 ? 1 : d % 14 === 0 ? 1 : 0 }));
    const report = monitor(days);
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(report.warnings[0]!.day).toBeLessThan(230);
  });

  it('the incremental form gives the same statuses as the whole-history form', () => {
    const days = noisySteady('x', 300).map((d, i) => (i > 200 ? { posts: 0, events: 0 } : d));
    const report = monitor(days);
    const m = createMonitor();
    const raised = days.map((d) => m.push(d)).filter((s) => s.raised).map((s) => s.day);
    expect(raised).toEqual(report.warnings.map((w) => w.day));
    expect(m.status().day).toBe(299);
  });

  it('rejects bad days and options, naming them', () => {
    expect(caught(() => monitor([{ posts: 1 }, { posts: -1 }]), ParameterError).field).toBe('history[1]');
    expect(caught(() => createMonitor({ dropRatio: 2 }), ParameterError).field).toBe('options.dropRatio');
    expect(caught(() => monitor(schedule.reference()), ParameterError).field).toBe('options.days');
    expect(caught(() => createMonitor().status(), ParameterError).field).toBe('status');
  });
});
