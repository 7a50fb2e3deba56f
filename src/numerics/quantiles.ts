/**
 * Quantiles of a sample, R's and numpy's default definition (type 7: linear
 * interpolation between order statistics), found without a full sort: large
 * samples by counting into bins (two passes, then a sort of the few values in
 * the bins that hold a wanted rank), small or degenerate ones by one
 * multi-way selection that partitions a copy only as far as the wanted ranks
 * need.
 *
 * @internal
 * @module
 */

/**
 * The type-7 quantile between two neighbouring order statistics: `below` at
 * rank ⌊h⌋, `above` at ⌊h⌋ + 1, and `fraction` = h − ⌊h⌋, where
 * h = (n − 1)·level (Hyndman and Fan 1996, definition 7; R's and numpy's default).
 */
export function interpolateQuantile(below: number, above: number, fraction: number): number {
  return fraction > 0 ? below + fraction * (above - below) : below;
}

/**
 * The type-7 quantile at `level` of values already sorted ascending.
 *
 * @example
 * ```ts
 * quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 * ```
 */
export function quantileOfSorted(sorted: ArrayLike<number>, level: number): number {
  const n = sorted.length;
  const h = (n - 1) * level;
  const k = Math.floor(h);
  return interpolateQuantile(sorted[k]!, sorted[Math.min(k + 1, n - 1)]!, h - k);
}

/** Below this many values a range is sorted by insertion: faster than partitioning further. */
const SMALL = 16;

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/**
 * Rearrange `a[lo..hi]` so that, for every rank in `ranks[first..last]` (sorted,
 * ascending), `a[rank]` holds the value a full sort would put there.
 */
function multiSelect(a: Float64Array, ranks: readonly number[], first: number, last: number, lo: number, hi: number): void {
  while (first <= last) {
    if (hi - lo < SMALL) {
      insertionSort(a, lo, hi);
      return;
    }
    // Hoare partition around the median of three.
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i−1] all equal the pivot.
    let leftLast = first - 1;
    while (leftLast + 1 <= last && ranks[leftLast + 1]! <= j) leftLast++;
    let rightFirst = leftLast + 1;
    while (rightFirst <= last && ranks[rightFirst]! < i) rightFirst++;
    // Recurse into the smaller side of the ranks, loop on the other.
    if (leftLast - first < last - rightFirst) {
      multiSelect(a, ranks, first, leftLast, lo, j);
      first = rightFirst;
      lo = i;
    } else {
      multiSelect(a, ranks, rightFirst, last, i, hi);
      last = leftLast;
      hi = j;
    }
  }
}

/** From this many values on, the order statistics are found by counting into bins rather than by partitioning (measured faster from about 100 values on). */
const BINNED = 128;

/**
 * Type-7 quantiles at fixed levels of samples of a fixed size, found again
 * and again (a Monte Carlo does it for every grid point) with its buffers and
 * ranks worked out once. The sample itself is never modified.
 *
 * Large samples are counted into B ≈ n/4 equal-width bins between the
 * smallest and largest value; the cumulative counts tell which bin holds each
 * wanted rank, and only those bins' values are gathered and sorted. The
 * branches taken do not depend on the order of the values, so this runs at a
 * steady few nanoseconds per value where partitioning stalls on mispredicted
 * comparisons. Small samples, and samples with a single value or a value that
 * is not finite, are copied and partitioned ({@link multiSelect}).
 */
export class QuantileFinder {
  private readonly n: number;
  private readonly levels: readonly number[];
  /** The order statistics needed, sorted: ⌊h⌋ for every level, and ⌊h⌋ + 1 where it interpolates. */
  private readonly ranks: number[];
  /** Per level, the position in `ranks` of ⌊h⌋. */
  private readonly position: Int32Array;
  private readonly stats: Float64Array;
  private readonly copy: Float64Array;
  private readonly bins: number;
  private readonly counts: Int32Array;
  private readonly binOf: Uint16Array;
  private picked: Float64Array;
  /** Per wanted bin (at most one per rank): its index, the values below it, where its values start among the picked ones, and the next free place there. */
  private readonly wanted: Int32Array;
  private readonly below: Int32Array;
  private readonly start: Int32Array;
  private readonly fill: Int32Array;
  /** How the last call found its order statistics (for tests and benchmarks: the result is the same either way). */
  method: 'constant' | 'counted' | 'partitioned' = 'partitioned';

