/**
 * An ensemble: many runs of one or more scenarios on the same grid, stepped
 * together one block of grid points at a time from kept states, so that only
 * the current block's values are held for every run. Run i draws its
 * parameters, then its daily noise, from stream (seed, i), and every scenario
 * of run i uses those draws (common random numbers).
 *
 * @internal
 * @module
 */
import { Engine, EngineGroup, LANE_PARAMETERS, dayKey } from '../model/engine.js';
import type { SampledSchedule } from '../model/schedule.js';
import type { PreparedRun, SeriesName } from '../model/simulate.js';
import { checkMemory, checkSteps } from '../core/limits.js';
import { draw } from '../numerics/distributions.js';
import { lognormalShocks, randomStreamWithState } from '../numerics/random.js';
import { runEngine, type ResolvedUncertainty } from './uncertainty.js';

/** Grid points held for every run at once (memory: runs × BLOCK × 8 bytes per series and scenario). */
const BLOCK = 32;

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
  uncertainty: ResolvedUncertainty,
  onDraws: (run: number, values: readonly number[]) => void,
  first = 0,
  last = uncertainty.runs,
): Ensemble {
  const head = scenarios[0]!;
  const points = head.steps + 1;
  const plans: SampledSchedule[] = scenarios.map((s) => s.activity.sampledOnce(s.initial.day, s.step, points));
  const { names, noise } = uncertainty;
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
    const values = drawValues(uncertainty, random.random);
    onDraws(r, values);
    scenarios.forEach((scenario, s) => {
      const engine = names.length === 0 ? shared[s]! : runEngine(scenario, names, values, r);
      const state = engine.state(scenario.initial);
      const key = keyed ? dayKey(engine) : '';
      let group = groups[s]!.get(key);
      if (group === undefined) groups[s]!.set(key, (group = new EngineGroup(engine, state, BLOCK)));
      group.add(engine, state, r, m);
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
      if (noise > 0) lognormalShocks(streams, count, to - from, noise, shocks);
      for (let s = 0; s < scenarios.length; s++) {
        for (const group of groups[s]!.values()) {
          group.run(plans[s]!, { from, to, end: head.steps }, { values: values[s]!, stride: uncertainty.runs, ...(noise > 0 ? { noise: shocks, noiseStride: count } : {}) });
        }
      }
    },
  };
}

/**
 * One run's parameter values: a posterior draw (its index from the run's
 * stream, when there is a posterior), then one draw per uncertain distribution.
 *
 * @internal
 */
export function drawValues(uncertainty: Pick<ResolvedUncertainty, 'distributions' | 'posterior'>, random: () => number): number[] {
  const { posterior, distributions } = uncertainty;
  const values: number[] = [];
  if (posterior !== null) {
    const count = posterior[0]!.length;
    const k = Math.min(count - 1, Math.floor(random() * count));
    for (const draws of posterior) values.push(draws[k]!);
  }
  for (const d of distributions) values.push(draw(d, random));
  return values;
}

/** What an ensemble holds per run besides its series: an engine and its lag (about 2 KB), its stream's state, its noise and its draws. */
const BYTES_PER_RUN = 2048 + 4 * 8 + BLOCK * 8;

/**
 * Check an ensemble's work and memory against {@link LIMITS} before anything
 * is allocated: runs × grid points × scenarios model steps; block buffers,
 * bands, each run's state, and kept paths.
 *
 * @throws {@link ParameterError} naming `runs` (or `keepPaths` when the paths are what does not fit).
 * @internal
 */
export function checkEnsembleBudget(size: { runs: number; points: number; scenarios: number; series: number; levels: number; keepPaths?: boolean }): void {
  const { runs, points, scenarios, series, levels } = size;
  checkSteps('runs', runs, runs * points * scenarios, `${runs} runs of ${points} grid points${scenarios > 1 ? ` for ${scenarios} scenarios` : ''}`);
  const state = runs * scenarios * (BYTES_PER_RUN + 2 * series * BLOCK * 8 + 2 * series * 8) + scenarios * series * points * (levels + 1) * 8;
  checkMemory('runs', runs, state, `the state of ${runs} runs and their bands`);
  if (size.keepPaths === true) checkMemory('keepPaths', true, state + runs * scenarios * series * points * 8, `keeping ${runs} paths of ${points} points for ${series} series`);
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
  uncertainty: ResolvedUncertainty,
  series: readonly SeriesName[],
  onDraws: (run: number, values: readonly number[]) => void,
  onBlock: (block: EnsembleBlock) => void,
): void {
  const ensemble = createEnsemble(scenarios, uncertainty, onDraws);
  const values = blockBuffers(scenarios.length, series, uncertainty.runs);
  for (let from = 0; from < ensemble.points; from += BLOCK) {
    const to = Math.min(ensemble.points, from + BLOCK);
    ensemble.advance(from, to, values);
    onBlock({ from, length: to - from, values, stride: uncertainty.runs });
  }
}
