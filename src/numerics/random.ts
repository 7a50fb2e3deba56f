/**
 * Seeded randomness and the distributions used to express uncertainty about
 * parameters. The model itself never draws a random number: anything
 * stochastic takes a seed, and run i of a Monte Carlo draws from its own stream
 * derived from (seed, i), so it gives the same numbers whatever the number of
 * runs or how they are split.
 *
 * @module
 */
import seedrandom from 'seedrandom';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { finiteNumber, knownKeys, plainObject, positive } from '../core/validate.js';

/** A uniform generator on [0, 1). */
export type Random = () => number;

/**
 * The random stream of run `index` under `seed` (seedrandom's Alea generator,
 * seeded with `"<seed>/<index>"`). Independent of how many runs there are.
 *
 * @example
 * ```ts
 * import { randomStream } from 'relationship-equity';
 * const random = randomStream('plan-2026', 0);
 * random(); // the same number on every machine, every time
 * ```
 */
export function randomStream(seed: string | number, index: number): Random {
  if (typeof seed !== 'string' && typeof seed !== 'number') {
    throw new InputTypeError('seed', seed, 'a string or a number');
  }
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new ParameterError('seed', seed, 'a finite number or a string');
  if (!(Number.isInteger(index) && index >= 0)) throw new ParameterError('index', index, 'a whole number ≥ 0 (the run)');
  return randomStreamWithState(seed, index).random;
}

/** The state of an Alea generator (seedrandom's names). @internal */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * The stream of {@link randomStream} (arguments already checked), with a way to
 * read its generator's state, so that a hot loop can continue the same stream
 * on plain numbers ({@link lognormalShocks}) instead of a call per draw.
 *
 * @internal
 */
export function randomStreamWithState(seed: string | number, index: number): { random: Random; state(): AleaState } {
  const generator = seedrandom.alea(`${seed}/${index}`, { state: true });
  return { random: () => generator(), state: () => generator.state() as AleaState };
}

/** Uniform on [min, max]. */
export interface UniformDistribution {
  /** The distribution's kind. */
  readonly kind: 'uniform';
  /** Lower bound. */
  readonly min: number;
  /** Upper bound (≥ min). */
  readonly max: number;
}

/** Normal with `mean` and standard deviation `sd`, optionally truncated to [min, max]. */
export interface NormalDistribution {
  /** The distribution's kind. */
  readonly kind: 'normal';
  /** The mean (before truncation). */
  readonly mean: number;
  /** The standard deviation (before truncation), > 0. */
  readonly sd: number;
  /** Lower truncation bound. @defaultValue −∞ */
  readonly min?: number;
  /** Upper truncation bound. @defaultValue +∞ */
  readonly max?: number;
}

/** Lognormal: e^{μ + σZ}; its median is e^μ. */
export interface LognormalDistribution {
  /** The distribution's kind. */
  readonly kind: 'lognormal';
  /** μ, the mean of the logarithm. */
  readonly mu: number;
  /** σ, the standard deviation of the logarithm, > 0. */
  readonly sigma: number;
}

/** Beta(α, β) on [0, 1], stretched to [min, max] if given. */
export interface BetaDistribution {
  /** The distribution's kind. */
  readonly kind: 'beta';
  /** α > 0. */
  readonly alpha: number;
  /** β > 0. */
  readonly beta: number;
  /** Lower end of the range. @defaultValue 0 */
  readonly min?: number;
  /** Upper end of the range. @defaultValue 1 */
  readonly max?: number;
}

/** Triangular on [min, max] with its peak at `mode`. */
export interface TriangularDistribution {
  /** The distribution's kind. */
  readonly kind: 'triangular';
  /** Lower bound. */
  readonly min: number;
  /** The most likely value, in [min, max]. */
  readonly mode: number;
  /** Upper bound. */
  readonly max: number;
}

/** One of a fixed list of values, each equally likely. */
export interface ChoiceDistribution {
  /** The distribution's kind. */
  readonly kind: 'choice';
  /** The values (at least one). */
  readonly values: readonly number[];
}

/**
 * A distribution spec: plain data, JSON-ready.
 *
 * @example
 * ```ts
 * import type { Distribution } from 'relationship-equity';
 * const neglect: Distribution = { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 };
 * const grace: Distribution = { kind: 'triangular', min: 14, mode: 30, max: 60 };
 * ```
 */
export type Distribution =
  | UniformDistribution
  | NormalDistribution
  | LognormalDistribution
  | BetaDistribution
  | TriangularDistribution
  | ChoiceDistribution;

