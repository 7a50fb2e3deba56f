import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, ParameterError, schedule } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

const sum = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);

describe('schedule builders', () => {
  it('weekly and daily give steady rates in posts per day', () => {
    expect(schedule.weekly(7).sample(0, 1, 3).effort).toEqual(new Float64Array([1, 1, 1]));
    expect(schedule.daily(2).sample(10, 0.5, 2).effort).toEqual(new Float64Array([2, 2]));
    expectClose(schedule.weekly(1.5).sample(0, 1, 1).effort[0]!, 1.5 / 7);
  });

  it('are immutable: a builder returns a new schedule and leaves the old one as it was', () => {
    const base = schedule.weekly(1.5);
    const paused = base.pause({ from: 10, for: 5 });
    expect(base.spec.pauses).toEqual([]);
    expect(paused.spec.pauses).toEqual([{ from: 10, to: 15 }]);
    expect(Object.isFrozen(paused.spec)).toBe(true);
    expect(Object.isFrozen(paused.spec.pauses[0])).toBe(true);
  });

  it('withEvents places events at a regular interval from `from`', () => {
    const s = schedule.none().withEvents({ every: '1 week', from: 3 }).sample(0, 1, 30);
    expect([...s.events.keys()].filter((i) => s.events[i]! > 0)).toEqual([3, 10, 17, 24]);
    expect(sum(s.events)).toBe(4);
  });

  it('withEvents stops after `for`', () => {
    const s = schedule.none().withEvents({ every: 10, for: 25 }).sample(0, 1, 100);
    expect(sum(s.events)).toBe(3); // days 0, 10, 20
  });

  it('pause silences posts and events inside the absence only', () => {
    const s = schedule.daily(1).withEvents({ every: 1 }).pause({ from: 5, for: 3 }).sample(0, 1, 10);
    expect(Array.from(s.effort)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 1, 1]);
    expect(Array.from(s.events)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 1, 1]);
  });

  it('averages effort over a step that a pause cuts in half', () => {
    const s = schedule.daily(1).pause({ from: 0.5, for: 1 }).sample(0, 1, 3);
    expect(Array.from(s.effort)).toEqual([0.5, 0.5, 1]);
  });

  it('change sets a new rate from a day on', () => {
    const s = schedule.weekly(7).change({ at: 2, postsPerDay: 3 }).change({ at: 4, postsPerWeek: 0 }).sample(0, 1, 6);
    expect(Array.from(s.effort)).toEqual([1, 1, 3, 3, 0, 0]);
  });

  it('quality applies for a while and later calls override earlier ones', () => {
    const s = schedule.daily(1).quality(1.3).quality({ value: 0.5, from: 2, for: 2 }).sample(0, 1, 6);
    expect(Array.from(s.quality)).toEqual([1.3, 1.3, 0.5, 0.5, 1.3, 1.3]);
    expect(schedule.daily(1).sample(0, 1, 1).quality[0]).toBe(1);
  });

  it('reference is 1.5 posts a week with an event a month', () => {
    const s = schedule.reference().sample(0, 1, 365);
    expectClose(s.effort[100]!, 1.5 / 7);
    expect(sum(s.events)).toBe(12); // days 0, 30.4, … 334.8
  });

  it('serialises to plain JSON', () => {
    const s = schedule.reference().pause({ from: '18 months', for: '8 months' });
    const json = JSON.parse(JSON.stringify(s));
    expect(json.pauses).toEqual([{ from: 547.875, to: 791.375 }]);
    expect(json.eventRules).toEqual([{ every: 30.4375, from: 0, until: null }]);
  });
});