  constructor(n: number, levels: readonly number[]) {
    this.n = n;
    this.levels = levels;
    const ranks = new Set<number>();
    for (const level of levels) {
      const h = (n - 1) * level;
      const k = Math.floor(h);
      ranks.add(k);
      if (h > k) ranks.add(k + 1);
    }
    this.ranks = [...ranks].sort((a, b) => a - b);
    this.position = Int32Array.from(levels, (level) => this.ranks.indexOf(Math.floor((n - 1) * level)));
    this.stats = new Float64Array(this.ranks.length);
    this.copy = new Float64Array(n);
    // About four values a bin, a power of two from 32 to 65,536.
    let bins = 32;
    while (bins * 4 < n && bins < 65536) bins *= 2;
    this.bins = bins;
    const binned = n >= BINNED;
    this.counts = new Int32Array(binned ? bins : 0);
    this.binOf = new Uint16Array(binned ? n : 0);
    this.picked = new Float64Array(0);
    const m = this.ranks.length;
    this.wanted = new Int32Array(m);
    this.below = new Int32Array(m);
    this.start = new Int32Array(m + 1);
    this.fill = new Int32Array(m);
  }

  /**
   * The quantiles of `values` (n of them, no NaN) at the levels, into `out`.
   * `range` is the smallest and largest value when the caller already knows them.
   */
  find(values: Float64Array, out: Float64Array, range?: { readonly min: number; readonly max: number }): void {
    const { n, ranks, stats, levels, position } = this;
    let min = range?.min ?? Infinity;
    let max = range?.max ?? -Infinity;
    if (range === undefined) {
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        if (v < min) min = v;
        if (v > max) max = v;
        if (v !== v) min = max = NaN; // a NaN: leave the order to the partition, as before
      }
    }
    if (min === max) {
      // One value throughout (runs that have not diverged yet): every order statistic is that value.
      stats.fill(min);
      this.method = 'constant';
    } else if (n >= BINNED && Number.isFinite(min) && Number.isFinite(max) && this.counted(values, min, max)) {
      this.method = 'counted';
    } else {
      this.method = 'partitioned';
      const copy = this.copy;
      copy.set(values.subarray(0, n));
      multiSelect(copy, ranks, 0, ranks.length - 1, 0, n - 1);
      for (let j = 0; j < ranks.length; j++) stats[j] = copy[ranks[j]!]!;
    }
    for (let q = 0; q < levels.length; q++) {
      const h = (n - 1) * levels[q]!;
      const k = Math.floor(h);
      out[q] = interpolateQuantile(stats[position[q]!]!, stats[position[q]! + 1]!, h - k);
    }
  }

  /** The order statistics at `ranks` into `stats` by counting into bins; false if the bins cannot be formed. */
  private counted(a: Float64Array, min: number, max: number): boolean {
    const { n, bins, counts, binOf, ranks, stats } = this;
    const scale = bins / (max - min);
    if (!Number.isFinite(scale)) return false;
    counts.fill(0);
    const top = bins - 1;
    for (let i = 0; i < n; i++) {
      const b = Math.min(((a[i]! - min) * scale) | 0, top);
      binOf[i] = b;
      counts[b]!++;
    }
    // Which bins hold a wanted rank, and how many values lie below each of them.
    const { wanted, below, start, fill } = this;
    let found = 0;
    let cumulative = 0;
    let r = 0;
    for (let b = 0; b < bins && r < ranks.length; b++) {
      const next = cumulative + counts[b]!;
      if (ranks[r]! < next) {
        wanted[found] = b;
        below[found++] = cumulative;
        while (r < ranks.length && ranks[r]! < next) r++;
      }
      cumulative = next;
    }
    // Gather the wanted bins' values side by side, bin after bin.
    for (let w = 0; w < found; w++) start[w + 1] = start[w]! + counts[wanted[w]!]!;
    if (this.picked.length < start[found]!) this.picked = new Float64Array(start[found]!);
    const picked = this.picked;
    const slot = counts; // reused: slot[b] − 1 is the wanted bin's position in `wanted`, 0 if not wanted
    slot.fill(0);
    for (let w = 0; w < found; w++) {
      slot[wanted[w]!] = w + 1;
      fill[w] = start[w]!;
    }
    for (let i = 0; i < n; i++) {
      const w = slot[binOf[i]!]!;
      if (w !== 0) picked[fill[w - 1]!++] = a[i]!;
    }
    r = 0;
    for (let w = 0; w < found; w++) {
      const lo = start[w]!;
      const hi = start[w + 1]! - 1;
      if (hi - lo < 64) insertionSort(picked, lo, hi);
      else picked.subarray(lo, hi + 1).sort();
      const end = below[w]! + (hi - lo + 1);
      for (; r < ranks.length && ranks[r]! < end; r++) stats[r] = picked[lo + ranks[r]! - below[w]!]!;
    }
    return true;
  }
}
