/**
 * The residual checks: Ljung–Box as its definition and SciPy's χ² give it; a
 * trend, a bend and a spread that follows the level each caught; and white
 * noise passing each check about 99% of the time (its 1% level).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import { ljungBox, residualChecks } from '../src/fit/diagnostics.js';
import { expectClose } from './helpers.js';

const reference = JSON.parse(readFileSync(new URL('./reference/statistics_values.json', import.meta.url), 'utf8')) as {
  ljungBox: { series: number[]; lags: number; q: number; p: number };
  residualChecks: { residuals: number[]; periods: number[]; fitted: number[]; drift: [number, number]; spread: [number, number] };
};

const random = randomStream('diagnostics', 0);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const periods = Array.from({ length: 150 }, (_, k) => k);

describe('residual checks', () => {
  it('Ljung–Box Q and its p-value as the definition gives them', () => {
    const { series, lags, q, p } = reference.ljungBox;
    const check = ljungBox(series, lags);
    expectClose(check.statistic, q, 1e-12);
    expectClose(check.pValue, p, 1e-10);
    expect(check.passed).toBe(p >= 0.01);
  });

  it('the drift and spread F tests as least squares and SciPy give them, over uneven periods', () => {
    const { residuals, periods: at, fitted, drift, spread } = reference.residualChecks;
    const c = residualChecks(residuals, at, fitted);
    expectClose(c.drift.statistic, drift[0], 1e-9);
    expectClose(c.drift.pValue, drift[1], 1e-9);
    expectClose(c.spread.statistic, spread[0], 1e-9);
    expectClose(c.spread.pValue, spread[1], 1e-9);
    expect(c.drift.passed).toBe(drift[1] >= 0.01);
    expect(c.autocorrelation.lags).toBe(10);
    expect(residualChecks(residuals.slice(0, 24), at.slice(0, 24), fitted.slice(0, 24)).autocorrelation.lags).toBe(4); // n/5 lags for short series
  });

  it('a p-value exactly at 1% fails, and a flat or too short series passes rather than dividing by zero', () => {
    expect(ljungBox([1, 1, 1, 1, 1, 1], 2)).toMatchObject({ statistic: 0, pValue: 1, passed: true });
    const tiny = residualChecks([0.1, -0.2, 0.3], [0, 1, 2], [1, 2, 3]);
    expect(tiny.drift).toMatchObject({ statistic: 0, pValue: 1, passed: true });
    const exact = residualChecks([1, -1, 1, -1, 1, -1, 1, -1], [0, 1, 2, 3, 4, 5, 6, 7], [5, 5, 5, 5, 5, 5, 5, 5]);
    expect(exact.spread.passed).toBe(true); // squared residuals all 1: no spread to explain
  });

  it('white noise passes each check at about its 1% level', () => {
    let failed = { autocorrelation: 0, drift: 0, spread: 0 };
    for (let s = 0; s < 400; s++) {
      const r = periods.map(() => normal());
      const fitted = periods.map((k) => 100 + 50 * Math.sin(k / 9));
      const c = residualChecks(r, periods, fitted);
      failed = { autocorrelation: failed.autocorrelation + +!c.autocorrelation.passed, drift: failed.drift + +!c.drift.passed, spread: failed.spread + +!c.spread.passed };
    }
    for (const count of Object.values(failed)) expect(count).toBeLessThanOrEqual(12); // 1% of 400 is 4; 12 is far in the tail
  });

  it('catches a trend, a bend, autocorrelation and noise that grows with the level', () => {
    const fitted = periods.map((k) => 100 + 50 * Math.sin(k / 9));
    const trend = residualChecks(periods.map((k) => normal() + k / 60), periods, fitted);
    expect(trend.drift.passed).toBe(false);
    const bend = residualChecks(periods.map((k) => normal() + ((k - 75) / 40) ** 2), periods, fitted);
    expect(bend.drift.passed).toBe(false);
    let previous = 0;
    const correlated = residualChecks(periods.map(() => (previous = 0.6 * previous + normal())), periods, fitted);
    expect(correlated.autocorrelation.passed).toBe(false);
    const spread = residualChecks(periods.map((k) => normal() * (fitted[k]! / 100) ** 2), periods, fitted);
    expect(spread.spread.passed).toBe(false);
  });

  it('reads gaps in the periods as time: a trend over uneven periods is still a trend', () => {
    const uneven = periods.filter((k) => k % 3 !== 1);
    const r = uneven.map((k) => normal() + k / 60);
    expect(residualChecks(r, uneven, uneven.map(() => 100)).drift.passed).toBe(false);
  });
});
