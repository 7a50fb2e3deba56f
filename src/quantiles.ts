/**
 * Quantiles of a sample, R's and numpy's default definition (type 7: linear
 * interpolation between order statistics), found without a full sort: large
 * samples by counting into bins (two passes, then a sort of the few values in
 * the bins that hold a wanted rank), small or degenerate ones by one
 * multi-way selection that partitions only as far as the wanted ranks need.
 *
 * @internal
 * @module
 */

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

/** From this many values on, the order statistics are found by counting into bins rather than by partitioning. */
const BINNED = 1024;

/** Reused between calls: bin counts, each value's bin, and the values of the bins that hold a wanted rank. */
let counts = new Int32Array(0);
let binOf = new Uint16Array(0);
let picked = new Float64Array(0);

/**
 * Put into `a[rank]`, for each of the sorted `ranks`, the value a full sort
 * would put there, by two passes of counting: every value falls in one of B
 * equal-width bins between the smallest and largest value; the cumulative
 * counts tell which bin holds each wanted rank, and only those bins' values
 * (a few per bin for n values in about n/4 bins) are gathered and sorted.
 * The branches taken do not depend on the order of the values, so this runs
 * at a steady few nanoseconds per value where partitioning stalls on
 * mispredicted comparisons. Returns false (changing nothing) when the values
 * are not all finite or all equal, for {@link multiSelect} to handle.
 */
function binnedSelect(a: Float64Array, ranks: readonly number[]): boolean {
  const n = a.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) return false;
  let bins = 1024;
  while (bins * 4 < n && bins < 65536) bins *= 2;
  const scale = bins / (max - min);
  if (!Number.isFinite(scale)) return false;
  if (counts.length < bins) counts = new Int32Array(bins);
  else counts.fill(0, 0, bins);
  if (binOf.length < n) binOf = new Uint16Array(n);
  const top = bins - 1;
  for (let i = 0; i < n; i++) {
    const b = Math.min(((a[i]! - min) * scale) | 0, top);
    binOf[i] = b;
    counts[b]!++;
  }
  // Which bins hold a wanted rank, and how many values lie below each of them.
  const wanted: number[] = [];
  const below: number[] = [];
  let cumulative = 0;
  let r = 0;
  for (let b = 0; b < bins && r < ranks.length; b++) {
    const next = cumulative + counts[b]!;
    if (ranks[r]! < next) {
      wanted.push(b);
      below.push(cumulative);
      while (r < ranks.length && ranks[r]! < next) r++;
    }
    cumulative = next;
  }
  // Gather the wanted bins' values side by side, bin after bin.
  const start = new Int32Array(wanted.length + 1);
  for (let w = 0; w < wanted.length; w++) start[w + 1] = start[w]! + counts[wanted[w]!]!;
  if (picked.length < start[wanted.length]!) picked = new Float64Array(start[wanted.length]!);
  const slot = counts; // reused: slot[b] − 1 is the wanted bin's position in `wanted`, 0 if not wanted
  slot.fill(0, 0, bins);
  wanted.forEach((b, w) => (slot[b] = w + 1));
  const fill = start.slice(0, wanted.length);
  for (let i = 0; i < n; i++) {
    const w = slot[binOf[i]!]!;
    if (w !== 0) picked[fill[w - 1]!++] = a[i]!;
  }
  r = 0;
  for (let w = 0; w < wanted.length; w++) {
    const lo = start[w]!;
    const hi = start[w + 1]! - 1;
    if (hi - lo < 64) insertionSort(picked, lo, hi);
    else picked.subarray(lo, hi + 1).sort();
    const end = below[w]! + (hi - lo + 1);
    for (; r < ranks.length && ranks[r]! < end; r++) a[ranks[r]!] = picked[lo + ranks[r]! - below[w]!]!;
  }
  return true;
}

/**
 * Type-7 quantiles of `values` at each of `levels` (sorted ascending), written
 * to `out`. `values` is scratch: its contents are reordered or overwritten.
 */
export function quantilesInPlace(values: Float64Array, levels: readonly number[], out: Float64Array): void {
  const n = values.length;
  // The order statistics needed: ⌊h⌋ for every level, and ⌊h⌋ + 1 where it interpolates.
  const ranks: number[] = [];
  for (const level of levels) {
    const h = (n - 1) * level;
    const k = Math.floor(h);
    ranks.push(k);
    if (h > k) ranks.push(k + 1);
  }
  const unique = [...new Set(ranks)].sort((a, b) => a - b);
  if (!(n >= BINNED && binnedSelect(values, unique))) multiSelect(values, unique, 0, unique.length - 1, 0, n - 1);
  for (let q = 0; q < levels.length; q++) {
    const h = (n - 1) * levels[q]!;
    const k = Math.floor(h);
    const below = values[k]!;
    out[q] = h > k ? below + (h - k) * (values[k + 1]! - below) : below;
  }
}
