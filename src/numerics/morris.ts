/**
 * Screening by elementary effects (Morris 1991, "Factorial sampling plans for
 * preliminary computational experiments", Technometrics 33, 161–174), with the
 * absolute mean μ* of Campolongo, Cariboni & Saltelli (2007, "An effective
 * screening design for sensitivity analysis of large models", Environ. Model.
 * Softw. 22, 1509–1518) — the statistics SALib's `morris.analyze` reports.
 *
 * Each of r trajectories starts at a random point of a p-level grid on the unit
 * cube and moves one input at a time by $\Delta = p / (2(p-1))$, in a random
 * order and direction. The elementary effect of input i on a trajectory is
 *
 * $$EE_i = \frac{f(x + \Delta e_i) - f(x)}{\Delta},$$
 *
 * the change of the answer per whole range of the input (coordinates are
 * probabilities, mapped through each input's inverse distribution function).
 * Over the trajectories: μ (mean), μ* (mean of |EE|: the input's importance),
 * σ (standard deviation: non-linearity or interaction). r (k + 1) evaluations.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { checkSteps } from '../core/limits.js';
import { integerAtLeast, knownKeys, plainObject } from '../core/validate.js';
import { finiteAnswer, modelFunction, readRanges, resamplingOptions, UNBOUNDED_TAIL, type InputRange } from './input-ranges.js';
import { normalQuantile } from './normal.js';
import { randomStream } from './random.js';

/** Options of {@link morrisEffects}. */
export interface MorrisOptions {
  /** Trajectories r; the model runs r × (inputs + 1) times. @defaultValue 20 */
  readonly trajectories?: number;
  /** Grid levels p, an even number ≥ 2. @defaultValue 4 */
  readonly levels?: number;
  /** The seed of the trajectories and of the bootstrap. */
  readonly seed: string | number;
  /** Bootstrap resamples for μ*'s interval (0: none). @defaultValue 200 */
  readonly bootstrap?: number;
  /** The interval's level. @defaultValue 0.95 */
  readonly level?: number;
}

/** One input's elementary effects, summarised. */
export interface MorrisEffect {
  /** μ: the mean effect, per whole range of the input (signs can cancel). */
  readonly mean: number;
  /** μ*: the mean absolute effect — the input's importance. */
  readonly meanAbsolute: number;
  /** σ: the effects' standard deviation — large beside μ* means non-linear or interacting. */
  readonly standardDeviation: number;
  /** A bootstrap interval of μ* at `level` (normal, as SALib's `mu_star_conf`, cut at 0; null without bootstrap). */
  readonly meanAbsoluteInterval: readonly [number, number] | null;
}

/** The result of {@link morrisEffects}. */
export interface MorrisResult {
  /** Per input, its effects. */
  readonly effects: Readonly<Record<string, MorrisEffect>>;
  /** Model evaluations made: r × (inputs + 1). */
  readonly evaluations: number;
}

/** One trajectory: k + 1 points (rows of unit coordinates) and the order the inputs moved in, with their signed steps. */
function trajectory(k: number, levels: number, random: () => number): { points: Float64Array[]; order: number[]; steps: number[] } {
  const delta = levels / (2 * (levels - 1));
  const start = Float64Array.from({ length: k }, () => Math.floor(random() * (levels / 2)) / (levels - 1));
  const up = Array.from({ length: k }, () => random() < 0.5);
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const first = start.map((x, i) => (up[i] ? x : x + delta));
  const points = [first];
  const steps: number[] = [];
  for (const i of order) {
    const next = Float64Array.from(points[points.length - 1]!);
    const step = up[i] ? delta : -delta;
    next[i] = next[i]! + step;
    points.push(next);
    steps.push(step);
  }
  return { points, order, steps };
}

/** Mean, mean absolute value and standard deviation of some effects. */
function moments(effects: ArrayLike<number>): { mean: number; meanAbsolute: number; standardDeviation: number } {
  const n = effects.length;
  let sum = 0;
  let absolute = 0;
  for (let j = 0; j < n; j++) ((sum += effects[j]!), (absolute += Math.abs(effects[j]!)));
  const mean = sum / n;
  let squares = 0;
  for (let j = 0; j < n; j++) squares += (effects[j]! - mean) ** 2;
  // n ≥ 2: there are at least two trajectories.
  return { mean, meanAbsolute: absolute / n, standardDeviation: Math.sqrt(squares / (n - 1)) };
}