describe('schedule.fromLog', () => {
  it('may say how long the log is complete (its end), after its last entry, changing nothing it simulates', () => {
    const log = schedule.fromLog([{ day: 0 }, { day: 10 }], { end: '1 year' });
    expect(log.spec.loggedUntil).toBe(365.25);
    expect(schedule.fromLog([{ day: 0 }, { day: 10 }]).spec.loggedUntil).toBeNull();
    expect(Array.from(log.sample(0, 1, 40).effort)).toEqual(Array.from(schedule.fromLog([{ day: 0 }, { day: 10 }]).sample(0, 1, 40).effort));
    expect(caught(() => schedule.fromLog([{ day: 0 }, { day: 10 }], { end: 10 }), ParameterError).field).toBe('options.end');
    expect(caught(() => schedule.fromLog([{ day: 0 }], { end: 'soon' }), DurationError).field).toBe('options.end');
  });

  it('spreads each logged post over the following week', () => {
    const s = schedule.fromLog([{ day: 0 }, { day: 3, posts: 2 }]).sample(0, 1, 12);
    expectClose(sum(s.effort), 3); // three posts in all
    expectClose(s.effort[0]!, 1 / 7);
    expectClose(s.effort[3]!, 3 / 7);
    expect(s.effort[10]).toBe(0); // after both weeks end: exactly zero, so the account reads as quiet
  });

  it('earns the same effort as a steady rate with the same number of posts', () => {
    const entries = Array.from({ length: 52 }, (_, week) => ({ day: week * 7 }));
    const log = schedule.fromLog(entries).sample(7, 1, 300);
    const steady = schedule.weekly(1).sample(7, 1, 300);
    for (let i = 0; i < 300; i++) expectClose(log.effort[i]!, steady.effort[i]!, 1e-12);
  });

  it('reads ISO dates with the first entry as day 0', () => {
    const log = schedule.fromLog([
      { date: '2021-10-01' },
      { date: '2021-10-08', events: 1 },
      { date: '2022-03-01', posts: 1 },
    ]);
    expect(log.spec.origin).toBe('2021-10-01');
    expect(log.spec.loggedPosts.map((p) => p.day)).toEqual([0, 151]);
    expect(log.spec.loggedEvents).toEqual([{ day: 7, count: 1 }]);
  });

  it('takes an explicit origin', () => {
    const log = schedule.fromLog([{ date: '2021-01-11' }], { origin: '2021-01-01', spread: '1 day' });
    expect(log.spec.loggedPosts).toEqual([{ day: 10, count: 1 }]);
    expect(log.spec.spread).toBe(1);
  });

  it.each([
    [[{ date: '2021-02-30' }], 'entries[0].date'],
    [[{ date: '01/02/2021' }], 'entries[0].date'],
    [[{ date: '2021-01-05' }, { date: '2021-01-04' }], 'entries[1].date'],
    [[{ day: 5 }, { day: 2 }], 'entries[1].day'],
    [[{ day: -1 }], 'entries[0].day'],
    [[{ day: 1, posts: -2 }], 'entries[0].posts'],
    [[{ day: 1 }, { date: '2021-01-01' }], 'entries[1]'],
    [[{ day: 1, likes: 3 }], 'entries[0].likes'],
  ])('rejects a bad log %j naming %s', (entries, field) => {
    const error = caught(() => schedule.fromLog(entries as never), ParameterError);
    expect(error.field).toBe(field);
  });

  it('rejects a log that is not an array', () => {
    caught(() => schedule.fromLog('2021-01-01' as never), InputTypeError);
  });
});

describe('schedule validation', () => {
  it('rejects negative, NaN or non-numeric rates', () => {
    expect(caught(() => schedule.weekly(-1), ParameterError).field).toBe('postsPerWeek');
    expect(caught(() => schedule.daily(NaN), ParameterError).field).toBe('postsPerDay');
    expect(caught(() => schedule.weekly('often' as never), InputTypeError).field).toBe('postsPerWeek');
    expect(caught(() => schedule.weekly(1).change({ at: 3, postsPerWeek: Infinity }), ParameterError).field).toBe(
      'change.postsPerWeek',
    );
  });

  it('rejects a change with both or neither rate', () => {
    caught(() => schedule.weekly(1).change({ at: 3 }), ParameterError);
    caught(() => schedule.weekly(1).change({ at: 3, postsPerDay: 1, postsPerWeek: 7 }), ParameterError);
  });

  it('rejects unreadable durations and an interval of zero', () => {
    expect(caught(() => schedule.weekly(1).pause({ from: '8 parsecs', for: 3 }), DurationError).field).toBe('pause.from');
    expect(caught(() => schedule.weekly(1).withEvents({ every: 0 }), ParameterError).field).toBe('withEvents.every');
  });

  it('refuses an event interval so short it would hang, and a run too long for its events, naming the horizon', () => {
    expect(caught(() => schedule.none().withEvents({ every: 1e-6 }), ParameterError).field).toBe('withEvents.every');
    const hourly = schedule.none().withEvents({ every: 1 / 24 });
    expect(caught(() => hourly.sample(0, 1, 365 * 200), ParameterError).field).toBe('horizon');
  });
});

