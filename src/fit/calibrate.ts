/**
 * Calibration to real history: fit the model's parameters to what an account
 * actually measured (weekly views, monthly leads, with gaps), by nonlinear
 * least squares (Levenberg–Marquardt), with standard errors, intervals and a
 * plain statement of which parameters the data cannot pin down.
 *
 * @module
 */
import { create, invDependencies, lusolveDependencies } from 'mathjs';
import { toDays, type Duration } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { parameterValue, resolveParameters, withParameter, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import { Schedule } from '../model/schedule.js';
import { simulate, type SeriesName } from '../model/simulate.js';
import { finiteNumber, integerAtLeast, knownKeys, plainObject } from '../core/validate.js';

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
}

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

const FIXED_INTEGERS = new Set(['lag.stages', 'lag.maxLag']);
const SHARES = new Set(['momentumFloor', 'lag.alpha', 'response.gamma']);
let algebra: { lusolve: (a: number[][], b: number[]) => number[][]; inv: (a: number[][]) => number[][] } | undefined;
function linearAlgebra() {
  if (algebra === undefined) {
    const math = create({ lusolveDependencies, invDependencies } as NonNullable<Parameters<typeof create>[0]>);
    algebra = {
      lusolve: (a, b) => math.lusolve(a, b) as unknown as number[][],
      inv: (a) => math.inv(a) as unknown as number[][],
    };
  }
  return algebra;
}

