/**
 * Quantiles of a sample, R's and numpy's default definition (type 7: linear
 * interpolation between order statistics), found by one multi-way selection
 * rather than a full sort: the sample is partitioned only as far as the order
 * statistics the requested levels need.
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

/**
 * Type-7 quantiles of `values` at each of `levels` (sorted ascending), written
 * to `out`. `values` is reordered in place.
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
  multiSelect(values, unique, 0, unique.length - 1, 0, n - 1);
  for (let q = 0; q < levels.length; q++) {
    const h = (n - 1) * levels[q]!;
    const k = Math.floor(h);
    const below = values[k]!;
    out[q] = h > k ? below + (h - k) * (values[k + 1]! - below) : below;
  }
}
