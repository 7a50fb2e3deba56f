/**
 * Lag kernels: how an input (reach, spend, effort) spreads its effect over the
 * following steps — the adstock of marketing-mix models.
 *
 * A kernel is plain, JSON-ready data (a {@link KernelSpec}), used the same way
 * on its own ({@link kernelWeights}, {@link applyKernel}) and inside the model
 * (`parameters.lag`). Lags count steps: lag 0 is the step of the input itself.
 * Fields that are {@link Duration}s (`halfLife`, `mean`) are turned into steps
 * with the step length (1 day unless said otherwise).
 *
 * This module says what a kernel is: its spec, its validation and its
 * weights. Stepping one over a series — by recursion for `geometric` and
 * `erlang`, O(1) work per step whatever their length, by direct convolution
 * for the others — is `lag.ts`.
 *
 * @module
 */
import { positiveDays, type Duration } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { gammaMass, gammaP, quantileOfOneToN, roundHalfEven } from '../numerics/special.js';
import { finiteNumber, inRange, integerAtLeast, knownKeys, optionalBoolean, plainObject, positive } from '../core/validate.js';

/**
 * Geometric decay, weight α^l: Robyn's and Koyck's adstock. Give `alpha` (the
 * share carried to the next step) or `halfLife`. Without `maxLag` it is the
 * infinite recursion y_t = x_t + α·y_{t−1}; with `normalize` its weights sum to 1.
 *
 * @example
 * ```ts
 * const weekly: GeometricKernel = { kind: 'geometric', alpha: 0.5 };
 * const slow: GeometricKernel = { kind: 'geometric', halfLife: '2 weeks', normalize: true };
 * ```
 */
export interface GeometricKernel {
  /** The kernel's kind. */
  readonly kind: 'geometric';
  /** Share of the effect carried from one step to the next, in [0, 1]. Give this or `halfLife`. */
  readonly alpha?: number;
  /** Time for the effect to halve (a {@link Duration}). Give this or `alpha`. */
  readonly halfLife?: Duration;
  /** The largest lag, a whole number ≥ 0; omit for an infinite kernel. */
  readonly maxLag?: number;
  /** Divide the weights by their sum. @defaultValue false */
  readonly normalize?: boolean;
}

/**
 * Delayed geometric decay, weight α^((l − θ)²), peaking at lag θ: PyMC-Marketing's
 * `delayed_adstock`, LightweightMMM's `carryover`.
 *
 * @example
 * ```ts
 * const delayed: DelayedKernel = { kind: 'delayed', alpha: 0.5, theta: 3, maxLag: 12 };
 * ```
 */
export interface DelayedKernel {
  /** The kernel's kind. */
  readonly kind: 'delayed';
  /** Retention, in [0, 1]. */
  readonly alpha: number;
  /** The lag of the peak, ≥ 0. */
  readonly theta: number;
  /** The largest lag, a whole number ≥ 0. */
  readonly maxLag: number;
  /** Divide the weights by their sum. @defaultValue false */
  readonly normalize?: boolean;
}

/**
 * Weibull kernels, as PyMC-Marketing (`weibull_adstock`) and Robyn
 * (`adstock_weibull`) define them. With `maxLag` = L there are L + 1 weights.
 *
 * `convention: 'pymc'` (default): `scale` is the Weibull scale λ in steps.
 * - `weibull-pdf`: the density at t = 1 … L + 1, rescaled by min–max to [0, 1]
 *   (PyMC's `l_max` is L + 1);
 * - `weibull-cdf`: the cumulative product of survival terms,
 *   w = cumprod([1, S(1), …, S(L)]) with S(t) = e^{−(t/λ)^k} (PyMC's `l_max` is L;
 *   its CDF kernel has `l_max + 1` weights).
 *
 * `convention: 'robyn'`: `scale` is a fraction of the window (0 < scale ≤ 1),
 * turned into a lag with R's `round(quantile(1:(L + 1), scale))` (type-7 quantile,
 * halves rounded to even); the window is Robyn's `windlen` = L + 1.
 * - `weibull-pdf`: `dweibull(1:(L+1))` rescaled by min–max (a flat curve gives [1, 0, …]);
 * - `weibull-cdf`: `cumprod(c(1, 1 − pweibull(1:L)))`.
 *
 * References: PyMC-Marketing `pymc_marketing/mmm/transformers.py` (`weibull_adstock`);
 * Robyn `R/R/transformation.R` (`adstock_weibull`).
 *
 * @example
 * ```ts
 * const pymc: WeibullKernel = { kind: 'weibull-pdf', shape: 2, scale: 5, maxLag: 20 };
 * const robyn: WeibullKernel = { kind: 'weibull-cdf', shape: 1.5, scale: 0.3, maxLag: 20, convention: 'robyn' };
 * ```
 */
