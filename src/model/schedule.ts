/**
 * Schedules: what the account does, day by day — posting effort, platform
 * events joined, content quality — built from readable pieces or from a real
 * log of posts.
 *
 * A {@link Schedule} is immutable: every builder returns a new schedule, and
 * its {@link Schedule.spec | spec} is plain JSON-ready data. Days are counted
 * from the account's own day 0 (the start of a {@link simulate} run, or a log's
 * origin).
 *
 * @module
 */
import { DAYS_PER_WEEK, positiveDays, toDays, type Duration } from '../core/duration.js';
import { isoDate, isoDateDay } from '../core/dates.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { finiteNumber, knownKeys, nonNegative, plainObject, positive, upTo } from '../core/validate.js';
import { sampleSchedule, type SampledSchedule } from './sampling.js';

export type { SampledSchedule, EffortLevels } from './sampling.js';

/** From day `at` on, the account posts at `postsPerDay` (a steady rate). */
export interface RateChange {
  /** The day the rate starts. */
  readonly at: number;
  /** Posts per day from then on. */
  readonly postsPerDay: number;
}

/** `count` posts or events on day `day` (fractional days are allowed). */
export interface DatedCount {
  /** The day, counted from the schedule's day 0. */
  readonly day: number;
  /** How many posts or events. */
  readonly count: number;
}

/** Events joined every `every` days from day `from`, until day `until` (exclusive; `null` for ever). */
export interface EventRule {
  /** Days between two events. */
  readonly every: number;
  /** The day of the first event. */
  readonly from: number;
  /** The day events stop (exclusive), or `null` for never. */
  readonly until: number | null;
}

/** No posts and no events from day `from` (inclusive) to day `to` (exclusive). */
export interface PauseSpan {
  /** The first day of the absence. */
  readonly from: number;
  /** The day activity resumes (exclusive end of the absence). */
  readonly to: number;
}

/** Content quality multiplies reach by `value` from day `from` to day `to` (exclusive; `null` for ever). */
export interface QualitySpan {
  /** The day the quality starts. */
  readonly from: number;
  /** The day it ends (exclusive), or `null` for never. */
  readonly to: number | null;
  /** The multiplier on reach. */
  readonly value: number;
}

/** The plain data behind a {@link Schedule}: every time in days from the account's day 0. */
export interface ScheduleSpec {
  /** Steady posting rates, sorted by `at`; before the first one the rate is 0. */
  readonly rates: readonly RateChange[];
  /** Posts from a log; each counts as effort spread evenly over `spread` days. */
  readonly loggedPosts: readonly DatedCount[];
  /** Days over which one logged post counts as effort. */
  readonly spread: number;
  /** Recurring platform events. */
  readonly eventRules: readonly EventRule[];
  /** Events from a log. */
  readonly loggedEvents: readonly DatedCount[];
  /** Absences: no posts and no events. */
  readonly pauses: readonly PauseSpan[];
  /** Quality multipliers; a later span overrides an earlier one where they overlap. */
  readonly qualities: readonly QualitySpan[];
  /** The calendar date of day 0 (`YYYY-MM-DD`) when the schedule came from a dated log, else `null`. */
  readonly origin: string | null;
  /** The day a log is complete to (nothing posted from its last entry to this day), else `null`. */
  readonly loggedUntil: number | null;
}

/** Options of {@link Schedule.withEvents}. */
export interface EventOptions {
  /** Time between two events, e.g. `'1 month'`. */
  readonly every: Duration;
  /** Day of the first event. @defaultValue 0 */
  readonly from?: Duration;
  /** Events stop after this long (counted from `from`). @defaultValue for ever */
  readonly for?: Duration;
}

/** Options of {@link Schedule.pause}. */
export interface PauseOptions {
  /** When the absence begins, e.g. `'18 months'`. */
  readonly from: Duration;
  /** How long it lasts, e.g. `'8 months'`. */
  readonly for: Duration;
}

/** Options of {@link Schedule.change}: give `postsPerWeek` or `postsPerDay`. */
export interface ChangeOptions {
  /** When the new rate starts. */
  readonly at: Duration;
  /** The new rate, in posts per week. */
  readonly postsPerWeek?: number;
  /** The new rate, in posts per day. */
  readonly postsPerDay?: number;
}

