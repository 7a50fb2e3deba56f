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
 * `geometric` and `erlang` kernels run as recursions, O(1) work per step
 * whatever their length, and carry their state from one call to the next; the
 * others run as a direct convolution over their window.
 *
 * @module
 */
import { toDays, type Duration } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { gammaMass, gammaP, quantileOfOneToN, roundHalfEven } from '../numerics/special.js';
import { finiteNumber, inRange, integerAtLeast, knownKeys, plainObject, positive } from '../core/validate.js';

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
 * Binomial decay, weight (1 − l/(L + 1))^(1/α − 1): Meridian's and
 * PyMC-Marketing's binomial adstock. α = 0 keeps only lag 0.
 *
 * @example
 * ```ts
 * const binomial: BinomialKernel = { kind: 'binomial', alpha: 0.5, maxLag: 8, normalize: true };
 * ```
 */
export interface BinomialKernel {
  /** The kernel's kind. */
  readonly kind: 'binomial';
  /** In [0, 1]: larger values spread the effect further. */
  readonly alpha: number;
  /** The largest lag, a whole number ≥ 0. */
  readonly maxLag: number;
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
 * A kernel after validation: durations in days, every option filled in.
 * `maxLag` is `null` for an infinite kernel.
 *
 * @example
 * ```ts
 * import { resolveParameters } from 'relationship-equity';
 * resolveParameters().lag; // { kind: 'erlang', mean: 365.25, stages: 4, maxLag: null, normalize: false }
 * ```
 */
export type ResolvedKernel =
  | {
      /** The kernel's kind. */
      readonly kind: 'geometric';
      /** α per step, or `null` when given as a half-life. */
      readonly alpha: number | null;
      /** The half-life in days, or `null` when given as α. */
      readonly halfLife: number | null;
      /** The largest lag, or `null` for the infinite kernel. */
      readonly maxLag: number | null;
      /** Whether the weights are divided by their sum. */
      readonly normalize: boolean;
    }
  | {
      /** The kernel's kind. */
      readonly kind: 'delayed';
      /** Retention in [0, 1]. */
      readonly alpha: number;
      /** The lag of the peak. */
      readonly theta: number;
      /** The largest lag. */
      readonly maxLag: number;
      /** Whether the weights are divided by their sum. */
      readonly normalize: boolean;
    }
  | {
      /** The kernel's kind. */
      readonly kind: 'weibull-pdf' | 'weibull-cdf';
      /** Weibull shape. */
      readonly shape: number;
      /** Weibull scale (steps, or a fraction of the window for Robyn's convention). */
      readonly scale: number;
      /** The largest lag. */
      readonly maxLag: number;
      /** Whose definition is followed. */
      readonly convention: 'pymc' | 'robyn';
      /** Whether the weights are divided by their sum. */
      readonly normalize: boolean;
    }
  | {
      /** The kernel's kind. */
      readonly kind: 'binomial';
      /** In [0, 1]. */
      readonly alpha: number;
      /** The largest lag. */
      readonly maxLag: number;
      /** Whether the weights are divided by their sum. */
      readonly normalize: boolean;
    }
  | {
      /** The kernel's kind. */
      readonly kind: 'erlang';
      /** The mean delay in days. */
      readonly mean: number;
      /** The number of stages. */
      readonly stages: number;
      /** The largest lag, or `null` for the infinite kernel. */
      readonly maxLag: number | null;
      /** Whether the weights are divided by their sum. */
      readonly normalize: boolean;
    }
  | {
      /** The kernel's kind. */
      readonly kind: 'gamma';
      /** The mean delay in days. */
      readonly mean: number;
      /** The gamma shape. */
      readonly shape: number;
      /** The largest lag. */
      readonly maxLag: number;
      /** Whether the weights are divided by their sum. */
      readonly normalize: boolean;
    };

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

function flag(field: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new InputTypeError(field, value, 'true or false');
  return value;
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
  const normalize = (): boolean => flag(f('normalize'), o.normalize);
  switch (kind) {
    case 'geometric': {
      knownKeys(field, o, ['kind', 'alpha', 'halfLife', 'maxLag', 'normalize']);
      if ((o.alpha === undefined) === (o.halfLife === undefined)) {
        throw new ParameterError(field, spec, 'given exactly one of `alpha` and `halfLife`');
      }
      const alpha = o.alpha === undefined ? null : inRange(f('alpha'), o.alpha, 0, 1);
      let halfLife: number | null = null;
      if (o.halfLife !== undefined) {
        halfLife = toDays(o.halfLife as Duration, f('halfLife'));
        if (!(halfLife > 0)) throw new ParameterError(f('halfLife'), o.halfLife, 'a duration > 0');
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
      knownKeys(field, o, ['kind', 'alpha', 'maxLag', 'normalize']);
      return Object.freeze({ kind, alpha: inRange(f('alpha'), o.alpha, 0, 1), maxLag: requiredWindow(f('maxLag'), o.maxLag), normalize: normalize() });
    }
    case 'erlang':
    case 'gamma': {
      knownKeys(field, o, ['kind', 'mean', kind === 'erlang' ? 'stages' : 'shape', 'maxLag', 'normalize']);
      const mean = toDays(o.mean as Duration, f('mean'));
      if (!(mean > 0)) throw new ParameterError(f('mean'), o.mean, 'a duration > 0');
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

/** α per step of a geometric kernel. */
function geometricAlpha(k: Extract<ResolvedKernel, { kind: 'geometric' }>, stepDays: number): number {
  return k.alpha ?? Math.pow(0.5, stepDays / k.halfLife!);
}

/** Whether a resolved kernel runs as a recursion. */
function isRecursive(k: ResolvedKernel): boolean {
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
    case 'binomial': {
      const w = new Float64Array(n);
      const exponent = 1 / k.alpha - 1;
      w[0] = 1; // (1 − 0)^e, written out: Math.pow(1, Infinity) is NaN
      // α = 0 (or so small that 1/α − 1 overflows) keeps lag 0 only.
      if (!Number.isFinite(exponent)) return w;
      for (let l = 1; l < n; l++) w[l] = Math.pow(1 - l / n, exponent);
      return w;
    }
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

function stepOf(options: KernelOptions | undefined): number {
  if (options === undefined || options.step === undefined) return 1;
  const step = toDays(options.step, 'options.step');
  if (!(step > 0)) throw new ParameterError('options.step', options.step, 'a duration > 0');
  return step;
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
 * kernelWeights({ kind: 'binomial', alpha: 0.5, maxLag: 3, normalize: true }); // Float64Array [0.4, 0.3, 0.2, 0.1]
 * ```
 */
export function kernelWeights(spec: KernelSpec, options?: KernelOptions): Float64Array {
  return kernelWeightsResolved(validateKernel(spec), stepOf(options));
}

/**
 * A kernel ready to run: `push` takes the input of the next step and returns
 * the output at that step (for a model that feeds back, step by step); `run`
 * does the same for a whole series in a tight loop; `output` repeats the last
 * output; `state` is a copy of what it carries.
 *
 * @internal
 */
export interface KernelRunner {
  push(x: number): number;
  run(xs: Float64Array, out: Float64Array): void;
  output(): number;
  state(): KernelState;
  /**
   * For the Erlang recursion only: its coefficients and live stages (at least
   * 4 of each), so that many runs can be stepped side by side with the same
   * arithmetic (see `EngineGroup`).
   */
  readonly cascade?: ErlangCascade;
}

/** The coefficients and stages of an Erlang cascade: stage s moves to inputWeight[s]·input + Σ_{j≤s} carry[j]·stages[s−j]. @internal */
export interface ErlangCascade {
  readonly carry: Float64Array;
  readonly inputWeight: Float64Array;
  readonly stages: Float64Array;
  /** The kernel's own number of stages (the output is stage count − 1). */
  readonly count: number;
}

/** How {@link applyKernel} computes: the recursion where the kernel has one, or a direct convolution. */
export type KernelMethod = 'auto' | 'recursion' | 'convolution';

/**
 * Build a runner for a resolved kernel on a grid of `stepDays`, continuing from
 * `carry` (the values of a {@link KernelState}) if given.
 *
 * @internal
 */
export function createKernelRunner(
  k: ResolvedKernel,
  stepDays: number,
  carry: readonly number[] | undefined,
  method: KernelMethod = 'auto',
  field = 'carry',
): KernelRunner {
  if (method === 'recursion' && !isRecursive(k)) {
    throw new ParameterError('options.method', method, `'auto' or 'convolution' for a ${k.kind} kernel (it has no recursion)`);
  }
  // A single weight is the identity: no recursion can be more exact than the input itself.
  const recursive = method === 'recursion' || (method === 'auto' && isRecursive(k) && k.maxLag !== 0);
  const initial = carry === undefined ? undefined : checkCarry(carry, stateLength(k, recursive), field);
  if (recursive && k.kind === 'erlang') return erlangRunner(k, stepDays, initial);
  if (recursive && k.kind === 'geometric') {
    return k.maxLag === null ? geometricRunner(k, stepDays, initial) : windowedGeometricRunner(k, stepDays, initial);
  }
  if (k.maxLag === null && carry !== undefined) {
    throw new ParameterError(field, carry, 'absent: an infinite kernel computed by convolution cannot carry its state; use the recursion');
  }
  return convolutionRunner(k, kernelWeightsResolved(k, stepDays), initial);
}

function kernelWeightsResolved(k: ResolvedKernel, stepDays: number): Float64Array {
  const w = rawWeights(k, stepDays);
  const divisor = normalizer(k, stepDays, w);
  if (divisor !== 1) for (let l = 0; l < w.length; l++) w[l] = w[l]! / divisor;
  return w;
}

function stateLength(k: ResolvedKernel, recursive: boolean): number {
  if (recursive && k.kind === 'erlang') return k.stages;
  if (recursive && k.kind === 'geometric' && k.maxLag === null) return 1;
  return k.maxLag === null ? 0 : k.maxLag + 1;
}

function checkCarry(values: unknown, length: number, field: string): number[] {
  if (!Array.isArray(values) || values.length !== length) {
    throw new ParameterError(field, values, `an array of ${length} numbers (the state of this kernel)`);
  }
  return values.map((v: unknown, i: number) => finiteNumber(`${field}[${i}]`, v));
}

/** Infinite geometric decay: y_t = g·x_t + α·y_{t−1}, with g = 1 − α when normalized. */
function geometricRunner(k: Extract<ResolvedKernel, { kind: 'geometric' }>, stepDays: number, initial: number[] | undefined): KernelRunner {
  const alpha = geometricAlpha(k, stepDays);
  const gain = k.normalize ? 1 - alpha : 1;
  let y = initial?.[0] ?? 0;
  return {
    push(x) {
      y = gain * x + alpha * y;
      return y;
    },
    run(xs, out) {
      let v = y;
      for (let t = 0; t < xs.length; t++) out[t] = v = gain * xs[t]! + alpha * v;
      y = v;
    },
    output: () => y,
    state: () => ({ kind: k.kind, values: [y] }),
  };
}

/**
 * The Erlang cascade, updated exactly for an input held constant over a step
 * (zero-order hold). With x = h/θ and c_j = e^{−x} x^j / j!, stage k (1-based)
 * moves to Σ_{j<k} c_j z_{k−j} + P(k, x)·input, where P is the regularized
 * incomplete gamma function. Its output is the last stage.
 */
function erlangRunner(k: Extract<ResolvedKernel, { kind: 'erlang' }>, stepDays: number, initial: number[] | undefined): KernelRunner {
  const n = k.stages;
  const x = stepDays / (k.mean / n);
  // Coefficients for at least 4 stages, so up to 4 stages run in the unrolled loop.
  const width = Math.max(n, 4);
  const carry = new Float64Array(width);
  const inputWeight = new Float64Array(width);
  let term = Math.exp(-x);
  for (let j = 0; j < width; j++) {
    carry[j] = term;
    inputWeight[j] = gammaP(j + 1, x);
    term = (term * x) / (j + 1);
  }
  const stages = new Float64Array(width);
  if (initial !== undefined) stages.set(initial);
  const last = n - 1;
  return {
    cascade: { carry, inputWeight, stages, count: n },
    push(input) {
      cascade(input, stages, carry, inputWeight, n);
      return stages[last]!;
    },
    run(xs, out) {
      if (n <= 4) cascadeUpToFour(xs, out, stages, carry, inputWeight, last);
      else for (let t = 0; t < xs.length; t++) out[t] = (cascade(xs[t]!, stages, carry, inputWeight, n), stages[last]!);
    },
    output: () => stages[last]!,
    state: () => ({ kind: k.kind, values: Array.from(stages.subarray(0, n)) }),
  };
}

/** One exact step of an n-stage cascade, in place; the last stage first, so each reads its predecessors' old values. */
function cascade(input: number, stages: Float64Array, carry: Float64Array, inputWeight: Float64Array, n: number): void {
  for (let s = n - 1; s >= 0; s--) {
    let value = inputWeight[s]! * input;
    for (let j = 0; j <= s; j++) value += carry[j]! * stages[s - j]!;
    stages[s] = value;
  }
}

/**
 * The same update for up to 4 stages, unrolled on local numbers (about 4× faster
 * than the loops). Stages beyond the kernel's own are computed and ignored: a
 * stage only reads the stages before it.
 */
function cascadeUpToFour(
  xs: Float64Array,
  out: Float64Array,
  stages: Float64Array,
  c: Float64Array,
  w: Float64Array,
  last: number,
): void {
  let z0 = stages[0]!;
  let z1 = stages[1]!;
  let z2 = stages[2]!;
  let z3 = stages[3]!;
  const [c0, c1, c2, c3] = [c[0]!, c[1]!, c[2]!, c[3]!];
  const [w0, w1, w2, w3] = [w[0]!, w[1]!, w[2]!, w[3]!];
  for (let t = 0; t < xs.length; t++) {
    const u = xs[t]!;
    const next3 = w3 * u + c0 * z3 + c1 * z2 + c2 * z1 + c3 * z0;
    const next2 = w2 * u + c0 * z2 + c1 * z1 + c2 * z0;
    const next1 = w1 * u + c0 * z1 + c1 * z0;
    z0 = w0 * u + c0 * z0;
    z1 = next1;
    z2 = next2;
    z3 = next3;
    out[t] = last === 3 ? z3 : last === 2 ? z2 : last === 1 ? z1 : z0;
  }
  stages[0] = z0;
  stages[1] = z1;
  stages[2] = z2;
  stages[3] = z3;
}

/**
 * The last `size` inputs, kept twice over in a buffer of 2·size so the window
 * is always one contiguous slice: after a push at position p, the inputs
 * oldest → newest are buffer[p + 1 … p + size].
 */
class History {
  readonly size: number;
  readonly buffer: Float64Array;
  position: number;

  constructor(size: number, initial: number[] | undefined) {
    this.size = size;
    this.buffer = new Float64Array(2 * size);
    this.position = size - 1; // the newest value sits at position and position + size
    if (initial !== undefined) {
      this.buffer.set(initial, 0);
      this.buffer.set(initial, size);
    }
  }

  /** Add the newest input and return the one that fell out of the window. */
  add(x: number): number {
    this.position = this.position + 1 === this.size ? 0 : this.position + 1;
    const dropped = this.buffer[this.position]!;
    this.buffer[this.position] = x;
    this.buffer[this.position + this.size] = x;
    return dropped;
  }

  /** Index in `buffer` of the oldest value of the window. */
  get oldest(): number {
    return this.position + 1;
  }

  values(): number[] {
    return Array.from(this.buffer.subarray(this.oldest, this.oldest + this.size));
  }

  /** Replace the window by the last `size` values of `previous` followed by `xs`. */
  refill(extended: Float64Array): void {
    const tail = extended.subarray(extended.length - this.size);
    this.buffer.set(tail, 0);
    this.buffer.set(tail, this.size);
    this.position = this.size - 1;
  }
}

/** The window and the new inputs laid end to end: [last `size` inputs…, xs…]. */
function extend(history: History, xs: Float64Array): Float64Array {
  const extended = new Float64Array(history.size + xs.length);
  extended.set(history.buffer.subarray(history.oldest, history.oldest + history.size), 0);
  extended.set(xs, history.size);
  return extended;
}

/** Windowed geometric decay as a recursion: y_t = x_t + α y_{t−1} − α^{L+1} x_{t−L−1}, then scaled. */
function windowedGeometricRunner(k: Extract<ResolvedKernel, { kind: 'geometric' }>, stepDays: number, initial: number[] | undefined): KernelRunner {
  const alpha = geometricAlpha(k, stepDays);
  const size = k.maxLag! + 1;
  const history = new History(size, initial);
  const drop = Math.pow(alpha, size);
  // Σ_{l=0}^{L} α^l in closed form, for `normalize`.
  const scale = !k.normalize ? 1 : alpha === 1 ? 1 / size : (1 - alpha) / (1 - drop);
  // The running sum of the carried inputs, oldest first.
  let sum = 0;
  if (initial !== undefined) for (const x of initial) sum = x + alpha * sum;
  return {
    push(x) {
      sum = x + alpha * sum - drop * history.add(x);
      return sum * scale;
    },
    run(xs, out) {
      const extended = extend(history, xs);
      sum = slidingGeometric(extended, out, size, alpha, drop, scale, sum);
      history.refill(extended);
    },
    output: () => sum * scale,
    state: () => ({ kind: k.kind, values: history.values() }),
  };
}

/** The windowed geometric recursion over `extended` = [window…, new inputs…]; returns the final running sum. */
function slidingGeometric(
  extended: Float64Array,
  out: Float64Array,
  size: number,
  alpha: number,
  drop: number,
  scale: number,
  sum: number,
): number {
  let v = sum;
  for (let t = 0, n = extended.length - size; t < n; t++) {
    v = extended[t + size]! + alpha * v - drop * extended[t]!;
    out[t] = v * scale;
  }
  return v;
}

/** Σ_l weights[l] · values[from + l]. */
function dot(weights: Float64Array, values: Float64Array, from: number): number {
  let y = 0;
  for (let l = 0; l < weights.length; l++) y += weights[l]! * values[from + l]!;
  return y;
}

/** Direct convolution over the window: y_t = Σ_l w_l x_{t−l}. */
function convolutionRunner(k: ResolvedKernel, weights: Float64Array, initial: number[] | undefined): KernelRunner {
  const size = weights.length;
  const history = new History(size, initial);
  // Weights reversed, so the window (oldest → newest) and the weights run in the same direction.
  const reversed = weights.slice().reverse();
  let last = initial === undefined ? 0 : dot(reversed, history.buffer, history.oldest);
  return {
    push(x) {
      history.add(x);
      last = dot(reversed, history.buffer, history.oldest);
      return last;
    },
    run(xs, out) {
      if (xs.length === 0) return;
      const extended = extend(history, xs);
      for (let t = 0; t < xs.length; t++) out[t] = dot(reversed, extended, t + 1);
      last = out[xs.length - 1]!;
      history.refill(extended);
    },
    output: () => last,
    state: () => ({ kind: k.kind, values: history.values() }),
  };
}

/**
 * What {@link applyKernel} returns with `{ returnState: true }`.
 *
 * @example
 * ```ts
 * import { applyKernel } from 'relationship-equity';
 * const { series, state } = applyKernel([1, 1], { kind: 'erlang', mean: 10, stages: 2 }, { returnState: true });
 * ```
 */
export interface KernelResult {
  /** The lagged series. */
  readonly series: Float64Array;
  /** The kernel's state after the last input: pass it as `carry` to continue. */
  readonly state: KernelState;
}

/** Options of {@link applyKernel}. */
export interface ApplyKernelOptions extends KernelOptions {
  /** Return `{ series, state }` instead of the series alone. @defaultValue false */
  readonly returnState?: boolean;
  /** The `state` returned by an earlier call with the same kernel: continue where it stopped. */
  readonly carry?: KernelState;
  /**
   * `'auto'` runs geometric and Erlang kernels as recursions and the others as
   * convolutions; `'convolution'` forces a direct convolution (for comparison);
   * `'recursion'` insists on the recursion. @defaultValue 'auto'
   */
  readonly method?: KernelMethod;
}

/**
 * Pass a series through a lag kernel: y_t = Σ_l w_l · x_{t−l}, with inputs
 * before the series taken from `carry` (zeros by default). With
 * `{ returnState: true }` it also returns the kernel's state, which passed as
 * `carry` continues the run: two calls over halves equal one call over the whole.
 *
 * Cost: O(1) per step for geometric kernels, O(stages) for Erlang ones, and
 * O(maxLag) for the others (direct convolution).
 *
 * @throws {@link ParameterError} for an invalid spec, a non-finite input, or a
 * carry that does not belong to this kernel.
 * @example
 * ```ts
 * import { applyKernel } from 'relationship-equity';
 * const spec = { kind: 'geometric', alpha: 0.5 } as const;
 * applyKernel([1, 0, 0, 0], spec); // Float64Array [1, 0.5, 0.25, 0.125]
 * const first = applyKernel([1, 0], spec, { returnState: true });
 * applyKernel([0, 0], spec, { carry: first.state }); // Float64Array [0.25, 0.125]
 * ```
 */
export function applyKernel(series: ArrayLike<number>, spec: KernelSpec, options?: ApplyKernelOptions & { returnState?: false }): Float64Array;
export function applyKernel(series: ArrayLike<number>, spec: KernelSpec, options: ApplyKernelOptions & { returnState: true }): KernelResult;
export function applyKernel(
  series: ArrayLike<number>,
  spec: KernelSpec,
  options: ApplyKernelOptions = {},
): Float64Array | KernelResult {
  if (series === null || typeof series !== 'object' || typeof series.length !== 'number') {
    throw new InputTypeError('series', series, 'an array of numbers');
  }
  const o = plainObject('options', options);
  knownKeys('options', o, ['step', 'returnState', 'carry', 'method']);
  const method = o.method === undefined ? 'auto' : o.method;
  if (method !== 'auto' && method !== 'recursion' && method !== 'convolution') {
    throw new ParameterError('options.method', o.method, "'auto', 'recursion' or 'convolution'");
  }
  const k = validateKernel(spec);
  const returnState = flag('options.returnState', o.returnState);
  if (returnState && method === 'convolution' && k.maxLag === null) {
    throw new ParameterError('options.returnState', true, 'false for an infinite kernel computed by convolution');
  }
  let carry: readonly number[] | undefined;
  if (o.carry !== undefined) {
    const state = plainObject('options.carry', o.carry);
    if (state.kind !== k.kind) {
      throw new ParameterError('options.carry.kind', state.kind, `'${k.kind}', the kind of this kernel`);
    }
    carry = state.values as readonly number[];
  }
  const runner = createKernelRunner(k, stepOf(options), carry, method, 'options.carry.values');
  // A Float64Array is read as it is (never written); anything else is copied into one.
  const input = series instanceof Float64Array ? series : Float64Array.from(series as ArrayLike<number>);
  // Float64Array.from turns a string into a number or NaN: check the original's types too.
  const typed = ArrayBuffer.isView(series);
  for (let t = 0; t < input.length; t++) {
    if (!Number.isFinite(input[t]!) || (!typed && typeof series[t] !== 'number')) {
      finiteNumber(`series[${t}]`, series[t]);
    }
  }
  const out = new Float64Array(input.length);
  runner.run(input, out);
  return returnState ? { series: out, state: runner.state() } : out;
}
