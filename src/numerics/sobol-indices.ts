/**
 * Variance-based sensitivity: first-order and total Sobol indices of a model's
 * scalar answer(s) to its uncertain inputs, by Saltelli sampling on a
 * digitally shifted Sobol sequence.
 *
 * With base matrices A and B (N rows each, one column per input) and
 * $A_B^{(i)}$ — A with column i taken from B — the estimators are
 * (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
 * Comput. Phys. Commun. 181, 259–270, table 2):
 *
 * $$S_i = \frac{\tfrac1N\sum_j f(B)_j\,\big(f(A_B^{(i)})_j - f(A)_j\big)}{V}, \qquad
 *   S_{T_i} = \frac{\tfrac1{2N}\sum_j \big(f(A)_j - f(A_B^{(i)})_j\big)^2}{V}$$
 *
 * (the total index is Jansen's, 1999), with V the variance of f over A and B
 * together — the estimators SALib's `sobol.analyze` uses. Intervals come from
 * resampling the N rows with replacement (seeded), as percentiles.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { checkSteps } from '../core/limits.js';
import { integerAtLeast, knownKeys, plainObject } from '../core/validate.js';
import { modelFunction, readRanges, resamplingOptions, type InputRange } from './input-ranges.js';
import { quantileOfSorted } from './quantiles.js';
import { randomStream } from './random.js';
import { sobolPoints, SOBOL_DIMENSIONS } from './sobol-sequence.js';

export type { InputRange } from './input-ranges.js';

/** Options of {@link sobolIndices}. */
export interface SobolOptions {
  /** Base samples N (a power of two keeps the sequence balanced); the model runs N × (inputs + 2) times. @defaultValue 1024 */
  readonly samples?: number;
  /** The seed of the sequence's shift and of the bootstrap. */
  readonly seed: string | number;
  /** Bootstrap resamples for the intervals (0: none). @defaultValue 200 */
  readonly bootstrap?: number;
  /** The intervals' level. @defaultValue 0.95 */
  readonly level?: number;
}

/** One input's indices. */
export interface SobolIndex {
  /** First-order index: the share of the answer's variance the input explains alone. */
  readonly first: number;
  /** Total index: its share with all its interactions (what would be left if everything else were known). */
  readonly total: number;
  /** The bootstrap interval of `first` at `level` (null without bootstrap). */
  readonly firstInterval: readonly [number, number] | null;
  /** The bootstrap interval of `total`. */
  readonly totalInterval: readonly [number, number] | null;
}

/** The result of {@link sobolIndices}. */
export interface SobolResult {
  /** Per input, its indices (per output name when the model returns a record). */
  readonly indices: Readonly<Record<string, SobolIndex>>;
  /** With a model returning a record: the indices per output. */
  readonly outputs?: Readonly<Record<string, Readonly<Record<string, SobolIndex>>>>;
  /** Model evaluations made: N × (inputs + 2). */
  readonly evaluations: number;
  /** The variance of the answer over the samples (of the first output). */
  readonly variance: number;
  /** The level of the intervals. */
  readonly level: number;
}

/** Keep a coordinate off 0 and 1, where unbounded inverses are infinite. */
const inside = (u: number): number => Math.min(1 - 2 ** -33, Math.max(2 ** -33, u));

/** The indices from the evaluations of the rows `rows` (bootstrap: a resample). */
function estimate(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], rows: ArrayLike<number>): { first: number[]; total: number[]; variance: number } {
  const n = rows.length;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += fA[rows[k]!]! + fB[rows[k]!]!;
  mean /= 2 * n;
  let variance = 0;
  for (let k = 0; k < n; k++) variance += (fA[rows[k]!]! - mean) ** 2 + (fB[rows[k]!]! - mean) ** 2;
  variance /= 2 * n - 1;
  const first = fAB.map((f) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += fB[rows[k]!]! * (f[rows[k]!]! - fA[rows[k]!]!);
    return variance > 0 ? s / n / variance : 0;
  });
  const total = fAB.map((f) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += (fA[rows[k]!]! - f[rows[k]!]!) ** 2;
    return variance > 0 ? s / (2 * n) / variance : 0;
  });
  return { first, total, variance };
}

/**
 * First-order and total Sobol indices of `model` over `ranges`.
 *
 * @param model - maps a record of the named inputs to a number, or a record of numbers (each output analysed).
 * @param ranges - each input's `[low, high]` (uniform) or distribution.
 * @throws {@link ParameterError} for bad ranges or options, or a model answer that is not a finite number.
 * @example
 * ```ts
 * import { sobolIndices } from 'relationship-equity';
 * const result = sobolIndices(({ a, b }) => a + 2 * b, { a: [0, 1], b: [0, 1] }, { samples: 512, seed: 1 });
 * result.indices.b.first; // ≈ 0.8: b carries four times a's variance
 * ```
 */
