/**
 * Monte Carlo: the range of outcomes when parameters are uncertain and reach
 * varies from day to day, as bands (quantiles and the mean per day) rather
 * than one line.
 *
 * Runs are stepped in blocks of days from kept states, and only the values of
 * the current block are held for every run, so 10,000 runs of 5 daily years
 * need tens of megabytes, not gigabytes, and the quantiles are exact.
 *
 * @module
 */
import { Engine, EngineGroup, LANE_PARAMETERS, dayKey } from '../model/engine.js';
import { ParameterError, InputTypeError } from '../core/errors.js';
import { parameterValue, resolveChanged, DEFAULT_PARAMETERS, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import { QuantileFinder } from '../numerics/quantiles.js';
import { draw, validateDistribution, type Distribution } from '../numerics/distributions.js';
import { lognormalShocks, randomStreamWithState } from '../numerics/random.js';
import type { SampledSchedule } from '../model/schedule.js';
import { prepareRun, SERIES, type PreparedRun, type SeriesName, type SimulateOptions } from '../model/simulate.js';
import { finiteNumber, integerAtLeast, knownKeys, nonNegative, optionalBoolean, plainObject } from '../core/validate.js';

/** Day-to-day variation of reach: a mean-one lognormal multiplier per step. */
export interface NoiseOptions {
  /** Standard deviation of the logarithm of the daily reach multiplier (0.2 ≈ ±20%). */
  readonly reach: number;
}

/** Options shared by the uncertain analyses ({@link monteCarlo}, {@link whatIf}). */
export interface UncertaintyOptions {
  /** How many runs, a whole number ≥ 1. */
  readonly runs: number;
  /** The seed: the same seed gives bit-identical results. */
  readonly seed: string | number;
  /**
   * Parameters to draw anew for every run, by name: a top-level numeric field of
   * {@link ModelParameters} (`'neglectDecay'`) or a field of its response or
   * lag spec (`'response.halfSaturation'`, `'lag.mean'` in days).
   * @defaultValue `{}`
   */
  readonly uncertain?: Readonly<Record<string, Distribution>>;
  /** Day-to-day variation of reach. @defaultValue none */
  readonly noise?: NoiseOptions;
  /** The quantiles wanted, each in [0, 1]. @defaultValue `[0.05, 0.25, 0.5, 0.75, 0.95]` */
  readonly levels?: readonly number[];
}

/** Options of {@link monteCarlo}. */
export interface MonteCarloOptions extends UncertaintyOptions {
  /** The scenario, as `simulate` takes it. */
  readonly scenario: SimulateOptions;
  /** The series to summarise. @defaultValue `['equity', 'reach', 'interest']` */
  readonly series?: readonly SeriesName[];
  /** Keep every run's path of each summarised series (memory: runs × points × 8 bytes each). @defaultValue false */
  readonly keepPaths?: boolean;
}

/** The quantile of a series at one level, per grid point. */
export interface QuantileSeries {
  /** The level, e.g. 0.05. */
  readonly level: number;
  /** The quantile at each grid point. */
  readonly values: Float64Array;
}

/** A band: the mean and the requested quantiles of a series at every grid point. */
export interface Band {
  /** The mean over runs at each grid point. */
  readonly mean: Float64Array;
  /** One series per requested level, in ascending order of level. */
  readonly quantiles: readonly QuantileSeries[];
}

/** The result of {@link monteCarlo}. */
export interface MonteCarloResult {
  /** The grid's days. */
  readonly days: Float64Array;
  /** The number of runs. */
  readonly runs: number;
  /** The seed used. */
  readonly seed: string | number;
  /** The quantile levels, ascending. */
  readonly levels: readonly number[];
  /** A band per summarised series. */
  readonly bands: Readonly<Partial<Record<SeriesName, Band>>>;
  /** Each run's value at the last grid point, per summarised series. */
  readonly final: Readonly<Partial<Record<SeriesName, Float64Array>>>;
  /** The parameter values drawn, per uncertain parameter, one per run. */
  readonly draws: Readonly<Record<string, Float64Array>>;
  /** Every run's path per summarised series, if `keepPaths` was set. */
  readonly paths?: Readonly<Partial<Record<SeriesName, readonly Float64Array[]>>>;
}

const DEFAULT_LEVELS = Object.freeze([0.05, 0.25, 0.5, 0.75, 0.95]);
/** Grid points held for every run at once (memory: runs × BLOCK × 8 bytes per series and scenario). */
const BLOCK = 32;
const MAX_RUNS = 10_000_000;

const NUMERIC_FIELDS = Object.keys(DEFAULT_PARAMETERS).filter(
  (k) => typeof DEFAULT_PARAMETERS[k as keyof ModelParameters] === 'number',
);

/** Checked uncertainty options. @internal */
export interface ResolvedUncertainty {
  readonly runs: number;
  readonly seed: string | number;
  readonly names: readonly string[];
  readonly distributions: readonly Distribution[];
  readonly noise: number;
  readonly levels: readonly number[];
}

/** Check the options shared by the uncertain analyses. @internal */
export function resolveUncertainty(o: Record<string, unknown>, base: ModelParameters): ResolvedUncertainty {
  const runs = integerAtLeast('runs', o.runs, 1);
  if (runs > MAX_RUNS) throw new ParameterError('runs', o.runs, `a whole number from 1 to ${MAX_RUNS}`);
  const seed = o.seed;
  if (typeof seed !== 'string' && typeof seed !== 'number') throw new InputTypeError('seed', seed, 'a string or a number');
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new ParameterError('seed', seed, 'a finite number or a string');
  const uncertain = o.uncertain === undefined ? {} : plainObject('uncertain', o.uncertain);
  const names = Object.keys(uncertain).sort();
  const distributions = names.map((name) => {
    checkParameterPath(name, base);
    return validateDistribution(uncertain[name], `uncertain.${name}`);
  });
  let noise = 0;
  if (o.noise !== undefined) {
    const n = plainObject('noise', o.noise);
    knownKeys('noise', n, ['reach']);
    noise = nonNegative('noise.reach', n.reach);
  }
  let levels: readonly number[] = DEFAULT_LEVELS;
  if (o.levels !== undefined) {
    if (!Array.isArray(o.levels) || o.levels.length === 0) throw new ParameterError('levels', o.levels, 'a non-empty array of numbers in [0, 1]');
    levels = Object.freeze(
      o.levels
        .map((v: unknown, i: number) => {
          const x = finiteNumber(`levels[${i}]`, v);
          if (!(x >= 0 && x <= 1)) throw new ParameterError(`levels[${i}]`, v, 'a number from 0 to 1');
          return x;
        })
        .sort((a: number, b: number) => a - b),
    );
  }
  return { runs, seed, names, distributions, noise, levels };
}

function checkParameterPath(name: string, base: ModelParameters): void {
  if (parameterValue(base, name) !== undefined) return;
  throw new ParameterError(
    `uncertain.${name}`,
    name,
    `a numeric parameter: one of ${NUMERIC_FIELDS.join(', ')}, or a numeric field of the response or lag spec (e.g. 'response.${Object.keys(base.response).find((k) => k !== 'kind')}', 'lag.${Object.keys(base.lag).find((k) => k !== 'kind')}')`,
  );
}

/** The engine of run r of a scenario: the scenario's parameters with the run's draws in place. */
function runEngine(scenario: PreparedRun, options: Pick<SimulateOptions, 'parameters'>, names: readonly string[], values: readonly number[], r: number): Engine {
  try {
    return new Engine(resolveChanged(scenario.parameters, (options.parameters ?? {}) as ParameterInput, names, values), scenario.step);
  } catch (error) {
    if (error instanceof ParameterError) {
      const i = names.findIndex((n) => error.field === `parameters.${n}`);
      if (i >= 0) {
        throw new ParameterError(
          `uncertain.${names[i]}`,
          values[i],
          `a distribution whose draws are allowed values (run ${r} drew ${values[i]}; ${error.message}); truncate it with min and max`,
        );
      }
    }
    throw error;
  }
}

/** What an ensemble hands to its consumer after each block: the block's values per scenario and series, point-major. */
export interface EnsembleBlock {
  /** Index of the block's first grid point. */
  readonly from: number;
  /** Number of grid points in the block. */
  readonly length: number;
  /** values[scenario][series][t · stride + run]: a grid point's values of every run lie side by side. */
  readonly values: readonly Readonly<Partial<Record<SeriesName, Float64Array>>>[];
  /** The distance in `values` between a run's consecutive grid points (the number of runs). */
  readonly stride: number;
}

/** The grid points held for every run at once. @internal */
export const ENSEMBLE_BLOCK = BLOCK;

/** Members `first` … `last − 1` of an ensemble, ready to be advanced block by block. @internal */
export interface Ensemble {
  /** Number of grid points. */
  readonly points: number;
  /** Advance every member over grid points [from, to), writing values[scenario][series][t · runs + run]. */
  advance(from: number, to: number, values: readonly Readonly<Partial<Record<SeriesName, Float64Array>>>[]): void;
}

/**
 * Create the members `first` … `last − 1` of an ensemble over one or more
 * scenarios on the same grid. Member i draws its parameters, then its daily
 * noise, from stream (seed, i), and every scenario of member i uses those same
 * draws (common random numbers), so differences between scenarios are not
 * blurred by luck — and member i is the same whichever range it is made in.
 *
 * @internal
 */
export function createEnsemble(
  scenarios: readonly PreparedRun[],
  scenarioOptions: readonly Pick<SimulateOptions, 'parameters'>[],
  uncertainty: ResolvedUncertainty,
  onDraws: (run: number, values: readonly number[]) => void,
  first = 0,
  last = uncertainty.runs,
): Ensemble {
  const head = scenarios[0]!;
  const points = head.steps + 1;
  const plans: SampledSchedule[] = scenarios.map((s) => s.activity.sample(s.initial.day, s.step, points));
  const { names, distributions, noise } = uncertainty;
  const shared = scenarios.map((scenario) => new Engine(scenario.parameters, scenario.step));
  // Per scenario, the runs that share every parameter acting on the whole
  // account go into one group (usually all of them: keys are only worked out
  // when an account-wide parameter is drawn).
  const keyed = names.some((name) => !LANE_PARAMETERS.includes(name.split('.')[0]!));
  const groups = scenarios.map(() => new Map<string, EngineGroup>());
  const count = last - first;
  const streams = new Float64Array(4 * count);
  for (let m = 0; m < count; m++) {
    const r = first + m;
    const random = randomStreamWithState(uncertainty.seed, r);
    const values = distributions.map((d) => draw(d, random.random));
    onDraws(r, values);
    scenarios.forEach((scenario, s) => {
      const engine = names.length === 0 ? shared[s]! : runEngine(scenario, scenarioOptions[s]!, names, values, r);
      const state = engine.state(scenario.initial);
      const key = keyed ? dayKey(engine) : '';
      let group = groups[s]!.get(key);
      if (group === undefined) groups[s]!.set(key, (group = new EngineGroup(engine, state, BLOCK)));
      group.add(engine, state, r, m * BLOCK);
    });
    // The run's noise continues its stream after its draws, on plain numbers.
    const { c, s0, s1, s2 } = random.state();
    streams[4 * m] = c;
    streams[4 * m + 1] = s0;
    streams[4 * m + 2] = s1;
    streams[4 * m + 3] = s2;
  }
  const shocks = new Float64Array(count * BLOCK);
  return {
    points,
    advance(from, to, values) {
      if (noise > 0) lognormalShocks(streams, count, to - from, noise, shocks, BLOCK);
      for (let s = 0; s < scenarios.length; s++) {
        for (const group of groups[s]!.values()) {
          group.run(plans[s]!, { from, to, end: head.steps }, { values: values[s]!, stride: uncertainty.runs, ...(noise > 0 ? { noise: shocks } : {}) });
        }
      }
    },
  };
}

/** Buffers for one block of every run: values[scenario][series][t · runs + run]. @internal */
export function blockBuffers(
  scenarios: number,
  series: readonly SeriesName[],
  runs: number,
  make: (length: number) => Float64Array = (length) => new Float64Array(length),
): Partial<Record<SeriesName, Float64Array>>[] {
  return Array.from({ length: scenarios }, () => {
    const perSeries: Partial<Record<SeriesName, Float64Array>> = {};
    for (const name of series) perSeries[name] = make(runs * BLOCK);
    return perSeries;
  });
}

/**
 * Run every member of an ensemble block by block on this thread, handing each
 * block's values to `onBlock`.
 *
 * @internal
 */
export function runEnsemble(
  scenarios: readonly PreparedRun[],
  scenarioOptions: readonly SimulateOptions[],
  uncertainty: ResolvedUncertainty,
  series: readonly SeriesName[],
  onDraws: (run: number, values: readonly number[]) => void,
  onBlock: (block: EnsembleBlock) => void,
): void {
  const ensemble = createEnsemble(scenarios, scenarioOptions, uncertainty, onDraws);
  const values = blockBuffers(scenarios.length, series, uncertainty.runs);
  for (let from = 0; from < ensemble.points; from += BLOCK) {
    const to = Math.min(ensemble.points, from + BLOCK);
    ensemble.advance(from, to, values);
    onBlock({ from, length: to - from, values, stride: uncertainty.runs });
  }
}

/**
 * Summarise per grid point, for one block, a value per run: its mean and its
 * quantiles, written into `band` at the block's offset.
 *
 * @internal
 */
export function summarise(
  block: EnsembleBlock,
  runs: number,
  source: ((run: number, t: number) => number) | { readonly buffer: Float64Array; readonly stride: number },
  band: { mean: Float64Array; quantiles: readonly QuantileSeries[] },
  levels: readonly number[],
  scratch: Scratch,
  columns: readonly [number, number] = [0, block.length],
): void {
  const { column, q, finder } = scratch;
  for (let t = columns[0]; t < columns[1]; t++) {
    let sum = 0;
    if (typeof source === 'function') {
      for (let r = 0; r < runs; r++) sum += column[r] = source(r, t);
      band.mean[block.from + t] = sum / runs;
      finder.find(column, q);
    } else {
      // The common case, straight from a block buffer, where a point's values of every run lie side by side:
      // one pass for the mean and the range, then the quantiles on the buffer itself.
      const values = source.buffer.subarray(t * source.stride, t * source.stride + runs);
      let min = Infinity;
      let max = -Infinity;
      for (let r = 0; r < runs; r++) {
        const v = values[r]!;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      band.mean[block.from + t] = sum / runs;
      // A NaN or an infinite value makes the sum non-finite: then the finder looks at the values itself.
      finder.find(values, q, Number.isFinite(sum) ? { min, max } : undefined);
    }
    for (let l = 0; l < levels.length; l++) band.quantiles[l]!.values[block.from + t] = q[l]!;
  }
}

/**
 * One thread's part of a Monte Carlo split across threads. It steps the runs
 * `first` … `last − 1` of a block into shared block buffers, and summarises
 * grid points of a block over all runs into the shared `bands`, taking them
 * one (point, series) at a time from `claim` until there are none left, so
 * that threads which finished stepping early summarise more. Every point is
 * summarised over the runs in the same order whichever thread does it, so the
 * result does not depend on the split.
 *
 * @internal
 */
export function createParticipant(
  job: Pick<MonteCarloJob, 'prepared' | 'uncertainty' | 'series'> & { readonly scenario: Pick<SimulateOptions, 'parameters'> },
  range: { readonly first: number; readonly last: number },
  bands: Readonly<Partial<Record<SeriesName, ReturnType<typeof emptyBand>>>>,
  onDraws: (run: number, values: readonly number[]) => void,
): {
  readonly points: number;
  step(from: number, values: Partial<Record<SeriesName, Float64Array>>): void;
  summarise(from: number, values: Partial<Record<SeriesName, Float64Array>>, claim: () => number): void;
} {
  const { runs, levels } = job.uncertainty;
  const ensemble = createEnsemble([job.prepared], [job.scenario], job.uncertainty, onDraws, range.first, range.last);
  const points = ensemble.points;
  const buffers = scratch(runs, levels);
  const series = job.series;
  return {
    points,
    step(from, values) {
      ensemble.advance(from, Math.min(points, from + BLOCK), [values]);
    },
    summarise(from, values, claim) {
      const length = Math.min(BLOCK, points - from);
      const block = { from, length, values: [values], stride: runs };
      for (let item = claim(); item < length * series.length; item = claim()) {
        const name = series[item % series.length]!;
        const t = Math.floor(item / series.length);
        summarise(block, runs, { buffer: values[name]!, stride: runs }, bands[name]!, levels, buffers, [t, t + 1]);
      }
    },
  };
}

/** Reusable buffers for {@link summarise}. @internal */
export interface Scratch {
  readonly column: Float64Array;
  readonly q: Float64Array;
  readonly finder: QuantileFinder;
}

/** Buffers for summarising `runs` values at `levels`. @internal */
export function scratch(runs: number, levels: readonly number[]): Scratch {
  return { column: new Float64Array(runs), q: new Float64Array(levels.length), finder: new QuantileFinder(runs, levels) };
}

/** An empty band over `points` grid points (its arrays made by `make`, e.g. on shared memory). @internal */
export function emptyBand(
  points: number,
  levels: readonly number[],
  make: (length: number) => Float64Array = (length) => new Float64Array(length),
): { mean: Float64Array; quantiles: QuantileSeries[] } {
  return { mean: make(points), quantiles: levels.map((level) => ({ level, values: make(points) })) };
}

/** The grid's days of a prepared run. @internal */
export function gridDays(run: PreparedRun): Float64Array {
  const days = new Float64Array(run.steps + 1);
  let day = run.initial.day;
  for (let i = 0; i <= run.steps; i++) {
    days[i] = day;
    day += run.step;
  }
  return days;
}

/**
 * Run a scenario many times with uncertain parameters and daily noise in reach,
 * and summarise each series as a band: the mean and the requested quantiles at
 * every grid point.
 *
 * Run i draws from its own stream derived from (seed, i): its parameters first
 * (in alphabetical order of name), then one normal per step for the noise. The
 * same seed gives bit-identical results; run i is the same whatever `runs` is.
 *
 * Memory: about runs × 32 × 8 bytes per summarised series for the block being
 * processed, plus the bands; `keepPaths` adds runs × points × 8 bytes per series.
 *
 * @throws {@link ParameterError} for `runs` that is not a whole number ≥ 1, an
 * unknown parameter or distribution, inverted bounds, levels outside [0, 1], or
 * a draw that is not an allowed parameter value (truncate the distribution).
 *
 * @example
 * ```ts
 * import { monteCarlo, schedule } from 'relationship-equity';
 * const result = monteCarlo({
 *   runs: 500,
 *   seed: 'seed-story',
 *   scenario: { horizon: '4 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) },
 *   uncertain: {
 *     neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 },
 *     'lag.mean': { kind: 'triangular', min: 240, mode: 365, max: 540 },
 *   },
 *   noise: { reach: 0.2 },
 *   levels: [0.1, 0.5, 0.9],
 * });
 * const interest = result.bands.interest!;
 * interest.quantiles[0].values; // the 10% quantile of interest, day by day
 * ```
 */
export function monteCarlo(options: MonteCarloOptions): MonteCarloResult {
  const job = prepareMonteCarlo(options);
  runEnsemble([job.prepared], [job.scenario], job.uncertainty, job.series, job.onDraws, job.onBlock);
  return job.result();
}

/** A Monte Carlo checked and ready to run: the ensemble's inputs and what collects its blocks. @internal */
export interface MonteCarloJob {
  readonly prepared: PreparedRun;
  readonly scenario: SimulateOptions;
  readonly uncertainty: ResolvedUncertainty;
  readonly series: readonly SeriesName[];
  /** Record run r's draws. */
  onDraws(run: number, values: readonly number[]): void;
  /** Collect a block of every run; with `summarised`, its bands were already filled (by worker threads). */
  onBlock(block: EnsembleBlock, summarised?: boolean): void;
  /** The bands being filled, per series. */
  readonly bands: Readonly<Partial<Record<SeriesName, ReturnType<typeof emptyBand>>>>;
  /** The result, once every block has been collected. */
  result(): MonteCarloResult;
}

/**
 * Check the options of a Monte Carlo and prepare what collects its blocks into
 * bands, so that the blocks can be computed on this thread or elsewhere.
 *
 * @internal
 */
export function prepareMonteCarlo(
  options: MonteCarloOptions,
  make: (length: number) => Float64Array = (length) => new Float64Array(length),
): MonteCarloJob {
  const o = plainObject('options', options);
  knownKeys('options', o, ['runs', 'seed', 'scenario', 'uncertain', 'noise', 'levels', 'series', 'keepPaths']);
  const scenario = o.scenario as SimulateOptions;
  const prepared = prepareRun(scenario, 'scenario');
  const uncertainty = resolveUncertainty(o, prepared.parameters);
  const series = resolveSeries(o.series);
  const keepPaths = optionalBoolean('keepPaths', o.keepPaths);
  const points = prepared.steps + 1;
  const { runs, levels } = uncertainty;

  const draws: Record<string, Float64Array> = {};
  for (const name of uncertainty.names) draws[name] = new Float64Array(runs);
  const bands: Partial<Record<SeriesName, ReturnType<typeof emptyBand>>> = {};
  const final: Partial<Record<SeriesName, Float64Array>> = {};
  const paths: Partial<Record<SeriesName, Float64Array[]>> = {};
  for (const name of series) {
    bands[name] = emptyBand(points, levels, make);
    final[name] = new Float64Array(runs);
    if (keepPaths) paths[name] = Array.from({ length: runs }, () => new Float64Array(points));
  }
  const buffers = scratch(runs, levels);
  return {
    bands,
    prepared,
    scenario,
    uncertainty,
    series,
    onDraws(run, values) {
      values.forEach((v, i) => (draws[uncertainty.names[i]!]![run] = v));
    },
    onBlock(block, summarised = false) {
      for (const name of series) {
        const buffer = block.values[0]![name]!;
        if (!summarised) summarise(block, runs, { buffer, stride: block.stride }, bands[name]!, levels, buffers);
        if (keepPaths) {
          for (let r = 0; r < runs; r++) {
            const path = paths[name]![r]!;
            for (let t = 0; t < block.length; t++) path[block.from + t] = buffer[t * block.stride + r]!;
          }
        }
        if (block.from + block.length === points) {
          final[name]!.set(buffer.subarray((block.length - 1) * block.stride, (block.length - 1) * block.stride + runs));
        }
      }
    },
    result() {
      return {
        days: gridDays(prepared),
        runs,
        seed: uncertainty.seed,
        levels,
        bands,
        final,
        draws,
        ...(keepPaths ? { paths } : {}),
      };
    },
  };
}

/** Check a list of series names. @internal */
export function resolveSeries(value: unknown, fallback: readonly SeriesName[] = ['equity', 'reach', 'interest']): readonly SeriesName[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.length === 0) throw new ParameterError('series', value, `a non-empty array of ${SERIES.join(', ')}`);
  return value.map((name: unknown, i: number) => {
    if (!(SERIES as readonly unknown[]).includes(name)) throw new ParameterError(`series[${i}]`, name, `one of ${SERIES.join(', ')}`);
    return name as SeriesName;
  });
}
