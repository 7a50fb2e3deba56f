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
      { date: '2022-03-01T09:30:00Z', posts: 1 },
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

  it('refuses an event interval so short it would hang', () => {
    const s = schedule.none().withEvents({ every: 1e-6 });
    expect(caught(() => s.sample(0, 1, 3650), ParameterError).field).toBe('withEvents.every');
  });
});