describe('schedule errors name the field and say what is allowed', () => {
  const s = schedule.weekly(1);
  it.each([
    ['withEvents not an object', () => s.withEvents(3 as never), InputTypeError, 'withEvents'],
    ['withEvents unknown key', () => s.withEvents({ every: 7, often: true } as never), ParameterError, 'withEvents.often'],
    ['withEvents.every unreadable', () => s.withEvents({ every: 'soon' }), DurationError, 'withEvents.every'],
    ['withEvents.from unreadable', () => s.withEvents({ every: 7, from: 'soon' }), DurationError, 'withEvents.from'],
    ['withEvents.for unreadable', () => s.withEvents({ every: 7, for: 'soon' }), DurationError, 'withEvents.for'],
    ['pause not an object', () => s.pause('8 months' as never), InputTypeError, 'pause'],
    ['pause unknown key', () => s.pause({ from: 1, for: 2, until: 3 } as never), ParameterError, 'pause.until'],
    ['pause.for unreadable', () => s.pause({ from: 1, for: 'ages' }), DurationError, 'pause.for'],
    ['change not an object', () => s.change(null as never), InputTypeError, 'change'],
    ['change.at unreadable', () => s.change({ at: 'later', postsPerDay: 1 }), DurationError, 'change.at'],
    ['change.postsPerDay negative', () => s.change({ at: 1, postsPerDay: -1 }), ParameterError, 'change.postsPerDay'],
    ['quality not an object', () => s.quality('high' as never), InputTypeError, 'quality'],
    ['quality unknown key', () => s.quality({ value: 1, to: 3 } as never), ParameterError, 'quality.to'],
    ['quality.value negative', () => s.quality(-0.5), ParameterError, 'quality.value'],
    ['quality.from unreadable', () => s.quality({ value: 1, from: 'spring' }), DurationError, 'quality.from'],
    ['quality.for unreadable', () => s.quality({ value: 1, for: 'a while' }), DurationError, 'quality.for'],
    ['sample.from not finite', () => s.sample(NaN, 1, 3), ParameterError, 'sample.from'],
    ['sample.step zero', () => s.sample(0, 0, 3), ParameterError, 'sample.step'],
    ['sample.step infinite', () => s.sample(0, Infinity, 3), ParameterError, 'sample.step'],
    ['sample.count negative', () => s.sample(0, 1, -1), ParameterError, 'sample.count'],
    ['sample.count fractional', () => s.sample(0, 1, 1.5), ParameterError, 'sample.count'],
    ['log options not an object', () => schedule.fromLog([], 'weekly' as never), InputTypeError, 'options'],
    ['log options unknown key', () => schedule.fromLog([], { start: 0 } as never), ParameterError, 'options.start'],
    ['log origin not a string', () => schedule.fromLog([], { origin: 20210101 as never }), InputTypeError, 'options.origin'],
    ['log origin not a date', () => schedule.fromLog([], { origin: 'January' }), ParameterError, 'options.origin'],
    ['log spread unreadable', () => schedule.fromLog([], { spread: 'a bit' }), DurationError, 'options.spread'],
    ['log spread zero', () => schedule.fromLog([], { spread: 0 }), ParameterError, 'options.spread'],
    ['log entry not an object', () => schedule.fromLog([{ day: 0 }, 3] as never), InputTypeError, 'entries[1]'],
    ['log date not a string', () => schedule.fromLog([{ date: 20211001 }] as never), InputTypeError, 'entries[0].date'],
    ['log day not a number', () => schedule.fromLog([{ day: 'Monday' }] as never), InputTypeError, 'entries[0].day'],
    ['log events negative', () => schedule.fromLog([{ day: 0, events: -1 }]), ParameterError, 'entries[0].events'],
    ['dated log with a numbered entry', () => schedule.fromLog([{ date: '2021-01-01' }, { day: 3 }]), ParameterError, 'entries[1]'],
    ['dated log with an entry of neither', () => schedule.fromLog([{ date: '2021-01-01' }, { posts: 1 }]), ParameterError, 'entries[1]'],
    ['dated log with an entry of both', () => schedule.fromLog([{ date: '2021-01-01' }, { date: '2021-01-02', day: 1 }]), ParameterError, 'entries[1]'],
    ['numbered log with an entry of neither', () => schedule.fromLog([{ day: 0 }, { posts: 1 }]), ParameterError, 'entries[1]'],
    ['numbered log with an entry of both', () => schedule.fromLog([{ day: 0 }, { day: 1, date: '2021-01-02' }]), ParameterError, 'entries[1]'],
  ] as const)('%s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('says what each rule allows', () => {
    expect(() => s.sample(0, 1, -1)).toThrow('`sample.count` must be a whole number ≥ 0, got -1');
    expect(() => s.sample(0, 0, 1)).toThrow('`sample.step` must be a finite number > 0, got 0');
    expect(() => schedule.fromLog([], { spread: 0 })).toThrow('`options.spread` must be a duration > 0, got 0');
    expect(() => schedule.fromLog([{ date: 20211001 }] as never)).toThrow(
      "`entries[0].date` must be an ISO date such as '2022-07-01' (or a Date), got 20211001",
    );
    expect(() => schedule.fromLog([{ date: '2021-01-01' }, { day: 3 }])).toThrow(
      '`entries[1]` must be dated like the first entry (`date`, not `day`)',
    );
    expect(() => schedule.fromLog([{ date: '2021-02-29' }])).toThrow('must be a calendar date that exists');
  });
});

