/**
 * One-at-a-time swings, the bars of a tornado chart: each input moved alone
 * from its low to its high value, the others held at their base, and the
 * answer read at both ends (Howard 1988, "Decision analysis: practice and
 * promise", Management Science 34, 679–695; the chart of Eschenbach 1992).
 * Cheap (2k + 1 evaluations) and easy to read, but blind to interactions —
 * Sobol indices ({@link sobolIndices}) see those.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { knownKeys, plainObject } from '../core/validate.js';
import { finiteAnswer, modelFunction, readRanges, UNBOUNDED_TAIL, type InputRange } from './input-ranges.js';

/** Options of {@link swings}. */
export interface SwingOptions {
  /** The base values; an input not named here sits at its range's median (the midpoint of `[low, high]`). @defaultValue `{}` */
  readonly base?: Readonly<Record<string, number>>;
  /**
   * The probabilities of each input's low and high ends. An unbounded input (a
   * normal or lognormal) is never read beyond its 0.5% and 99.5% quantiles, as
   * Morris reads it, so `[0, 1]` takes bounded ranges at their ends and unbounded
   * ones at those quantiles.
   * @defaultValue `[0, 1]` for bounded inputs (`[low, high]`, uniform, triangular), `[0.05, 0.95]` for unbounded ones
   */
  readonly ends?: readonly [number, number];
}

/** One input's swing. */
export interface Swing {
  /** The input. */
  readonly input: string;
  /** Its low value. */
  readonly low: number;
  /** Its high value. */
  readonly high: number;
  /** The answer with the input at its low value (the others at base). */
  readonly atLow: number;
  /** The answer with the input at its high value (the others at base). */
  readonly atHigh: number;
  /** |atHigh − atLow|: the bar's length. */
  readonly swing: number;
}

/** The result of {@link swings}. */
export interface SwingResult {
  /** The answer with every input at its base. */
  readonly base: number;
  /** The base values used. */
  readonly baseInputs: Readonly<Record<string, number>>;
  /** One per input, the longest swing first (the tornado's order). */
  readonly swings: readonly Swing[];
  /** Model evaluations made: 2 × inputs + 1. */
  readonly evaluations: number;
}

/** Read the options: the ends' probabilities, if given, and the base values. */
function readOptions(options: unknown, names: readonly string[]): { ends: readonly [number, number] | null; base: Readonly<Record<string, number>> } {
  const o = plainObject('options', options ?? {});
  knownKeys('options', o, ['base', 'ends']);
  let ends: readonly [number, number] | null = null;
  if (o.ends !== undefined) {
    const e = o.ends as unknown[];
    if (!Array.isArray(e) || e.length !== 2 || !e.every((p) => typeof p === 'number' && p >= 0 && p <= 1) || !((e[0] as number) < (e[1] as number))) {
      throw new ParameterError('options.ends', o.ends, 'two probabilities [low, high] with 0 ≤ low < high ≤ 1');
    }
    ends = e as unknown as readonly [number, number];
  }
  const base = plainObject('options.base', o.base ?? {});
  for (const [name, value] of Object.entries(base)) {
    if (!names.includes(name)) throw new ParameterError(`options.base.${name}`, value, `one of the inputs (${names.join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParameterError(`options.base.${name}`, value, 'a finite number');
  }
  return { ends, base: base as Readonly<Record<string, number>> };
}

/**
 * Each input's one-at-a-time swing of the answer, longest first.
 *
 * @param model - maps a record of the named inputs to a number.
 * @param ranges - each input's `[low, high]` or distribution.
 * @throws {@link ParameterError} for bad ranges or options, or a model answer that is not a finite number.
 * @example
 * ```ts
 * import { swings } from 'relationship-equity';
 * const result = swings(({ a, b }) => a + 2 * b, { a: [0, 1], b: [0, 1] });
 * result.swings[0]; // { input: 'b', low: 0, high: 1, atLow: 0.5, atHigh: 2.5, swing: 2 }
 * ```
 */
export function swings<I extends string>(model: (inputs: Record<I, number>) => number, ranges: Readonly<Record<I, InputRange>>, options: SwingOptions = {}): SwingResult {
  modelFunction(model);
  const inputs = readRanges(ranges, 1000);
  const { ends, base } = readOptions(options, inputs.map((i) => i.name));
  const endsOf = (bounded: boolean): readonly [number, number] => {
    if (ends === null) return bounded ? [0, 1] : [0.05, 0.95];
    return bounded ? ends : [Math.max(ends[0], UNBOUNDED_TAIL), Math.min(ends[1], 1 - UNBOUNDED_TAIL)];
  };
  const baseInputs = Object.fromEntries(inputs.map((input) => [input.name, base[input.name] ?? input.at(0.5)])) as Record<I, number>;
  const run = (changes: Partial<Record<I, number>>): number => {
    const record = { ...baseInputs, ...changes };
    return finiteAnswer(model(record), record);
  };
  const result = inputs.map((input): Swing => {
    const [pLow, pHigh] = endsOf(input.bounded);
    const [low, high] = [input.at(pLow), input.at(pHigh)];
    const atLow = run({ [input.name]: low } as Partial<Record<I, number>>);
    const atHigh = run({ [input.name]: high } as Partial<Record<I, number>>);
    return { input: input.name, low, high, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
  });
  return { base: run({}), baseInputs, swings: [...result].sort((a, b) => b.swing - a.swing), evaluations: 2 * inputs.length + 1 };
}