export interface WeibullKernel {
  /** The kernel's kind. */
  readonly kind: 'weibull-pdf' | 'weibull-cdf';
  /** Weibull shape k, > 0. */
  readonly shape: number;
  /** Weibull scale: λ in steps (`'pymc'`) or a fraction of the window in (0, 1] (`'robyn'`). */
  readonly scale: number;
  /** The largest lag, a whole number ≥ 0. */
  readonly maxLag: number;
  /** Whose definition to follow. @defaultValue 'pymc' */
  readonly convention?: 'pymc' | 'robyn';
  /** Divide the weights by their sum. @defaultValue false */
  readonly normalize?: boolean;
}

/**
 * Binomial decay over lags 0 … L (L = `maxLag`), α = 0 keeping only lag 0. The two
 * peers differ in the denominator:
 *
 * - `convention: 'pymc'` (default), PyMC-Marketing's `binomial_adstock` with
 *   `l_max` = L + 1 weights: $w_l = (1 − l/(L + 2))^{1/α − 1}$;
 * - `convention: 'meridian'`, Meridian's binomial decay with window W = L + 1:
 *   $w_l = (1 − l/W)^{1/α − 1}$; applied to a series shorter than the window (and
 *   without a carried state), the window shrinks to the series' length, as Meridian's does.
 *
 * References: PyMC-Marketing `pymc_marketing/mmm/transformers.py` (`binomial_adstock`,
 * checked on its `test_binomial_adstock` cases); Meridian `meridian/model/adstock_hill.py`
 * (`compute_decay_weights`, `_adstock`).
 *
 * @example
 * ```ts
 * const binomial: BinomialKernel = { kind: 'binomial', alpha: 0.5, maxLag: 8, normalize: true };
 * const meridian: BinomialKernel = { kind: 'binomial', alpha: 0.5, maxLag: 8, convention: 'meridian' };
 * ```
 */
export interface BinomialKernel {
  /** The kernel's kind. */
  readonly kind: 'binomial';
  /** In [0, 1]: larger values spread the effect further. */
  readonly alpha: number;
  /** The largest lag, a whole number ≥ 0. */
  readonly maxLag: number;
  /** Whose definition to follow. @defaultValue 'pymc' */
  readonly convention?: 'pymc' | 'meridian';
  /** Divide the weights by their sum. @defaultValue false */
  readonly normalize?: boolean;
}

/**
 * Erlang lag: the input passes through `stages` first-order stages in a row,
 * each with mean time `mean / stages`. Weight l is the probability that a gamma
 * (Erlang) delay falls in [l, l + 1) steps, so the weights of the infinite
 * kernel sum to 1. Without `maxLag` it runs as a cascade of stages, O(stages)
 * per step, updated exactly for an input held over the step.
 *
 * @example
 * ```ts
 * const lag: ErlangKernel = { kind: 'erlang', mean: '12 months', stages: 4 };
 * ```
 */
export interface ErlangKernel {
  /** The kernel's kind. */
  readonly kind: 'erlang';
  /** The mean delay (a {@link Duration}), > 0. */
  readonly mean: Duration;
  /** The number of stages, a whole number from 1 to 64. */
  readonly stages: number;
  /** The largest lag; omit for the infinite kernel (run as a recursion). */
  readonly maxLag?: number;
  /** Divide the weights by their sum. @defaultValue false */
  readonly normalize?: boolean;
}

