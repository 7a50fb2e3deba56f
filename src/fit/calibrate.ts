/**
 * Calibration to real history: fit the model's parameters to what an account
 * actually measured (weekly views, monthly leads, with gaps), by nonlinear
 * least squares (Levenberg–Marquardt), with standard errors, intervals and a
 * plain statement of which parameters the data cannot pin down.
 *
 * The pieces: `observations.ts` reads what was measured, `fit-plan.ts` what to
 * fit, `least-squares.ts` is the solver and `covariance.ts` the standard errors.
 *
 * @module
 */
import { type Duration } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { knownKeys, plainObject } from '../core/validate.js';
import { resolveParameters, withParameters, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import { scheduleInput, type Schedule } from '../model/schedule.js';
import { simulate } from '../model/simulate.js';
import { standardErrors } from './covariance.js';
import { resolveFitPlan, type FitPlan } from './fit-plan.js';
import { forwardJacobian, levenbergMarquardt } from './least-squares.js';
import { perPeriod, resolveObservations, type ObservedSeries, type Observations } from './observations.js';

export type { ObservedSeries } from './observations.js';

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** What the account did, from its day 0 (a log: `schedule.fromLog`). */
  readonly history: Schedule;
  /** What was measured. */
  readonly observed: ObservedSeries;
  /** The parameters to estimate, by name, as for {@link monteCarlo}: `'neglectDecay'`, `'lag.mean'`, `'response.halfSaturation'`, … */
  readonly fit: readonly string[];
  /** Bounds per fitted parameter. @defaultValue 0 to +∞ (0 to 1 for shares) */
  readonly bounds?: Readonly<Record<string, readonly [number, number]>>;
  /** Starting values per fitted parameter. @defaultValue the current (default or given) value */
  readonly initial?: Readonly<Record<string, number>>;
  /** Parameters held fixed. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** Time from the platform's launch to the history's day 0. @defaultValue 0 */
  readonly start?: Duration;
  /** Most Levenberg–Marquardt iterations. @defaultValue 100 */
  readonly maxIterations?: number;
}

/** One fitted parameter. */
export interface FittedParameter {
  /** The estimate. */
  readonly value: number;
  /** Its standard error (`Infinity` when the data cannot pin it down). */
  readonly standardError: number;
  /** An approximate 95% interval (value ± 1.96 standard errors, within the bounds), or `null` when not identified. */
  readonly interval: readonly [number, number] | null;
  /** Whether the data pin the parameter down (relative standard error below 50%). */
  readonly identified: boolean;
}

/** One observed period and the model's fit to it. */
export interface FittedPoint {
  /** The period's index. */
  readonly period: number;
  /** The measured value. */
  readonly observed: number;
  /** The model's value (scaled). */
  readonly fitted: number;
  /** observed − fitted. */
  readonly residual: number;
}

/** The result of {@link calibrate}. */
export interface CalibrationResult {
  /** Each fitted parameter by name. */
  readonly parameters: Readonly<Record<string, FittedParameter>>;
  /** Measured units per model unit (views per unit of reach, leads per unit of interest), fitted with the rest. */
  readonly scale: FittedParameter;
  /** The fitted parameters as input for {@link simulate} (fixed ones included). */
  readonly parameterInput: ParameterInput;
  /** The model's value for every period, scaled to the measurements. */
  readonly fitted: Float64Array;
  /** The observed periods with their fit and residual. */
  readonly points: readonly FittedPoint[];
  /** Goodness of fit. */
  readonly goodness: {
    /** Number of observed periods. */
    readonly n: number;
    /** Number of estimated quantities (fitted parameters + scale). */
    readonly p: number;
    /** Sum of squared residuals. */
    readonly ssr: number;
    /** Root mean squared residual. */
    readonly rmse: number;
    /** 1 − SSR / SST. */
    readonly rSquared: number;
  };
  /** Levenberg–Marquardt iterations used. */
  readonly iterations: number;
  /** Whether the fit converged within `maxIterations`. */
  readonly converged: boolean;
}

/** The residuals at some parameters with the scale solved in closed form (variable projection), that scale, and the model per period. */
interface Evaluation {
  readonly r: number[];
  readonly scale: number;
  readonly m: Float64Array;
}

/** The model of a fit: per period (unscaled) at the fitted parameters' values, or null if these are not allowed. */
function periodModel(history: Schedule, observations: Observations, plan: FitPlan, fixed: ParameterInput, base: ModelParameters) {
  return (theta: readonly number[]): Float64Array | null => {
    let input: ParameterInput;
    try {
      input = withParameters(fixed, plan.names, theta, base).input;
    } catch (error) {
      if (error instanceof ParameterError) return null;
      throw error;
    }
    const run = simulate({ horizon: observations.span, activity: history, parameters: input, start: plan.launchOffset });
    return perPeriod(run[observations.series], observations);
  };
}

