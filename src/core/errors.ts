/**
 * Typed errors thrown by `relationship-equity` when an input is invalid.
 *
 * Every error carries the `field` that was wrong and the `value` it had, and its
 * message follows one format: "`field` must be …, got …". Inputs are checked at the
 * boundary, before any stepping, so no NaN ever travels into a result.
 *
 * @module
 */

/** The longest a value is shown in an error message. */
const SHOWN = 80;

/** Short JSON of a value, reading no more of it than fits in `budget` characters (a huge input is not serialised whole). */
function shortJson(value: unknown, budget: number, seen: Set<object>): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
    if (typeof value === 'boolean') return String(value);
    return 'null';
  }
  if (seen.has(value)) return '"[circular]"';
  seen.add(value);
  const array = Array.isArray(value) || ArrayBuffer.isView(value);
  const parts: string[] = [];
  let used = 2;
  const keys = array ? null : Object.keys(value);
  const length = array ? (value as ArrayLike<unknown>).length : keys!.length;
  for (let i = 0; i < length && used < budget; i++) {
    const item = array ? (value as ArrayLike<unknown>)[i] : (value as Record<string, unknown>)[keys![i]!];
    const text = (array ? '' : `${JSON.stringify(keys![i]!.slice(0, budget))}:`) + shortJson(item, budget - used, seen);
    parts.push(text);
    used += text.length + 1;
  }
  if (parts.length < length) parts.push('…');
  return array ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/**
 * Format a value for an error message: strings quoted, numbers as they print,
 * objects as short JSON — each cut to about 80 characters, whatever its size.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > SHOWN ? `${JSON.stringify(value.slice(0, SHOWN - 3))}… (${value.length} characters)` : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return value.toString();
  try {
    const text = shortJson(value, SHOWN, new Set());
    return text.length > SHOWN ? `${text.slice(0, SHOWN - 3)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * A parameter, option or schedule value is out of its allowed range (NaN,
 * infinite, negative, unknown name, inconsistent with another option, ...).
 *
 * @example
 * ```ts
 * import { resolveParameters, ParameterError } from 'relationship-equity';
 * try {
 *   resolveParameters({ activeDecay: -1 });
 * } catch (error) {
 *   if (error instanceof ParameterError) [error.field, error.value]; // ['parameters.activeDecay', -1]
 * }
 * ```
 */
export class ParameterError extends RangeError {
  /** The name of the field that was rejected, as a dotted path (`parameters.activeDecay`). */
  readonly field: string;
  /** The value that was rejected. */
  readonly value: unknown;

  /**
   * @param field - the dotted name of the offending field.
   * @param value - the offending value.
   * @param allowed - what would have been accepted, e.g. "a finite number ≥ 0".
   */
  constructor(field: string, value: unknown, allowed: string) {
    super(`\`${field}\` must be ${allowed}, got ${describeValue(value)}`);
    this.name = 'ParameterError';
    this.field = field;
    this.value = value;
  }
}

/**
 * A duration could not be read: an unknown unit (`'8 parsecs'`), a unit that is
 * not a time (`'5 kg'`), a negative or non-finite amount, or a value of the wrong type.
 *
 * @example
 * ```ts
 * import { toDays, DurationError } from 'relationship-equity';
 * try {
 *   toDays('8 parsecs');
 * } catch (error) {
 *   if (error instanceof DurationError) error.message;
 *   // → `duration` must be a number of days or a time such as '8 months' or '2 weeks' (Unit "parsecs" not found), got "8 parsecs"
 * }
 * ```
 */
export class DurationError extends ParameterError {
  constructor(field: string, value: unknown, allowed: string) {
    super(field, value, allowed);
    this.name = 'DurationError';
  }
}

/**
 * A value has the wrong type altogether, as happens when the library is called
 * from untyped JavaScript (a string where a number of posts was expected, a
 * missing options object).
 *
 * @example
 * ```ts
 * import { schedule, InputTypeError } from 'relationship-equity';
 * try {
 *   schedule.weekly('often' as unknown as number);
 * } catch (error) {
 *   error instanceof InputTypeError; // true
 * }
 * ```
 */
export class InputTypeError extends TypeError {
  /** The name of the field that was rejected. */
  readonly field: string;
  /** The value that was rejected. */
  readonly value: unknown;

  constructor(field: string, value: unknown, allowed: string) {
    super(`\`${field}\` must be ${allowed}, got ${describeValue(value)}`);
    this.name = 'InputTypeError';
    this.field = field;
    this.value = value;
  }
}

/**
 * What an error of this library said was allowed: its message without the
 * "`field` must be " before and the ", got …" after. For naming the same fault
 * from further out (a day of a history, a line of a CSV file).
 *
 * @internal
 */
export function allowedOf(error: ParameterError | InputTypeError): string {
  const before = `\`${error.field}\` must be `.length;
  const after = `, got ${describeValue(error.value)}`.length;
  return error.message.slice(before, error.message.length - after);
}
