/**
 * When one plan catches up with another: the first moment run A reaches run B
 * after B pulled ahead — "when does posting daily from now overtake the plan
 * we would have kept?" — without searching series by hand.
 *
 * @module
 */
import { DAYS_PER_MONTH } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { knownKeys, plainObject } from '../core/validate.js';
import { sameAccounting } from '../model/account.js';
import { readMonths } from '../model/reads.js';
import { SERIES, type SeriesName, type Simulation } from '../model/simulate.js';

/** Options of {@link crossover}. */
export interface CrossoverOptions {
  /** The series compared. @defaultValue `'equity'` */
  readonly series?: SeriesName;
  /**
   * What is compared: `'point'` the values at each grid point, `'month'` the
   * monthly means (a flow such as interest spikes on event days, so a single
   * day would cross early). @defaultValue `'point'` for equity, agenda and momentum; `'month'` for inflow, reach and interest
   */
  readonly by?: 'point' | 'month';
}

/** The result of {@link crossover}. */
export interface Crossover {
  /** The account day on which A reaches B (by months: the first day of the month in which A's mean reaches B's). */
  readonly day: number;
  /** The same moment in months from the runs' first day. */
  readonly months: number;
  /** The day B pulled ahead of A: the first point (or month) where A was behind. */
  readonly partedOn: number;
}

/** A share of B's value that counts as a real difference (not rounding). */
const TOLERANCE = 1e-9;

/** A series as the compared values and the day each stands for. */
function comparedValues(run: Simulation, series: SeriesName, by: 'point' | 'month'): { days: ArrayLike<number>; values: ArrayLike<number> } {
  if (by === 'point') return { days: run.days, values: run[series] };
  const months = readMonths({ days: run.days, step: run.step, ...pickSeries(run) });
  return { days: months.map((m) => m.from), values: months.map((m) => m.mean[series]) };
}

function pickSeries(run: Simulation): Record<SeriesName, Float64Array> {
  return Object.fromEntries(SERIES.map((name) => [name, run[name]])) as Record<SeriesName, Float64Array>;
}

/**
 * The first moment run `a` reaches run `b` after `b` pulled ahead of it, or
 * `null` when `a` is never behind or never catches up within the runs. Both
 * runs must share a grid and units (as for {@link compare}).
 *
 * With `by: 'point'` the moment is interpolated between the two grid points
 * where the difference changes sign: for a − b = d₀ < 0 at day t₀ and d₁ ≥ 0 at
 * t₀ + h, the day is $t_0 + h\,\frac{-d_0}{d_1 - d_0}$.
 *
 * @throws {@link ParameterError} for runs on different grids or in different units, or an unknown series.
 * @example
 * ```ts
 * import { simulate, crossover, schedule } from 'relationship-equity';
 * const steady = simulate({ horizon: '4 years' });
 * const late = schedule.reference().pause({ from: 0, for: '6 months' }).change({ at: '6 months', postsPerWeek: 7 });
 * crossover(simulate({ horizon: '4 years', activity: late }), steady)?.months; // ≈ 9.5: starting late but posting daily catches up
 * ```
 */
export function crossover(a: Simulation, b: Simulation, options: CrossoverOptions = {}): Crossover | null {
  for (const [field, run] of [['a', a], ['b', b]] as const) {
    if (typeof run !== 'object' || run === null || !(run.days instanceof Float64Array)) throw new InputTypeError(field, run, 'a simulation (what simulate returns)');
  }
  const o = plainObject('options', options);
  knownKeys('options', o, ['series', 'by']);
  const series = (o.series ?? 'equity') as SeriesName;
  if (!SERIES.includes(series)) throw new ParameterError('options.series', o.series, `one of ${SERIES.join(', ')}`);
  const flow = series === 'inflow' || series === 'reach' || series === 'interest';
  const by = o.by ?? (flow ? 'month' : 'point');
  if (by !== 'point' && by !== 'month') throw new ParameterError('options.by', o.by, "'point' or 'month'");
  if (a.days.length !== b.days.length || a.step !== b.step || a.days[0] !== b.days[0]) {
    throw new ParameterError('b.days', `${b.days.length} points from day ${b.days[0]} every ${b.step}`, `the same grid as a (${a.days.length} points from day ${a.days[0]} every ${a.step})`);
  }
  if (!sameAccounting(a.account ?? null, b.account ?? null)) {
    throw new ParameterError('b.account', b.account?.name ?? 'none (model units)', 'the same units and scales as a: run both for one account');
  }
  const x = comparedValues(a, series, by);
  const y = comparedValues(b, series, by);
  const first = a.days[0]!;
  let parted = -1;
  for (let i = 0; i < x.values.length; i++) {
    const d = x.values[i]! - y.values[i]!;
    const behind = d < -TOLERANCE * Math.max(Math.abs(y.values[i]!), 1e-300);
    if (parted < 0) {
      if (behind) parted = i;
      continue;
    }
    if (behind) continue;
    const day = by === 'month' ? x.days[i]! : interpolate(x.days[i - 1]!, a.step, x.values[i - 1]! - y.values[i - 1]!, d);
    return { day, months: (day - first) / DAYS_PER_MONTH, partedOn: x.days[parted]! };
  }
  return null;
}

/** The day the difference d₀ < 0 (at t₀) → d₁ ≥ 0 (a step later) reaches 0, on the straight line between them. */
function interpolate(t0: number, step: number, d0: number, d1: number): number {
  return t0 + (step * -d0) / (d1 - d0);
}
