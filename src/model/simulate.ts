/**
 * The equity engine: schedule → effort response → equity stock → reach → lag → interest.
 *
 * @module
 */
import { DAYS_PER_MONTH, positiveDays, toDays, type Duration } from '../core/duration.js';
import { figure, presentable, type Presentation } from '../core/present.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { Engine, type EngineState } from './engine.js';
import { MAX_STOCK, resolveParameters, type ModelParameters, type ParameterInput } from './parameters.js';
import { accountParameters, applyScale, readAccount, totalUnit, unitsOf, type Account, type SeriesUnits } from './account.js';
import { readMonths, readPeriod, type MonthRead, type PeriodRead } from './reads.js';
import { schedule as scheduleBuilders, scheduleInput, type Schedule } from './schedule.js';
import { finiteNumber, inRange, knownKeys, nonNegative, plainObject, upTo } from '../core/validate.js';

/**
 * Everything the model remembers at one moment. Passed as `initial` to
 * {@link simulate}, with the same schedule, it continues a run exactly where
 * it stopped.
 */
export interface ModelState {
  /** The account day the state was taken (days since the schedule's day 0). */
  readonly day: number;
  /** Days since the platform launched, at that moment. */
  readonly sinceLaunch: number;
  /** Relationship equity, the stock (≥ 0). */
  readonly equity: number;
  /** Momentum: the weighted share of recent days with activity, in [0, 1]. */
  readonly momentum: number;
  /** Agenda stock: recent participation in platform events (≥ 0). */
  readonly agenda: number;
  /** Days since the last post or event. */
  readonly quietDays: number;
  /**
   * The state of the reach → interest lag kernel: its stages for a recursive
   * kernel (Erlang, geometric), or its recent inputs, oldest first, for a
   * windowed one (see {@link KernelState}).
   */
  readonly lagState: readonly number[];
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** A label for the scenario (kept in scenario files; the model ignores it). */
  readonly name?: string;
  /** How long to simulate, e.g. `'5 years'`. Must be > 0. */
  readonly horizon: Duration;
  /** The time step. @defaultValue `'1 day'` */
  readonly step?: Duration;
  /** What the account does. @defaultValue `schedule.reference()`: 1.5 posts a week and an event a month */
  readonly activity?: Schedule;
  /** Parameters to change from {@link DEFAULT_PARAMETERS}. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** Where to start from, e.g. the `final` state of an earlier run. @defaultValue an empty account on day 0 */
  readonly initial?: Partial<ModelState>;
  /** Time from the platform's launch to the account's day 0. @defaultValue 0 */
  readonly start?: Duration;
  /** The account: its parameters (under `parameters`, which change them for this run) and its units — reach and interest then come in views and leads. @defaultValue none: model units */
  readonly account?: Account;
}

/** The headline numbers of a run (see {@link Simulation.summary}). */
export interface SimulationSummary {
  /** The run's length in days (its horizon). */
  readonly days: number;
  /** The step in days. */
  readonly step: number;
  /** The account's name, or null (model units). */
  readonly account: string | null;
  /** What each series is counted in. */
  readonly units: SeriesUnits;
  /** Equity at the first and last grid point, and its peak with the account day it comes on. */
  readonly equity: {
    /** At the first point. */
    readonly start: number;
    /** At the last point. */
    readonly end: number;
    /** The highest value. */
    readonly peak: number;
    /** The account day of the peak. */
    readonly peakDay: number;
  };
  /** Reach a day at the end, and in all (views with an account). */
  readonly reach: RunFlowSummary;
  /** Interest a day at the end, and in all (leads with an account). */
  readonly interest: RunFlowSummary;
}

/** A flow of a run in two numbers. */
export interface RunFlowSummary {
  /** Its value a day at the last grid point. */
  readonly end: number;
  /** Its total over the run (Σ value × step). */
  readonly total: number;
}