const KINDS = ['uniform', 'normal', 'lognormal', 'beta', 'triangular', 'choice'] as const;

function bounds(field: string, lo: number, hi: number, loName: string, hiName: string): void {
  if (!(hi >= lo)) throw new ParameterError(`${field}.${hiName}`, hi, `≥ ${loName} (${lo}): the bounds are inverted`);
}

/**
 * Check a distribution spec and return a frozen copy.
 *
 * @throws {@link ParameterError} for an unknown kind, inverted bounds or a spread ≤ 0.
 * @internal
 */
export function validateDistribution(spec: unknown, field: string): Distribution {
  const o = plainObject(field, spec);
  const f = (name: string): string => `${field}.${name}`;
  switch (o.kind) {
    case 'uniform': {
      knownKeys(field, o, ['kind', 'min', 'max']);
      const min = finiteNumber(f('min'), o.min);
      const max = finiteNumber(f('max'), o.max);
      bounds(field, min, max, 'min', 'max');
      return Object.freeze({ kind: 'uniform', min, max });
    }
    case 'normal': {
      knownKeys(field, o, ['kind', 'mean', 'sd', 'min', 'max']);
      const min = o.min === undefined ? -Infinity : finiteNumber(f('min'), o.min);
      const max = o.max === undefined ? Infinity : finiteNumber(f('max'), o.max);
      bounds(field, min, max, 'min', 'max');
      if (min === max) throw new ParameterError(f('max'), max, `> min (${min}): a truncation to one point is a fixed value`);
      return Object.freeze({ kind: 'normal', mean: finiteNumber(f('mean'), o.mean), sd: positive(f('sd'), o.sd), min, max });
    }
    case 'lognormal':
      knownKeys(field, o, ['kind', 'mu', 'sigma']);
      return Object.freeze({ kind: 'lognormal', mu: finiteNumber(f('mu'), o.mu), sigma: positive(f('sigma'), o.sigma) });
    case 'beta': {
      knownKeys(field, o, ['kind', 'alpha', 'beta', 'min', 'max']);
      const min = o.min === undefined ? 0 : finiteNumber(f('min'), o.min);
      const max = o.max === undefined ? 1 : finiteNumber(f('max'), o.max);
      bounds(field, min, max, 'min', 'max');
      return Object.freeze({ kind: 'beta', alpha: positive(f('alpha'), o.alpha), beta: positive(f('beta'), o.beta), min, max });
    }
    case 'triangular': {
      knownKeys(field, o, ['kind', 'min', 'mode', 'max']);
      const min = finiteNumber(f('min'), o.min);
      const mode = finiteNumber(f('mode'), o.mode);
      const max = finiteNumber(f('max'), o.max);
      bounds(field, min, mode, 'min', 'mode');
      bounds(field, mode, max, 'mode', 'max');
      return Object.freeze({ kind: 'triangular', min, mode, max });
    }
    case 'choice': {
      knownKeys(field, o, ['kind', 'values']);
      if (!Array.isArray(o.values) || o.values.length === 0) {
        throw new ParameterError(f('values'), o.values, 'a non-empty array of numbers');
      }
      return Object.freeze({ kind: 'choice', values: Object.freeze(o.values.map((v: unknown, i: number) => finiteNumber(`${f('values')}[${i}]`, v))) });
    }
    default:
      throw new ParameterError(f('kind'), o.kind, `one of ${KINDS.map((k) => `'${k}'`).join(', ')}`);
  }
}

/** Φ(x), the standard normal CDF (via erfc, accurate in the tails). */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** erfc(x): the power series of erf below |x| = 2, Laplace's continued fraction (modified Lentz) above. */
function erfc(x: number): number {
  const z = Math.abs(x);
  let result: number;
  if (z < 2) {
    // series for erf
    let sum = z;
    let term = z;
    const z2 = z * z;
    for (let n = 1; n < 200; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    result = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // continued fraction (Lentz) for erfc
    const tiny = 1e-300;
    let f = z;
    let c = z;
    let d = 0;
    for (let n = 1; n < 500; n++) {
      const a = n / 2;
      d = z + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = z + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    result = Math.exp(-z * z) / (f * Math.sqrt(Math.PI));
  }
  return x >= 0 ? result : 2 - result;
}

/**
 * Φ⁻¹(p), the standard normal quantile: Acklam's rational approximation refined
 * by one Halley step (relative error ~1e-15).
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const x = normalFromUniform(p);
  // One Halley refinement.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * A fast standard normal draw for noise: Acklam's approximation without the
 * refinement (relative error below 1.2e-9, far below any noise it models), by
 * inversion, so each draw takes exactly one uniform.
 */
export function fastNormal(random: Random): number {
  return normalFromUniform(random());
}

/** {@link fastNormal} for a uniform already drawn. @internal */
export function normalFromUniform(uniform: number): number {
  // The central region first and kept small, so that hot loops inline it.
  if (uniform >= 0.02425 && uniform <= 0.97575) {
    const q = uniform - 0.5;
    const r = q * q;
    return ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239) * q) /
      (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1);
  }
  return normalTail(uniform);
}

