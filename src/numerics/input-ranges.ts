/**
 * The ranges of a sensitivity analysis's inputs, read once: `[low, high]`
 * (uniform) or a distribution, each turned into its inverse distribution
 * function on (0, 1). Sobol indices, Morris's elementary effects and
 * one-at-a-time swings all read their inputs here.
 *
 * @module
 */
import { InputTypeError, ParameterError } from '../core/errors.js';
import { integerAtLeast, knownKeys, plainObject } from '../core/validate.js';
import type { LognormalDistribution, NormalDistribution, TriangularDistribution, UniformDistribution } from './distributions.js';
import { normalCdf, normalQuantile } from './normal.js';

/** An input's range: `[low, high]` (uniform), or a uniform, normal (untruncated), lognormal or triangular distribution as {@link monteCarlo} takes them. */
export type InputRange = readonly [number, number] | UniformDistribution | NormalDistribution | LognormalDistribution | TriangularDistribution;

/** The furthest into its tails an unbounded input (normal, lognormal) is read by Morris and by swings. */
export const UNBOUNDED_TAIL = 0.005;

/** One input, read: its name, its inverse distribution function, and whether its support is bounded. */
export interface ReadInput {
  /** The input's name. */
  readonly name: string;
  /** The value at probability u ∈ (0, 1). */
  readonly at: (u: number) => number;
  /** False for normal and lognormal inputs, whose ends are infinite. */
  readonly bounded: boolean;
}

/** A finite number at `field`. */
function finite(field: string, o: Record<string, unknown>, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ParameterError(`${field}.${key}`, v, 'a finite number');
  return v;
}

/** The inverse distribution function of one range. */
function readRange(field: string, range: unknown): Omit<ReadInput, 'name'> {
  if (Array.isArray(range)) {
    const [low, high] = range as unknown[];
    if (range.length !== 2 || typeof low !== 'number' || typeof high !== 'number' || !Number.isFinite(low) || !Number.isFinite(high) || !(high > low)) {
      throw new ParameterError(field, range, '[low, high]: two finite numbers, low < high');
    }
    return { at: (u) => low + (high - low) * u, bounded: true };
  }
  const o = plainObject(field, range);
  const num = (key: string): number => finite(field, o, key);
  switch (o.kind) {
    case 'uniform': {
      knownKeys(field, o, ['kind', 'min', 'max']);
      const [min, max] = [num('min'), num('max')];
      if (!(max > min)) throw new ParameterError(`${field}.max`, max, `above min (${min})`);
      return { at: (u) => min + (max - min) * u, bounded: true };
    }
    case 'normal': {
      knownKeys(field, o, ['kind', 'mean', 'sd', 'min', 'max']);
      const [mean, sd] = [num('mean'), num('sd')];
      if (!(sd > 0)) throw new ParameterError(`${field}.sd`, sd, 'a number > 0');
      const min = o.min === undefined ? -Infinity : num('min');
      const max = o.max === undefined ? Infinity : num('max');
      if (!(max > min)) throw new ParameterError(`${field}.max`, max, `above min (${min})`);
      if (min === -Infinity && max === Infinity) return { at: (u) => mean + sd * normalQuantile(u), bounded: false };
      // Truncated to [min, max], as monteCarlo draws it: the quantile of u within the kept part of the normal.
      const [lo, hi] = [normalCdf((min - mean) / sd), normalCdf((max - mean) / sd)];
      if (!(hi - lo > 1e-12)) throw new ParameterError(field, range, 'min and max that keep some of the normal (they lie far out in one tail)');
      const clamp = (x: number) => Math.min(max, Math.max(min, x));
      return { at: (u) => clamp(mean + sd * normalQuantile(lo + u * (hi - lo))), bounded: Number.isFinite(min) && Number.isFinite(max) };
    }
    case 'lognormal': {
      knownKeys(field, o, ['kind', 'mu', 'sigma']);
      const [mu, sigma] = [num('mu'), num('sigma')];
      if (!(sigma > 0)) throw new ParameterError(`${field}.sigma`, sigma, 'a number > 0');
      return { at: (u) => Math.exp(mu + sigma * normalQuantile(u)), bounded: false };
    }
    case 'triangular': {
      knownKeys(field, o, ['kind', 'min', 'mode', 'max']);
      const [min, mode, max] = [num('min'), num('mode'), num('max')];
      if (!(min <= mode && mode <= max && max > min)) throw new ParameterError(field, range, 'min ≤ mode ≤ max, min < max');
      const cut = (mode - min) / (max - min);
      return { at: (u) => (u < cut ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode))), bounded: true };
    }
    default:
      throw new ParameterError(`${field}.kind`, o.kind, "'uniform', 'normal', 'lognormal' or 'triangular' (or give [low, high])");
  }
}

/**
 * Read the named ranges of a sensitivity analysis.
 *
 * @param ranges - each input's `[low, high]` or distribution.
 * @param most - the most inputs allowed.
 * @throws {@link ParameterError} for no inputs, too many, or a bad range (named `ranges.<input>`).
 * @internal
 * @example
 * ```ts
 * import { readRanges } from './input-ranges.js';
 * const [a] = readRanges({ a: [0, 10] }, 32);
 * a.at(0.25); // 2.5
 * ```
 */
export function readRanges(ranges: unknown, most: number): readonly ReadInput[] {
  const r = plainObject('ranges', ranges);
  const names = Object.keys(r);
  if (names.length === 0 || names.length > most) throw new ParameterError('ranges', `${names.length} inputs`, `1 to ${most} named inputs`);
  return names.map((name) => ({ name, ...readRange(`ranges.${name}`, r[name]) }));
}

/** Check that a model is a function (named `model`). @internal */
export function modelFunction<F>(model: F): F {
  if (typeof model !== 'function') throw new InputTypeError('model', model, 'a function of the named inputs');
  return model;
}

/** A model's answer, checked: a finite number (named `model`, with the inputs that gave it). @internal */
export function finiteAnswer(answer: unknown, inputs: Readonly<Record<string, number>>): number {
  if (typeof answer !== 'number' || !Number.isFinite(answer)) {
    throw new ParameterError('model', answer, `a finite number as the answer (at ${JSON.stringify(inputs)})`);
  }
  return answer;
}

/**
 * The options every sampling analysis shares, read from `o` (named `options.…`):
 * the seed, the bootstrap resamples (default 200) and the intervals' level
 * (default 0.95).
 *
 * @internal
 */
export function resamplingOptions(o: Record<string, unknown>): { seed: string | number; resamples: number; level: number } {
  if (typeof o.seed !== 'string' && typeof o.seed !== 'number') throw new InputTypeError('options.seed', o.seed, 'a string or a number');
  const resamples = o.bootstrap === undefined ? 200 : integerAtLeast('options.bootstrap', o.bootstrap, 0);
  const level = o.level === undefined ? 0.95 : o.level;
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw new ParameterError('options.level', o.level, 'a number between 0 and 1');
  return { seed: o.seed, resamples, level };
}