/** Options of {@link Schedule.quality} for a quality that holds for a while. */
export interface QualityOptions {
  /** The multiplier on reach (1 is the reference quality). */
  readonly value: number;
  /** When it starts. @defaultValue 0 */
  readonly from?: Duration;
  /** How long it lasts. @defaultValue for ever */
  readonly for?: Duration;
}

/** One entry of a real posting log: a date (ISO `YYYY-MM-DD`) or a day number, with posts and events. */
export interface LogEntry {
  /** The calendar date, `YYYY-MM-DD` (an ISO time after it is accepted and ignored). */
  readonly date?: string | Date;
  /** The day number, counted from the log's day 0. Give `date` or `day`, not both. */
  readonly day?: number;
  /** Posts made that day. @defaultValue 1 if `events` is not given, else 0 */
  readonly posts?: number;
  /** Platform events or challenges joined that day. @defaultValue 0 */
  readonly events?: number;
}

/** Options of `schedule.fromLog`. */
export interface LogOptions {
  /** The date of day 0 for a dated log. @defaultValue the first entry's date */
  readonly origin?: string | Date;
  /**
   * One logged post counts as effort spread evenly over this long, so that a
   * log and a steady rate with the same number of posts earn the same inflow.
   * @defaultValue `'1 week'`
   */
  readonly spread?: Duration;
  /**
   * How long from day 0 the log is complete: a log that ends quietly says so
   * here (nothing was posted between its last entry and this day), and a fit
   * may then use measurements up to it.
   * @defaultValue the day after the last entry
   */
  readonly end?: Duration;
}

/** Grids a schedule keeps its samples for (see {@link Schedule.sampledOnce}). */
const SAMPLED_KEPT = 4;

/**
 * An immutable plan or record of activity. Build one with {@link schedule}.
 *
 * @example
 * ```ts
 * import { schedule } from 'relationship-equity';
 * const plan = schedule
 *   .weekly(1.5)
 *   .withEvents({ every: '1 month' })
 *   .pause({ from: '18 months', for: '8 months' })
 *   .change({ at: '26 months', postsPerWeek: 7 });
 * plan.spec.pauses; // [{ from: 547.875, to: 791.375 }]
 * ```
 */
export class Schedule {
  /** The plain data of this schedule. */
  readonly spec: ScheduleSpec;

  /**
   * A schedule from its plain data, checked field by field and copied (the
   * caller's object is neither kept nor frozen). Use the {@link schedule}
   * builders instead where you can.
   *
   * @throws {@link ParameterError} or {@link InputTypeError} naming the field (`spec.rates[2].at`, …).
   */
  constructor(spec: ScheduleSpec) {
    this.spec = deepFreeze(readSpec('spec', spec));
  }

  /**
   * Join a platform event or challenge at a regular interval.
   *
   * @throws {@link DurationError} for an invalid `every`, `from` or `for`; {@link ParameterError} if `every` is 0.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * schedule.weekly(1.5).withEvents({ every: '1 month' }).spec.eventRules;
   * // [{ every: 30.4375, from: 0, until: null }]
   * ```
   */
  withEvents(options: EventOptions): Schedule {
    const o = plainObject('withEvents', options);
    knownKeys('withEvents', o, ['every', 'from', 'for']);
    const every = positiveDays('withEvents.every', o.every);
    if (!(every >= MIN_EVENT_INTERVAL_DAYS)) throw new ParameterError('withEvents.every', o.every, `at least ${MIN_EVENT_INTERVAL_DAYS} days (an hour) between events`);
    const from = o.from === undefined ? 0 : toDays(o.from as Duration, 'withEvents.from');
    const until = o.for === undefined ? null : from + toDays(o.for as Duration, 'withEvents.for');
    return this.with({ eventRules: [...this.spec.eventRules, { every, from, until }] });
  }

  /**
   * An absence: no posts and no events from `from` for `for`.
   *
   * @throws {@link DurationError} for an invalid `from` or `for`.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * schedule.weekly(1.5).pause({ from: '18 months', for: '8 months' }).spec.pauses;
   * // [{ from: 547.875, to: 791.375 }]
   * ```
   */
  pause(options: PauseOptions): Schedule {
    const o = plainObject('pause', options);
    knownKeys('pause', o, ['from', 'for']);
    const from = toDays(o.from as Duration, 'pause.from');
    const length = toDays(o.for as Duration, 'pause.for');
    const pauses = [...this.spec.pauses, { from, to: from + length }].sort((a, b) => a.from - b.from);
    return this.with({ pauses });
  }