/** Acklam's tails: below 0.02425 and above 0.97575. */
function normalTail(uniform: number): number {
  const p = uniform === 0 ? Number.MIN_VALUE : uniform;
  const lower = p < 0.02425;
  const q = Math.sqrt(-2 * Math.log(lower ? p : 1 - p));
  const z =
    (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
    ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  return lower ? z : -z;
}

/**
 * Continue `streams` Alea streams, whose states lie in `states` as
 * [c, s0, s1, s2] per stream, by `count` draws each, turning every uniform into
 * a mean-one lognormal multiplier exp(σ·z − σ²/2) with z = {@link fastNormal}'s
 * normal: out[m · stride + t] is stream m's t-th. The same numbers as calling
 * `Math.exp(sigma * fastNormal(random) - sigma * sigma / 2)` on each stream,
 * without a call per draw.
 *
 * @internal
 */
export function lognormalShocks(states: Float64Array, streams: number, count: number, sigma: number, out: Float64Array, stride: number): void {
  const half = (sigma * sigma) / 2;
  for (let m = 0; m < streams; m++) {
    const k = 4 * m;
    let c = states[k]!;
    let s0 = states[k + 1]!;
    let s1 = states[k + 2]!;
    let s2 = states[k + 3]!;
    for (let t = 0, o = m * stride; t < count; t++, o++) {
      // seedrandom's Alea.next, on local numbers.
      const x = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      s0 = s1;
      s1 = s2;
      c = x | 0;
      s2 = x - c;
      out[o] = Math.exp(sigma * normalFromUniform(s2) - half);
    }
    states[k] = c;
    states[k + 1] = s0;
    states[k + 2] = s1;
    states[k + 3] = s2;
  }
}

/** A standard normal draw by inversion (one uniform per draw, so streams stay aligned). */
export function standardNormal(random: Random): number {
  let u = random(); // in [0, 1); 0 would give −∞

  if (u === 0) u = Number.MIN_VALUE;
  return normalQuantile(u);
}

/** A gamma(shape, 1) draw: Marsaglia and Tsang (2000), with the shape < 1 boost. */
function gammaDraw(shape: number, random: Random): number {
  if (shape < 1) {
    const u = random();
    return gammaDraw(shape + 1, random) * Math.pow(u === 0 ? Number.MIN_VALUE : u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(random);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u === 0 ? Number.MIN_VALUE : u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Draw one value from a validated distribution.
 *
 * @internal
 */
export function draw(spec: Distribution, random: Random): number {
  switch (spec.kind) {
    case 'uniform':
      return spec.min + (spec.max - spec.min) * random();
    case 'normal': {
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      if (min === -Infinity && max === Infinity) return spec.mean + spec.sd * standardNormal(random);
      // Inverse-CDF truncation: never loops, one uniform per draw.
      const lo = normalCdf((min - spec.mean) / spec.sd);
      const hi = normalCdf((max - spec.mean) / spec.sd);
      const u = lo + (hi - lo) * random();
      const x = spec.mean + spec.sd * normalQuantile(u);
      return Math.min(max, Math.max(min, x));
    }
    case 'lognormal':
      return Math.exp(spec.mu + spec.sigma * standardNormal(random));
    case 'beta': {
      const x = gammaDraw(spec.alpha, random);
      const y = gammaDraw(spec.beta, random);
      const min = spec.min ?? 0;
      const max = spec.max ?? 1;
      return min + (max - min) * (x / (x + y));
    }
    case 'triangular': {
      const { min, mode, max } = spec;
      if (max === min) return min;
      const u = random();
      const cut = (mode - min) / (max - min);
      return u < cut ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case 'choice':
      return spec.values[Math.min(spec.values.length - 1, Math.floor(random() * spec.values.length))]!;
  }
}
