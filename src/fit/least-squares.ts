/**
 * Bounded nonlinear least squares by Levenberg–Marquardt with Marquardt's
 * scaling of the damping (the diagonal of JᵀJ) and forward-difference
 * Jacobians; steps that leave the bounds are clamped back into them.
 *
 * $$ (J^\top J + \lambda\,\mathrm{diag}(J^\top J))\,\delta = -J^\top r $$
 *
 * References: K. Levenberg (1944), D. W. Marquardt (1963); as in
 * mljs/levenberg-marquardt, split the same way (options, step, driver).
 *
 * @internal
 * @module
 */
import { gram, linearAlgebra } from './linear-algebra.js';

/** Residuals at some parameters (one per observation), or `null` where the model does not accept them. */
export type ResidualFunction = (theta: readonly number[]) => readonly number[] | null;

/** A least-squares problem: where to start, the bounds, and the scale of each parameter for step sizes. */
export interface LeastSquaresProblem<R extends { readonly r: readonly number[] }> {
  /** The residuals and whatever comes with them, or `null` where the model does not accept the parameters. */
  readonly evaluate: (theta: readonly number[]) => R | null;
  readonly start: readonly number[];
  /** `evaluate(start)`, which the caller has already checked. */
  readonly atStart: R;
  readonly bounds: readonly (readonly [number, number])[];
  /** A typical size of each parameter, for finite-difference steps and convergence. */
  readonly typical: readonly number[];
  readonly maxIterations: number;
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

/**
 * Minimise the sum of squared residuals within the bounds, from `start`.
 */
export function levenbergMarquardt<R extends { readonly r: readonly number[] }>(problem: LeastSquaresProblem<R>): LeastSquaresSolution<R> {
  const { evaluate, bounds, typical, maxIterations } = problem;
  const clamp = (v: number, i: number): number => Math.min(bounds[i]![1], Math.max(bounds[i]![0], v));
  const residuals: ResidualFunction = (theta) => evaluate(theta)?.r ?? null;
  let theta = problem.start.slice();
  let current = problem.atStart;
  let ssr = sumOfSquares(current.r);
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  const { lusolve } = linearAlgebra();
  for (; iterations < maxIterations; iterations++) {
    const J = forwardJacobian(theta, current.r, residuals, bounds, typical);
    const p = theta.length;
    const JtJ = gram(J, p);
    const Jtr = Array.from({ length: p }, (_, a) => J.reduce((s, row, j) => s + row[a]! * current!.r[j]!, 0));
    let improved = false;
    for (let attempt = 0; attempt < 20 && !improved; attempt++) {
      const A = JtJ.map((row, a) => row.map((v, b) => (a === b ? v + lambda * Math.max(v, 1e-30) : v)));
      let delta: number[];
      try {
        delta = lusolve(A, Jtr.map((v) => -v)).map((row) => row[0]!);
      } catch {
        lambda *= 10;
        continue;
      }
      const candidate = theta.map((v, i) => clamp(v + delta[i]!, i));
      const next = evaluate(candidate);
      const nextSsr = next === null ? Infinity : sumOfSquares(next.r);
      if (nextSsr < ssr) {
        const relativeDrop = (ssr - nextSsr) / Math.max(ssr, 1e-300);
        const relativeStep = Math.max(...candidate.map((v, i) => Math.abs(v - theta[i]!) / Math.max(Math.abs(v), typical[i]!)));
        theta = candidate;
        current = next!;
        ssr = nextSsr;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = true;
        if (relativeDrop < 1e-12 || relativeStep < 1e-10) converged = true;
      } else {
        lambda *= 10;
      }
    }
    if (!improved || converged) {
      converged = true;
      break;
    }
  }
  return { theta, at: current, ssr, iterations, converged };
}
