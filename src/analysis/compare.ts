/**
 * Compare two simulations on the same grid: how far one falls behind the other,
 * series by series, and when the gap is largest.
 *
 * @module
 */
import { InputTypeError, ParameterError } from '../core/errors.js';
import { SERIES, type SeriesName, type Simulation } from '../model/simulate.js';
import { CompensatedSum } from '../numerics/summation.js';
import { MODEL_UNITS, sameAccounting, totalUnit, type SeriesUnits } from '../model/account.js';
import { figure, percent, presentable } from '../core/present.js';

/** Check that a value is a simulation: its days and every series, of one length. */
function simulationOf(field: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputTypeError(field, value, 'a simulation (what simulate returns)');
  const o = value as Record<string, unknown>;
  for (const key of ['days', ...SERIES]) {
    const v = o[key];
    if (!(v instanceof Float64Array) || v.length !== (o.days as Float64Array | undefined)?.length) {
      throw new InputTypeError(`${field}.${key}`, v, 'a simulation (what simulate returns): days and every series as Float64Arrays of one length');
    }
  }
  if (typeof o.step !== 'number') throw new InputTypeError(`${field}.step`, o.step, 'a simulation (what simulate returns)');
}

/** The gap between two series, point by point. */
export interface SeriesGap {
  /** `a − b`, in the series' own unit. */
  readonly difference: Float64Array;
  /**
   * How far `a` falls short of `b`, as a share of `b`: `(b − a) / b`. Positive
   * when `a` is behind, negative when ahead, 0 where `b` is 0.
   */
  readonly gap: Float64Array;
}

/** The summary of one series' gap. */
export interface GapSummary {
  /** The largest shortfall `(b − a) / b` over the run. */
  readonly largestGap: number;
  /** The day of the largest shortfall (the first, if it is reached more than once). */
  readonly dayOfLargestGap: number;
  /** The shortfall at the last grid point. */
  readonly finalGap: number;
  /** `a − b` at the last grid point. */
  readonly finalDifference: number;
  /** The sum over the run of `(a − b) × step`: the area between the two curves. */
  readonly cumulativeDifference: number;
}

/** The result of {@link compare}. */
export type Comparison = {
  /** The grid's days, shared by both runs. */
  readonly days: Float64Array;
  /** One summary per series. */
  readonly summary: Readonly<Record<SeriesName, GapSummary>>;
  /** What each series is counted in (the runs', which must agree). */
  readonly units: SeriesUnits;
} & { readonly [K in SeriesName]: SeriesGap };

/**
 * Compare simulation `a` (a scenario) with `b` (its baseline, such as a twin
 * that never stopped). Both must share a grid: the same days and step.
 *
 * @throws {@link ParameterError} if the grids differ.
 * @example
 * ```ts
 * import { simulate, compare, schedule } from 'relationship-equity';
 * const twin = simulate({ horizon: '5 years' });
 * const away = simulate({ horizon: '5 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) });
 * const c = compare(away, twin);
 * c.summary.interest.dayOfLargestGap; // 1158: interest falls furthest behind some 20 months after the absence began
 * ```
 */
export function compare(a: Simulation, b: Simulation): Comparison {
  simulationOf('a', a);
  simulationOf('b', b);
  const n = a.days.length;
  if (b.days.length !== n || a.step !== b.step || a.days[0] !== b.days[0]) {
    throw new ParameterError(
      'b.days',
      `${b.days.length} points from day ${b.days[0]} every ${b.step}`,
      `the same grid as a (${n} points from day ${a.days[0]} every ${a.step})`,
    );
  }
  const gaps = {} as Record<SeriesName, SeriesGap>;
  const summary = {} as Record<SeriesName, GapSummary>;
  for (const name of SERIES) {
    const x = a[name];
    const y = b[name];
    const difference = new Float64Array(n);
    const gap = new Float64Array(n);
    let largestGap = -Infinity;
    let dayOfLargestGap = a.days[0]!;
    const cumulative = new CompensatedSum(); // long runs add many small terms
    for (let i = 0; i < n; i++) {
      const d = x[i]! - y[i]!;
      difference[i] = d;
      gap[i] = y[i] === 0 ? 0 : (y[i]! - x[i]!) / y[i]!;
      if (gap[i]! > largestGap) {
        largestGap = gap[i]!;
        dayOfLargestGap = a.days[i]!;
      }
      cumulative.add(d * a.step);
    }
    gaps[name] = { difference, gap };
    summary[name] = {
      largestGap,
      dayOfLargestGap,
      finalGap: gap[n - 1]!,
      finalDifference: difference[n - 1]!,
      cumulativeDifference: cumulative.value,
    };
  }
  const units = sameUnits(a, b);
  return presentable({ days: a.days, summary, units, ...gaps } as Comparison, {
    lines: (c) => [
      `Comparison: run a against run b over ${figure(c.days[n - 1]! - c.days[0]!)} days`,
      ...(['equity', 'reach', 'interest'] as const).map(
        (name) =>
          `  ${name.padEnd(9)} largest shortfall ${percent(c.summary[name].largestGap)} on day ${figure(c.summary[name].dayOfLargestGap)}, ${percent(c.summary[name].finalGap)} at the end; a − b in all ${figure(c.summary[name].cumulativeDifference)} ${name === 'equity' ? 'equity-days' : totalUnit(c.units[name])}`,
      ),
      '  also: days, a gap and difference series per series name, summary',
    ],
  });
}

/** The units both runs are counted in; two runs in different units (other accounts or scales) are not compared. */
function sameUnits(a: Simulation, b: Simulation): SeriesUnits {
  const unitsA = a.units ?? MODEL_UNITS;
  if (!sameAccounting(a.account ?? null, b.account ?? null)) {
    throw new ParameterError('b.account', b.account?.name ?? 'none (model units)', `the same units and scales as a (${a.account === null || a.account === undefined ? 'model units' : `account "${a.account.name}": ${unitsA.reach}, ${unitsA.interest}`}): run both for one account`);
  }
  return unitsA;
}