/**
 * Gamma lag with a real `shape` over a window: weight l is the probability that a
 * gamma delay with this shape and mean falls in [l, l + 1) steps. With a whole
 * `shape` it equals the Erlang kernel with as many stages.
 *
 * @example
 * ```ts
 * const lag: GammaKernel = { kind: 'gamma', mean: '9 months', shape: 2.5, maxLag: 900 };
 * ```
 */
export interface GammaKernel {
  /** The kernel's kind. */
  readonly kind: 'gamma';
  /** The mean delay (a {@link Duration}), > 0. */
  readonly mean: Duration;
  /** The gamma shape, > 0. */
  readonly shape: number;
  /** The largest lag, a whole number ≥ 0. */
  readonly maxLag: number;
  /** Divide the weights by their sum. @defaultValue false */
  readonly normalize?: boolean;
}

/** A lag kernel spec: plain data, JSON-ready. */
export type KernelSpec =
  | GeometricKernel
  | DelayedKernel
  | WeibullKernel
  | BinomialKernel
  | ErlangKernel
  | GammaKernel;

/** The kinds of lag kernel. */
export type KernelKind = KernelSpec['kind'];

/** The kernel kinds this version understands. */
const KERNEL_KINDS: readonly KernelKind[] = [
  'geometric',
  'delayed',
  'weibull-pdf',
  'weibull-cdf',
  'binomial',
  'erlang',
  'gamma',
];

/**
 * A kernel spec after validation, derived from the spec itself so that each
 * kernel's shape is declared once: every field present, durations in days,
 * the options filled in, and the fields in `Nullable` `null` where not given.
 */
export type Resolved<S, Nullable extends keyof S = never> = {
  // A Duration (number | string) becomes days; string literals (a convention's name) stay as they are.
  readonly [K in keyof S]-?: (Exclude<S[K], undefined> extends infer T ? (T extends string ? (string extends T ? never : T) : T) : never) | (K extends Nullable ? null : never);
};

/**
 * A kernel after validation: durations in days, every option filled in.
 * `maxLag` is `null` for an infinite kernel; a geometric kernel's `alpha` or
 * `halfLife` is `null`, whichever was not given.
 *
 * @example
 * ```ts
 * import { resolveParameters } from 'relationship-equity';
 * resolveParameters().lag; // { kind: 'erlang', mean: 365.25, stages: 4, maxLag: null, normalize: false }
 * ```
 */
export type ResolvedKernel =
  | Resolved<GeometricKernel, 'alpha' | 'halfLife' | 'maxLag'>
  | Resolved<DelayedKernel>
  | Resolved<WeibullKernel>
  | Resolved<BinomialKernel>
  | Resolved<ErlangKernel, 'maxLag'>
  | Resolved<GammaKernel>;

/**
 * The state a kernel carries between calls: for `geometric` and `erlang` without
 * `maxLag`, its recursion stages; for a kernel with a window, the last
 * `maxLag + 1` inputs, oldest first.
 *
 * @example
 * ```ts
 * import { applyKernel } from 'relationship-equity';
 * const { state } = applyKernel([1, 2, 3], { kind: 'geometric', alpha: 0.5 }, { returnState: true });
 * state; // { kind: 'geometric', values: [4.25] }
 * ```
 */
export interface KernelState {
  /** The kind of kernel that made it. */
  readonly kind: KernelKind;
  /** Recursion stages, or recent inputs oldest first. */
  readonly values: readonly number[];
}

/** Largest window accepted, to refuse runaway inputs quickly. */
const MAX_WINDOW = 1_000_000;
/** An infinite kernel's weights are listed until the rest weighs less than this share. */
const TAIL = 1e-15;
const MAX_STAGES = 64;
/** The shortest and longest mean lag taken, in days. */
const MIN_MEAN_DAYS = 0.01;
const MAX_MEAN_DAYS = 1_000_000;

function optionalWindow(field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const lag = integerAtLeast(field, value, 0);
  if (lag > MAX_WINDOW) throw new ParameterError(field, value, `a whole number from 0 to ${MAX_WINDOW}`);
  return lag;
}