/** Last day a schedule says anything about (Infinity for a steady rate). */
function historySpan(history: Schedule): number {
  const spec = history.spec;
  if (spec.rates.length > 0 || spec.eventRules.length > 0) return Infinity;
  let last = 0;
  for (const p of spec.loggedPosts) last = Math.max(last, p.day + 1);
  for (const e of spec.loggedEvents) last = Math.max(last, e.day + 1);
  return last;
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
  if (!(o.history instanceof Schedule)) throw new ParameterError('history', o.history, 'a Schedule (e.g. schedule.fromLog(entries))');
  const history = o.history;
  const fixed = (o.parameters ?? {}) as ParameterInput;
  const base = resolveParameters(fixed);

  // The observations.
  const obs = plainObject('observed', o.observed);
  knownKeys('observed', obs, ['series', 'values', 'period', 'aggregate']);
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
    throw new ParameterError('observed.values', `${periods} periods (${span} days)`, `no longer than the history (${covered} days): the observed and history spans differ`);
  }

  // The parameters to fit.
  if (!Array.isArray(o.fit) || o.fit.length === 0) throw new ParameterError('fit', o.fit, 'a non-empty array of parameter names');
  const names: string[] = o.fit.map((name: unknown, i: number) => {
    if (typeof name !== 'string') throw new InputTypeError(`fit[${i}]`, name, 'a parameter name');
    if (FIXED_INTEGERS.has(name)) throw new ParameterError(`fit[${i}]`, name, 'a continuous parameter (a whole-number one cannot be fitted by least squares)');
    if (parameterValue(base, name) === undefined) throw new ParameterError(`fit[${i}]`, name, 'the name of a numeric parameter, e.g. neglectDecay, lag.mean, response.halfSaturation');
    return name;
  });
  if (new Set(names).size !== names.length) throw new ParameterError('fit', o.fit, 'names without repeats');
  const used = values.filter((v: number | null) => v !== null).length;
  if (used <= names.length + 1) {
    throw new ParameterError('observed.values', `${used} observed values`, `more than the ${names.length + 1} quantities estimated (the parameters and a scale)`);
  }
  const bounds = names.map((name): [number, number] => {
    const given = o.bounds === undefined ? undefined : (plainObject('bounds', o.bounds)[name] as unknown);
    if (given === undefined) return SHARES.has(name) ? [0, 1] : [0, Infinity];
    if (!Array.isArray(given) || given.length !== 2) throw new ParameterError(`bounds.${name}`, given, 'a pair [low, high]');
    const lo = finiteNumber(`bounds.${name}[0]`, given[0]);
    const hi = given[1] === Infinity ? Infinity : finiteNumber(`bounds.${name}[1]`, given[1]);
    if (!(hi > lo)) throw new ParameterError(`bounds.${name}`, given, 'a pair [low, high] with low < high');
    return [lo, hi];
  });
  if (o.bounds !== undefined) knownKeys('bounds', plainObject('bounds', o.bounds), names);
  const initialGiven = o.initial === undefined ? {} : plainObject('initial', o.initial);
  knownKeys('initial', initialGiven, names);
  const theta0 = names.map((name, i) => {
    const v = initialGiven[name] === undefined ? parameterValue(base, name)! : finiteNumber(`initial.${name}`, initialGiven[name]);
    const [lo, hi] = bounds[i]!;
    if (!(v >= lo && v <= hi)) throw new ParameterError(`initial.${name}`, v, `within its bounds [${lo}, ${hi}]`);
    return v;
  });
  const maxIterations = o.maxIterations === undefined ? 100 : integerAtLeast('maxIterations', o.maxIterations, 1);
  const start = o.start === undefined ? 0 : toDays(o.start as Duration, 'start');

  const observedIndex: number[] = [];
  const y: number[] = [];
  values.forEach((v: number | null, i: number) => {
    if (v !== null) {
      observedIndex.push(i);
      y.push(v);
    }
  });

  /** The model per period (unscaled), or null if these parameters are not allowed. */
  const model = (theta: readonly number[]): Float64Array | null => {
    let input: ParameterInput = fixed;
    let resolved = base;
    try {
      names.forEach((name, i) => {
        input = withParameter(input, resolved, name, theta[i]!);
        resolved = resolveParameters(input);
      });
    } catch (error) {
      if (error instanceof ParameterError) return null;
      throw error;
    }
    const run = simulate({ horizon: span, activity: history, parameters: input, start });
    const daily = run[series];
    const out = new Float64Array(periods);
    for (let k = 0; k < periods; k++) {
      let sum = 0;
      for (let d = k * period; d < (k + 1) * period; d++) sum += daily[d]!;
      out[k] = aggregate === 'sum' ? sum : sum / period;
    }
    return out;
  };
  /** Residuals with the scale solved in closed form (variable projection), and that scale. */
  const residuals = (theta: readonly number[]): { r: number[]; scale: number; m: Float64Array } | null => {
    const m = model(theta);
    if (m === null) return null;
    let my = 0;
    let mm = 0;
    observedIndex.forEach((k, j) => {
      my += m[k]! * y[j]!;
      mm += m[k]! * m[k]!;
    });
    const scale = mm > 0 ? my / mm : 0;
    return { r: observedIndex.map((k, j) => y[j]! - scale * m[k]!), scale, m };
  };
  const ssrOf = (r: readonly number[]): number => r.reduce((s, v) => s + v * v, 0);
  const typical = theta0.map((v, i) => Math.max(Math.abs(v), Math.abs(bounds[i]![0]), 1e-6));
  const clamp = (v: number, i: number): number => Math.min(bounds[i]![1], Math.max(bounds[i]![0], v));

  /** Forward differences of `f` (one value per observation) in each parameter, stepping inwards at an upper bound. */
  const jacobian = (theta: readonly number[], f0: readonly number[], f: (theta: readonly number[]) => readonly number[] | null): number[][] => {
    const columns = theta.map((v, i) => {
      let h = 1e-6 * Math.max(Math.abs(v), typical[i]!);
      if (v + h > bounds[i]![1]) h = -h;
      const shifted = theta.slice();
      shifted[i] = v + h;
      const fh = f(shifted);
      if (fh === null) return f0.map(() => 0);
      return fh.map((x, j) => (x - f0[j]!) / h);
    });
    return f0.map((_, j) => columns.map((c) => c[j]!));
  };
  // The fit steps in the parameters alone, the scale solved for at each point (it enters linearly).
  const profiled = (theta: readonly number[]): number[] | null => residuals(theta)?.r ?? null;

  let theta = theta0.slice();
  let current = residuals(theta);
  if (current === null) throw new ParameterError('initial', Object.fromEntries(names.map((n, i) => [n, theta[i]])), 'parameter values the model accepts');
  let ssr = ssrOf(current.r);
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  const { lusolve } = linearAlgebra();
  for (; iterations < maxIterations; iterations++) {
    const J = jacobian(theta, current.r, profiled);
    const p = names.length;
    const JtJ = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => J.reduce((s, row) => s + row[a]! * row[b]!, 0)));
    const Jtr = Array.from({ length: p }, (_, a) => J.reduce((s, row, j) => s + row[a]! * current!.r[j]!, 0));
    let improved = false;
    for (let attempt = 0; attempt < 20 && !improved; attempt++) {
      const A = JtJ.map((row, a) => row.map((v, b) => (a === b ? v + lambda * Math.max(v, 1e-30) : v)));
      let delta: number[];
      try {
        delta = lusolve(A, Jtr.map((v) => -v)).map((row) => row[0]!);
      } catch {
        lambda *= 10;
        continue;
      }
      const candidate = theta.map((v, i) => clamp(v + delta[i]!, i));
      const next = residuals(candidate);
      const nextSsr = next === null ? Infinity : ssrOf(next.r);
      if (nextSsr < ssr) {
        const relativeDrop = (ssr - nextSsr) / Math.max(ssr, 1e-300);
        const relativeStep = Math.max(...candidate.map((v, i) => Math.abs(v - theta[i]!) / Math.max(Math.abs(v), typical[i]!)));
        theta = candidate;
        current = next!;
        ssr = nextSsr;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = true;
        if (relativeDrop < 1e-12 || relativeStep < 1e-10) converged = true;
      } else {
        lambda *= 10;
      }
    }
    if (!improved || converged) {
      converged = true;
      break;
    }
  }

  // Uncertainty: the Jacobian in all quantities at the optimum — the parameters' columns with the
  // scale held (it has a column of its own; re-solving it, as the fit does, would shrink its error).
  const { scale, m } = current;
  const atScale = (t: readonly number[]): number[] | null => {
    const mt = model(t);
    return mt === null ? null : observedIndex.map((k, j) => y[j]! - scale * mt[k]!);
  };
  const J = jacobian(theta, current.r, atScale).map((row, j) => [...row, -m[observedIndex[j]!]!]);
  const n = y.length;
  const q = names.length + 1;
  const sigma2 = ssr / Math.max(1, n - q);
  const JtJ = Array.from({ length: q }, (_, a) => Array.from({ length: q }, (_, b) => J.reduce((s, row) => s + row[a]! * row[b]!, 0)));
  const norms = JtJ.map((row, a) => Math.sqrt(row[a]!));
  const largest = Math.max(...norms);
  const active = norms.map((v) => v > 1e-9 * largest);
  const standardErrors = new Array<number>(q).fill(Infinity);
  const idx = active.map((a, i) => (a ? i : -1)).filter((i) => i >= 0);
  if (idx.length > 0) {
    // Invert the correlation form (columns scaled to unit norm) for a well-conditioned system.
    const scaled = idx.map((a) => idx.map((b) => JtJ[a]![b]! / (norms[a]! * norms[b]!)));
    try {
      const inverse = linearAlgebra().inv(scaled);
      idx.forEach((a, i) => {
        const variance = (sigma2 * inverse[i]![i]!) / (norms[a]! * norms[a]!);
        standardErrors[a] = variance > 0 ? Math.sqrt(variance) : Infinity;
      });
    } catch {
      // singular: every standard error stays infinite
    }
  }
  const fittedParameter = (value: number, se: number, lo: number, hi: number): FittedParameter => {
    const identified = Number.isFinite(se) && se < 0.5 * Math.max(Math.abs(value), 1e-300);
    return {
      value,
      standardError: se,
      interval: identified ? [Math.max(lo, value - 1.96 * se), Math.min(hi, value + 1.96 * se)] : null,
      identified,
    };
  };
  const parameters = Object.fromEntries(names.map((name, i) => [name, fittedParameter(theta[i]!, standardErrors[i]!, bounds[i]![0], bounds[i]![1])]));
  let parameterInput: ParameterInput = fixed;
  let resolved = base;
  names.forEach((name, i) => {
    parameterInput = withParameter(parameterInput, resolved, name, theta[i]!);
    resolved = resolveParameters(parameterInput);
  });
  const fitted = m.map((v) => v * scale);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return {
    parameters,
    scale: fittedParameter(scale, standardErrors[q - 1]!, 0, Infinity),
    parameterInput,
    fitted,
    points: observedIndex.map((k, j) => ({ period: k, observed: y[j]!, fitted: fitted[k]!, residual: current!.r[j]! })),
    goodness: { n, p: q, ssr, rmse: Math.sqrt(ssr / n), rSquared: sst > 0 ? 1 - ssr / sst : 1 },
    iterations,
    converged,
  };
}
