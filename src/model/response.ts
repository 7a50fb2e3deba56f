/**
 * Response curves: how effort (posts per day, spend, impressions) turns into
 * effect, with diminishing returns — the saturation curves of marketing-mix
 * models.
 *
 * A response is plain, JSON-serialisable data (a spec) so it can sit inside
 * {@link ModelParameters} (`parameters.response`) and in saved scenarios.
 * {@link respond} evaluates it on a number or a series. Every kind maps an
 * input ≥ 0 to a value that never falls as the input rises.
 *
 * @module
 */
import { InputTypeError, ParameterError } from '../core/errors.js';
import { finiteNumber, inRange, knownKeys, plainObject, positive } from '../core/validate.js';

/**
 * The Hill curve, the standard saturation curve of marketing-mix models
 * (Meridian's `hill`, PyMC-Marketing's `hill_function`):
 *
 * $$ S(a) = \frac{a^s}{a^s + K^s} $$
 *
 * `K` is the half-saturation input, `s` the shape (s > 1 gives an S-shape).
 *
 * @example
 * ```ts
 * const response: HillResponse = { kind: 'hill', halfSaturation: 0.6, shape: 1.6 };
 * ```
 */
export interface HillResponse {
  /** The curve's kind. */
  readonly kind: 'hill';
  /** Input at which the response is half its maximum. Must be > 0. */
  readonly halfSaturation: number;
  /** Steepness `s` of the curve. Must be > 0. */
  readonly shape: number;
}

/**
 * Robyn's Hill curve, `saturation_hill`: x^α / (x^α + inflexion^α), with the
 * inflexion point set by γ from the input's range:
 *
 * - `convention: 'robyn'` (default), Robyn 3.12 (December 2024) and later:
 *   inflexion = γ·max;
 * - `convention: 'robyn-legacy'`, Robyn 3.11 and earlier:
 *   inflexion = (1 − γ)·min + γ·max.
 *
 * Over a series the range is the series' own; to evaluate single values (or
 * inside the model) give `range`.
 *
 * Reference: Robyn `R/R/transformation.R` (`saturation_hill`, both versions).
 *
 * @example
 * ```ts
 * const robyn: HillRobynResponse = { kind: 'hill-robyn', alpha: 3, gamma: 0.5, range: [0, 2] };
 * const legacy: HillRobynResponse = { kind: 'hill-robyn', alpha: 3, gamma: 0.5, convention: 'robyn-legacy' };
 * ```
 */
export interface HillRobynResponse {
  /** The curve's kind. */
  readonly kind: 'hill-robyn';
  /** Shape α > 0: larger is more S-shaped. */
  readonly alpha: number;
  /** Where the inflexion sits, as a share of the largest input (or of the range, legacy), in [0, 1]. */
  readonly gamma: number;
  /** `[min, max]` of the input; by default the range of the series being transformed. */
  readonly range?: readonly [number, number];
  /** Which Robyn's definition to follow. @defaultValue 'robyn' */
  readonly convention?: 'robyn' | 'robyn-legacy';
}

/**
 * The logistic saturation of PyMC-Marketing (`logistic_saturation`):
 * (1 − e^{−λx}) / (1 + e^{−λx}).
 *
 * @example
 * ```ts
 * const logistic: LogisticResponse = { kind: 'logistic', lambda: 2 };
 * ```
 */
export interface LogisticResponse {
  /** The curve's kind. */
  readonly kind: 'logistic';
  /** Steepness λ > 0. */
  readonly lambda: number;
}

/**
 * PyMC-Marketing's `inverse_scaled_logistic_saturation`:
 * (1 − e^{−xε/λ}) / (1 + e^{−xε/λ}). With the default ε = ln 3, λ is the
 * half-saturation input.
 *
 * @example
 * ```ts
 * const curve: InverseScaledLogisticResponse = { kind: 'inverse-scaled-logistic', lambda: 0.6 };
 * ```
 */