function requiredWindow(field: string, value: unknown): number {
  const lag = optionalWindow(field, value);
  if (lag === null) throw new ParameterError(field, value, 'a whole number ≥ 0 (the largest lag)');
  return lag;
}

/**
 * Check a kernel spec and return it resolved (durations in days, options filled in), frozen.
 *
 * @throws {@link ParameterError} for an unknown kind, α outside [0, 1], a shape or
 * scale ≤ 0, a window that is negative or not whole, or an unknown field.
 * @internal
 */
export function validateKernel(spec: unknown, field = 'kernel'): ResolvedKernel {
  const o = plainObject(field, spec);
  const kind = o.kind;
  const f = (name: string): string => `${field}.${name}`;
  const normalize = (): boolean => optionalBoolean(f('normalize'), o.normalize);
  switch (kind) {
    case 'geometric': {
      knownKeys(field, o, ['kind', 'alpha', 'halfLife', 'maxLag', 'normalize']);
      if ((o.alpha === undefined) === (o.halfLife === undefined)) {
        throw new ParameterError(field, spec, 'given exactly one of `alpha` and `halfLife`');
      }
      const alpha = o.alpha === undefined ? null : inRange(f('alpha'), o.alpha, 0, 1);
      let halfLife: number | null = null;
      if (o.halfLife !== undefined) {
        halfLife = positiveDays(f('halfLife'), o.halfLife);
      }
      const maxLag = optionalWindow(f('maxLag'), o.maxLag);
      const norm = normalize();
      if (maxLag === null && norm && alpha === 1) {
        throw new ParameterError(f('alpha'), 1, 'below 1 for a normalized kernel without `maxLag` (its weights would sum to infinity)');
      }
      return Object.freeze({ kind, alpha, halfLife, maxLag, normalize: norm });
    }
    case 'delayed': {
      knownKeys(field, o, ['kind', 'alpha', 'theta', 'maxLag', 'normalize']);
      const alpha = inRange(f('alpha'), o.alpha, 0, 1);
      const theta = finiteNumber(f('theta'), o.theta);
      if (!(theta >= 0)) throw new ParameterError(f('theta'), o.theta, 'a number ≥ 0 (the lag of the peak)');
      return Object.freeze({ kind, alpha, theta, maxLag: requiredWindow(f('maxLag'), o.maxLag), normalize: normalize() });
    }
    case 'weibull-pdf':
    case 'weibull-cdf': {
      knownKeys(field, o, ['kind', 'shape', 'scale', 'maxLag', 'convention', 'normalize']);
      const convention = o.convention === undefined ? 'pymc' : o.convention;
      if (convention !== 'pymc' && convention !== 'robyn') {
        throw new ParameterError(f('convention'), o.convention, "'pymc' or 'robyn'");
      }
      const shape = positive(f('shape'), o.shape);
      const scale = positive(f('scale'), o.scale);
      if (convention === 'robyn' && scale > 1) {
        throw new ParameterError(f('scale'), o.scale, "a fraction of the window in (0, 1] with convention 'robyn'");
      }
      return Object.freeze({ kind, shape, scale, maxLag: requiredWindow(f('maxLag'), o.maxLag), convention, normalize: normalize() });
    }
    case 'binomial': {
      knownKeys(field, o, ['kind', 'alpha', 'maxLag', 'convention', 'normalize']);
      const convention = o.convention === undefined ? 'pymc' : o.convention;
      if (convention !== 'pymc' && convention !== 'meridian') throw new ParameterError(f('convention'), o.convention, "'pymc' or 'meridian'");
      return Object.freeze({ kind, alpha: inRange(f('alpha'), o.alpha, 0, 1), maxLag: requiredWindow(f('maxLag'), o.maxLag), convention, normalize: normalize() });
    }
    case 'erlang':
    case 'gamma': {
      knownKeys(field, o, ['kind', 'mean', kind === 'erlang' ? 'stages' : 'shape', 'maxLag', 'normalize']);
      const mean = positiveDays(f('mean'), o.mean);
      if (!(mean >= MIN_MEAN_DAYS && mean <= MAX_MEAN_DAYS)) throw new ParameterError(f('mean'), o.mean, `a lag from ${MIN_MEAN_DAYS} days (a quarter of an hour) to ${MAX_MEAN_DAYS} days`);
      if (kind === 'erlang') {
        const stages = integerAtLeast(f('stages'), o.stages, 1);
        if (stages > MAX_STAGES) throw new ParameterError(f('stages'), o.stages, `a whole number from 1 to ${MAX_STAGES}`);
        return Object.freeze({ kind, mean, stages, maxLag: optionalWindow(f('maxLag'), o.maxLag), normalize: normalize() });
      }
      return Object.freeze({ kind, mean, shape: positive(f('shape'), o.shape), maxLag: requiredWindow(f('maxLag'), o.maxLag), normalize: normalize() });
    }
    default:
      throw new ParameterError(`${field}.kind`, kind, `one of ${KERNEL_KINDS.map((k) => `'${k}'`).join(', ')}`);
  }
}

