import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, DurationError, InputTypeError, ParameterError, createMonitor, monitor, randomStream, schedule, simulate, type DayActivity } from 'relationship-equity';
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

  it('notices a drop to a fifth of daily posting, though every fifth day still has a post', () => {
    const days: DayActivity[] = Array.from({ length: 300 }, (_, d) => ({ posts: d < 120 || d % 5 === 0 ? 1 : 0 }));
    expect(monitor(days).warnings.map((w) => w.severity)).toEqual(['watch', 'warning']);
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
    expect(caught(() => monitor([{ posts: 1 }, { posts: -1 }]), ParameterError).field).toBe('history[1].posts');
    expect(caught(() => createMonitor({ dropRatio: 2 }), ParameterError).field).toBe('options.dropRatio');
    expect(caught(() => monitor(schedule.reference()), ParameterError).field).toBe('options.days');
    expect(caught(() => createMonitor().status(), ParameterError).field).toBe('status');
  });
});

describe('monitor in detail', () => {
  /** `days` of activity: daily posts before `stop`, nothing from then on. */
  const stopping = (stop: number, days = 200, posts = 1): DayActivity[] =>
    Array.from({ length: days }, (_, d) => ({ posts: d < stop ? posts : 0, events: 0 }));
  const firstDay = (severity: Uint8Array, level: number): number => severity.findIndex((s) => s >= level);

  it('runs the model on the days fed: the same equity and interest as simulate on the same log, posts spread over a week', () => {
    const days = Array.from({ length: 200 }, (_, d) => ({ posts: d % 3 === 0 && d < 120 ? 1 : 0, events: d % 30 === 5 ? 1 : 0 }));
    const report = monitor(days, { start: 50 });
    const entries = days.map((d, day) => ({ day, ...d })).filter((e) => e.posts > 0 || e.events > 0);
    const run = simulate({ horizon: 200, activity: schedule.fromLog(entries, { spread: 7 }), start: 50 });
    for (let i = 0; i < 200; i++) expect(report.interest[i]).toBe(run.interest[i]);
    const m = createMonitor({ start: 50 });
    days.slice(0, 100).forEach((d) => m.push(d));
    expect(m.status().equity).toBe(run.equity[99]);
    expect(monitor(days).interest[150]).not.toBe(report.interest[150]); // the platform's age matters (early bonus)
  });

  it('compares recent effort (posts spread over the trailing week, plus events) with the baseline, as exponential averages normalised by their weight', () => {
    const days = Array.from({ length: 150 }, (_, d) => ({ posts: d < 90 ? (d % 2) + 1 : d % 5 === 0 ? 1 : 0, events: d === 40 ? 2 : 0 }));
    const report = monitor(days, { baseline: '50 days', recent: '10 days' });
    const average = (t: number, memory: number): number => {
      let sum = 0;
      let weight = 0;
      for (let i = 0; i <= t; i++) {
        const w = Math.exp(-(t - i) / memory);
        const week = days.slice(Math.max(0, i - 6), i + 1).reduce((total, d) => total + d.posts, 0) / 7; // posts spread over the trailing week
        sum += w * (week + days[i]!.events);
        weight += w;
      }
      return sum / weight;
    };
    for (let t = 0; t < 150; t++) {
      const expected = t >= 50 ? average(t, 10) / average(t, 50) : 1; // trusted after the baseline's memory (at most 60 days)
      expect(report.effortRatio[t]).toBeCloseTo(expected, 12);
    }
  });

  it('trusts the baseline only after its memory (at most 60 days) and only if the account did something', () => {
    expect(firstDay(monitor(stopping(20)).severity, 1)).toBe(60);
    expect(firstDay(monitor(stopping(20), { baseline: '30 days' }).severity, 1)).toBe(33); // quiet for 14 days: watch
    expect(monitor(stopping(0)).warnings).toEqual([]);
  });

  it('grades quiet days: watch at two thirds of quietAlert, warning at quietAlert, critical when neglect decay is fully under way', () => {
    const report = monitor(stopping(100, 300), { quietAlert: '30 days', dropRatio: 0 });
    expect(firstDay(report.severity, 1)).toBe(100 + 20 - 1);
    expect(firstDay(report.severity, 2)).toBe(100 + 30 - 1);
    expect(firstDay(report.severity, 3)).toBe(100 + DEFAULT_PARAMETERS.neglectGrace + DEFAULT_PARAMETERS.neglectRamp - 1);
    expect(report.warnings.map((w) => [w.severity, w.quietDays, w.began])).toEqual([
      ['watch', 20, 100],
      ['warning', 30, 100],
      ['critical', DEFAULT_PARAMETERS.neglectGrace + DEFAULT_PARAMETERS.neglectRamp, 100],
    ]);
  });

  it('by default alerts after three times the usual gap between activities, and at least 21 days', () => {
    const daily = monitor(stopping(100, 200), { dropRatio: 0 });
    expect(firstDay(daily.severity, 2)).toBe(100 + 21 - 1);
    const everyTenDays = Array.from({ length: 300 }, (_, d) => ({ posts: d < 150 && d % 10 === 0 ? 1 : 0 }));
    const sparse = monitor(everyTenDays, { dropRatio: 0 });
    const lastPost = 140;
    const gap = sparse.warnings[0]!.day - lastPost;
    expect(sparse.warnings[0]!.severity).toBe('watch');
    // two thirds of three times the usual gap (10 days), a gap that widens as the quiet goes on; a daily poster gets 14
    expect(gap).toBeGreaterThanOrEqual(20);
    expect(gap).toBeLessThanOrEqual(30);
  });

  it('grades a drop in effort: watch after a week below dropRatio, warning after three weeks, or after a week below half of it', () => {
    // From daily posting to a post every seventh (then every fourteenth) day: recent effort falls towards a seventh (a fourteenth) of the baseline.
    for (const every of [7, 14]) {
    const days = Array.from({ length: 260 }, (_, d) => ({ posts: d < 120 || d % every === 0 ? 1 : 0 }));
    const report = monitor(days, { quietAlert: '1 year' });
    const ratio = report.effortRatio;
    const low = (t: number, level: number, n: number): boolean => Array.from({ length: n }, (_, k) => ratio[t - k]! < level).every(Boolean);
    const expectFirst = (level: number, rule: (t: number) => boolean): void => {
      const t = ratio.findIndex((_, i) => i >= 6 && rule(i));
      expect(t).toBeGreaterThan(120);
      expect(firstDay(report.severity, level)).toBe(t);
    };
    expectFirst(1, (t) => low(t, 0.4, 7));
    expectFirst(2, (t) => low(t, 0.4, 21) || (low(t, 0.4, 7) && ratio[t]! < 0.2));
    for (const w of report.warnings) {
      // a drop begins the day after the last post if the account is quiet when it is first seen, else that day
      const first = report.warnings.find((x) => report.severity[x.day - 1] === 0 && x.day <= w.day && !report.severity.slice(x.day, w.day).includes(0))!;
      const lastPost = days.slice(0, first.day + 1).map((d) => d.posts).lastIndexOf(1);
      expect(w.began).toBe(first.quietDays > 0 ? lastPost + 1 : first.day);
      expect(w.message).toContain(w.quietDays > 0 ? `no post or event for ${w.quietDays} days` : `effort at ${Math.round(w.effortRatio * 100)}% of usual`);
    }
    const strong = monitor(days, { quietAlert: '1 year', dropRatio: 0.9 });
    expect(firstDay(strong.severity, 2)).toBeLessThan(firstDay(report.severity, 2));
    }
  });

  it('a history of a single day is enough to run', () => {
    expect(monitor(schedule.reference(), { days: 1 }).severity).toEqual(new Uint8Array([0]));
  });

  it('raises only when the severity rises, and starts over when the account comes back', () => {
    const days = [...stopping(100, 130), ...Array.from({ length: 60 }, () => ({ posts: 1 })), ...stopping(0, 40)];
    const m = createMonitor({ dropRatio: 0 });
    const updates = days.map((d) => m.push(d));
    const raised = updates.filter((u) => u.raised).map((u) => [u.day, u.severity]);
    expect(raised).toEqual([
      [113, 'watch'],
      [120, 'warning'],
      [203, 'watch'],
      [210, 'warning'],
    ]);
    const back = updates[140]!;
    expect(back).toMatchObject({ severity: 'ok', began: null, projected: null, interestShowsIn: null, raised: false, message: 'Day 140: effort as usual.' });
    expect(updates[121]).toMatchObject({ severity: 'warning', raised: false, began: 100 });
  });

  it('projects the equity lost if the quiet goes on, from the model’s own state', () => {
    const days = stopping(100, 125);
    const m = createMonitor({ dropRatio: 0 });
    days.forEach((d) => m.push(d));
    const status = m.status();
    const entries = days.map((d, day) => ({ day, ...d })).filter((e) => e.posts > 0);
    const now = simulate({ horizon: 125, activity: schedule.fromLog(entries, { spread: 7 }) });
    // The monitor has stepped through day 124; its state is the run's after 125 steps.
    const idle = simulate({ horizon: 366, activity: schedule.none(), initial: now.final });
    const e0 = now.final.equity;
    expect(status.projected!.months3).toBeCloseTo(1 - idle.equity[Math.round(91.3125)]! / e0, 12);
    expect(status.projected!.months6).toBeCloseTo(1 - idle.equity[Math.round(182.625)]! / e0, 12);
    expect(status.projected!.months12).toBeCloseTo(1 - idle.equity[365]! / e0, 12);
  });

  it('a larger fall in interest takes longer to show', () => {
    const shows = (interestShows: number): number =>
      monitor(stopping(100, 125), { dropRatio: 0, interestShows }).warnings.find((w) => w.severity === 'warning')!.interestShowsIn!;
    expect(shows(0.02)).toBeLessThan(shows(0.05));
    expect(shows(0.05)).toBeLessThan(shows(0.2));
  });

  it('words a warning from its own numbers', () => {
    const w = monitor(stopping(100, 125), { dropRatio: 0 }).warnings.find((x) => x.severity === 'warning')!;
    const p = w.projected!;
    const pct = (x: number): number => Math.round(x * 100);
    expect(w.message).toBe(
      `Day ${w.day}: WARNING — no post or event for ${w.quietDays} days (since day ${w.began}). If nothing changes, equity falls ${pct(p.months3)}% in 3 months, ` +
        `${pct(p.months6)}% in 6 and ${pct(p.months12)}% in 12; interest will be 5% down in about ${Math.round(w.interestShowsIn! / 30.4375)} months.`,
    );
  });

  it.each([
    ['options not an object', () => createMonitor(3 as never), InputTypeError, 'options'],
    ['an unknown option', () => createMonitor({ baselne: 30 } as never), ParameterError, 'options.baselne'],
    ['a baseline of zero', () => createMonitor({ baseline: 0 }), ParameterError, 'options.baseline'],
    ['an unreadable recent memory', () => createMonitor({ recent: 'lately' }), DurationError, 'options.recent'],
    ['a quiet alert of zero', () => createMonitor({ quietAlert: 0 }), ParameterError, 'options.quietAlert'],
    ['an unreadable start', () => createMonitor({ start: 'launch' }), DurationError, 'options.start'],
    ['interestShows above 1', () => createMonitor({ interestShows: 1.5 }), ParameterError, 'options.interestShows'],
    ['bad parameters', () => createMonitor({ parameters: { neglectDecay: -1 } }), ParameterError, 'parameters.neglectDecay'],
    ['a day not an object', () => createMonitor().push(1 as never), InputTypeError, 'day'],
    ['a day with an unknown key', () => createMonitor().push({ posts: 1, likes: 3 } as never), ParameterError, 'day.likes'],
    ['posts not a number', () => createMonitor().push({ posts: '1' } as never), InputTypeError, 'day.posts'],
    ['posts not finite', () => createMonitor().push({ posts: Infinity }), ParameterError, 'day.posts'],
    ['negative posts', () => createMonitor().push({ posts: -1 }), ParameterError, 'day.posts'],
    ['negative events', () => createMonitor().push({ posts: 1, events: -2 }), ParameterError, 'day.events'],
    ['events not finite', () => createMonitor().push({ posts: 1, events: NaN }), ParameterError, 'day.events'],
    ['a history of neither', () => monitor('daily' as never), InputTypeError, 'history'],
    ['days of zero', () => monitor(schedule.reference(), { days: 0 }), ParameterError, 'options.days'],
    ['days not whole', () => monitor(schedule.reference(), { days: 10.5 }), ParameterError, 'options.days'],
    ['days not a number', () => monitor(schedule.reference(), { days: 'ten' as never }), InputTypeError, 'options.days'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('says which day of a history was wrong and what a day must be', () => {
    expect(() => monitor([{ posts: 1 }, { posts: -1 }])).toThrow(new ParameterError('history[1].posts', -1, 'a number ≥ 0'));
    expect(caught(() => monitor([{ posts: 'one' } as never]), InputTypeError).message).toBe('`history[0].posts` must be a number of posts, got "one"');
    expect(caught(() => monitor([{ posts: 1 }, { posts: 1, events: 1 }, { posts: 1, likes: 1 } as never]), ParameterError).field).toBe('history[2].likes');
    expect(caught(() => monitor([null as never]), InputTypeError).field).toBe('history[0]');
    expect(() => createMonitor({ baseline: 0 })).toThrow('`options.baseline` must be a duration > 0, got 0');
    expect(() => monitor(schedule.reference())).toThrow('`options.days` must be the number of days to sample from the schedule, got undefined');
  });

  it('samples a schedule day by day', () => {
    const s = schedule.reference().pause({ from: 100, for: 50 });
    const sampled = s.sample(0, 1, 200);
    const days = Array.from({ length: 200 }, (_, i) => ({ posts: sampled.effort[i]!, events: sampled.events[i]! }));
    expect(monitor(s, { days: 200 })).toEqual(monitor(days));
  });
});
