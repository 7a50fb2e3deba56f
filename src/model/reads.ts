/**
 * Reads a person means from a run: the mean of every series over a period,
 * the total of the flows over it (views, leads, equity earned), and both month
 * by month — period averages, so that an event day's spike is neither read as
 * the month nor missed.
 *
 * Point i of a run stands for the step that starts at `days[i]`: a period
 * [from, to) holds the points from ⌈from⌉ to before `to` on the grid, and a
 * flow's total is Σ value × step over them (what the analyses' totals use).
 *
 * @module
 */
import { DAYS_PER_MONTH, toDays, type Duration } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { CompensatedSum } from '../numerics/summation.js';

/** The series a read covers (those of a simulation). */
const NAMES: readonly SeriesOfRun[] = ['equity', 'inflow', 'reach', 'agenda', 'momentum', 'interest'];
/** A series of a run. */
export type SeriesOfRun = 'equity' | 'inflow' | 'reach' | 'agenda' | 'momentum' | 'interest';
type Name = SeriesOfRun;
/** The flows: series whose totals mean something (per day, summed over days). */
const FLOWS: readonly FlowOfRun[] = ['inflow', 'reach', 'interest'];
/** A flow of a run: a series whose total over days means something. */
export type FlowOfRun = 'inflow' | 'reach' | 'interest';

/** A run as the reads see it. */
export type ReadableRun = { readonly days: Float64Array; readonly step: number } & Readonly<Record<Name, Float64Array>>;

/** One period of a run, read. */
export interface PeriodRead {
  /** The period's first day (an account day). */
  readonly from: number;
  /** The day after its last. */
  readonly to: number;
  /** The mean of every series over the period (a rate per day for the flows). */
  readonly mean: Readonly<Record<SeriesOfRun, number>>;
  /** The total of each flow over the period: equity earned, reach (views), interest (leads). */
  readonly total: Readonly<Record<FlowOfRun, number>>;
}

/** One month of a run: its number (1 = the first month of the run) and its read. */
export interface MonthRead extends PeriodRead {
  /** The month's number: 1 for the run's first. */
  readonly month: number;
}

/** The grid points of [from, to). */
function pointsOf(run: ReadableRun, from: number, to: number): [number, number] {
  const first = run.days[0]!;
  const last = run.days.length - 1;
  const lo = Math.max(0, Math.ceil((from - first) / run.step - 1e-9));
  const hi = Math.min(last + 1, Math.ceil((to - first) / run.step - 1e-9));
  return [lo, hi];
}

/** Read the points [lo, hi) of a run. */
function readPoints(run: ReadableRun, lo: number, hi: number, from: number, to: number): PeriodRead {
  const count = hi - lo;
  const mean = {} as Record<Name, number>;
  const total = {} as Record<FlowOfRun, number>;
  for (const name of NAMES) {
    const sum = new CompensatedSum();
    const values = run[name];
    for (let i = lo; i < hi; i++) sum.add(values[i]!);
    mean[name] = count > 0 ? sum.value / count : NaN;
    if ((FLOWS as readonly string[]).includes(name)) total[name as FlowOfRun] = sum.value * run.step;
  }
  return { from, to, mean, total };
}

/**
 * The mean and totals of a run over [from, to).
 *
 * @throws {@link ParameterError} for a period outside the run or holding no grid point.
 */
export function readPeriod(run: ReadableRun, fromInput: Duration, toInput: Duration): PeriodRead {
  const from = toDays(fromInput, 'from');
  const to = toDays(toInput, 'to');
  const first = run.days[0]!;
  const end = run.days[run.days.length - 1]! + run.step;
  if (!(to > from)) throw new ParameterError('to', toInput, `after from (${from} days)`);
  if (from < first - 1e-9 || to > end + 1e-9) throw new ParameterError('from', fromInput, `a period within the run (days ${first} to ${end})`);
  const [lo, hi] = pointsOf(run, from, to);
  if (!(hi > lo)) throw new ParameterError('to', toInput, `a period holding at least one grid point (the step is ${run.step} days)`);
  return readPoints(run, lo, hi, from, to);
}

/** The run month by month (months of 30.4375 days from its first day); the last month may be partial. */
export function readMonths(run: ReadableRun): MonthRead[] {
  const first = run.days[0]!;
  const end = run.days[run.days.length - 1]! + run.step;
  const out: MonthRead[] = [];
  for (let k = 0; first + k * DAYS_PER_MONTH < end - 1e-9; k++) {
    const from = first + k * DAYS_PER_MONTH;
    const to = Math.min(end, from + DAYS_PER_MONTH);
    const [lo, hi] = pointsOf(run, from, to);
    if (hi > lo) out.push({ month: k + 1, ...readPoints(run, lo, hi, from, to) });
  }
  return out;
}