/** Read the options of {@link morrisEffects}. */
function readOptions(options: unknown): { r: number; levels: number; seed: string | number; resamples: number; level: number } {
  const o = plainObject('options', options);
  knownKeys('options', o, ['trajectories', 'levels', 'seed', 'bootstrap', 'level']);
  const { seed, resamples, level } = resamplingOptions(o);
  const r = o.trajectories === undefined ? 20 : integerAtLeast('options.trajectories', o.trajectories, 2);
  const levels = o.levels === undefined ? 4 : integerAtLeast('options.levels', o.levels, 2);
  if (levels % 2 !== 0) throw new ParameterError('options.levels', levels, 'an even number of grid levels (4 is usual)');
  return { r, levels, seed, resamples, level };
}

/**
 * Morris's elementary effects of `model` over `ranges`: a cheap screening of
 * which inputs matter (μ*) and which act non-linearly or together (σ).
 *
 * @param model - maps a record of the named inputs to a number.
 * @param ranges - each input's `[low, high]` (uniform) or distribution; normal and lognormal inputs are read between their 0.5% and 99.5% quantiles.
 * @throws {@link ParameterError} for bad ranges or options, or a model answer that is not a finite number.
 * @example
 * ```ts
 * import { morrisEffects } from 'relationship-equity';
 * const { effects } = morrisEffects(({ a, b }) => a + 2 * b, { a: [0, 1], b: [0, 1] }, { seed: 1 });
 * effects.b.meanAbsolute; // 2: b moves the answer by 2 over its range
 * ```
 */
export function morrisEffects<I extends string>(model: (inputs: Record<I, number>) => number, ranges: Readonly<Record<I, InputRange>>, options: MorrisOptions): MorrisResult {
  modelFunction(model);
  const inputs = readRanges(ranges, 1000);
  const { r, levels, seed, resamples, level } = readOptions(options);
  const k = inputs.length;
  const evaluations = r * (k + 1);
  checkSteps('options.trajectories', r, evaluations, `${evaluations} model evaluations`);
  const random = randomStream(seed, 0);
  const effects = inputs.map(() => new Float64Array(r));
  const value = (u: Float64Array): number => {
    const record = {} as Record<I, number>;
    inputs.forEach((input, i) => {
      const x = input.bounded ? u[i]! : UNBOUNDED_TAIL + (1 - 2 * UNBOUNDED_TAIL) * u[i]!;
      record[input.name as I] = input.at(x);
    });
    return finiteAnswer(model(record), record);
  };
  for (let t = 0; t < r; t++) {
    const { points, order, steps } = trajectory(k, levels, random);
    let previous = value(points[0]!);
    order.forEach((i, s) => {
      const next = value(points[s + 1]!);
      effects[i]![t] = (next - previous) / steps[s]!;
      previous = next;
    });
  }
  return { effects: Object.fromEntries(inputs.map((input, i) => [input.name, summarise(effects[i]!, resamples, level, seed)])), evaluations };
}

/** An input's moments, and μ*'s bootstrap interval (mean ± z · the resampled means' spread). */
function summarise(effects: Float64Array, resamples: number, level: number, seed: string | number): MorrisEffect {
  const m = moments(effects);
  if (resamples === 0) return { ...m, meanAbsoluteInterval: null };
  const random = randomStream(seed, 1);
  const r = effects.length;
  let sum = 0;
  let squares = 0;
  for (let b = 0; b < resamples; b++) {
    let total = 0;
    for (let j = 0; j < r; j++) total += Math.abs(effects[Math.floor(random() * r)]!);
    sum += total / r;
    squares += (total / r) ** 2;
  }
  const spread = Math.sqrt(Math.max(0, (squares - sum ** 2 / resamples) / Math.max(1, resamples - 1)));
  const half = normalQuantile(0.5 + level / 2) * spread;
  // μ* is a mean of absolute values: its interval never reaches below 0.
  return { ...m, meanAbsoluteInterval: [Math.max(0, m.meanAbsolute - half), m.meanAbsolute + half] };
}