/** Residuals at `scale` times the model, and the scale that fits best. */
function evaluate(m: Float64Array, { observedIndex, y }: Observations): Evaluation {
  let my = 0;
  let mm = 0;
  observedIndex.forEach((k, j) => {
    my += m[k]! * y[j]!;
    mm += m[k]! * m[k]!;
  });
  const scale = mm > 0 ? my / mm : 0;
  return { r: observedIndex.map((k, j) => y[j]! - scale * m[k]!), scale, m };
}

function fittedParameter(value: number, se: number, lo: number, hi: number): FittedParameter {
  const identified = Number.isFinite(se) && se < 0.5 * Math.max(Math.abs(value), 1e-300);
  return {
    value,
    standardError: se,
    interval: identified ? [Math.max(lo, value - 1.96 * se), Math.min(hi, value + 1.96 * se)] : null,
    identified,
  };
}

/**
 * Fit parameters of the model to measured history by nonlinear least squares.
 *
 * The model is run over the history, its `observed.series` is summed (or
 * averaged) per period, and a scale (measured units per model unit) is fitted
 * together with the named parameters by Levenberg–Marquardt with Marquardt's
 * scaling and finite-difference Jacobians; steps stay within the bounds.
 * Standard errors come from σ²(JᵀJ)⁻¹ at the optimum (mathjs for the linear
 * algebra). A parameter whose relative standard error exceeds 50%, or that the
 * data do not move at all, is reported as not identified, with no interval.
 *
 * @throws {@link ParameterError} for an unknown or integer parameter name,
 * fewer observations than estimated quantities, observations that run past the
 * history, bounds that exclude the initial guess, or invalid options.
 * @example
 * ```ts
 * import { calibrate, schedule } from 'relationship-equity';
 * const history = schedule.fromLog(myLog); // dated posts and events
 * const result = calibrate({
 *   history,
 *   observed: { series: 'reach', values: weeklyViews, period: '1 week' },
 *   fit: ['neglectDecay', 'response.halfSaturation'],
 * });
 * result.parameters.neglectDecay; // { value, standardError, interval, identified }
 * result.goodness.rSquared;
 * ```
 */
export function calibrate(options: CalibrateOptions): CalibrationResult {
  const o = plainObject('options', options);
  knownKeys('options', o, ['history', 'observed', 'fit', 'bounds', 'initial', 'parameters', 'start', 'maxIterations']);
  const history = scheduleInput('history', o.history);
  const fixed = (o.parameters ?? {}) as ParameterInput;
  const base = resolveParameters(fixed);
  const observations = resolveObservations(o.observed, history);
  const plan = resolveFitPlan(o, base, observations);
  const { names, bounds } = plan;
  const model = periodModel(history, observations, plan, fixed, base);
  const residuals = (theta: readonly number[]): Evaluation | null => {
    const m = model(theta);
    return m === null ? null : evaluate(m, observations);
  };
  const atStart = residuals(plan.start);
  if (atStart === null) {
    throw new ParameterError('initial', Object.fromEntries(names.map((n, i) => [n, plan.start[i]])), 'parameter values the model accepts');
  }
  const typical = plan.start.map((v, i) => Math.max(Math.abs(v), Math.abs(bounds[i]![0]), 1e-6));
  // The fit steps in the parameters alone, the scale solved for at each point (it enters linearly).
  const { theta, at: current, ssr, iterations, converged } = levenbergMarquardt({ evaluate: residuals, start: plan.start, atStart, bounds, typical, maxIterations: plan.maxIterations });

  // Uncertainty: the Jacobian in all quantities at the optimum — the parameters' columns with the
  // scale held (it has a column of its own; re-solving it, as the fit does, would shrink its error).
  const { scale, m } = current;
  const { observedIndex, y } = observations;
  const atScale = (t: readonly number[]): number[] | null => {
    const mt = model(t);
    return mt === null ? null : observedIndex.map((k, j) => y[j]! - scale * mt[k]!);
  };
  const J = forwardJacobian(theta, current.r, atScale, bounds, typical).map((row, j) => [...row, -m[observedIndex[j]!]!]);
  const errors = standardErrors(J, ssr);
  const n = y.length;
  const fitted = m.map((v) => v * scale);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return {
    parameters: Object.fromEntries(names.map((name, i) => [name, fittedParameter(theta[i]!, errors[i]!, bounds[i]![0], bounds[i]![1])])),
    scale: fittedParameter(scale, errors[names.length]!, 0, Infinity),
    parameterInput: withParameters(fixed, names, theta, base).input,
    fitted,
    points: observedIndex.map((k, j) => ({ period: k, observed: y[j]!, fitted: fitted[k]!, residual: current.r[j]! })),
    goodness: { n, p: names.length + 1, ssr, rmse: Math.sqrt(ssr / n), rSquared: sst > 0 ? 1 - ssr / sst : 1 },
    iterations,
    converged,
  };
}