/** α per step of a geometric kernel. @internal */
export function geometricAlpha(k: Extract<ResolvedKernel, { kind: 'geometric' }>, stepDays: number): number {
  return k.alpha ?? Math.pow(0.5, stepDays / k.halfLife!);
}

/** Whether a resolved kernel runs as a recursion. @internal */
export function isRecursive(k: ResolvedKernel): boolean {
  return (k.kind === 'geometric') || (k.kind === 'erlang' && k.maxLag === null);
}

function weibullWeights(k: Extract<ResolvedKernel, { kind: 'weibull-pdf' | 'weibull-cdf' }>): Float64Array {
  const n = k.maxLag + 1;
  const w = new Float64Array(n);
  const lambda = k.convention === 'robyn' ? roundHalfEven(quantileOfOneToN(n, k.scale)) : k.scale;
  const survival = (t: number): number => Math.exp(-Math.pow(t / lambda, k.shape));
  if (k.kind === 'weibull-cdf') {
    w[0] = 1;
    for (let l = 1; l < n; l++) w[l] = w[l - 1]! * survival(l);
    return w;
  }
  // PDF at t = 1..n, rescaled by min–max.
  for (let l = 0; l < n; l++) {
    const t = l + 1;
    w[l] = (k.shape / lambda) * Math.pow(t / lambda, k.shape - 1) * survival(t);
  }
  let min = Infinity;
  let max = -Infinity;
  for (const x of w) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  if (!(max > min)) {
    w.fill(0);
    w[0] = 1;
    return w;
  }
  for (let l = 0; l < n; l++) w[l] = (w[l]! - min) / (max - min);
  return w;
}

/** Probability mass of a gamma delay (shape a, scale θ steps) in [l, l + 1), for l = 0..count−1. */
function gammaWeights(a: number, theta: number, count: number): Float64Array {
  const w = new Float64Array(count);
  for (let l = 0; l < count; l++) w[l] = gammaMass(a, l / theta, (l + 1) / theta);
  return w;
}

/** Lags an infinite kernel needs before its remaining weight falls below {@link TAIL}. */
function infiniteLength(k: ResolvedKernel, stepDays: number): number {
  if (k.kind === 'geometric') {
    const alpha = geometricAlpha(k, stepDays);
    if (alpha === 0) return 1;
    if (alpha === 1) throw new ParameterError('kernel.maxLag', null, 'given for a geometric kernel with alpha 1 (its weights never fall)');
    return Math.min(MAX_WINDOW, Math.ceil(Math.log(TAIL * (1 - alpha)) / Math.log(alpha)) + 1);
  }
  if (k.kind === 'erlang') {
    const theta = k.mean / stepDays / k.stages;
    let l = Math.ceil(k.mean / stepDays);
    while (1 - gammaP(k.stages, l / theta) > TAIL && l < MAX_WINDOW) l *= 2;
    return Math.min(l, MAX_WINDOW);
  }
  return k.maxLag + 1;
}

