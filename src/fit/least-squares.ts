/**
 * Nonlinear least squares by Levenberg–Marquardt with Marquardt's scaling of
 * the damping (the diagonal of JᵀJ), Nielsen's update of it (less damping the
 * better the linear model predicted a step) and forward-difference Jacobians, in
 * unconstrained coordinates (`transform.ts` maps bounded parameters to them):
 * only a coordinate run out to ±`limit` (a parameter at its bound to 10⁻¹³)
 * is held there.
 *
 * $$ (J^\top J + \lambda\,\mathrm{diag}(J^\top J))\,\delta = -J^\top r $$
 *
 * References: K. Levenberg (1944), D. W. Marquardt (1963); H. B. Nielsen,
 * "Damping parameter in Marquardt's method", IMM-REP-1999-05 (1999); as in
 * mljs/levenberg-marquardt, split the same way (options, step, driver).
 *
 * @internal
 * @module
 */
import { gram, linearAlgebra } from './linear-algebra.js';
import { AT_BOUND } from './transform.js';

/** Residuals at some parameters (one per observation), or `null` where the model does not accept them. */
export type ResidualFunction = (theta: readonly number[]) => readonly number[] | null;

/** A least-squares problem in unconstrained coordinates: where to start and when to stop. */
export interface LeastSquaresProblem<R extends { readonly r: readonly number[] }> {
  /** The residuals and whatever comes with them, or `null` where the model does not accept the parameters. */
  readonly evaluate: (theta: readonly number[]) => R | null;
  readonly start: readonly number[];
  /** `evaluate(start)`, which the caller has already checked. */
  readonly atStart: R;
  readonly maxIterations: number;
  /** Stop when a step lowers the sum of squares by less than this share of it. @defaultValue 1e-12 */
  readonly tolerance?: number;
  /** How far a coordinate may run. @defaultValue {@link AT_BOUND} */
  readonly limit?: number;
}

/** Where the solver stopped. */
export interface LeastSquaresSolution<R> {
  readonly theta: number[];
  /** The evaluation at `theta`. */
  readonly at: R;
  /** The sum of squared residuals there. */
  readonly ssr: number;
  readonly iterations: number;
  /** Whether it stopped because no step improved the fit any more (rather than running out of iterations). */
  readonly converged: boolean;
}

/** Σ r². */
export function sumOfSquares(r: readonly number[]): number {
  return r.reduce((s, v) => s + v * v, 0);
}

/**
 * Forward differences of `f` (one value per observation) in each parameter,
 * stepping inwards at an upper bound; a column where `f` refuses the shifted
 * parameters is zero. Rows are observations.
 */
export function forwardJacobian(
  theta: readonly number[],
  f0: readonly number[],
  f: ResidualFunction,
  bounds: readonly (readonly [number, number])[],
  typical: readonly number[],
): number[][] {
  const columns = theta.map((v, i) => {
    let h = 1e-6 * Math.max(Math.abs(v), typical[i]!);
    if (v + h > bounds[i]![1]) h = -h;
    const shifted = theta.slice();
    shifted[i] = v + h;
    const fh = f(shifted);
    if (fh === null) return f0.map(() => 0);
    return fh.map((x, j) => (x - f0[j]!) / h);
  });
  return f0.map((_, j) => columns.map((c) => c[j]!));
}

/** The drop in the sum of squares the undamped (Gauss–Newton) step promises, Jᵀr · (JᵀJ)⁻¹ Jᵀr; Infinity when JᵀJ is singular. */
function gaussNewtonGain(JtJ: number[][], Jtr: readonly number[]): number {
  try {
    const step = linearAlgebra().lusolve(JtJ, Jtr.slice()).map((row) => row[0]!);
    const gain = step.reduce((s, v, i) => s + v * Jtr[i]!, 0);
    return Number.isFinite(gain) && gain >= 0 ? gain : Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * Minimise the sum of squared residuals from `start`. It has converged when a
 * step no longer lowers the sum by `tolerance` of it, when even the undamped
 * step promises less than that, or when no damping finds a lower sum (a
 * minimum to the precision of the differences).
 */
export function levenbergMarquardt<R extends { readonly r: readonly number[] }>(problem: LeastSquaresProblem<R>): LeastSquaresSolution<R> {
  const { evaluate, maxIterations } = problem;
  const tolerance = problem.tolerance ?? 1e-12;
  const limit = problem.limit ?? AT_BOUND;
  const bounds = problem.start.map((): [number, number] => [-limit, limit]);
  const typical = problem.start.map(() => 1);
  const clamp = (v: number): number => Math.min(limit, Math.max(-limit, v));
  const residuals: ResidualFunction = (theta) => evaluate(theta)?.r ?? null;
  let theta = problem.start.slice();
  let current = problem.atStart;
  let ssr = sumOfSquares(current.r);
  let lambda = 1e-3;
  let growth = 2;
  let iterations = 0;
  let converged = false;
  const { lusolve } = linearAlgebra();
  for (; iterations < maxIterations; iterations++) {
    const J = forwardJacobian(theta, current.r, residuals, bounds, typical);
    const p = theta.length;
    const JtJ = gram(J, p);
    const Jtr = Array.from({ length: p }, (_, a) => J.reduce((s, row, j) => s + row[a]! * current!.r[j]!, 0));
    if (gaussNewtonGain(JtJ, Jtr) < tolerance * ssr) {
      converged = true; // even the undamped step could not lower the sum by the tolerance: at the minimum
      break;
    }
    let improved = false;
    for (let attempt = 0; attempt < 20 && !improved; attempt++) {
      const A = JtJ.map((row, a) => row.map((v, b) => (a === b ? v + lambda * Math.max(v, 1e-30) : v)));
      let delta: number[];
      try {
        delta = lusolve(A, Jtr.map((v) => -v)).map((row) => row[0]!);
      } catch {
        lambda *= growth;
        growth *= 2;
        continue;
      }
      const candidate = theta.map((v, i) => clamp(v + delta[i]!));
      const next = evaluate(candidate);
      const nextSsr = next === null ? Infinity : sumOfSquares(next.r);
      if (nextSsr < ssr) {
        // Nielsen's update: damp less the better the linear model predicted the drop.
        const predicted = -delta.reduce((t, d, a) => t + d * (2 * Jtr[a]! + JtJ[a]!.reduce((u, v, b) => u + v * delta[b]!, 0)), 0);
        const rho = predicted > 0 ? (ssr - nextSsr) / predicted : 0;
        const relativeDrop = (ssr - nextSsr) / Math.max(ssr, 1e-300);
        const relativeStep = Math.max(...candidate.map((v, i) => Math.abs(v - theta[i]!) / Math.max(Math.abs(v), typical[i]!)));
        theta = candidate;
        current = next!;
        ssr = nextSsr;
        lambda = Math.max(lambda * Math.max(1 / 3, 1 - (2 * rho - 1) ** 3), 1e-12);
        growth = 2;
        improved = true;
        if (relativeDrop < tolerance || relativeStep < 1e-10) converged = true;
      } else {
        lambda *= growth;
        growth *= 2;
      }
    }
    if (!improved || converged) {
      converged = true;
      break;
    }
  }
  return { theta, at: current, ssr, iterations, converged };
}