  /**
   * Change the steady posting rate from a given day on.
   *
   * @throws {@link ParameterError} unless exactly one of `postsPerWeek` and `postsPerDay` is a finite number ≥ 0.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * schedule.weekly(1.5).change({ at: '1 year', postsPerWeek: 7 }).spec.rates;
   * // [{ at: 0, postsPerDay: 0.214… }, { at: 365.25, postsPerDay: 1 }]
   * ```
   */
  change(options: ChangeOptions): Schedule {
    const o = plainObject('change', options);
    knownKeys('change', o, ['at', 'postsPerWeek', 'postsPerDay']);
    const at = toDays(o.at as Duration, 'change.at');
    const postsPerDay = rateFrom('change', o);
    const rates = [...this.spec.rates.filter((r) => r.at !== at), { at, postsPerDay }].sort(
      (a, b) => a.at - b.at,
    );
    return this.with({ rates });
  }

  /**
   * Set the content quality, a multiplier on reach (1 is the reference). Give a
   * number for the whole run, or `{ value, from, for }` for a while; a later
   * call overrides an earlier one where they overlap.
   *
   * @throws {@link ParameterError} for a quality that is not a finite number ≥ 0.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * const polished = schedule.weekly(1.5).quality(1.3);
   * const campaign = schedule.weekly(1.5).quality({ value: 1.2, from: '3 months', for: '6 weeks' });
   * campaign.spec.qualities; // [{ from: 91.3125, to: 133.3125, value: 1.2 }]
   * ```
   */
  quality(options: number | QualityOptions): Schedule {
    const o: Record<string, unknown> =
      typeof options === 'number' ? { value: options } : plainObject('quality', options);
    knownKeys('quality', o, ['value', 'from', 'for']);
    const value = upTo('quality.value', o.value, MAX_QUALITY, 'a multiplier on reach');
    const from = o.from === undefined ? 0 : toDays(o.from as Duration, 'quality.from');
    const to = o.for === undefined ? null : from + toDays(o.for as Duration, 'quality.for');
    return this.with({ qualities: [...this.spec.qualities, { from, to, value }] });
  }

  /**
   * Sample the schedule on a grid: `count` steps of `step` days from day `from`.
   * Effort and quality are averaged over each step, events are counted in it, and
   * the share of it the account is active is measured (see `sampling.ts`: a post
   * keeps the account active for `spread` days, an event for a day; a steady rate
   * posts every 1/r days).
   *
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * const s = schedule.weekly(7).withEvents({ every: '1 week' }).sample(0, 1, 14);
   * s.effort[0]; // 1
   * s.events[0] + s.events[7]; // 2
   * ```
   */
  sample(from: number, step: number, count: number): SampledSchedule {
    finiteNumber('sample.from', from);
    if (!(step > 0 && step < Infinity)) throw new ParameterError('sample.step', step, 'a finite number > 0');
    if (!(Number.isInteger(count) && count >= 0)) {
      throw new ParameterError('sample.count', count, 'a whole number ≥ 0');
    }
    return sampleSchedule(this.spec, from, step, count);
  }

  /** Grids this schedule was sampled on by the engine, the most recent last (a few kept). */
  #sampled = new Map<string, SampledSchedule>();

