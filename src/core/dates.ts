/**
 * Calendar dates as the library reads them: ISO `YYYY-MM-DD`, optionally with a
 * time and a zone (`2022-07-01T09:30:00Z`), which are ignored — a date is a day.
 * Logs, history exports and channel launch dates all go through here.
 *
 * @module
 */
import { InputTypeError, ParameterError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MS_PER_DAY = 86_400_000;
const ALLOWED = "an ISO date such as '2022-07-01'";

/**
 * The day number (days since 1970-01-01) of an ISO date; surrounding spaces,
 * a time and a zone are allowed and ignored.
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
 * as `YYYY-MM-DD` (without spaces, time or zone).
 *
 * @internal
 * @example
 * ```ts
 * isoDate('origin', ' 2021-10-01T08:00:00Z'); // { day: 18901, date: '2021-10-01' }
 * ```
 */
export function isoDate(field: string, text: unknown): { readonly day: number; readonly date: string } {
  if (typeof text !== 'string') throw new InputTypeError(field, text, ALLOWED);
  const match = ISO_DATE.exec(text.trim());
  if (match === null) throw new ParameterError(field, text, ALLOWED);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls over (Feb 30 is Mar 2) and reads years 0–99 as 1900–1999: refuse both.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new ParameterError(field, text, 'a calendar date that exists');
  }
  return { day: ms / MS_PER_DAY, date: `${match[1]}-${match[2]}-${match[3]}` };
}
