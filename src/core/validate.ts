/**
 * Boundary checks shared by every public function. Each check rejects NaN as
 * well as out-of-range values (the `!(x >= 0)` idiom) and throws a typed error
 * naming the field.
 *
 * @internal
 * @module
 */
import { InputTypeError, ParameterError } from './errors.js';

/** A finite number, or an `InputTypeError`/`ParameterError` naming `field`. */
export function finiteNumber(field: string, value: unknown): number {
  if (typeof value !== 'number') throw new InputTypeError(field, value, 'a number');
  if (!Number.isFinite(value)) throw new ParameterError(field, value, 'a finite number');
  return value;
}

/** A finite number ≥ 0. */
export function nonNegative(field: string, value: unknown): number {
  const x = finiteNumber(field, value);
  if (!(x >= 0)) throw new ParameterError(field, value, 'a finite number ≥ 0');
  return x;
}

/**
 * A number from 0 to `max`: the ranges of inputs that mean something (no account
 * posts 10,000 times a day), kept far from where the arithmetic would overflow.
 */
export function upTo(field: string, value: unknown, max: number, what = ''): number {
  const x = nonNegative(field, value);
  if (!(x <= max)) throw new ParameterError(field, value, `a number from 0 to ${max}${what === '' ? '' : ` (${what})`}`);
  return x;
}

/** A finite number > 0. */
export function positive(field: string, value: unknown): number {
  const x = finiteNumber(field, value);
  if (!(x > 0)) throw new ParameterError(field, value, 'a finite number > 0');
  return x;
}

/** A finite number in [lo, hi]. */
export function inRange(field: string, value: unknown, lo: number, hi: number): number {
  const x = finiteNumber(field, value);
  if (!(x >= lo && x <= hi)) throw new ParameterError(field, value, `a number from ${lo} to ${hi}`);
  return x;
}

/** A whole number ≥ `min`. */
export function integerAtLeast(field: string, value: unknown, min: number): number {
  const x = finiteNumber(field, value);
  if (!(Number.isInteger(x) && x >= min)) {
    throw new ParameterError(field, value, `a whole number ≥ ${min}`);
  }
  return x;
}

/** `true` or `false`, or `fallback` when absent; anything else is an `InputTypeError`. */
export function optionalBoolean(field: string, value: unknown, fallback = false): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InputTypeError(field, value, 'true or false');
  return value;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number written in decimal (`12`, `-0.5`, `1e3`), or undefined for any other
 * text: `Number()` alone would also read `0x10` as 16, `Infinity`, and an
 * empty string as 0.
 *
 * @internal
 */
export function decimalNumber(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/**
 * A deep copy of plain data — objects, arrays, numbers, strings, booleans,
 * null — each field read once; the copy is frozen. What a caller may change
 * later (an options object kept by a monitor) no longer reaches in.
 *
 * @throws {@link InputTypeError} for a function, symbol or a value nested deeper than 64 levels.
 * @internal
 */
export function frozenCopy<T>(field: string, value: T, depth = 0): T {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new InputTypeError(field, value, 'plain data (numbers, strings, objects, arrays)');
    return value;
  }
  if (depth > 64) throw new InputTypeError(field, '(nested deeper than 64 levels)', 'plain data nested at most 64 levels');
  if (Array.isArray(value)) return Object.freeze(Array.from(value, (v, i) => frozenCopy(`${field}[${i}]`, v, depth + 1))) as T;
  const o = plainObject(field, value);
  for (const key of Object.keys(o)) o[key] = frozenCopy(`${field}.${key}`, o[key], depth + 1);
  return Object.freeze(o) as T;
}

/** A plain object (not null, not an array) as a snapshot of its own fields, each read once; `InputTypeError` otherwise, and a `__proto__` field refused. */
export function plainObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputTypeError(field, value, 'an object');
  }
  // A snapshot: every field read once, here — a getter that changes between reads cannot change what was checked.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') throw new ParameterError(`${field}.__proto__`, undefined, 'absent: `__proto__` is not a field');
    out[key] = (value as Record<string, unknown>)[key];
  }
  return out;
}

/** The edit distance between two words (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The known word `name` was probably meant to be: within one edit for short
 * words, two for longer ones (case ignored), or undefined.
 *
 * @internal
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let distance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < distance && d <= (k.length > 4 ? 2 : 1)) {
      best = k;
      distance = d;
    }
  }
  return best;
}

/**
 * Reject keys of `value` that are not in `known`, naming the first unknown one
 * and, when it looks like a misspelling, the key that was probably meant;
 * `elsewhere` says where a key of another object belongs (`horizon` → `scenario.horizon`).
 */
export function knownKeys(field: string, value: object, known: readonly string[], elsewhere: Readonly<Record<string, string>> = {}): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const meant = closestName(key, known);
      const belongs = elsewhere[key];
      const hint = belongs !== undefined ? `; \`${key}\` belongs in \`${belongs}\`` : meant !== undefined ? ` — did you mean \`${meant}\`?` : '';
      throw new ParameterError(`${field}.${key}`, (value as Record<string, unknown>)[key], `one of the known fields (${known.join(', ')})${hint}`);
    }
  }
}
