/**
 * Standard errors of a least-squares fit from its Jacobian at the optimum:
 * the square roots of the diagonal of σ²(JᵀJ)⁻¹ with σ² = SSR / (n − q),
 * inverted in correlation form (columns scaled to unit norm) so that
 * parameters of very different sizes keep the system well conditioned.
 * A column the data do not move gets an infinite standard error.
 *
 * Reference: G. A. F. Seber and C. J. Wild, *Nonlinear Regression* (1989), §2.1.
 *
 * @internal
 * @module
 */
import { gram, linearAlgebra } from './linear-algebra.js';

/** One standard error per column of `J` (rows: observations), from the fit's sum of squared residuals `ssr`. */
export function standardErrors(J: readonly (readonly number[])[], ssr: number): number[] {
  const n = J.length;
  const q = J[0]?.length ?? 0;
  const sigma2 = ssr / Math.max(1, n - q);
  const JtJ = gram(J, q);
  const norms = JtJ.map((row, a) => Math.sqrt(row[a]!));
  const largest = Math.max(...norms);
  const active = norms.map((v) => v > 1e-9 * largest);
  const errors = new Array<number>(q).fill(Infinity);
  const idx = active.map((a, i) => (a ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return errors;
  const scaled = idx.map((a) => idx.map((b) => JtJ[a]![b]! / (norms[a]! * norms[b]!)));
  try {
    const inverse = linearAlgebra().inv(scaled);
    idx.forEach((a, i) => {
      const variance = (sigma2 * inverse[i]![i]!) / (norms[a]! * norms[a]!);
      errors[a] = variance > 0 ? Math.sqrt(variance) : Infinity;
    });
  } catch {
    // singular: every standard error stays infinite
  }
  return errors;
}