/** The value of every series at one moment, as returned by {@link Simulation.at}. */
export interface SimulationPoint {
  /** The grid point's day (at or before the day asked for). */
  readonly day: number;
  /** Relationship equity. */
  readonly equity: number;
  /** Equity earned per day over the following step. */
  readonly inflow: number;
  /** Reach: equity × quality × agenda factor. */
  readonly reach: number;
  /** Agenda stock: recent participation in platform events. */
  readonly agenda: number;
  /** Momentum in [0, 1]. */
  readonly momentum: number;
  /** Interest (inbound clients). */
  readonly interest: number;
  /** Whether the agenda stock is at or above the invitation threshold. */
  readonly invited: boolean;
}

/**
 * The names of a simulation's series, in a fixed order.
 * @example
 * ```ts
 * import { SERIES, simulate } from 'relationship-equity';
 * const run = simulate({ horizon: '1 year' });
 * const lastDay = Object.fromEntries(SERIES.map((name) => [name, run[name][365]])); // { equity: …, inflow: …, … }
 * ```
 */
export const SERIES = ['equity', 'inflow', 'reach', 'agenda', 'momentum', 'interest'] as const;
/** The name of one of a simulation's series. */
export type SeriesName = (typeof SERIES)[number];

/**
 * The result of {@link simulate}: one value per grid point for each series, the
 * final state and the resolved parameters. Every series has `days.length`
 * values; point `i` is the moment `days[i]`, and `inflow[i]` is the average
 * inflow per day over the step that follows it.
 */
export interface Simulation {
  /** Account days of the grid points, from the initial day to the horizon. */
  readonly days: Float64Array;
  /** Relationship equity. */
  readonly equity: Float64Array;
  /** Equity earned per day over the following step (posting and events, before decay). */
  readonly inflow: Float64Array;
  /** Reach: equity × quality × agenda factor (how far the videos travel now). */
  readonly reach: Float64Array;
  /** Agenda stock: recent participation in platform events. */
  readonly agenda: Float64Array;
  /** Momentum in [0, 1]. */
  readonly momentum: Float64Array;
  /** Interest (inbound clients): reach through the lag, times `interestPerReach`. */
  readonly interest: Float64Array;
  /** The step in days. */
  readonly step: number;
  /** The resolved parameters of the run. */
  readonly parameters: ModelParameters;
  /** The state at the last grid point; pass it as `initial` to continue. */
  readonly final: ModelState;
  /** The account the run is for, or null (model units). */
  readonly account: Account | null;
  /** What each series is counted in: views and leads a day with an account's scales, else model units. */
  readonly units: SeriesUnits;
  /**
   * The mean of every series over [from, to), and the totals of the flows
   * (inflow, reach, interest): period figures, not one day's value.
   * @throws {@link ParameterError} for a period outside the run.
   */
  mean(from: Duration, to: Duration): PeriodRead['mean'];
  /** The totals of the flows over [from, to): equity earned, reach (views) and interest (leads). @throws {@link ParameterError} for a period outside the run. */
  total(from: Duration, to: Duration): PeriodRead['total'];
  /** Every month of the run (30.4375 days from its first day), its means and totals. */
  monthly(): MonthRead[];
  /** The headline numbers: the run's length, equity at its start, end and peak, reach and interest at the end and in all, in the run's units. */
  summary(): SimulationSummary;
  /**
   * The value of every series at a moment (an account day or a {@link Duration}):
   * the grid point at or before it, so a value never blends across an event.
   * @throws {@link ParameterError} for a moment outside the run.
   */
  at(when: Duration): SimulationPoint;
}

/** Most grid points one run may have: refuses a runaway horizon quickly. */
const MAX_STEPS = 20_000_000;

