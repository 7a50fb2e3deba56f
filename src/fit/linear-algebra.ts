/**
 * The linear algebra of the fits — solving a small system, inverting a small
 * matrix — with mathjs, loaded on first use so that importing the library
 * stays light. Only at the edges of a fit (once per iteration), never per step.
 *
 * @internal
 * @module
 */
import { create, invDependencies, lusolveDependencies } from 'mathjs';

/** Solve and invert small dense systems (rows of numbers). */
export interface LinearAlgebra {
  /** x with A·x = b, as a column (one row per unknown). @throws for a singular A */
  lusolve(a: number[][], b: number[]): number[][];
  /** A⁻¹. @throws for a singular A */
  inv(a: number[][]): number[][];
}

let algebra: LinearAlgebra | undefined;

/** The solver, made once. */
export function linearAlgebra(): LinearAlgebra {
  if (algebra === undefined) {
    const math = create({ lusolveDependencies, invDependencies } as NonNullable<Parameters<typeof create>[0]>);
    algebra = {
      lusolve: (a, b) => math.lusolve(a, b) as unknown as number[][],
      inv: (a) => math.inv(a) as unknown as number[][],
    };
  }
  return algebra;
}

/** JᵀJ of a Jacobian given as rows (one per observation). */
export function gram(J: readonly (readonly number[])[], p: number): number[][] {
  return Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => J.reduce((s, row) => s + row[a]! * row[b]!, 0)));
}
