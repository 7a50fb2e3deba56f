/**
 * Stepping a lag kernel: the recursions of the geometric and Erlang kernels
 * (O(1) and O(stages) per step, whatever their length) and the direct
 * convolution of the others, as runners that carry their state from one call
 * to the next. The one place the lag is stepped: {@link applyKernel}, the
 * engine of {@link simulate} and the platform of competing accounts all use it.
 *
 * The kernels themselves — their specs, validation and weights — are in
 * `kernels.ts`.
 *
 * @module
 */
import { InputTypeError, ParameterError } from '../core/errors.js';
import { finiteNumber, knownKeys, optionalBoolean, plainObject } from '../core/validate.js';
import { gammaMass, gammaP } from '../numerics/special.js';
import {
  binomialWeights,
  geometricAlpha,
  isRecursive,
  kernelWeightsResolved,
  rawDailyWeights,
  stepOf,
  validateKernel,
  type KernelOptions,
  type KernelSpec,
  type KernelState,
  type ResolvedKernel,
} from './kernels.js';

/**
 * The input a lag receives for one step of the model: the trapezoid average of
 * the reach at the step's start and at its end, which the recursions then treat
 * as held over the step.
 *
 * @internal
 */
export function stepAverage(before: number, after: number): number {
  return 0.5 * (before + after);
}

/**
 * A kernel ready to run: `push` takes the input of the next step and returns
 * the output at that step (for a model that feeds back, step by step); `run`
 * does the same for the first `count` inputs of a series in a tight loop
 * (all of them by default); `output` repeats the last output; `state` is a
 * copy of what it carries. `push(x)` and `run([x])` give the same number.
 *
 * @internal
 */
export interface KernelRunner {
  push(x: number): number;
  run(xs: Float64Array, out: Float64Array, count?: number): void;
  output(): number;
  state(): KernelState;
  /**
   * For an Erlang recursion: its coefficients and live stages (at least 4 of
   * each), so that the model's loop can step a cascade of up to four stages on
   * local numbers with {@link nextStage0} … {@link nextStage3}, beside the equity.
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

/*
 * One exact step of a cascade of up to four stages, stage by stage: the update
 * of `cascade` unrolled, with the same arithmetic in the same order (so
 * bit-identical to it). Each takes the input u, the stage's input weight w,
 * the carries c0 … c3 and the stages' values before the step, newest stage
 * first; small enough for the compiler to inline, so a loop that keeps the
 * stages in local numbers (the runner below, the model's engine) keeps them
 * in registers. Stages beyond a kernel's own are computed and ignored: a stage
 * only reads the stages before it.
 */

/** Stage 1 after a step. @internal */
export function nextStage0(u: number, w: number, c0: number, z0: number): number {
  return w * u + c0 * z0;
}

/** Stage 2 after a step. @internal */
export function nextStage1(u: number, w: number, c0: number, c1: number, z1: number, z0: number): number {
  return w * u + c0 * z1 + c1 * z0;
}

/** Stage 3 after a step. @internal */
export function nextStage2(u: number, w: number, c0: number, c1: number, c2: number, z2: number, z1: number, z0: number): number {
  return w * u + c0 * z2 + c1 * z1 + c2 * z0;
}

/** Stage 4 after a step. @internal */
export function nextStage3(u: number, w: number, c0: number, c1: number, c2: number, c3: number, z3: number, z2: number, z1: number, z0: number): number {
  return w * u + c0 * z3 + c1 * z2 + c2 * z1 + c3 * z0;
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
    const alpha = geometricAlpha(k, stepDays);
    if (k.maxLag === null) return geometricRunner(alpha, k.normalize ? 1 - alpha : 1, initial);
    const size = k.maxLag + 1;
    return windowedGeometricRunner(alpha, size, k.normalize ? 1 / geometricSum(alpha, size) : 1, initial);
  }
  if (k.maxLag === null && carry !== undefined) {
    throw new ParameterError(field, carry, 'absent: an infinite kernel computed by convolution cannot carry its state; use the recursion');
  }
  return convolutionRunner(k, kernelWeightsResolved(k, stepDays), initial);
}

/**
 * The model's lag on a grid of `h` days. Inside the model a kernel is read in
 * days — its lags, its window (`maxLag`), its peak (`theta`), a Weibull scale
 * in PyMC's convention, and a geometric kernel's `alpha`, the share carried
 * from one day to the next — and each step's weight is the kernel's weight over
 * the days that step covers, so the lag, its total weight and its window do
 * not change with the step. At a step of one day this is the kernel itself.
 *
 * - geometric: the daily weights αˡ read as the exponential that has them as
 *   its daily masses, so a step of h days carries α^h and gains
 *   (1 − α^h)/(1 − α) (1 − α^h normalised): still a recursion without a window,
 *   a convolution over its window with one (whose state, the window's inputs,
 *   continues a split run exactly);
 * - Erlang without a window: its cascade, whose mean is in days already;
 * - Erlang and gamma with a window: the gamma's mass over each step, up to the window's end;
 * - delayed, Weibull and binomial: their daily weights held over each day.
 *
 * @internal
 */