function resolveState(initial: Partial<ModelState> | undefined, start: number | undefined): ModelState {
  const o = initial === undefined ? {} : plainObject('initial', initial);
  knownKeys('initial', o, ['day', 'sinceLaunch', 'equity', 'momentum', 'agenda', 'quietDays', 'lagState']);
  const day = o.day === undefined ? 0 : finiteNumber('initial.day', o.day);
  let sinceLaunch: number;
  if (o.sinceLaunch === undefined) {
    sinceLaunch = day + (start ?? 0);
  } else {
    sinceLaunch = nonNegative('initial.sinceLaunch', o.sinceLaunch);
    if (start !== undefined && Math.abs(sinceLaunch - day - start) > 1e-9) {
      throw new ParameterError('start', start, `consistent with initial.sinceLaunch − initial.day (${sinceLaunch - day})`);
    }
  }
  let lagState: number[] | undefined;
  if (o.lagState !== undefined) {
    if (!Array.isArray(o.lagState)) {
      throw new ParameterError('initial.lagState', o.lagState, 'an array of numbers ≥ 0 (the lag kernel\'s state)');
    }
    lagState = o.lagState.map((v: unknown, i: number) => nonNegative(`initial.lagState[${i}]`, v));
  }
  if (!(sinceLaunch >= 0)) {
    throw new ParameterError(o.sinceLaunch === undefined ? 'initial.day' : 'initial.sinceLaunch', o.sinceLaunch ?? o.day, `a day on or after the platform's launch (initial.day + start ≥ 0, got ${sinceLaunch})`);
  }
  return {
    day,
    sinceLaunch,
    equity: o.equity === undefined ? 0 : upTo('initial.equity', o.equity, MAX_STOCK, 'a stock of equity'),
    momentum: o.momentum === undefined ? 0 : inRange('initial.momentum', o.momentum, 0, 1),
    agenda: o.agenda === undefined ? 0 : upTo('initial.agenda', o.agenda, MAX_STOCK, 'a stock of recent events'),
    quietDays: o.quietDays === undefined ? 0 : nonNegative('initial.quietDays', o.quietDays),
    lagState: lagState ?? [],
  };
}

/** The engine's state as a frozen, plain {@link ModelState}. @internal */
export function finalState(state: EngineState): ModelState {
  return Object.freeze({
    day: state.day,
    sinceLaunch: state.sinceLaunch,
    equity: state.equity,
    momentum: state.momentum,
    agenda: state.agenda,
    quietDays: state.quiet,
    lagState: Object.freeze(state.lag === null ? [] : [...state.lag.state().values]),
  });
}

/**
 * Run the model over a horizon.
 *
 * Each step of `h` days:
 * - inflow `u = b · M · S(a)` per day, plus `b · M · w_ev` per event joined,
 *   where `S` is the effort response, `b` the early bonus (averaged over the step)
 *   and `M = floor + (1 − floor) · momentum` (averaged over the step);
 * - decay `δ = δ_active + δ_neglect · g(quiet days)`, averaged exactly over the step;
 * - equity moves by the exact solution of `E' = u − δE` over the step, so it
 *   never goes negative whatever the step;
 * - reach `R = E · quality · (1 + α · agenda)`, and interest is reach through
 *   the Erlang lag, updated exactly for the step's average reach.
 *
 * @param options - see {@link SimulateOptions}.
 * @returns a {@link Simulation}.
 * @throws {@link ParameterError} or {@link DurationError} for invalid options, before any stepping:
 * a horizon ≤ 0, a step longer than the horizon,
 * invalid parameters or an invalid initial state.
 *
 * @example
 * ```ts
 * import { simulate, schedule } from 'relationship-equity';
 * const run = simulate({
 *   horizon: '3 years',
 *   activity: schedule.reference().pause({ from: '18 months', for: '8 months' }),
 * });
 * const before = run.at('18 months').equity;
 * const after = run.at('26 months').equity;
 * (1 - after / before).toFixed(2); // '0.30' — the seed's "lost 30%"
 * ```
 */
export function simulate(options: SimulateOptions): Simulation {
  const { parameters, activity, initial, step, steps, account } = prepareRun(options);
  return run(parameters, activity, initial, step, steps, account);
}

/** A run's options, checked and resolved. @internal */
export interface PreparedRun {
  readonly parameters: ModelParameters;
  readonly activity: Schedule;
  readonly initial: ModelState;
  readonly step: number;
  readonly steps: number;
  readonly account: Account | null;
  /** The parameters as given: the account's, with the run's on top (what uncertain draws are set into). */
  readonly input: ParameterInput;
}