export interface InverseScaledLogisticResponse {
  /** The curve's kind. */
  readonly kind: 'inverse-scaled-logistic';
  /** The half-saturation input (with the default ε), > 0. */
  readonly lambda: number;
  /** ε > 0. @defaultValue ln 3 */
  readonly epsilon?: number;
}

/**
 * PyMC-Marketing's `tanh_saturation`: b·tanh(x / (b·c)), where b is the
 * saturation level and c the initial cost per unit of effect.
 *
 * @example
 * ```ts
 * const tanh: TanhResponse = { kind: 'tanh', b: 1, c: 0.5 };
 * ```
 */
export interface TanhResponse {
  /** The curve's kind. */
  readonly kind: 'tanh';
  /** Saturation level b > 0. */
  readonly b: number;
  /** Initial cost per unit c > 0. */
  readonly c: number;
}

/**
 * Michaelis–Menten (PyMC-Marketing `michaelis_menten`, Robyn `mic_men`): α·x / (λ + x).
 *
 * @example
 * ```ts
 * const mm: MichaelisMentenResponse = { kind: 'michaelis-menten', alpha: 1, lambda: 0.5 };
 * ```
 */
export interface MichaelisMentenResponse {
  /** The curve's kind. */
  readonly kind: 'michaelis-menten';
  /** The maximum α > 0. */
  readonly alpha: number;
  /** The half-saturation input λ > 0. */
  readonly lambda: number;
}

/**
 * A power curve x^α (PyMC-Marketing `root_saturation`); α in (0, 1] gives
 * diminishing returns.
 *
 * @example
 * ```ts
 * const root: RootResponse = { kind: 'root', alpha: 0.5 };
 * ```
 */
export interface RootResponse {
  /** The curve's kind. */
  readonly kind: 'root';
  /** The exponent α > 0. */
  readonly alpha: number;
}

/**
 * Exponential saturation: 1 − e^{−x/k}.
 *
 * @example
 * ```ts
 * const exponential: ExponentialResponse = { kind: 'exponential', k: 0.8 };
 * ```
 */
export interface ExponentialResponse {
  /** The curve's kind. */
  readonly kind: 'exponential';
  /** The input scale k > 0 (63% of saturation at x = k). */
  readonly k: number;
}

/**
 * No saturation: slope·x.
 *
 * @example
 * ```ts
 * const linear: LinearResponse = { kind: 'linear' };
 * ```
 */
export interface LinearResponse {
  /** The curve's kind. */
  readonly kind: 'linear';
  /** The slope, ≥ 0. @defaultValue 1 */
  readonly slope?: number;
}

/** A response curve spec: plain data, JSON-ready. */
export type ResponseSpec =
  | HillResponse
  | HillRobynResponse
  | LogisticResponse
  | InverseScaledLogisticResponse
  | TanhResponse
  | MichaelisMentenResponse
  | RootResponse
  | ExponentialResponse
  | LinearResponse;

const RESPONSE_KINDS: readonly ResponseSpec['kind'][] = [
  'hill',
  'hill-robyn',
  'logistic',
  'inverse-scaled-logistic',
  'tanh',
  'michaelis-menten',
  'root',
  'exponential',
  'linear',
];

function range(field: string, value: unknown): readonly [number, number] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== 2) {
    throw new ParameterError(field, value, 'a pair [min, max]');
  }
  const lo = finiteNumber(`${field}[0]`, value[0]);
  const hi = finiteNumber(`${field}[1]`, value[1]);
  if (!(lo >= 0 && hi >= lo)) throw new ParameterError(field, value, 'a pair [min, max] with 0 ≤ min ≤ max');
  return Object.freeze([lo, hi] as const);
}

/**
 * Check a response spec and return a frozen copy of it with defaults filled in.
 *
 * @throws {@link ParameterError} for an unknown kind or a field out of range.
 * @internal
 */
