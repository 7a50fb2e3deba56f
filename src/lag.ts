/**
 * The lag between reach and interest: interest is reach passed through a
 * kernel whose mean is about a year ("it can be 1-2 years").
 *
 * The model's lag is an Erlang kernel (a gamma distribution with a whole number
 * of stages), run as a cascade of first-order stages so each step costs O(stages)
 * whatever the length of the run, and so the lag carries its state from one run
 * to the next (see {@link ModelState.lagStages}).
 *
 * @module
 */
import { toDays, type Duration } from './duration.js';
import { ParameterError } from './errors.js';
import { integerAtLeast, knownKeys, plainObject } from './validate.js';

/**
 * An Erlang lag: reach flows through `stages` first-order stages in a row, each
 * with mean time `mean / stages`. Its impulse response is the gamma density
 *
 * $$ k(t) = \frac{t^{n-1} e^{-t/\theta}}{\theta^n (n-1)!}, \quad \theta = \frac{\text{mean}}{n} $$
 *
 * which integrates to 1, so a steady reach gives an equal steady interest.
 * One stage is an exponential (geometric) lag; more stages give a later,
 * sharper peak at `mean · (n − 1) / n`.
 *
 * @example
 * ```ts
 * const lag: ErlangLag = { kind: 'erlang', mean: '12 months', stages: 3 };
 * ```
 */
export interface ErlangLag {
  /** The kernel's kind: `'erlang'`. */
  readonly kind: 'erlang';
  /** The mean delay between reach and the interest it brings. A {@link Duration} (days or `'12 months'`). */
  readonly mean: Duration;
  /** The number of stages, a whole number ≥ 1. */
  readonly stages: number;
}

/** The model's lag spec. More kinds join this union as the library grows. */
export type LagSpec = ErlangLag;

/**
 * An {@link ErlangLag} after validation, as {@link ModelParameters.lag} holds it: its mean in days.
 *
 * @example
 * ```ts
 * import { resolveParameters } from 'relationship-equity';
 * resolveParameters({ lag: { kind: 'erlang', mean: '18 months', stages: 2 } }).lag;
 * // { kind: 'erlang', mean: 547.875, stages: 2 }
 * ```
 */
export interface ResolvedErlangLag {
  /** The kernel's kind: `'erlang'`. */
  readonly kind: 'erlang';
  /** The mean delay in days. */
  readonly mean: number;
  /** The number of stages. */
  readonly stages: number;
}

/** Largest number of stages accepted: beyond this the kernel is practically a fixed delay. */
const MAX_STAGES = 64;

/** Check a lag spec; durations become days. @internal */
export function validateLag(spec: unknown, field = 'lag'): ResolvedErlangLag {
  const object = plainObject(field, spec);
  if (object.kind !== 'erlang') {
    throw new ParameterError(`${field}.kind`, object.kind, "'erlang'");
  }
  knownKeys(field, object, ['kind', 'mean', 'stages']);
  const mean = toDays(object.mean as Duration, `${field}.mean`);
  if (!(mean > 0)) throw new ParameterError(`${field}.mean`, object.mean, 'a duration > 0');
  const stages = integerAtLeast(`${field}.stages`, object.stages, 1);
  if (stages > MAX_STAGES) {
    throw new ParameterError(`${field}.stages`, stages, `a whole number from 1 to ${MAX_STAGES}`);
  }
  return Object.freeze({ kind: 'erlang', mean, stages });
}

/**
 * Coefficients of the exact one-step update of an Erlang cascade whose input is
 * held constant over the step (zero-order hold). With x = h/θ and
 * c_j = e^{−x} x^j / j!, stage k (1-based) moves to
 *
 * z_k ← Σ_{j=0}^{k−1} c_j · z_{k−j} + (1 − Σ_{j=0}^{k−1} c_j) · input.
 *
 * Returns `c` (length = stages) and `inputWeight[k−1] = 1 − Σ_{j<k} c_j`.
 *
 * @internal
 */
export function erlangStepCoefficients(
  lag: ResolvedErlangLag,
  stepDays: number,
): { carry: Float64Array; inputWeight: Float64Array } {
  const n = lag.stages;
  const x = stepDays / (lag.mean / n);
  const carry = new Float64Array(n);
  const inputWeight = new Float64Array(n);
  let term = Math.exp(-x);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    carry[j] = term;
    sum += term;
    // 1 − Σ c_j via the complementary sum would lose nothing here: all terms are positive and ≤ 1.
    inputWeight[j] = Math.max(0, 1 - sum);
    term = (term * x) / (j + 1);
  }
  return { carry, inputWeight };
}

/**
 * Advance the stages of an Erlang cascade by one step, in place.
 *
 * @internal
 */
export function erlangStep(
  stages: Float64Array,
  carry: Float64Array,
  inputWeight: Float64Array,
  input: number,
): void {
  // Update the last stage first, so every stage reads its predecessors' old values.
  for (let k = stages.length - 1; k >= 0; k--) {
    let value = inputWeight[k]! * input;
    for (let j = 0; j <= k; j++) value += carry[j]! * stages[k - j]!;
    stages[k] = value;
  }
}

/**
 * The density of an Erlang lag (weight per day) at a delay of `days`.
 *
 * @example
 * ```ts
 * import { lagDensity } from 'relationship-equity';
 * // where a unit of reach today turns into interest, per day of delay
 * lagDensity({ kind: 'erlang', mean: '12 months', stages: 3 }, 243.5); // ≈ 0.00222 per day, the peak (at 8 months)
 * ```
 */
export function lagDensity(spec: LagSpec, days: number): number {
  const lag = validateLag(spec);
  if (!(days >= 0)) return 0;
  const theta = lag.mean / lag.stages;
  let logFactorial = 0;
  for (let j = 2; j < lag.stages; j++) logFactorial += Math.log(j);
  if (days === 0) return lag.stages === 1 ? 1 / theta : 0;
  return Math.exp((lag.stages - 1) * Math.log(days / theta) - days / theta - logFactorial) / theta;
}