/**
 * Check and resolve the options of a run, before any stepping.
 *
 * @internal
 */
export function prepareRun(options: SimulateOptions, field = 'options'): PreparedRun {
  const o = plainObject(field, options);
  knownKeys(field, o, ['name', 'horizon', 'step', 'activity', 'parameters', 'initial', 'start', 'account']);
  if (o.name !== undefined && typeof o.name !== 'string') throw new InputTypeError(`${field}.name`, o.name, 'a string');
  const { step, steps } = resolveGrid(o.horizon, o.step);
  const activity = scheduleInput('activity', o.activity, scheduleBuilders.reference);
  const owner = o.account === undefined ? null : readAccount(`${field === 'options' ? '' : `${field}.`}account`, o.account);
  const input = accountParameters(owner, o.parameters as ParameterInput | undefined);
  const parameters = resolveParameters(input);
  const start = o.start === undefined ? undefined : toDays(o.start as Duration, 'start');
  const initial = resolveState(o.initial as Partial<ModelState> | undefined, start);
  // Pauses, changes and events past the horizon are simply still to come: a plan can be run in parts.
  return { parameters, activity, initial, step, steps, account: owner, input };
}

/** A run's grid: the step in days and the number of steps that reach the horizon. @internal */
export interface Grid {
  /** The horizon in days. */
  readonly horizon: number;
  /** The step in days. */
  readonly step: number;
  /** Steps from the first grid point to the last: the horizon in steps, rounded up (a hair over a whole number counts as it). */
  readonly steps: number;
}

/**
 * Read a horizon and a step (default one day) into a {@link Grid}: both > 0,
 * the step no longer than the horizon, at most {@link MAX_STEPS} grid points.
 *
 * @throws {@link ParameterError} or {@link DurationError} naming `horizon` or `step`.
 * @internal
 */
export function resolveGrid(horizonInput: unknown, stepInput: unknown): Grid {
  const horizon = positiveDays('horizon', horizonInput);
  const step = stepInput === undefined ? 1 : positiveDays('step', stepInput);
  if (step > horizon) throw new ParameterError('step', stepInput ?? '1 day', `no longer than the horizon (${horizon} days)`);
  const ratio = horizon / step;
  const steps = Math.abs(ratio - Math.round(ratio)) < 1e-9 ? Math.round(ratio) : Math.ceil(ratio);
  if (steps + 1 > MAX_STEPS) {
    throw new ParameterError('horizon', horizonInput, `at most ${MAX_STEPS - 1} steps of ${step} days`);
  }
  return { horizon, step, steps };
}

/**
 * Many runs of one schedule over one daily grid that differ only in their
 * parameters, as a fit makes them: the schedule is sampled once and the
 * output buffers are reused, so each run costs only its stepping. The series
 * returned are overwritten by the next run.
 *
 * @internal
 */
export function repeatedRuns(activity: Schedule, days: number, sinceLaunch: number): (parameters: ModelParameters) => Readonly<Record<SeriesName, Float64Array>> {
  const points = days + 1;
  const plan = activity.sampledOnce(0, 1, points);
  const times = new Float64Array(points);
  const series = Object.fromEntries(SERIES.map((name) => [name, new Float64Array(points)])) as Record<SeriesName, Float64Array>;
  const initial = { day: 0, sinceLaunch, equity: 0, momentum: 0, agenda: 0, quietDays: 0, lagState: [] };
  return (parameters) => {
    const engine = new Engine(parameters, 1);
    engine.run(engine.state(initial), plan, { from: 0, to: points, end: days }, { days: times, ...series, offset: 0 });
    return series;
  };
}

