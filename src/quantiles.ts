/**
 * Quantiles of a sample, R's and numpy's default definition (type 7: linear
 * interpolation between order statistics), found by selection rather than a
 * full sort.
 *
 * @internal
 * @module
 */

/** Rearrange `a[lo..hi]` so that a[k] is the value a sort would put there (Hoare's selection). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    // Median of three as the pivot keeps sorted and constant inputs fast.
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
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Type-7 quantiles of `values` at each of `levels` (sorted ascending), written
 * to `out`. `values` is reordered in place.
 */
export function quantilesInPlace(values: Float64Array, levels: readonly number[], out: Float64Array): void {
  const n = values.length;
  let lo = 0;
  for (let q = 0; q < levels.length; q++) {
    const h = (n - 1) * levels[q]!;
    const k = Math.floor(h);
    // Levels are ascending, so everything below the previous order statistic is settled.
    select(values, k, lo, n - 1);
    const below = values[k]!;
    let value = below;
    if (h > k) {
      // The next order statistic is the smallest value above position k.
      let next = Infinity;
      for (let i = k + 1; i < n; i++) if (values[i]! < next) next = values[i]!;
      value = below + (h - k) * (next - below);
    }
    out[q] = value;
    lo = k;
  }
}