export function modelLagRunner(k: ResolvedKernel, h: number, carry: readonly number[] | undefined, field = 'carry'): KernelRunner {
  if ((h === 1 && !(k.kind === 'geometric' && k.maxLag !== null)) || (k.kind === 'erlang' && k.maxLag === null)) {
    return createKernelRunner(k, h, carry, 'auto', field);
  }
  const weights = k.kind === 'geometric' ? undefined : modelStepWeights(k, h);
  if (k.kind === 'geometric') {
    // The exponential whose mass over day d is αᵈ: (αᵃ − αᵇ)/(1 − α) = αᵃ · Σ(α, b − a) over [a, b).
    const daily = geometricAlpha(k, 1);
    const alpha = Math.pow(daily, h);
    const gain = k.normalize ? -Math.expm1(h * Math.log1p(daily - 1)) : geometricSum(daily, h);
    if (k.maxLag === null) {
      const initial = carry === undefined ? undefined : checkCarry(carry, 1, field);
      return geometricRunner(alpha, gain, initial);
    }
    // A window runs as a convolution over it: its state is the window's inputs alone, so a run split
    // anywhere continues bit for bit (the recursion would carry its running sum too).
    const window = k.maxLag + 1;
    const n = Math.ceil(window / h - 1e-12);
    const w = new Float64Array(n);
    for (let l = 0; l < n; l++) w[l] = Math.pow(daily, l * h) * geometricSum(daily, Math.min(h, window - l * h));
    return convolutionRunner(k, normalizeWeights(w, k.normalize), carry === undefined ? undefined : checkCarry(carry, n, field));
  }
  return convolutionRunner(k, weights!, carry === undefined ? undefined : checkCarry(carry, weights!.length, field));
}

/** Per-step weights of a windowed kernel in days (see {@link modelLagRunner}), normalised if the kernel is. */
function modelStepWeights(k: Exclude<ResolvedKernel, { kind: 'geometric' }>, h: number): Float64Array {
  const window = k.maxLag! + 1; // days
  const n = Math.ceil(window / h - 1e-12);
  const w = new Float64Array(n);
  if (k.kind === 'erlang' || k.kind === 'gamma') {
    const shape = k.kind === 'erlang' ? k.stages : k.shape;
    const theta = k.mean / shape;
    for (let l = 0; l < n; l++) w[l] = gammaMass(shape, (l * h) / theta, Math.min((l + 1) * h, window) / theta);
  } else {
    // The daily weights, each held over its day: step l gets w_d for the part of day d it covers.
    const daily = rawDailyWeights(k);
    for (let l = 0; l < n; l++) {
      const a = l * h;
      const b = Math.min((l + 1) * h, window);
      for (let d = Math.floor(a); d < Math.min(b, window); d++) w[l] = w[l]! + daily[d]! * (Math.min(b, d + 1) - Math.max(a, d));
    }
  }
  return normalizeWeights(w, k.normalize);
}