export function validateResponse(spec: unknown, field = 'response'): ResponseSpec {
  const o = plainObject(field, spec);
  const f = (name: string): string => `${field}.${name}`;
  const only = (...names: string[]): void => knownKeys(field, o, ['kind', ...names]);
  switch (o.kind) {
    case 'hill':
      only('halfSaturation', 'shape');
      return Object.freeze({ kind: 'hill', halfSaturation: positive(f('halfSaturation'), o.halfSaturation), shape: shapeOf(f('shape'), o.shape) });
    case 'hill-robyn': {
      only('alpha', 'gamma', 'range', 'convention');
      const r = range(f('range'), o.range);
      const convention = o.convention === undefined ? 'robyn' : o.convention;
      if (convention !== 'robyn' && convention !== 'robyn-legacy') throw new ParameterError(f('convention'), o.convention, "'robyn' or 'robyn-legacy'");
      return Object.freeze({
        kind: 'hill-robyn',
        alpha: shapeOf(f('alpha'), o.alpha),
        gamma: inRange(f('gamma'), o.gamma, 0, 1),
        ...(r === undefined ? {} : { range: r }),
        convention,
      });
    }
    case 'logistic':
      only('lambda');
      return Object.freeze({ kind: 'logistic', lambda: positive(f('lambda'), o.lambda) });
    case 'inverse-scaled-logistic':
      only('lambda', 'epsilon');
      return Object.freeze({
        kind: 'inverse-scaled-logistic',
        lambda: positive(f('lambda'), o.lambda),
        epsilon: o.epsilon === undefined ? Math.log(3) : positive(f('epsilon'), o.epsilon),
      });
    case 'tanh':
      only('b', 'c');
      return Object.freeze({ kind: 'tanh', b: positive(f('b'), o.b), c: positive(f('c'), o.c) });
    case 'michaelis-menten':
      only('alpha', 'lambda');
      return Object.freeze({ kind: 'michaelis-menten', alpha: positive(f('alpha'), o.alpha), lambda: positive(f('lambda'), o.lambda) });
    case 'root':
      only('alpha');
      return Object.freeze({ kind: 'root', alpha: positive(f('alpha'), o.alpha) });
    case 'exponential':
      only('k');
      return Object.freeze({ kind: 'exponential', k: positive(f('k'), o.k) });
    case 'linear': {
      only('slope');
      const slope = o.slope === undefined ? 1 : finiteNumber(f('slope'), o.slope);
      if (!(slope >= 0)) throw new ParameterError(f('slope'), o.slope, 'a finite number ≥ 0');
      return Object.freeze({ kind: 'linear', slope });
    }
    default:
      throw new ParameterError(f('kind'), o.kind, `one of ${RESPONSE_KINDS.map((k) => `'${k}'`).join(', ')}`);
  }
}

/** The steepest Hill curve taken: a shape of 100 is already a step. */
const MAX_SHAPE = 100;

function shapeOf(field: string, value: unknown): number {
  const shape = positive(field, value);
  if (!(shape <= MAX_SHAPE)) throw new ParameterError(field, value, `a number > 0 and at most ${MAX_SHAPE} (a steeper curve is a step)`);
  return shape;
}

/** x^s / (x^s + h^s), and where a power overflows the same as 1 / (1 + (h/x)^s). */
function hill(x: number, shape: number, h: number, hPower: number): number {
  if (x <= 0) return 0;
  const p = Math.pow(x, shape);
  if (p < Infinity && hPower < Infinity && p + hPower > 0) return p / (p + hPower);
  return 1 / (1 + Math.pow(h / x, shape));
}

/**
 * A fast evaluator for a validated response spec, for use inside a per-step
 * loop. `seriesRange` supplies Robyn's input range when the spec has none.
 *
 * @throws {@link ParameterError} for a `hill-robyn` curve with no range to use.
 * @internal
 */
