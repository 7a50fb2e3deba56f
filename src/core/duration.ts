/**
 * Durations the way a strategist writes them: a number of days, or a string
 * with units — `'8 months'`, `'8 mo'`, `'1.5 years'`, `'1 year 6 months'`,
 * `'2 weeks'`, `'45 days'`, `'12 hours'`, in any case, with ordinary or
 * no-break spaces — or an ISO 8601 duration (`'P8M'`, `'P1Y6M'`, `'P2W'`,
 * `'PT12H'`).
 *
 * A year is 365.25 days and a month is a twelfth of it, 30.4375 days (ISO 8601
 * leaves both to the reader; these are the Julian year's). The parser is a
 * table of units and two patterns: it evaluates nothing.
 *
 * @module
 */
import { DurationError, ParameterError } from './errors.js';
import { decimalNumber } from './validate.js';

/**
 * A length of time: a number of days, or a string with a time unit such as
 * `'8 months'`, `'1.5 years'`, `'2 weeks'`, `'45 days'` or `'12 hours'`.
 */
export type Duration = number | string;

/**
 * Days in a year: 365.25.
 * @example
 * ```ts
 * import { DAYS_PER_YEAR, toDays } from 'relationship-equity';
 * toDays('2 years') === 2 * DAYS_PER_YEAR; // true
 * ```
 */
export const DAYS_PER_YEAR = 365.25;
/**
 * Days in a month: 365.25 / 12 = 30.4375.
 * @example
 * ```ts
 * import { DAYS_PER_MONTH } from 'relationship-equity';
 * const months = 243.5 / DAYS_PER_MONTH; // 8
 * ```
 */
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
/**
 * Days in a week: 7.
 * @example
 * ```ts
 * import { DAYS_PER_WEEK } from 'relationship-equity';
 * const postsPerDay = 1.5 / DAYS_PER_WEEK; // 0.214…
 * ```
 */
export const DAYS_PER_WEEK = 7;

/** Days per unit, by every name the parser reads (lower case). */
const UNITS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const add = (days: number, ...names: string[]) => names.forEach((n) => (table[n] = days));
  add(1 / 86_400, 's', 'sec', 'secs', 'second', 'seconds');
  add(1 / 1440, 'min', 'mins', 'minute', 'minutes');
  add(1 / 24, 'h', 'hr', 'hrs', 'hour', 'hours');
  add(1, 'd', 'day', 'days');
  add(7, 'w', 'wk', 'wks', 'week', 'weeks');
  add(14, 'fortnight', 'fortnights');
  add(DAYS_PER_YEAR / 12, 'mo', 'mos', 'mon', 'mons', 'month', 'months');
  add(DAYS_PER_YEAR / 4, 'quarter', 'quarters');
  add(DAYS_PER_YEAR, 'y', 'yr', 'yrs', 'year', 'years');
  return Object.freeze(table);
})();

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
/** One "number unit" term, anchored where the last one ended. */
const TERM = new RegExp(String.raw`\s*(${NUMBER})\s*([a-z]+)\s*(?:,|and\b)?`, 'y');
const ISO_PART = String.raw`(?:(\d+(?:[.,]\d+)?)`;
const ISO = new RegExp(String.raw`^p${ISO_PART}y)?${ISO_PART}m)?${ISO_PART}w)?${ISO_PART}d)?(?:t${ISO_PART}h)?${ISO_PART}m)?${ISO_PART}s)?)?$`);

/** Days in an ISO 8601 duration (`p1y6m`, lower case), or undefined if the text is not one. */
function isoDays(text: string): number | undefined {
  const m = ISO.exec(text);
  if (m === null || text === 'p' || text.endsWith('t')) return undefined;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v.replace(',', '.'))));
  return y! * DAYS_PER_YEAR + (mo! * DAYS_PER_YEAR) / 12 + w! * 7 + d! + h! / 24 + mi! / 1440 + s! / 86_400;
}