/** Binomial decay weights (1 − l/denominator)^(1/α − 1) for l = 0 … n − 1. */
export function binomialWeights(alpha: number, n: number, denominator: number): Float64Array {
  const w = new Float64Array(n);
  const exponent = 1 / alpha - 1;
  w[0] = 1; // (1 − 0)^e, written out: Math.pow(1, Infinity) is NaN
  // α = 0 (or so small that 1/α − 1 overflows) keeps lag 0 only.
  if (!Number.isFinite(exponent)) return w;
  for (let l = 1; l < n; l++) w[l] = Math.pow(1 - l / denominator, exponent);
  return w;
}

/** Raw weights (before `normalize`) of a resolved kernel. */
function rawWeights(k: ResolvedKernel, stepDays: number): Float64Array {
  const n = k.maxLag === null ? infiniteLength(k, stepDays) : k.maxLag + 1;
  switch (k.kind) {
    case 'geometric': {
      const alpha = geometricAlpha(k, stepDays);
      const w = new Float64Array(n);
      w[0] = 1;
      for (let l = 1; l < n; l++) w[l] = w[l - 1]! * alpha;
      return w;
    }
    case 'delayed': {
      const w = new Float64Array(n);
      for (let l = 0; l < n; l++) w[l] = Math.pow(k.alpha, (l - k.theta) ** 2);
      return w;
    }
    case 'weibull-pdf':
    case 'weibull-cdf':
      return weibullWeights(k);
    case 'binomial':
      return binomialWeights(k.alpha, n, k.convention === 'pymc' ? n + 1 : n);
    case 'erlang':
      return gammaWeights(k.stages, k.mean / stepDays / k.stages, n);
    case 'gamma':
      return gammaWeights(k.shape, k.mean / stepDays / k.shape, n);
  }
}

/** The divisor `normalize` applies: the sum of the window's weights, or of the infinite kernel's. */
function normalizer(k: ResolvedKernel, stepDays: number, weights: Float64Array): number {
  if (!k.normalize) return 1;
  if (k.maxLag === null) {
    if (k.kind === 'geometric') return 1 / (1 - geometricAlpha(k, stepDays));
    return 1; // an infinite Erlang kernel sums to 1
  }
  let sum = 0;
  for (const w of weights) sum += w;
  if (!(sum > 0)) throw new ParameterError('kernel.normalize', true, 'used with weights whose sum is > 0');
  return sum;
}

/** Options shared by the kernel functions. */
export interface KernelOptions {
  /** The length of one step, to turn `halfLife` and `mean` into steps. @defaultValue `'1 day'` */
  readonly step?: Duration;
}

/** The step of kernel options, in days (1 by default). @internal */
export function stepOf(options: KernelOptions | undefined): number {
  if (options === undefined || options.step === undefined) return 1;
  return positiveDays('options.step', options.step);
}

/**
 * The weights of a kernel: weight of lag 0, 1, …, `maxLag` (after `normalize`).
 * An infinite kernel (geometric or Erlang without `maxLag`) is listed until
 * the weight left beyond it is below 1e-15 of the whole.
 *
 * @throws {@link ParameterError} for an invalid spec.
 * @example
 * ```ts
 * import { kernelWeights } from 'relationship-equity';
 * kernelWeights({ kind: 'geometric', alpha: 0.5, maxLag: 3 }); // Float64Array [1, 0.5, 0.25, 0.125]
 * kernelWeights({ kind: 'binomial', alpha: 0.5, maxLag: 3, convention: 'meridian', normalize: true }); // Float64Array [0.4, 0.3, 0.2, 0.1]
 * ```
 */
export function kernelWeights(spec: KernelSpec, options?: KernelOptions): Float64Array {
  return kernelWeightsResolved(validateKernel(spec), stepOf(options));
}

/** The raw (not normalised) weights of a windowed kernel on a grid of one day: its daily weights. @internal */
export function rawDailyWeights(k: ResolvedKernel): Float64Array {
  return rawWeights(k, 1);
}

/** The weights of a resolved kernel on a grid of `stepDays` (after `normalize`). @internal */
export function kernelWeightsResolved(k: ResolvedKernel, stepDays: number): Float64Array {
  const w = rawWeights(k, stepDays);
  const divisor = normalizer(k, stepDays, w);
  if (divisor !== 1) for (let l = 0; l < w.length; l++) w[l] = w[l]! / divisor;
  return w;
}
