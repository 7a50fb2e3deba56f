/**
 * Effort response curves: how posting effort (posts per day) turns into inflow
 * of equity, with diminishing returns.
 *
 * A response is plain, JSON-serialisable data (a spec) so it can sit inside
 * {@link ModelParameters} and in saved scenarios. {@link respond} evaluates it.
 *
 * @module
 */
import { InputTypeError, ParameterError } from './errors.js';
import { knownKeys, plainObject, positive } from './validate.js';

/**
 * The Hill curve, the standard saturation curve of marketing-mix models:
 *
 * $$ S(a) = \frac{a^s}{a^s + K^s} $$
 *
 * where `a` is effort (posts per day), `K` the half-saturation effort (the
 * effort that earns half the maximum response) and `s` the shape (s > 1 gives an
 * S-shape: a little effort earns little, then returns rise, then saturate).
 *
 * @example
 * ```ts
 * const response: HillResponse = { kind: 'hill', halfSaturation: 0.6, shape: 1.6 };
 * ```
 */
export interface HillResponse {
  /** The curve's kind: `'hill'`. */
  readonly kind: 'hill';
  /** Effort (posts per day) at which the response is half its maximum. Must be > 0. */
  readonly halfSaturation: number;
  /** Steepness `s` of the curve. Must be > 0. */
  readonly shape: number;
}

/**
 * A response curve spec. More kinds join this union as the library grows; every
 * kind maps effort ≥ 0 to a response in [0, 1] that never falls as effort rises.
 */
export type ResponseSpec = HillResponse;

/** The response kinds this version understands. */
const RESPONSE_KINDS = ['hill'] as const;

/**
 * Check a response spec and return a frozen copy of it.
 *
 * @throws {@link ParameterError} for an unknown kind or a field out of range.
 * @internal
 */
export function validateResponse(spec: unknown, field = 'response'): ResponseSpec {
  const object = plainObject(field, spec);
  const kind = object.kind;
  if (kind === 'hill') {
    knownKeys(field, object, ['kind', 'halfSaturation', 'shape']);
    return Object.freeze({
      kind,
      halfSaturation: positive(`${field}.halfSaturation`, object.halfSaturation),
      shape: positive(`${field}.shape`, object.shape),
    });
  }
  throw new ParameterError(`${field}.kind`, kind, `one of ${RESPONSE_KINDS.map((k) => `'${k}'`).join(', ')}`);
}

/**
 * A fast evaluator for a validated response spec, for use inside a per-step loop.
 *
 * @internal
 */
export function responseFunction(spec: ResponseSpec): (effort: number) => number {
  const { halfSaturation, shape } = spec;
  const kPower = Math.pow(halfSaturation, shape);
  return (effort: number) => {
    if (effort <= 0) return 0;
    const aPower = Math.pow(effort, shape);
    return aPower / (aPower + kPower);
  };
}

/**
 * Evaluate a response curve at one effort level or over a series.
 *
 * @param effort - posts per day (≥ 0), or a series of them.
 * @param spec - the curve.
 * @returns the response in [0, 1] (a number for a number, a `Float64Array` for a series).
 * @throws {@link ParameterError} for a negative or non-finite effort or an invalid spec.
 *
 * @example
 * ```ts
 * import { respond } from 'relationship-equity';
 * const hill = { kind: 'hill', halfSaturation: 0.6, shape: 1.6 } as const;
 * respond(1, hill) / respond(1.5 / 7, hill); // ≈ 4.29: daily posting earns 4.3× the inflow of 1.5 posts a week
 * respond(2, hill) / respond(1, hill); // ≈ 1.26: a second daily post adds little
 * ```
 */
export function respond(effort: number, spec: ResponseSpec): number;
export function respond(effort: ArrayLike<number>, spec: ResponseSpec): Float64Array;
export function respond(effort: number | ArrayLike<number>, spec: ResponseSpec): number | Float64Array {
  const f = responseFunction(validateResponse(spec));
  const check = (x: unknown, field: string): number => {
    if (typeof x !== 'number') throw new InputTypeError(field, x, 'a number of posts per day');
    if (!(x >= 0 && x < Infinity)) throw new ParameterError(field, x, 'a finite number ≥ 0');
    return x;
  };
  if (typeof effort === 'number') return f(check(effort, 'effort'));
  if (effort === null || typeof effort !== 'object' || typeof effort.length !== 'number') {
    throw new InputTypeError('effort', effort, 'a number or an array of numbers');
  }
  const out = new Float64Array(effort.length);
  for (let i = 0; i < effort.length; i++) out[i] = f(check(effort[i], `effort[${i}]`));
  return out;
}
