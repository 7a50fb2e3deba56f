/**
 * The sampling distributions behind the fit's intervals and checks — Student's
 * t, F and χ² tails and quantiles, and the incomplete beta function under them
 * — against SciPy (values in test/reference/statistics_values.json, made by
 * test/reference/statistics_values.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betaIncomplete } from '../src/numerics/special.js';
import { chiSquareQuantile, chiSquareSurvival, fSurvival, studentQuantile, studentSurvival } from '../src/numerics/statistics.js';
import { expectClose } from './helpers.js';

const reference = JSON.parse(readFileSync(new URL('./reference/statistics_values.json', import.meta.url), 'utf8')) as Record<string, number[][]>;

describe('the incomplete beta function', () => {
  it.each(reference.betaIncomplete!)('I_%f(%f, %f) as SciPy gives it', (a, b, x, expected) => {
    expectClose(betaIncomplete(a!, b!, x!), expected!, 1e-12);
  });

  it('is 0 and 1 at the ends and symmetric: I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(betaIncomplete(2, 3, 0)).toBe(0);
    expect(betaIncomplete(2, 3, 1)).toBe(1);
    for (const x of [0.1, 0.5, 0.83]) expectClose(betaIncomplete(2.5, 7, x), 1 - betaIncomplete(7, 2.5, 1 - x), 1e-13);
  });
});

describe("Student's t, F and χ²", () => {
  it.each(reference.studentSurvival!)('P(T > %f) with %f degrees of freedom', (t, nu, expected) => {
    expectClose(studentSurvival(t!, nu!), expected!, 1e-11);
  });
  it.each(reference.studentQuantile!)('the %f quantile of t with %f degrees of freedom', (p, nu, expected) => {
    expectClose(studentQuantile(p!, nu!), expected!, 1e-10);
  });
  it.each(reference.fSurvival!)('P(F > %f) with (%f, %f) degrees of freedom', (f, d1, d2, expected) => {
    expectClose(fSurvival(f!, d1!, d2!), expected!, 1e-11);
  });
  it.each(reference.chiSquareSurvival!)('P(χ² > %f) with %f degrees of freedom', (x, df, expected) => {
    expectClose(chiSquareSurvival(x!, df!), expected!, 1e-11);
  });
  it.each(reference.chiSquareQuantile!)('the %f quantile of χ² with %f degrees of freedom', (p, df, expected) => {
    expectClose(chiSquareQuantile(p!, df!), expected!, 1e-10);
  });

  it('gives the median of t as 0 and an F tail of 1 at or below 0', () => {
    expect(studentQuantile(0.5, 7)).toBe(0);
    expect(fSurvival(0, 2, 5)).toBe(1);
    expect(fSurvival(-1, 2, 5)).toBe(1);
  });
});
