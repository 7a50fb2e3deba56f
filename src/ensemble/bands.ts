/**
 * Bands: the mean and quantiles of a value over every run, per grid point,
 * summarised block by block as an ensemble is stepped.
 *
 * @module
 */
import type { PreparedRun } from '../model/simulate.js';
import { QuantileFinder } from '../numerics/quantiles.js';
import type { EnsembleBlock } from './ensemble.js';

/** The quantile of a series at one level, per grid point. */
export interface QuantileSeries {
  /** The level, e.g. 0.05. */
  readonly level: number;
  /** The quantile at each grid point. */
  readonly values: Float64Array;
}

/** A band: the mean and the requested quantiles of a series at every grid point. */
export interface Band {
  /** The mean over runs at each grid point. */
  readonly mean: Float64Array;
  /** One series per requested level, in ascending order of level. */
  readonly quantiles: readonly QuantileSeries[];
}

/**
 * Summarise per grid point, for one block, a value per run: its mean and its
 * quantiles, written into `band` at the block's offset.
 *
 * @internal
 */
export function summarise(
  block: EnsembleBlock,
  runs: number,
  source: ((run: number, t: number) => number) | { readonly buffer: Float64Array; readonly stride: number },
  band: { mean: Float64Array; quantiles: readonly QuantileSeries[] },
  levels: readonly number[],
  scratch: Scratch,
  columns: readonly [number, number] = [0, block.length],
): void {
  const { column, q, finder } = scratch;
  for (let t = columns[0]; t < columns[1]; t++) {
    let sum = 0;
    if (typeof source === 'function') {
      for (let r = 0; r < runs; r++) sum += column[r] = source(r, t);
      band.mean[block.from + t] = sum / runs;
      finder.find(column, q);
    } else {
      // The common case, straight from a block buffer, where a point's values of every run lie side by side:
      // one pass for the mean and the range, then the quantiles on the buffer itself.
      const values = source.buffer.subarray(t * source.stride, t * source.stride + runs);
      let min = Infinity;
      let max = -Infinity;
      for (let r = 0; r < runs; r++) {
        const v = values[r]!;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      band.mean[block.from + t] = sum / runs;
      // A NaN or an infinite value makes the sum non-finite: then the finder looks at the values itself.
      finder.find(values, q, Number.isFinite(sum) ? { min, max } : undefined);
    }
    for (let l = 0; l < levels.length; l++) band.quantiles[l]!.values[block.from + t] = q[l]!;
  }
}

/** Reusable buffers for {@link summarise}. @internal */
export interface Scratch {
  readonly column: Float64Array;
  readonly q: Float64Array;
  readonly finder: QuantileFinder;
}

/** Buffers for summarising `runs` values at `levels`. @internal */
export function scratch(runs: number, levels: readonly number[]): Scratch {
  return { column: new Float64Array(runs), q: new Float64Array(levels.length), finder: new QuantileFinder(runs, levels) };
}

/** An empty band over `points` grid points (its arrays made by `make`, e.g. on shared memory). @internal */
export function emptyBand(
  points: number,
  levels: readonly number[],
  make: (length: number) => Float64Array = (length) => new Float64Array(length),
): { mean: Float64Array; quantiles: QuantileSeries[] } {
  return { mean: make(points), quantiles: levels.map((level) => ({ level, values: make(points) })) };
}

/** The grid's days of a prepared run. @internal */
export function gridDays(run: PreparedRun): Float64Array {
  const days = new Float64Array(run.steps + 1);
  let day = run.initial.day;
  for (let i = 0; i <= run.steps; i++) {
    days[i] = day;
    day += run.step;
  }
  return days;
}