export function sobolIndices<I extends string>(
  model: (inputs: Record<I, number>) => number | Readonly<Record<string, number>>,
  ranges: Readonly<Record<I, InputRange>>,
  options: SobolOptions,
): SobolResult {
  modelFunction(model);
  const read = readRanges(ranges, SOBOL_DIMENSIONS / 2);
  const names = read.map((input) => input.name as I);
  const inverses = read.map((input) => input.at);
  const o = plainObject('options', options);
  knownKeys('options', o, ['samples', 'seed', 'bootstrap', 'level']);
  const { seed, resamples, level } = resamplingOptions(o);
  const n = o.samples === undefined ? 1024 : integerAtLeast('options.samples', o.samples, 2);
  const d = names.length;
  const evaluations = n * (d + 2);
  checkSteps('options.samples', o.samples ?? n, evaluations, `${evaluations} model evaluations`);
  const points = sobolPoints(n, 2 * d, seed);
  const run = (row: number, from: 'A' | 'B' | number): number | Readonly<Record<string, number>> => {
    const inputs = {} as Record<I, number>;
    names.forEach((name, j) => {
      const column = from === 'A' || (typeof from === 'number' && from !== j) ? j : d + j;
      inputs[name] = inverses[j]!(inside(points[row * 2 * d + column]!));
    });
    return model(inputs);
  };
  const outputs = collect(n, d, run);
  return summarise(outputs, names, n, resamples, level, seed, evaluations);
}

/** Every evaluation, per output name ('' for a scalar model): f(A), f(B) and f(A_B⁽ⁱ⁾). */
function collect(n: number, d: number, run: (row: number, from: 'A' | 'B' | number) => number | Readonly<Record<string, number>>) {
  const out = new Map<string, { fA: Float64Array; fB: Float64Array; fAB: Float64Array[] }>();
  const store = (row: number, which: 'A' | 'B' | number, answer: number | Readonly<Record<string, number>>) => {
    const entries: [string, unknown][] = typeof answer === 'number' ? [['', answer]] : Object.entries(answer as object);
    if (entries.length === 0) throw new ParameterError('model', answer, 'a number or a record of numbers');
    for (const [name, value] of entries) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParameterError(name === '' ? 'model' : `model.${name}`, value, 'a finite number as the answer');
      let slot = out.get(name);
      if (slot === undefined) {
        if (row !== 0 || which !== 'A') throw new ParameterError('model', answer, 'the same outputs for every input');
        out.set(name, (slot = { fA: new Float64Array(n), fB: new Float64Array(n), fAB: Array.from({ length: d }, () => new Float64Array(n)) }));
      }
      (which === 'A' ? slot.fA : which === 'B' ? slot.fB : slot.fAB[which]!)[row] = value;
    }
  };
  for (let row = 0; row < n; row++) {
    store(row, 'A', run(row, 'A'));
    store(row, 'B', run(row, 'B'));
    for (let i = 0; i < d; i++) store(row, i, run(row, i));
  }
  return out;
}

/**
 * The evaluations less their mean over all of them: the estimators' expectations
 * do not change, their variance falls sharply for an answer far from zero (SALib
 * centres, and scales, the same way).
 */
function centred({ fA, fB, fAB }: { fA: Float64Array; fB: Float64Array; fAB: Float64Array[] }) {
  const all = [fA, fB, ...fAB];
  let sum = 0;
  for (const f of all) for (let k = 0; k < f.length; k++) sum += f[k]!;
  const mean = sum / (all.length * fA.length);
  const shift = (f: Float64Array) => f.map((v) => v - mean);
  return { fA: shift(fA), fB: shift(fB), fAB: fAB.map(shift) };
}

/** Indices and bootstrap intervals per output. */
function summarise(outputs: ReturnType<typeof collect>, names: readonly string[], n: number, resamples: number, level: number, seed: string | number, evaluations: number): SobolResult {
  const all = Array.from({ length: n }, (_, k) => k);
  const perOutput: Record<string, Record<string, SobolIndex>> = {};
  let variance = NaN;
  for (const [output, raw] of outputs) {
    const { fA, fB, fAB } = centred(raw);
    const point = estimate(fA, fB, fAB, all);
    if (Number.isNaN(variance)) variance = point.variance;
    const boot = names.map(() => ({ first: new Float64Array(resamples), total: new Float64Array(resamples) }));
    const random = randomStream(seed, 1);
    const rows = new Uint32Array(n);
    for (let b = 0; b < resamples; b++) {
      for (let k = 0; k < n; k++) rows[k] = Math.floor(random() * n);
      const e = estimate(fA, fB, fAB, rows);
      names.forEach((_, i) => ((boot[i]!.first[b] = e.first[i]!), (boot[i]!.total[b] = e.total[i]!)));
    }
    const tail = (1 - level) / 2;
    const interval = (values: Float64Array): readonly [number, number] | null => {
      if (resamples === 0) return null;
      const sorted = Float64Array.from(values).sort();
      return [quantileOfSorted(sorted, tail), quantileOfSorted(sorted, 1 - tail)];
    };
    perOutput[output] = Object.fromEntries(
      names.map((name, i) => [name, { first: point.first[i]!, total: point.total[i]!, firstInterval: interval(boot[i]!.first), totalInterval: interval(boot[i]!.total) }]),
    );
  }
  const scalar = outputs.has('') && outputs.size === 1;
  const first = perOutput[scalar ? '' : outputs.keys().next().value!]!;
  return scalar ? { indices: first, evaluations, variance, level } : { indices: first, outputs: perOutput, evaluations, variance, level };
}