/** Days in text of one or more "number unit" terms (`8 months`, `1 year 6 months`); throws a reason if it is not. */
function termDays(text: string): number {
  TERM.lastIndex = 0;
  let days = 0;
  let terms = 0;
  while (TERM.lastIndex < text.length) {
    const at = TERM.lastIndex;
    const m = TERM.exec(text);
    if (m === null) throw new Error(terms === 0 ? 'a number and a unit' : `a number and a unit after "${text.slice(0, at).trim()}"`);
    const unit = UNITS[m[2]!];
    if (unit === undefined) throw new Error(`"${m[2]}" is not a unit of time: days, weeks, months, years (d, w, mo, y), hours`);
    days += Number(m[1]) * unit;
    terms++;
  }
  return days;
}

/** Read text as a duration in days: ISO 8601 or terms; throws a reason if it is neither. */
function parseUnit(raw: string): number {
  const text = raw.replace(/[\u00a0\u202f\u2007]/g, ' ').trim().toLowerCase();
  return isoDays(text) ?? termDays(text);
}

const ALLOWED = "a number of days or a time such as '8 months' or '2 weeks'";

/** The longest duration text read (checked before it is parsed). */
const MAX_DURATION_TEXT = 100;

/**
 * Convert a {@link Duration} to a number of days.
 *
 * @param duration - days as a number, or a string with a time unit.
 * @param field - the name used in an error message.
 * @returns the duration in days (a finite number ≥ 0).
 * @throws {@link DurationError} for a negative or non-finite amount, an unknown
 * unit, a unit that is not a time, or a value that is neither number nor string.
 *
 * @example
 * ```ts
 * import { toDays } from 'relationship-equity';
 * toDays('8 months'); // 243.5
 * toDays('1.5 years'); // 547.875
 * toDays('2 weeks'); // 14
 * toDays(45); // 45
 * ```
 */
export function toDays(duration: Duration, field = 'duration'): number {
  let days: number;
  if (typeof duration === 'number') {
    days = duration;
  } else if (typeof duration === 'string') {
    if (duration.length > MAX_DURATION_TEXT) throw new DurationError(field, duration, `at most ${MAX_DURATION_TEXT} characters: ${ALLOWED}`);
    const text = duration.trim();
    if (text === '') throw new DurationError(field, duration, ALLOWED);
    // A bare number in a string ("30") is read as days.
    const plain = decimalNumber(text);
    if (plain !== undefined) {
      days = plain;
    } else {
      try {
        days = parseUnit(text);
      } catch (error) {
        const reason = error instanceof Error ? ` (${error.message.replace(/\.$/, '')})` : '';
        throw new DurationError(field, duration, `${ALLOWED}${reason}`);
      }
    }
  } else {
    throw new DurationError(field, duration, ALLOWED);
  }
  if (!Number.isFinite(days)) throw new DurationError(field, duration, `finite: ${ALLOWED}`);
  if (!(days >= 0)) throw new DurationError(field, duration, `not negative: ${ALLOWED}`);
  return days;
}

/**
 * A duration that must be longer than zero (a horizon, a step, a memory), in
 * days: {@link toDays} and then the check, with one message for every field.
 *
 * @throws {@link DurationError} as {@link toDays}; {@link ParameterError} for a duration of 0.
 * @internal
 * @example
 * ```ts
 * positiveDays('horizon', '3 years'); // 1095.75
 * positiveDays('step', 0); // throws: `step` must be a duration > 0, got 0
 * ```
 */
export function positiveDays(field: string, duration: unknown): number {
  const days = toDays(duration as Duration, field);
  if (!(days > 0)) throw new ParameterError(field, duration, 'a duration > 0');
  return days;
}

/**
 * Convert a number of days to months (of 30.4375 days).
 *
 * @throws {@link DurationError} for a value that is not a finite number.
 *
 * @example
 * ```ts
 * import { daysToMonths } from 'relationship-equity';
 * daysToMonths(243.5); // 8
 * ```
 */
export function daysToMonths(days: number): number {
  if (typeof days !== 'number') throw new DurationError('days', days, 'a number of days');
  if (!Number.isFinite(days)) throw new DurationError('days', days, 'a finite number of days');
  return days / DAYS_PER_MONTH;
}