/** The headline numbers of a run. */
function simulationSummary(run: Omit<Simulation, 'summary'>): SimulationSummary {
  const last = run.days.length - 1;
  let peakAt = 0;
  for (let i = 1; i <= last; i++) if (run.equity[i]! > run.equity[peakAt]!) peakAt = i;
  const total = run.total(run.days[0]!, run.days[last]! + run.step);
  return {
    days: run.days[last]! - run.days[0]!,
    step: run.step,
    account: run.account?.name ?? null,
    units: run.units,
    equity: { start: run.equity[0]!, end: run.equity[last]!, peak: run.equity[peakAt]!, peakDay: run.days[peakAt]! },
    reach: { end: run.reach[last]!, total: total.reach },
    interest: { end: run.interest[last]!, total: total.interest },
  };
}

const SIMULATION_PRESENTATION: Presentation<Omit<Simulation, 'summary'>, SimulationSummary> = {
  summary: simulationSummary,
  lines: (run) => {
    const s = simulationSummary(run);
    return [
      `Simulation: ${figure(s.days)} days (${figure(s.days / DAYS_PER_MONTH)} months), step ${figure(s.step)} day${s.step === 1 ? '' : 's'}, ${s.account === null ? 'model units' : `account "${s.account}"`}`,
      `  equity    ${figure(s.equity.start)} at the start, ${figure(s.equity.end)} at the end, peak ${figure(s.equity.peak)} after ${figure((s.equity.peakDay - run.days[0]!) / DAYS_PER_MONTH)} months`,
      `  reach     ${figure(s.reach.end)} ${s.units.reach} at the end, ${figure(s.reach.total)} ${totalUnit(s.units.reach)} in all`,
      `  interest  ${figure(s.interest.end)} ${s.units.interest} at the end, ${figure(s.interest.total)} ${totalUnit(s.units.interest)} in all`,
      '  series: days, equity, inflow, reach, agenda, momentum, interest — read with .at(when), .mean(from, to), .total(from, to), .monthly(), .summary()',
    ];
  },
};

/** Sample the schedule and step the engine over the whole run. */
function run(
  p: ModelParameters,
  activity: Schedule,
  initial: ModelState,
  h: number,
  steps: number,
  owner: Account | null,
): Simulation {
  const points = steps + 1;
  const plan = activity.sampledOnce(initial.day, h, points);
  const days = new Float64Array(points);
  const series = Object.fromEntries(SERIES.map((name) => [name, new Float64Array(points)])) as Record<SeriesName, Float64Array>;
  const engine = new Engine(p, h);
  const state = engine.state(initial);
  engine.run(state, plan, { from: 0, to: points, end: steps }, { days, ...series, offset: 0 });
  const final = finalState(state);
  applyScale(owner, series);
  const { equity: equitySeries, inflow: inflowSeries, reach: reachSeries, agenda: agendaSeries, momentum: momentumSeries, interest: interestSeries } = series;
  const threshold = p.invitationThreshold;

  const readable = { days, step: h, ...series };
  const data: Omit<Simulation, 'summary'> = {
    days,
    ...series,
    step: h,
    parameters: p,
    final,
    account: owner,
    units: unitsOf(owner),
    mean: (from, to) => readPeriod(readable, from, to).mean,
    total: (from, to) => readPeriod(readable, from, to).total,
    monthly: () => readMonths(readable),
    at(when: Duration): SimulationPoint {
      const day = toDays(when, 'when');
      const first = days[0]!;
      const position = (day - first) / h;
      if (!(position >= -1e-9 && position <= steps + 1e-9)) {
        throw new ParameterError('when', when, `a day from ${first} to ${days[steps]} (the run)`);
      }
      const i = Math.min(Math.max(0, Math.floor(position + 1e-9)), steps);
      return {
        day: days[i]!,
        equity: equitySeries[i]!,
        inflow: inflowSeries[i]!,
        reach: reachSeries[i]!,
        agenda: agendaSeries[i]!,
        momentum: momentumSeries[i]!,
        interest: interestSeries[i]!,
        invited: agendaSeries[i]! >= threshold,
      };
    },
  };
  return presentable(data, SIMULATION_PRESENTATION);
}