function normalizeWeights(w: Float64Array, normalize: boolean): Float64Array {
  if (!normalize) return w;
  let sum = 0;
  for (const x of w) sum += x;
  if (!(sum > 0)) throw new ParameterError('kernel.normalize', true, 'used with weights whose sum is > 0');
  for (let l = 0; l < w.length; l++) w[l] = w[l]! / sum;
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

/**
 * Σ_{l<n} α^l = (1 − αⁿ)/(1 − α), computed as expm1(n ln α)/expm1(ln α) with
 * ln α = log1p(α − 1), so that it keeps its accuracy as α → 1 (where the plain
 * quotient cancels); n at α = 1, 1 at α = 0.
 *
 * @internal
 */
export function geometricSum(alpha: number, n: number): number {
  if (alpha === 1) return n;
  if (alpha === 0) return 1;
  const log = Math.log1p(alpha - 1);
  return Math.expm1(n * log) / Math.expm1(log);
}

/** Infinite geometric decay: y_t = g·x_t + α·y_{t−1} (g = 1, or 1 − α when normalized). */
function geometricRunner(alpha: number, gain: number, initial: number[] | undefined): KernelRunner {
  let y = initial?.[0] ?? 0;
  return {
    push(x) {
      y = gain * x + alpha * y;
      return y;
    },
    run(xs, out, count = xs.length) {
      let v = y;
      for (let t = 0; t < count; t++) out[t] = v = gain * xs[t]! + alpha * v;
      y = v;
    },
    output: () => y,
    state: () => ({ kind: 'geometric', values: [y] }),
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
    run(xs, out, count = xs.length) {
      if (n <= 4) cascadeUpToFour(xs, out, count, stages, carry, inputWeight, last);
      else for (let t = 0; t < count; t++) out[t] = (cascade(xs[t]!, stages, carry, inputWeight, n), stages[last]!);
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

/** {@link cascade} for up to 4 stages over a series, on local numbers (about 4× faster than the loops). */
function cascadeUpToFour(xs: Float64Array, out: Float64Array, count: number, stages: Float64Array, c: Float64Array, w: Float64Array, last: number): void {
  let z0 = stages[0]!;
  let z1 = stages[1]!;
  let z2 = stages[2]!;
  let z3 = stages[3]!;
  const [c0, c1, c2, c3] = [c[0]!, c[1]!, c[2]!, c[3]!];
  const [w0, w1, w2, w3] = [w[0]!, w[1]!, w[2]!, w[3]!];
  for (let t = 0; t < count; t++) {
    const u = xs[t]!;
    const next3 = nextStage3(u, w3, c0, c1, c2, c3, z3, z2, z1, z0);
    const next2 = nextStage2(u, w2, c0, c1, c2, z2, z1, z0);
    const next1 = nextStage1(u, w1, c0, c1, z1, z0);
    z0 = nextStage0(u, w0, c0, z0);
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

/** The window and the first `count` new inputs laid end to end: [last `size` inputs…, xs…]. */
function extend(history: History, xs: Float64Array, count: number): Float64Array {
  const extended = new Float64Array(history.size + count);
  extended.set(history.buffer.subarray(history.oldest, history.oldest + history.size), 0);
  extended.set(count === xs.length ? xs : xs.subarray(0, count), history.size);
  return extended;
}

/**
 * Windowed geometric decay over `size` steps as a recursion:
 * y_t = x_t + α y_{t−1} − α^{size} x_{t−size}, output scale·y_t. The running sum
 * can cancel to a hair below zero where the window empties; while every input
 * seen is ≥ 0 it is held at 0 there, so the output is never negative.
 */
function windowedGeometricRunner(alpha: number, size: number, scale: number, initial: number[] | undefined): KernelRunner {
  const history = new History(size, initial);
  const drop = Math.pow(alpha, size);
  let nonNegative = initial === undefined || initial.every((x) => x >= 0);
  // The running sum of the carried inputs, oldest first.
  let sum = 0;
  if (initial !== undefined) for (const x of initial) sum = x + alpha * sum;
  return {
    push(x) {
      if (x < 0) nonNegative = false;
      sum = x + alpha * sum - drop * history.add(x);
      if (nonNegative && sum < 0) sum = 0;
      return sum * scale;
    },
    run(xs, out, count = xs.length) {
      for (let t = 0; t < count && nonNegative; t++) if (xs[t]! < 0) nonNegative = false;
      const extended = extend(history, xs, count);
      sum = slidingGeometric(extended, out, size, alpha, drop, scale, sum, nonNegative);
      history.refill(extended);
    },
    output: () => sum * scale,
    state: () => ({ kind: 'geometric', values: history.values() }),
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
  nonNegative: boolean,
): number {
  let v = sum;
  for (let t = 0, n = extended.length - size; t < n; t++) {
    v = extended[t + size]! + alpha * v - drop * extended[t]!;
    if (nonNegative && v < 0) v = 0;
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
    run(xs, out, count = xs.length) {
      if (count === 0) return;
      const extended = extend(history, xs, count);
      for (let t = 0; t < count; t++) out[t] = dot(reversed, extended, t + 1);
      last = out[count - 1]!;
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
  const returnState = optionalBoolean('options.returnState', o.returnState);
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
  const step = stepOf(options);
  // A Float64Array is read as it is (never written); anything else is copied into one.
  const input = series instanceof Float64Array ? series : Float64Array.from(series as ArrayLike<number>);
  // Meridian's binomial window shrinks to a series shorter than it (a fresh series, not a continued one).
  const shrink = k.kind === 'binomial' && k.convention === 'meridian' && carry === undefined && !returnState && input.length > 0 && input.length < k.maxLag + 1;
  const runner = shrink
    ? convolutionRunner(k, normalizeWeights(binomialWeights(k.alpha, input.length, input.length), k.normalize), undefined)
    : createKernelRunner(k, step, carry, method, 'options.carry.values');
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
