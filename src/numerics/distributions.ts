/**
 * The distributions used to express uncertainty about parameters — plain,
 * JSON-ready specs — their validation, and one draw from a random stream.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { finiteNumber, knownKeys, plainObject, positive } from '../core/validate.js';
import { normalCdf, normalQuantile } from './normal.js';
import { logGamma } from './special.js';
import type { Random } from './random.js';

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

/** A standard normal draw by inversion (one uniform per draw, so streams stay aligned). */
export function standardNormal(random: Random): number {
  let u = random(); // in [0, 1); 0 would give −∞

  if (u === 0) u = Number.MIN_VALUE;
  return normalQuantile(u);
}

/** A gamma(shape, 1) draw: Marsaglia and Tsang (2000), with the shape < 1 boost. @internal */
export function gammaDraw(shape: number, random: Random): number {
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

/**
 * The log density of a validated distribution at x (−∞ outside its support);
 * `choice` has no density and gives `undefined`. For priors.
 *
 * @internal
 */
export function logDensity(spec: Distribution, x: number): number | undefined {
  switch (spec.kind) {
    case 'uniform':
      return x >= spec.min && x <= spec.max ? (spec.max > spec.min ? -Math.log(spec.max - spec.min) : 0) : -Infinity;
    case 'normal': {
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      if (x < min || x > max) return -Infinity;
      const z = (x - spec.mean) / spec.sd;
      const mass = normalCdf((max - spec.mean) / spec.sd) - normalCdf((min - spec.mean) / spec.sd);
      return -0.5 * z * z - Math.log(spec.sd * Math.sqrt(2 * Math.PI) * mass);
    }
    case 'lognormal': {
      if (!(x > 0)) return -Infinity;
      const z = (Math.log(x) - spec.mu) / spec.sigma;
      return -0.5 * z * z - Math.log(x * spec.sigma * Math.sqrt(2 * Math.PI));
    }
    case 'beta': {
      const min = spec.min ?? 0;
      const max = spec.max ?? 1;
      if (x < min || x > max) return -Infinity;
      const u = (x - min) / (max - min);
      const { alpha: a, beta: b } = spec;
      const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
      return (a - 1) * Math.log(u) + (b - 1) * Math.log1p(-u) - logBeta - Math.log(max - min);
    }
    case 'triangular': {
      const { min, mode, max } = spec;
      if (x < min || x > max) return -Infinity;
      if (max === min) return 0;
      const density = x < mode ? (2 * (x - min)) / ((max - min) * (mode - min)) : x > mode ? (2 * (max - x)) / ((max - min) * (max - mode)) : 2 / (max - min);
      return Math.log(density);
    }
    case 'choice':
      return undefined;
  }
}
