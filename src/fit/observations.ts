/**
 * What an account measured, as {@link calibrate} reads it: one value per
 * period of one model series, with gaps, checked against the history it
 * should follow; and the model's series summed (or averaged) the same way.
 *
 * @module
 */
import { toDays, type Duration } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { finiteNumber, knownKeys, plainObject } from '../core/validate.js';
import type { Schedule } from '../model/schedule.js';
import type { SeriesName } from '../model/simulate.js';

/** Measurements of one model series, one value per period. */
export interface ObservedSeries {
  /** The model series the measurements follow: `'reach'` (views, impressions), `'interest'` (enquiries, leads) or `'equity'`. */
  readonly series: Extract<SeriesName, 'reach' | 'interest' | 'equity'>;
  /** One value per period from the history's day 0; `null` (or NaN) for a gap. */
  readonly values: readonly (number | null)[];
  /** The length of one period. @defaultValue `'1 day'` */
  readonly period?: Duration;
  /** How the days of a period combine: `'sum'` (views per week) or `'mean'`. @defaultValue 'sum' */
  readonly aggregate?: 'sum' | 'mean';
  /** What the values count, for the fitted account's units. @defaultValue `'views'` for reach, `'leads'` for interest */
  readonly unit?: string;
}

/** Observations checked and laid out for a fit. @internal */
export interface Observations {
  readonly series: ObservedSeries['series'];
  /** What the values count. */
  readonly unit: string;
  /** Every period's value, `null` for a gap. */
  readonly values: readonly (number | null)[];
  /** The period in days (a whole number ≥ 1). */
  readonly period: number;
  readonly aggregate: 'sum' | 'mean';
  /** Number of periods, gaps included. */
  readonly periods: number;
  /** Days the periods cover. */
  readonly span: number;
  /** The indices of the observed periods, and their values in the same order. */
  readonly observedIndex: readonly number[];
  readonly y: readonly number[];
}

/** The day to which a schedule is known: a log's stated end, else the day after its last entry (Infinity for a steady rate). */
function historySpan(history: Schedule): number {
  const spec = history.spec;
  if (spec.rates.length > 0 || spec.eventRules.length > 0) return Infinity;
  let last = spec.loggedUntil ?? 0;
  for (const p of spec.loggedPosts) last = Math.max(last, p.day + 1);
  for (const e of spec.loggedEvents) last = Math.max(last, e.day + 1);
  return last;
}

/**
 * Check `observed` and lay it out for a fit to `history`.
 *
 * @throws {@link ParameterError} or {@link InputTypeError} naming the field.
 * @internal
 */
export function resolveObservations(observed: unknown, history: Schedule): Observations {
  const obs = plainObject('observed', observed);
  knownKeys('observed', obs, ['series', 'values', 'period', 'aggregate', 'unit']);
  if (obs.unit !== undefined && (typeof obs.unit !== 'string' || obs.unit.trim() === '' || obs.unit.length > 100)) {
    throw new ParameterError('observed.unit', obs.unit, 'a unit such as views or leads (up to 100 characters)');
  }
  const series = obs.series;
  if (series !== 'reach' && series !== 'interest' && series !== 'equity') {
    throw new ParameterError('observed.series', series, "'reach', 'interest' or 'equity'");
  }
  if (!Array.isArray(obs.values)) throw new InputTypeError('observed.values', obs.values, 'an array of numbers (null for a gap)');
  const values = obs.values.map((v: unknown, i: number) => (v === null || (typeof v === 'number' && Number.isNaN(v)) ? null : finiteNumber(`observed.values[${i}]`, v)));
  const period = obs.period === undefined ? 1 : toDays(obs.period as Duration, 'observed.period');
  if (!(period >= 1 && Number.isInteger(period))) throw new ParameterError('observed.period', obs.period, 'a whole number of days ≥ 1');
  const aggregate = obs.aggregate ?? 'sum';
  if (aggregate !== 'sum' && aggregate !== 'mean') throw new ParameterError('observed.aggregate', aggregate, "'sum' or 'mean'");
  const periods = values.length;
  const span = periods * period;
  const covered = historySpan(history);
  if (span > covered + period) {
    throw new ParameterError('observed.values', `${periods} periods (${span} days)`, `no longer than the history (${covered} days; a log that ends quietly says how long it runs with its \`end\`)`);
  }
  const observedIndex: number[] = [];
  const y: number[] = [];
  values.forEach((v: number | null, i: number) => {
    if (v !== null) {
      observedIndex.push(i);
      y.push(v);
    }
  });
  const unit = typeof obs.unit === 'string' ? obs.unit.trim() : series === 'reach' ? 'views' : series === 'interest' ? 'leads' : 'equity (model units)';
  return { series, unit, values, period, aggregate, periods, span, observedIndex, y };
}

/** A daily model series summed (or averaged) per period, as the observations are. @internal */
export function perPeriod(daily: Float64Array, observations: Observations): Float64Array {
  const { periods, period, aggregate } = observations;
  const out = new Float64Array(periods);
  for (let k = 0; k < periods; k++) {
    let sum = 0;
    for (let d = k * period; d < (k + 1) * period; d++) sum += daily[d]!;
    out[k] = aggregate === 'sum' ? sum : sum / period;
  }
  return out;
}
