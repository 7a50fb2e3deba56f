/**
 * The most likely parameters of a fit: Levenberg–Marquardt on the
 * likelihood's residuals in unconstrained coordinates, the scale solved at
 * every point, and for the negative binomial its size re-estimated between
 * solver runs until it settles (alternating, as R's `MASS::glm.nb` does).
 * One coordinate may be held at a value: the inner fits of a profile.
 *
 * @internal
 * @module
 */
import type { FitModel } from './fit-model.js';
import { levenbergMarquardt } from './least-squares.js';
import type { Likelihood, LikelihoodEvaluation } from './likelihood.js';

/** The likelihood at one point, with the model there. */
export interface FitPoint extends LikelihoodEvaluation {
  /** The model at the observed periods (unscaled). */
  readonly m: Float64Array;
}

/** A fit in free coordinates. */
export interface FreeFit {
  /** Every coordinate, a held one included. */
  readonly u: number[];
  /** The parameter values. */
  readonly theta: number[];
  readonly at: FitPoint;
  /** The likelihood at the end (its final size for the negative binomial). */
  readonly likelihood: Likelihood;
  readonly iterations: number;
  readonly converged: boolean;
}

/** How to fit. */
export interface FreeFitOptions {
  readonly maxIterations: number;
  /** Relative change of the sum of squares at which the solver stops. @defaultValue 1e-12 */
  readonly tolerance?: number;
  /** A coordinate held at a value (the others fitted). */
  readonly hold?: { readonly index: number; readonly value: number };
}

/** The point `u` under `likelihood`, or null where the model or the data refuse it. */
export function evaluateAt(model: FitModel, likelihood: Likelihood, u: readonly number[]): FitPoint | null {
  const m = model.observed(model.values(u));
  if (m === null) return null;
  const at = likelihood.evaluate(m);
  return at === null ? null : { ...at, m };
}

/** Most rounds of re-estimating the negative binomial's size. */
const SIZE_ROUNDS = 8;

/**
 * Fit from `start` (free coordinates, a held one included); null if the start is refused.
 */
export function fitFree(model: FitModel, likelihood: Likelihood, start: readonly number[], options: FreeFitOptions): FreeFit | null {
  const { hold } = options;
  const full = (free: readonly number[]): number[] => {
    if (hold === undefined) return free.slice();
    const u = free.slice();
    u.splice(hold.index, 0, hold.value);
    return u;
  };
  const free = hold === undefined ? start.slice() : start.filter((_, i) => i !== hold.index);
  let current = likelihood;
  let u = full(free);
  const first = evaluateAt(model, current, u);
  if (first === null) return null;
  let at: FitPoint = first;
  let iterations = 0;
  let converged = false;
  for (let round = 0; round < SIZE_ROUNDS; round++) {
    const like = current;
    if (free.length > 0) {
      const solution = levenbergMarquardt<FitPoint>({
        evaluate: (f) => evaluateAt(model, like, full(f)),
        start: hold === undefined ? u : u.filter((_, i) => i !== hold.index),
        atStart: at,
        maxIterations: Math.max(1, options.maxIterations - iterations),
        ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
      });
      u = full(solution.theta);
      at = solution.at;
      iterations += solution.iterations;
      converged = solution.converged;
    } else converged = true;
    if (like.name !== 'negative-binomial') break;
    const size = like.noiseAt(at.m, at.scale);
    const settled = Math.abs(Math.log(size / like.size)) < 1e-3;
    current = like.withSize(size);
    at = evaluateAt(model, current, u) ?? at;
    if (settled) break;
    if (round === SIZE_ROUNDS - 1 || iterations >= options.maxIterations) {
      converged = false;
      break;
    }
  }
  return { u, theta: model.values(u), at, likelihood: current, iterations, converged };
}