describe('schedule details', () => {
  it('starts from an empty spec: one steady rate, nothing logged, a week of spread', () => {
    expect(schedule.weekly(7).spec).toEqual({
      rates: [{ at: 0, postsPerDay: 1 }],
      loggedPosts: [],
      spread: 7,
      eventRules: [],
      loggedEvents: [],
      pauses: [],
      qualities: [],
      origin: null,
      loggedUntil: null,
    });
  });

  it('keeps pauses in order of their start, whatever order they are added in', () => {
    const s = schedule.weekly(1).pause({ from: 100, for: 10 }).pause({ from: 20, for: 5 }).pause({ from: 60, for: 1 });
    expect(s.spec.pauses.map((p) => p.from)).toEqual([20, 60, 100]);
  });

  it('keeps rate changes in order of day, and a second change on the same day replaces the first', () => {
    const s = schedule.weekly(7).change({ at: 50, postsPerDay: 3 }).change({ at: 20, postsPerWeek: 14 }).change({ at: 50, postsPerDay: 4 });
    expect(s.spec.rates).toEqual([
      { at: 0, postsPerDay: 1 },
      { at: 20, postsPerDay: 2 },
      { at: 50, postsPerDay: 4 },
    ]);
  });

  it('a sample of zero steps is empty', () => {
    const empty = schedule.weekly(1).sample(0, 1, 0);
    expect([empty.effort.length, empty.events.length, empty.quality.length]).toEqual([0, 0, 0]);
  });

  it('averages quality over each step; a span includes its first day and excludes its end', () => {
    // Half of day 0 and half of day 1 at quality 2: each of those days averages 1.5.
    expect([...schedule.weekly(1).quality({ value: 2, from: 0.5, for: 1 }).sample(0, 1, 3).quality]).toEqual([1.5, 1.5, 1]);
    expect([...schedule.weekly(1).quality({ value: 2, from: 1 }).sample(0, 2, 2).quality]).toEqual([1.5, 2]);
    expect([...schedule.weekly(1).quality({ value: 2, from: 3 }).sample(0, 2, 2).quality]).toEqual([1, 1.5]);
    // A later span overrides an earlier one where they overlap, piece by piece within a step.
    expect([...schedule.daily(1).quality(3).quality({ value: 1, from: 0.25, for: 0.5 }).sample(0, 1, 2).quality]).toEqual([2, 3]);
  });

  it('logged fractional posts leave exactly zero effort once their spread has passed', () => {
    const s = schedule.fromLog([{ day: 0, posts: 0.1 }, { day: 1, posts: 0.2 }]).sample(0, 1, 12);
    expect(s.effort[10]).toBe(0);
    expectClose(sum(s.effort), 0.3);
  });

  it('counts events in the step that holds them, on any grid, and none outside the sampled span', () => {
    const log = schedule.fromLog([{ day: 2, events: 1 }, { day: 13, events: 1 }, { day: 20, events: 1 }, { day: 30, events: 2 }]);
    const s = log.sample(10, 2, 10); // days 10 to 30
    expect([...s.events]).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('starts a regular event rule at its own first day, also when sampling begins before or after it', () => {
    const rule = schedule.none().withEvents({ every: 7, from: 10 });
    const early = rule.sample(0, 1, 30);
    expect([...early.events.keys()].filter((i) => early.events[i]! > 0)).toEqual([10, 17, 24]);
    const late = schedule.none().withEvents({ every: 7, from: 3 }).sample(30, 1, 20);
    expect([...late.events.keys()].filter((i) => late.events[i]! > 0).map((i) => i + 30)).toEqual([31, 38, 45]);
  });

  it('ends an event rule before the day it stops', () => {
    const s = schedule.none().withEvents({ every: 10, for: 20 }).sample(0, 1, 100);
    expect(sum(s.events)).toBe(2);
  });

  it('allows many events far into a run when the sampled span holds few of them', () => {
    const s = schedule.none().withEvents({ every: 0.05, from: 50_000 }).sample(100_000, 1, 10);
    expect(sum(s.events)).toBe(200);
  });

  it('allows two log entries on the same day', () => {
    expect(schedule.fromLog([{ day: 1 }, { day: 1, posts: 2 }]).spec.loggedPosts).toEqual([
      { day: 1, count: 1 },
      { day: 1, count: 2 },
    ]);
  });

  it('an empty log is an account that never posted', () => {
    expect(schedule.fromLog([]).sample(0, 1, 3).effort).toEqual(new Float64Array(3));
  });

  it('reads dates with surrounding spaces, keeping the origin as a date, and refuses a log sorted by instant', () => {
    const log = schedule.fromLog([{ date: ' 2021-10-01 ' }, { date: '2021-10-02' }, { date: '2021-10-05' }]);
    expect(log.spec.origin).toBe('2021-10-01');
    expect(log.spec.loggedPosts.map((p) => p.day)).toEqual([0, 1, 4]);
    expect(schedule.fromLog([{ date: '2021-10-03' }], { origin: ' 2021-10-01 ' }).spec.origin).toBe('2021-10-01');
    expect(caught(() => schedule.fromLog([{ date: '2021-10-01T23:30-05:00' }, { date: '2021-10-02T01:00Z' }]), ParameterError).field).toBe('entries[0].date');
  });

  it.each(['x2021-10-01', '2021-10-01x', '2021-10-01T09:30+2:00', '2021-10-01T09:30+ab:30', '2021-10-01T09:30+05:3', '2021-10-01T09:30+05:ab', '2021-13-01', '2021-00-10', '0050-01-01'])(
    'refuses %j as a date',
    (date) => {
      expect(caught(() => schedule.fromLog([{ date }]), ParameterError).field).toBe('entries[0].date');
    },
  );
});

describe('Schedule.sampledOnce (the engine’s kept samples)', () => {
  it('gives the same arrays for the same grid, equal to a fresh sample, and keeps the four most recent grids', () => {
    const plan = schedule.weekly(2).withEvents({ every: '1 month' }).pause({ from: 100, for: 50 });
    const first = plan.sampledOnce(0, 1, 400);
    expect(plan.sampledOnce(0, 1, 400)).toBe(first);
    expect(first).toEqual(plan.sample(0, 1, 400));
    expect(plan.sample(0, 1, 400)).not.toBe(first);
    expect(plan.sampledOnce(0, 0.5, 800)).not.toBe(first);
    for (const count of [10, 20, 30]) plan.sampledOnce(0, 1, count);
    // Five grids asked for: the first one has been let go, the latest are kept.
    expect(plan.sampledOnce(0, 1, 400)).not.toBe(first);
    expect(plan.sampledOnce(0, 1, 30)).toBe(plan.sampledOnce(0, 1, 30));
  });
});