export function responseFunction(
  spec: ResponseSpec,
  field = 'response',
  seriesRange?: readonly [number, number],
): (x: number) => number {
  switch (spec.kind) {
    case 'hill': {
      const { shape } = spec;
      const kPower = Math.pow(spec.halfSaturation, shape);
      return (x) => hill(x, shape, spec.halfSaturation, kPower);
    }
    case 'hill-robyn': {
      const r = spec.range ?? seriesRange;
      if (r === undefined) {
        throw new ParameterError(`${field}.range`, undefined, 'given as [min, max] of the input to evaluate one value at a time');
      }
      const inflexion = spec.convention === 'robyn-legacy' ? (1 - spec.gamma) * r[0] + spec.gamma * r[1] : spec.gamma * r[1];
      const { alpha } = spec;
      const iPower = Math.pow(inflexion, alpha);
      return (x) => hill(x, alpha, inflexion, iPower);
    }
    case 'logistic': {
      const { lambda } = spec;
      return (x) => -Math.expm1(-lambda * x) / (1 + Math.exp(-lambda * x));
    }
    case 'inverse-scaled-logistic': {
      const rate = (spec.epsilon ?? Math.log(3)) / spec.lambda;
      return (x) => -Math.expm1(-rate * x) / (1 + Math.exp(-rate * x));
    }
    case 'tanh': {
      const { b, c } = spec;
      return (x) => b * Math.tanh(x / (b * c));
    }
    case 'michaelis-menten': {
      const { alpha, lambda } = spec;
      return (x) => (alpha * x) / (lambda + x);
    }
    case 'root': {
      const { alpha } = spec;
      return (x) => Math.pow(x, alpha);
    }
    case 'exponential': {
      const { k } = spec;
      return (x) => -Math.expm1(-x / k);
    }
    case 'linear': {
      const slope = spec.slope ?? 1;
      return (x) => slope * x;
    }
  }
}

function checkInput(x: unknown, field: string): number {
  if (typeof x !== 'number') throw new InputTypeError(field, x, 'a number');
  if (!(x >= 0 && x < Infinity)) throw new ParameterError(field, x, 'a finite number ≥ 0');
  return x;
}

/**
 * Evaluate a response curve at one input or over a series.
 *
 * @param x - the input (≥ 0; posts per day inside the model), or a series of them.
 * @param spec - the curve.
 * @returns a number for a number, a `Float64Array` for a series.
 * @throws {@link ParameterError} for a negative or non-finite input, an invalid
 * spec, or a `hill-robyn` curve evaluated on a single number without `range`.
 *
 * @example
 * ```ts
 * import { respond } from 'relationship-equity';
 * const hill = { kind: 'hill', halfSaturation: 0.6, shape: 1.6 } as const;
 * respond(1, hill) / respond(1.5 / 7, hill); // ≈ 4.30: daily posting earns 4.3× the inflow of 1.5 posts a week
 * respond(2, hill) / respond(1, hill); // ≈ 1.26: a second daily post adds little
 * respond([100, 150, 170, 190, 200], { kind: 'hill-robyn', alpha: 3, gamma: 0.5 });
 * // Float64Array [0.5, 0.7714…, 0.8309…, 0.8728…, 0.8889…] (Robyn's own example, 3.12: inflexion γ·max = 100)
 * respond([100, 150, 170, 190, 200], { kind: 'hill-robyn', alpha: 3, gamma: 0.5, convention: 'robyn-legacy' });
 * // Float64Array [0.2286…, 0.5, 0.5928…, 0.6702…, 0.7033…] (Robyn ≤ 3.11: inflexion (1 − γ)·min + γ·max = 150)
 * ```
 */
export function respond(x: number, spec: ResponseSpec): number;
export function respond(x: ArrayLike<number>, spec: ResponseSpec): Float64Array;
export function respond(x: number | ArrayLike<number>, spec: ResponseSpec): number | Float64Array {
  const valid = validateResponse(spec);
  if (typeof x === 'number') return responseFunction(valid)(checkInput(x, 'x'));
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') {
    throw new InputTypeError('x', x, 'a number or an array of numbers');
  }
  const values = new Float64Array(x.length);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = checkInput(x[i], `x[${i}]`);
    values[i] = v;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (values.length === 0) return values;
  const f = responseFunction(valid, 'response', [lo, hi]);
  for (let i = 0; i < values.length; i++) values[i] = f(values[i]!);
  return values;
}