  /**
   * {@link Schedule.sample} for the engine, kept: a run on the same grid as one
   * before it (a Monte Carlo, a fit, a sensitivity analysis, a slider) reuses the
   * arrays instead of sampling again. The arrays are shared — read them, never
   * write them. The grid is the caller's, already checked.
   *
   * @internal
   */
  sampledOnce(from: number, step: number, count: number): SampledSchedule {
    const key = `${from}/${step}/${count}`;
    const kept = this.#sampled.get(key);
    if (kept !== undefined) return kept;
    const sampled = sampleSchedule(this.spec, from, step, count);
    if (this.#sampled.size >= SAMPLED_KEPT) this.#sampled.delete(this.#sampled.keys().next().value!);
    this.#sampled.set(key, sampled);
    return sampled;
  }

  /** The spec as plain data, for `JSON.stringify`. */
  toJSON(): ScheduleSpec {
    return this.spec;
  }

  private with(change: Partial<ScheduleSpec>): Schedule {
    return new Schedule({ ...this.spec, ...change });
  }
}

/**
 * A schedule given as an option: a {@link Schedule} made with the builders,
 * or `fallback` when none was given (no fallback: the option is required).
 *
 * @throws {@link ParameterError} for anything else, naming `field`.
 * @internal
 */
export function scheduleInput(field: string, value: unknown, fallback?: () => Schedule): Schedule {
  if (value === undefined && fallback !== undefined) return fallback();
  if (value instanceof Schedule) return value;
  throw new ParameterError(field, value, 'a Schedule made with the `schedule` builders');
}

/** The most rules (rate changes, event rules, pauses, quality spans) a schedule holds. */
export const MAX_SCHEDULE_RULES = 10_000;
/** The most logged posts or events a schedule holds. */
export const MAX_LOG_ENTRIES = 1_000_000;

/** An array of at most `max` items, each read once by `item`. */
function listOf<T>(field: string, value: unknown, max: number, item: (o: Record<string, unknown>, f: string) => T): T[] {
  if (!Array.isArray(value)) throw new InputTypeError(field, value, 'an array');
  if (value.length > max) throw new ParameterError(field, `${value.length} entries`, `at most ${max} entries`);
  return Array.from(value, (raw: unknown, i: number) => item(plainObject(`${field}[${i}]`, raw), `${field}[${i}]`));
}

const day = (field: string, value: unknown): number => nonNegative(field, value);
const endOrNull = (field: string, value: unknown, from: number): number | null => {
  if (value === null) return null;
  const to = nonNegative(field, value);
  if (!(to >= from)) throw new ParameterError(field, value, `null or a day ≥ from (${from})`);
  return to;
};

/**
 * Check and copy the plain data of a schedule, reading every field once:
 * days ≥ 0, counts and rates in their ranges, one rate change a day (put in
 * order of `at`), logs sorted, spans that end after they start.
 *
 * @internal
 */
export function readSpec(field: string, raw: unknown): ScheduleSpec {
  const o = plainObject(field, raw);
  knownKeys(field, o, ['rates', 'loggedPosts', 'spread', 'eventRules', 'loggedEvents', 'pauses', 'qualities', 'origin', 'loggedUntil']);
  const f = (name: string): string => `${field}.${name}`;
  const rates = listOf(f('rates'), o.rates, MAX_SCHEDULE_RULES, (r, g) => {
    knownKeys(g, r, ['at', 'postsPerDay']);
    return { at: day(`${g}.at`, r.at), postsPerDay: upTo(`${g}.postsPerDay`, r.postsPerDay, MAX_POSTS_PER_DAY, 'posts a day'), index: Number(g.slice(g.lastIndexOf('[') + 1, -1)) };
  }).sort((a, b) => a.at - b.at || a.index - b.index);
  rates.forEach((r, i) => {
    if (i > 0 && r.at === rates[i - 1]!.at) throw new ParameterError(`${f('rates')}[${r.index}].at`, r.at, `a day no other rate change starts on (rates[${rates[i - 1]!.index}] does): one rate a day`);
  });
  const log = (name: string, max: number) =>
    listOf(f(name), o[name], MAX_LOG_ENTRIES, (e, g) => {
      knownKeys(g, e, ['day', 'count']);
      return { day: day(`${g}.day`, e.day), count: upTo(`${g}.count`, e.count, max) };
    });
  const loggedPosts = log('loggedPosts', MAX_POSTS_PER_DAY * DAYS_PER_WEEK);
  const loggedEvents = log('loggedEvents', MAX_EVENTS_PER_ENTRY);
  for (const [name, list] of [['loggedPosts', loggedPosts], ['loggedEvents', loggedEvents]] as const) {
    list.forEach((e, i) => {
      if (i > 0 && e.day < list[i - 1]!.day) throw new ParameterError(`${f(name)}[${i}].day`, e.day, 'on or after the entry before it (the log must be sorted)');
    });
  }
  const spread = positive(f('spread'), o.spread);
  const eventRules = listOf(f('eventRules'), o.eventRules, MAX_SCHEDULE_RULES, (r, g) => {
    knownKeys(g, r, ['every', 'from', 'until']);
    const every = positive(`${g}.every`, r.every);
    if (!(every >= MIN_EVENT_INTERVAL_DAYS)) throw new ParameterError(`${g}.every`, r.every, `at least ${MIN_EVENT_INTERVAL_DAYS} days (an hour) between events`);
    const from = day(`${g}.from`, r.from);
    return { every, from, until: endOrNull(`${g}.until`, r.until, from) };
  });
  const pauses = listOf(f('pauses'), o.pauses, MAX_SCHEDULE_RULES, (p, g) => {
    knownKeys(g, p, ['from', 'to']);
    const from = day(`${g}.from`, p.from);
    const to = nonNegative(`${g}.to`, p.to);
    if (!(to >= from)) throw new ParameterError(`${g}.to`, p.to, `a day ≥ from (${from})`);
    return { from, to };
  });
  const qualities = listOf(f('qualities'), o.qualities, MAX_SCHEDULE_RULES, (q, g) => {
    knownKeys(g, q, ['from', 'to', 'value']);
    const from = day(`${g}.from`, q.from);
    return { from, to: endOrNull(`${g}.to`, q.to, from), value: upTo(`${g}.value`, q.value, MAX_QUALITY, 'a multiplier on reach') };
  });
  const origin = o.origin === null || o.origin === undefined ? null : isoDate(f('origin'), o.origin).date;
  const loggedUntil = o.loggedUntil === null || o.loggedUntil === undefined ? null : day(f('loggedUntil'), o.loggedUntil);
  return { rates: rates.map(({ at, postsPerDay }) => ({ at, postsPerDay })), loggedPosts, spread, eventRules, loggedEvents, pauses, qualities, origin, loggedUntil };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function rateFrom(field: string, o: Record<string, unknown>): number {
  const hasWeek = o.postsPerWeek !== undefined;
  const hasDay = o.postsPerDay !== undefined;
  if (hasWeek === hasDay) {
    throw new ParameterError(field, o, 'given exactly one of `postsPerWeek` and `postsPerDay`');
  }
  return hasWeek
    ? upTo(`${field}.postsPerWeek`, o.postsPerWeek, MAX_POSTS_PER_DAY * DAYS_PER_WEEK, 'posts a week') / DAYS_PER_WEEK
    : upTo(`${field}.postsPerDay`, o.postsPerDay, MAX_POSTS_PER_DAY, 'posts a day');
}

/** The most posts a day a schedule takes: far beyond any account (and far from overflow). */
export const MAX_POSTS_PER_DAY = 10_000;
/** The largest quality multiplier. */
const MAX_QUALITY = 1000;
/** The shortest interval between a rule's events, in days (an hour). */
const MIN_EVENT_INTERVAL_DAYS = 1 / 24;
/** The most events one log entry may hold. */
const MAX_EVENTS_PER_ENTRY = 10_000;

const EMPTY: ScheduleSpec = {
  rates: [],
  loggedPosts: [],
  spread: DAYS_PER_WEEK,
  eventRules: [],
  loggedEvents: [],
  pauses: [],
  qualities: [],
  origin: null,
  loggedUntil: null,
};

function steady(postsPerDay: number): Schedule {
  return new Schedule({ ...EMPTY, rates: [{ at: 0, postsPerDay }] });
}

function fromLog(entries: readonly LogEntry[], options: LogOptions = {}): Schedule {
  if (!Array.isArray(entries)) throw new InputTypeError('entries', entries, 'an array of log entries');
  const o = plainObject('options', options);
  knownKeys('options', o, ['origin', 'spread', 'end']);
  const spread = o.spread === undefined ? DAYS_PER_WEEK : positiveDays('options.spread', o.spread);
  const loggedUntil = o.end === undefined ? null : positiveDays('options.end', o.end);
  const dated = entries.length > 0 && (entries[0] as LogEntry | undefined)?.date !== undefined;
  // Day 0: the origin given, else the first entry's date; a numbered log has none.
  const start = o.origin !== undefined ? isoDate('options.origin', o.origin) : dated ? isoDate('entries[0].date', entries[0]!.date) : undefined;
  const originDay = start?.day ?? 0;
  const origin = start?.date ?? null;
  const loggedPosts: DatedCount[] = [];
  const loggedEvents: DatedCount[] = [];
  let previous = -Infinity;
  entries.forEach((raw, i) => {
    const entry = plainObject(`entries[${i}]`, raw);
    knownKeys(`entries[${i}]`, entry, ['date', 'day', 'posts', 'events']);
    let day: number;
    if (dated) {
      if (entry.day !== undefined || entry.date === undefined) {
        throw new ParameterError(`entries[${i}]`, raw, 'dated like the first entry (`date`, not `day`)');
      }
      day = isoDateDay(`entries[${i}].date`, entry.date) - originDay;
    } else {
      if (entry.date !== undefined || entry.day === undefined) {
        throw new ParameterError(`entries[${i}]`, raw, 'numbered like the first entry (`day`, not `date`)');
      }
      day = finiteNumber(`entries[${i}].day`, entry.day);
    }
    const field = dated ? `entries[${i}].date` : `entries[${i}].day`;
    if (day < previous) {
      throw new ParameterError(field, dated ? entry.date : entry.day, 'on or after the entry before it (the log must be sorted)');
    }
    if (day < 0) throw new ParameterError(field, dated ? entry.date : entry.day, 'on or after day 0 (the origin)');
    previous = day;
    const events = entry.events === undefined ? 0 : upTo(`entries[${i}].events`, entry.events, MAX_EVENTS_PER_ENTRY, 'events in one entry');
    const posts =
      entry.posts === undefined
        ? entry.events === undefined
          ? 1
          : 0
        : upTo(`entries[${i}].posts`, entry.posts, MAX_POSTS_PER_DAY * DAYS_PER_WEEK, 'posts in one entry');
    if (posts > 0) loggedPosts.push({ day, count: posts });
    if (events > 0) loggedEvents.push({ day, count: events });
  });
  if (loggedUntil !== null && previous >= loggedUntil) {
    throw new ParameterError('options.end', o.end, `after the last entry (day ${previous})`);
  }
  return new Schedule({ ...EMPTY, loggedPosts, loggedEvents, spread, origin, loggedUntil });
}

/**
 * Builders for {@link Schedule}s. Each returns an immutable schedule whose
 * methods (`withEvents`, `pause`, `change`, `quality`) return new schedules.
 *
 * @example
 * ```ts
 * import { schedule } from 'relationship-equity';
 * // the seed's account: 1-2 posts a week, an event a month, then 8 months away
 * const seed = schedule.weekly(1.5).withEvents({ every: '1 month' }).pause({ from: '18 months', for: '8 months' });
 * // from a real log
 * const log = schedule.fromLog([
 *   { date: '2021-01-04' },
 *   { date: '2021-01-07', posts: 2 },
 *   { date: '2021-01-15', events: 1 },
 * ]);
 * log.spec.origin; // '2021-01-04'
 * ```
 */
export const schedule = Object.freeze({
  /**
   * Steady posting at `postsPerWeek`, from day 0.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * schedule.weekly(1.5).spec.rates; // [{ at: 0, postsPerDay: 0.2142857142857143 }]
   * ```
   */
  weekly(postsPerWeek: number): Schedule {
    return steady(upTo('postsPerWeek', postsPerWeek, MAX_POSTS_PER_DAY * DAYS_PER_WEEK, 'posts a week') / DAYS_PER_WEEK);
  },
  /**
   * Steady posting at `postsPerDay`, from day 0.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * schedule.daily(1).spec.rates; // [{ at: 0, postsPerDay: 1 }]
   * ```
   */
  daily(postsPerDay: number): Schedule {
    return steady(upTo('postsPerDay', postsPerDay, MAX_POSTS_PER_DAY, 'posts a day'));
  },
  /**
   * No activity at all: an account left alone.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * schedule.none().spec.rates; // []
   * ```
   */
  none(): Schedule {
    return new Schedule(EMPTY);
  },
  /**
   * The claims table's reference account: 1.5 posts a week and a platform
   * event once a month, from day 0.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * const seed = schedule.reference().pause({ from: '18 months', for: '8 months' });
   * ```
   */
  reference(): Schedule {
    return schedule.weekly(1.5).withEvents({ every: '1 month' });
  },
  /**
   * A schedule from a real log of posts and events, dated (`date: 'YYYY-MM-DD'`)
   * or numbered (`day: 12`). Entries must be sorted. A logged post counts as
   * effort spread over the following week (see {@link LogOptions.spread}).
   *
   * @throws {@link ParameterError} for unsorted entries, invalid dates, negative counts or mixed date and day entries.
   * @example
   * ```ts
   * import { schedule } from 'relationship-equity';
   * const log = schedule.fromLog([{ day: 0 }, { day: 3, posts: 2 }, { day: 10, events: 1 }]);
   * log.sample(0, 7, 2).effort; // Float64Array [ 0.306…, 0.122… ] posts per day in weeks 1 and 2
   * ```
   */
  fromLog,
});
