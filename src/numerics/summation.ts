/**
 * Compensated (Kahan) summation, for every total the library reports: interest
 * summed over years of days adds thousands of small terms to a large sum, and a
 * plain sum drifts by a few units in the last place per thousand terms.
 *
 * $$ y = x_i - c,\quad t = s + y,\quad c = (t - s) - y,\quad s = t $$
 *
 * Reference: W. Kahan, "Further remarks on reducing truncation errors",
 * *Communications of the ACM* 8(1), 1965; as in d3-array's `fsum`.
 *
 * @internal
 * @module
 */

/**
 * A running compensated sum: `add` terms one at a time, read `value` at any
 * point. The same arithmetic wherever a total is kept, so totals agree to the
 * last bit however they are reached.
 *
 * @example
 * ```ts
 * const total = new CompensatedSum();
 * for (let i = 0; i < 10; i++) total.add(0.1);
 * total.value; // 1 (a plain loop gives 0.9999999999999999)
 * ```
 */
export class CompensatedSum {
  /** The sum so far. */
  value = 0;
  private compensation = 0;

  /** Add one term. */
  add(term: number): void {
    const y = term - this.compensation;
    const sum = this.value + y;
    this.compensation = sum - this.value - y;
    this.value = sum;
  }
}

/**
 * The compensated sum of `values[i] · scale` (the area under a series sampled
 * every `scale` days, for instance).
 *
 * @example
 * ```ts
 * compensatedSum([1, 2, 3], 0.5); // 3
 * ```
 */
export function compensatedSum(values: ArrayLike<number>, scale = 1): number {
  const total = new CompensatedSum();
  for (let i = 0; i < values.length; i++) total.add(values[i]! * scale);
  return total.value;
}

/**
 * Running compensated sums side by side: `sums[i]` with its compensation in
 * `compensations[i]`, for many totals kept at once (one per Monte Carlo run).
 * The same arithmetic as {@link CompensatedSum}.
 */
export function addCompensated(sums: Float64Array, compensations: Float64Array, i: number, term: number): void {
  const y = term - compensations[i]!;
  const sum = sums[i]! + y;
  compensations[i] = sum - sums[i]! - y;
  sums[i] = sum;
}
