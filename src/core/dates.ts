/**
 * Calendar dates as the library reads them: ISO `YYYY-MM-DD`, nothing more —
 * a date is a day. A time or a zone is refused rather than dropped: dropping
 * it would put `2022-07-01T23:30-05:00` (July 2 in UTC) on July 1, and an
 * instant cannot be placed on a calendar day without a zone to read it in.
 * Logs, history exports and channel launch dates all go through here.
 *
 * @module
 */
import { InputTypeError, ParameterError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_TIME = /^\d{4}-\d{2}-\d{2}[T ]/;
const MS_PER_DAY = 86_400_000;

/**
 * The calendar day of a `Date`: the UTC date when it is exactly midnight UTC
 * (as `new Date('2022-07-01')` is), else the date where it was made (its local
 * date, as `new Date(2022, 6, 1)` is) — a day either way, never shifted by a zone.
 */
function dateObject(field: string, value: Date): { readonly day: number; readonly date: string } {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw new ParameterError(field, 'Invalid Date', 'a valid Date or an ISO date such as \'2022-07-01\'');
  const utcMidnight = ms % MS_PER_DAY === 0;
  const [y, m, d] = utcMidnight ? [value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()] : [value.getFullYear(), value.getMonth(), value.getDate()];
  if (y < 100) throw new ParameterError(field, value.toISOString?.() ?? String(value), 'a date from the year 100 on');
  const day = Date.UTC(y, m, d) / MS_PER_DAY;
  return { day, date: new Date(day * MS_PER_DAY).toISOString().slice(0, 10) };
}
const ALLOWED = "an ISO date such as '2022-07-01' (or a Date)";
const NO_TIME = "a calendar date 'YYYY-MM-DD' without a time or zone (a date is a day: write the day the entry belongs to)";

/**
 * The day number (days since 1970-01-01) of an ISO date, or of a `Date`
 * (its calendar day); surrounding spaces are allowed, a time or zone is not.
 *
 * @throws {@link InputTypeError} for a value that is not a string; {@link ParameterError}
 * for text that is not an ISO date, or a date that does not exist (`2022-02-30`)
 * or is before the year 100.
 * @internal
 * @example
 * ```ts
 * isoDateDay('launched', '2017-09-01'); // 17410
 * ```
 */
export function isoDateDay(field: string, text: unknown): number {
  return isoDate(field, text).day;
}

/**
 * An ISO date read as {@link isoDateDay} reads it: its day number and its date
 * as `YYYY-MM-DD` (without spaces).
 *
 * @internal
 * @example
 * ```ts
 * isoDate('origin', ' 2021-10-01 '); // { day: 18901, date: '2021-10-01' }
 * ```
 */
export function isoDate(field: string, text: unknown): { readonly day: number; readonly date: string } {
  if (text instanceof Date) return dateObject(field, text);
  if (typeof text !== 'string') throw new InputTypeError(field, text, ALLOWED);
  const trimmed = text.trim();
  const match = ISO_DATE.exec(trimmed);
  if (match === null) throw new ParameterError(field, text, WITH_TIME.test(trimmed) ? NO_TIME : ALLOWED);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls over (Feb 30 is Mar 2) and reads years 0–99 as 1900–1999: refuse both.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new ParameterError(field, text, 'a calendar date that exists');
  }
  return { day: ms / MS_PER_DAY, date: `${match[1]}-${match[2]}-${match[3]}` };
}
