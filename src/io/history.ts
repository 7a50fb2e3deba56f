/**
 * An account's real history — dated posts, events, views and leads, as an
 * analytics export gives them — turned into a schedule and observed series
 * ready for {@link calibrate}. Plain text and plain objects only: the
 * Node-only entry (`relationship-equity/node`) adds reading a file.
 *
 * @module
 */
import { toDays, type Duration } from '../core/duration.js';
import { isoDate, isoDateDay } from '../core/dates.js';
import { InputTypeError, ParameterError, allowedOf, describeValue } from '../core/errors.js';
import { schedule, type LogEntry, type Schedule } from '../model/schedule.js';
import { finiteNumber, knownKeys, plainObject } from '../core/validate.js';
import { readLayout, readNumber, splitFields, type CsvOptions } from './csv.js';
import { checkText } from '../core/limits.js';

/** One row of an export: a date and what happened in the period that starts on it. */
export interface HistoryRow {
  /** The first day of the period (ISO `YYYY-MM-DD`). */
  readonly date: string | Date;
  /** Posts made in the period. @defaultValue 0 */
  readonly posts?: number;
  /** Platform events or challenges joined. @defaultValue 0 */
  readonly events?: number;
  /** Views (or impressions) measured; `null` if not measured. */
  readonly views?: number | null;
  /** Leads (inbound enquiries) received; `null` if not measured. */
  readonly leads?: number | null;
}

/** Options of {@link historyFromRows} and {@link parseHistoryCsv}. */
export interface HistoryOptions {
  /** The length of the period one row covers: `'1 day'` for a daily export, `'1 week'` for a weekly one. @defaultValue `'1 day'` */
  readonly period?: Duration;
}

/** Options of {@link parseHistoryCsv}: the period, and how the export is written. */
export interface HistoryCsvOptions extends HistoryOptions, CsvOptions {}

/** A history ready for {@link calibrate}: the schedule and the measurements, one value per period (`null` for a gap). */
export interface History {
  /** The posts and events as a schedule (day 0 = `origin`). */
  readonly activity: Schedule;
  /** The date of day 0. */
  readonly origin: string;
  /** The period of one value, in days. */
  readonly period: number;
  /** Number of periods covered. */
  readonly periods: number;
  /** Days the history covers (periods × period): its activity is known to be complete to this day, quiet rows at the end included. */
  readonly end: number;
  /** Views per period. */
  readonly views: readonly (number | null)[];
  /** Leads per period. */
  readonly leads: readonly (number | null)[];
}

/**
 * Turn rows of an export into a {@link History}: a schedule of the posts and
 * events (each post spread over a week, or over the period if longer) and the
 * views and leads per period, with `null` for periods without a value.
 *
 * @throws {@link ParameterError} for unsorted or repeated dates, a date off the
 * period grid, or a negative or non-numeric count; the field names the row.
 * @example
 * ```ts
 * import { historyFromRows } from 'relationship-equity';
 * const history = historyFromRows([
 *   { date: '2022-01-03', posts: 2, views: 5400 },
 *   { date: '2022-01-10', posts: 1, events: 1, views: 6100, leads: 2 },
 * ], { period: '1 week' });
 * history.views; // [5400, 6100]
 * history.leads; // [null, 2]
 * ```
 */
export function historyFromRows(rows: readonly HistoryRow[], options: HistoryOptions = {}): History {
  if (!Array.isArray(rows)) throw new InputTypeError('rows', rows, 'an array of rows');
  if (rows.length === 0) throw new ParameterError('rows', rows, 'at least one row');
  const o = plainObject('options', options);
  knownKeys('options', o, ['period']);
  const period = o.period === undefined ? 1 : toDays(o.period as Duration, 'options.period');
  if (!(period >= 1 && Number.isInteger(period))) throw new ParameterError('options.period', o.period, 'a whole number of days ≥ 1');
  const { day: first, date: origin } = isoDate('rows[0].date', (rows[0] as HistoryRow | undefined)?.date);
  const entries: LogEntry[] = [];
  const views: (number | null)[] = [];
  const leads: (number | null)[] = [];
  let previous = -1;
  rows.forEach((raw, i) => {
    const row = plainObject(`rows[${i}]`, raw);
    knownKeys(`rows[${i}]`, row, ['date', 'posts', 'events', 'views', 'leads']);
    const day = isoDateDay(`rows[${i}].date`, row.date) - first;
    if (!(day > previous)) throw new ParameterError(`rows[${i}].date`, row.date, 'after the date of the row before it (rows sorted, one per period)');
    if (day % period !== 0) throw new ParameterError(`rows[${i}].date`, row.date, `a whole number of periods (${period} days) after the first row`);
    previous = day;
    const count = (name: 'posts' | 'events'): number => {
      const v = row[name];
      if (v === undefined || v === null) return 0;
      const x = finiteNumber(`rows[${i}].${name}`, v);
      if (!(x >= 0)) throw new ParameterError(`rows[${i}].${name}`, v, 'a number ≥ 0');
      return x;
    };
    const measure = (name: 'views' | 'leads'): number | null => {
      const v = row[name];
      if (v === undefined || v === null) return null;
      const x = finiteNumber(`rows[${i}].${name}`, v);
      if (!(x >= 0)) throw new ParameterError(`rows[${i}].${name}`, v, 'a number ≥ 0, or empty for no measurement');
      return x;
    };
    const posts = count('posts');
    const events = count('events');
    if (posts > 0 || events > 0) entries.push({ day, posts, events });
    const k = day / period;
    while (views.length < k) {
      views.push(null);
      leads.push(null);
    }
    views.push(measure('views'));
    leads.push(measure('leads'));
  });
  const end = views.length * period;
  return {
    activity: schedule.fromLog(entries, { spread: Math.max(7, period), end }),
    origin,
    period,
    periods: views.length,
    end,
    views,
    leads,
  };
}

