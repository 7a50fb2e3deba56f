/**
 * Durations the way a strategist writes them: a number of days, or a string
 * with a unit (`'8 months'`, `'1.5 years'`, `'2 weeks'`, `'45 days'`, `'12 hours'`).
 *
 * Strings are read with mathjs units (only the unit parser is bundled, so the
 * import stays light). A year is 365.25 days and a month is a twelfth of it,
 * 30.4375 days.
 *
 * @module
 */
import { create, unitDependencies } from 'mathjs';
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

let unitParser: ((text: string) => { toNumber(unit: string): number }) | undefined;

function parseUnit(text: string): number {
  if (unitParser === undefined) {
    const math = create(unitDependencies as NonNullable<typeof unitDependencies>);
    unitParser = (t: string) => math.unit(t);
  }
  return unitParser(text).toNumber('day');
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
