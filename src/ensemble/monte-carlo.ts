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
import { ParameterError } from '../core/errors.js';
import { knownKeys, optionalBoolean, plainObject } from '../core/validate.js';
import { prepareRun, SERIES, type PreparedRun, type SeriesName, type SimulateOptions } from '../model/simulate.js';
import { scaleArrays, scaleOf, unitsOf, type Account, type SeriesUnits } from '../model/account.js';
import { figure, presentable, type Presentation } from '../core/present.js';
import { emptyBand, gridDays, scratch, summarise, type Band } from './bands.js';
import { ENSEMBLE_BLOCK, checkEnsembleBudget, createEnsemble, runEnsemble, type EnsembleBlock } from './ensemble.js';
import { resolveUncertainty, type ResolvedUncertainty, type UncertaintyOptions } from './uncertainty.js';

/** Options of {@link monteCarlo}. */
export interface MonteCarloOptions extends UncertaintyOptions {
  /** The scenario, as `simulate` takes it. */
  readonly scenario: SimulateOptions;
  /** The series to summarise. @defaultValue `['equity', 'reach', 'interest']` */
  readonly series?: readonly SeriesName[];
  /** Keep every run's path of each summarised series (memory: runs × points × 8 bytes each). @defaultValue false */
  readonly keepPaths?: boolean;
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
  /** The account the scenario is for, or null (model units). */
  readonly account: Account | null;
  /** What each series is counted in: views and leads a day with an account's scales, else model units. */
  readonly units: SeriesUnits;
  /** The headline numbers: each summarised series' median and 90% band at the end, in its units. */
  summary(): MonteCarloSummary;
}

/** The headline numbers of a Monte Carlo (see {@link MonteCarloResult.summary}). */
export interface MonteCarloSummary {
  /** The number of runs. */
  readonly runs: number;
  /** The seed used. */
  readonly seed: string | number;
  /** The run's length in days. */
  readonly days: number;
  /** The account's name, or null (model units). */
  readonly account: string | null;
  /** Per summarised series, at the last grid point: the median of the runs and the 5% and 95% quantiles, with the unit. */
  readonly atEnd: Readonly<Partial<Record<SeriesName, EndBand>>>;
}

/** One series at the end of a Monte Carlo. */
export interface EndBand {
  /** The median of the runs. */
  readonly median: number;
  /** The 5% quantile. */
  readonly low: number;
  /** The 95% quantile. */
  readonly high: number;
  /** What the values count. */
  readonly unit: string;
}

function monteCarloSummary(result: Omit<MonteCarloResult, 'summary'>): MonteCarloSummary {
  const atEnd: Partial<Record<SeriesName, EndBand>> = {};
  for (const [name, values] of Object.entries(result.final) as [SeriesName, Float64Array][]) {
    const sorted = Float64Array.from(values).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
    atEnd[name] = { median: at(0.5), low: at(0.05), high: at(0.95), unit: result.units[name] };
  }
  const last = result.days.length - 1;
  return { runs: result.runs, seed: result.seed, days: result.days[last]! - result.days[0]!, account: result.account?.name ?? null, atEnd };
}

const MONTE_CARLO_PRESENTATION: Presentation<Omit<MonteCarloResult, 'summary'>, MonteCarloSummary> = {
  summary: monteCarloSummary,
  lines: (result) => {
    const s = monteCarloSummary(result);
    return [
      `MonteCarloResult: ${figure(s.runs)} runs (seed ${JSON.stringify(s.seed)}) over ${figure(s.days)} days, ${s.account === null ? 'model units' : `account "${s.account}"`}`,
      ...Object.entries(s.atEnd).map(([name, v]) => `  ${name.padEnd(9)} at the end: median ${figure(v.median)} ${v.unit}, 90% of runs ${figure(v.low)} to ${figure(v.high)}`),
      `  also: days, bands (mean and quantiles ${result.levels.map((l) => `${100 * l}%`).join(', ')} per point), final, draws${result.paths === undefined ? '' : ', paths'}; .summary()`,
    ];
  },
};

/** Put the flows of a result in the account's units (the runs are stepped in model units). */
function scaleToAccount(account: Account | null, bands: Partial<Record<SeriesName, Band>>, final: Partial<Record<SeriesName, Float64Array>>, paths: Partial<Record<SeriesName, Float64Array[]>>): void {
  for (const name of ['reach', 'interest'] as const) {
    scaleArrays(scaleOf(account, name), [bands[name]?.mean, ...(bands[name]?.quantiles.map((q) => q.values) ?? []), final[name], ...(paths[name] ?? [])]);
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
  job: Pick<MonteCarloJob, 'prepared' | 'uncertainty' | 'series'>,
  range: { readonly first: number; readonly last: number },
  bands: Readonly<Partial<Record<SeriesName, ReturnType<typeof emptyBand>>>>,
  onDraws: (run: number, values: readonly number[]) => void,
): {
  readonly points: number;
  step(from: number, values: Partial<Record<SeriesName, Float64Array>>): void;
  summarise(from: number, values: Partial<Record<SeriesName, Float64Array>>, claim: () => number): void;
} {
  const { runs, levels } = job.uncertainty;
  const ensemble = createEnsemble([job.prepared], job.uncertainty, onDraws, range.first, range.last);
  const points = ensemble.points;
  const buffers = scratch(runs, levels);
  const series = job.series;
  return {
    points,
    step(from, values) {
      ensemble.advance(from, Math.min(points, from + ENSEMBLE_BLOCK), [values]);
    },
    summarise(from, values, claim) {
      const length = Math.min(ENSEMBLE_BLOCK, points - from);
      const block = { from, length, values: [values], stride: runs };
      for (let item = claim(); item < length * series.length; item = claim()) {
        const name = series[item % series.length]!;
        const t = Math.floor(item / series.length);
        summarise(block, runs, { buffer: values[name]!, stride: runs }, bands[name]!, levels, buffers, [t, t + 1]);
      }
    },
  };
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
  runEnsemble([job.prepared], job.uncertainty, job.series, job.onDraws, job.onBlock);
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

/** Options of a scenario, which belong in `scenario` when given to monteCarlo itself. */
const SCENARIO_KEYS = Object.freeze(Object.fromEntries(['horizon', 'step', 'activity', 'parameters', 'initial', 'start', 'name'].map((k) => [k, `scenario.${k}`])));

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
  knownKeys('options', o, ['runs', 'seed', 'scenario', 'uncertain', 'posterior', 'noise', 'levels', 'series', 'keepPaths'], SCENARIO_KEYS);
  const scenario = o.scenario as SimulateOptions;
  const prepared = prepareRun(scenario, 'scenario');
  const uncertainty = resolveUncertainty(o, prepared.parameters);
  const series = resolveSeries(o.series);
  const keepPaths = optionalBoolean('keepPaths', o.keepPaths);
  const points = prepared.steps + 1;
  const { runs, levels } = uncertainty;
  checkEnsembleBudget({ runs, points, scenarios: 1, series: series.length, levels: levels.length, keepPaths });

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
      scaleToAccount(prepared.account, bands as Partial<Record<SeriesName, Band>>, final, paths);
      const data: Omit<MonteCarloResult, 'summary'> = {
        days: gridDays(prepared),
        runs,
        seed: uncertainty.seed,
        levels,
        bands,
        final,
        draws,
        ...(keepPaths ? { paths } : {}),
        account: prepared.account,
        units: unitsOf(prepared.account),
      };
      return presentable(data, MONTE_CARLO_PRESENTATION);
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