/**
 * Read the text of a CSV export into a {@link History}: a header with a date
 * column and any of posts, events, views and leads, by those names or the
 * common exports' (`Date`, `Video views`, `Videos posted`, …) or a mapping of
 * your own (`columns`); commas, semicolons or tabs between fields; decimal
 * points or commas, with thousands grouped (see {@link CsvOptions}). Empty
 * cells are 0 for posts and events and a gap for views and leads. A column no
 * option accounts for is an error naming it, not a column dropped.
 *
 * Numbers are read in decimal only (`0x10` is refused, not read as 16); a
 * header column one letter from a known one (`post`, `view`) is refused as a
 * misspelling, a known column named twice too; a byte-order mark is skipped;
 * text longer than `LIMITS.textCharacters` is refused before it is read.
 *
 * @throws {@link ParameterError} naming the line number of a bad row
 * (`field` is `csv line N`) as soon as the line is read, or the header.
 * @example
 * ```ts
 * import { parseHistoryCsv } from 'relationship-equity';
 * const history = parseHistoryCsv('date,posts,views\n2022-01-03,2,5400\n2022-01-04,,\n');
 * history.views; // [5400, null]
 * // European Excel: semicolons and decimal commas, headers of its own
 * parseHistoryCsv('Datum;Videos;Aufrufe\n2022-01-03;2;5.400,5\n', { columns: { date: 'Datum', posts: 'Videos', views: 'Aufrufe' } }).views; // [5400.5]
 * ```
 */
export function parseHistoryCsv(text: string, options: HistoryCsvOptions = {}): History {
  if (typeof text !== 'string') throw new InputTypeError('text', text, 'the text of a CSV file');
  checkText('text', text, 'a CSV export');
  const { period, ...dialect } = plainObject('options', options);
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  const layout = readLayout(lines[0] ?? '', dialect as CsvOptions);
  const rows: HistoryRow[] = [];
  const lineOf: number[] = [];
  let previous = '';
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const cells = splitFields(line, layout.separator);
    if (cells.length > layout.columns.length) {
      throw new ParameterError(`csv line ${n + 1}`, line, `at most ${layout.columns.length} fields, as in the header`);
    }
    const row: Record<string, unknown> = {};
    layout.columns.forEach((name, i) => {
      if (name === null) return;
      const cell = cells[i] ?? '';
      if (name === 'date') row.date = cell;
      else if (cell !== '') {
        const value = readNumber(cell, layout.decimal);
        if (value === undefined || !Number.isFinite(value)) {
          throw new ParameterError(`csv line ${n + 1}`, line, `a number in the ${name} column written with a decimal ${layout.decimal === '.' ? 'point' : 'comma'}, got ${JSON.stringify(cell)}`);
        }
        row[name] = value;
      }
    });
    // Dates in order, checked as the lines come: a bad line is named before the rest is read.
    const date = String(row.date ?? '').trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && previous !== '' && !(date > previous)) {
      throw new ParameterError(`csv line ${n + 1}`, line, `a row dated after the row before it (${previous}): rows sorted, one per period`);
    }
    previous = date;
    rows.push(row as unknown as HistoryRow);
    lineOf.push(n + 1);
  }
  options = period === undefined ? {} : { period: period as Duration };
  try {
    return historyFromRows(rows, options);
  } catch (error) {
    if (error instanceof ParameterError || error instanceof InputTypeError) {
      const match = /^rows\[(\d+)\]/.exec(error.field);
      if (match !== null) {
        const line = lineOf[Number(match[1])]!;
        // `rows[2].posts` must be a number ≥ 0 → `csv line 4` must be a row whose posts is a number ≥ 0 (it is -1)
        const column = error.field.slice(match[0].length).replace(/^\./, '');
        const allowed = allowedOf(error);
        const said = column === '' ? allowed : `a row whose ${column} is ${allowed} (it is ${describeValue(error.value)})`;
        throw new ParameterError(`csv line ${line}`, lines[line - 1], said);
      }
    }
    throw error;
  }
}
