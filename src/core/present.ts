/**
 * How results show themselves: a few readable lines when printed in Node
 * (Node's `util.inspect`, which printing a result uses), the headline numbers as plain data
 * (`summary()`), and JSON with series as arrays (`JSON.stringify`). Works in
 * browsers too: the inspect hook is a registered symbol, read by Node only.
 *
 * @module
 */

/** The symbol Node's `util.inspect` looks for (registered: no import of `util`). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A figure for a sentence: thousands grouped, three significant digits below 1000. */
export function figure(x: number): string {
  if (x === null || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e9) return `${(x / 1e9).toPrecision(3)} billion`;
  if (a >= 1e6) return `${(x / 1e6).toPrecision(3)} million`;
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a === 0) return '0';
  if (a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

/** A number of months for a sentence: '1 month', '2.5 months'. */
export function months(x: number): string {
  return `${figure(x)} month${x === 1 ? '' : 's'}`;
}

/** A share as a percentage: 0.3 → '30%'. */
export function percent(x: number): string {
  return Number.isFinite(x) ? `${Number((100 * x).toPrecision(3))}%` : String(x);
}

/**
 * A copy of a result for JSON: typed arrays as arrays, functions left out, and
 * an object that contains itself cut at the repeat (an object shared by two
 * branches, such as an account, is written in both).
 */
function jsonCopy(value: unknown, ancestors: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (ancestors.has(value)) return undefined;
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => jsonCopy(v, ancestors) ?? null);
  else {
    const copy: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const c = jsonCopy(v, ancestors);
      if (c !== undefined) copy[key] = c;
    }
    out = copy;
  }
  ancestors.delete(value);
  return out;
}

/** What a result shows of itself. */
export interface Presentation<T, S> {
  /** The headline numbers as plain data (left out where the result already holds them as `summary`). */
  readonly summary?: (result: T) => S;
  /** The lines printed in Node: a title, then a few of the numbers that matter. */
  readonly lines: (result: T) => readonly string[];
}

/**
 * Give a result its `summary()`, its `toJSON()` and its short printout, as
 * properties that are not enumerated (spreading or iterating a result sees
 * only its data).
 *
 * @internal
 */
export function presentable<T extends object, S>(result: T, presentation: Presentation<T, S>): T & { summary(): S } {
  const { summary } = presentation;
  if (summary !== undefined) Object.defineProperty(result, 'summary', { value: () => summary(result), enumerable: false });
  Object.defineProperties(result, {
    toJSON: { value: () => jsonCopy(result, new Set()), enumerable: false },
    [INSPECT]: { value: () => presentation.lines(result).join('\n'), enumerable: false },
  });
  return result as T & { summary(): S };
}
