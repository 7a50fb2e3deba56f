/**
 * Checks of a fit against its own residuals: whether what is left over looks
 * like the noise the likelihood assumes. Each check is a test at the 1% level
 * on the standardised residuals in the order of their periods (gaps skipped):
 *
 * - **autocorrelation**: Ljung–Box over the first h = min(10, ⌊n/5⌋) lags,
 *   $Q = n(n+2)\sum_{k=1}^{h} \hat\rho_k^2/(n-k) \sim \chi^2_h$;
 * - **drift**: the residuals regressed on time (a line and a parabola), the F
 *   test of the two slopes — a trend or a bend the model cannot make;
 * - **spread**: the squared residuals regressed on the log of the fitted level
 *   (a Breusch–Pagan test) — noise that grows or shrinks with the level is the
 *   wrong likelihood.
 *
 * References: G. M. Ljung and G. E. P. Box, "On a measure of lack of fit in
 * time series models", *Biometrika* 65 (1978); T. S. Breusch and A. R. Pagan,
 * "A simple test for heteroscedasticity and random coefficient variation",
 * *Econometrica* 47 (1979).
 *
 * @internal
 * @module
 */
import { chiSquareSurvival, fSurvival } from '../numerics/statistics.js';

/** One check: its statistic, its p-value and whether it passed at the 1% level. */
export interface ResidualCheck {
  /** The test statistic (Ljung–Box Q, or an F ratio). */
  readonly statistic: number;
  /** Its p-value under the hypothesis that the model fits. */
  readonly pValue: number;
  /** Whether the p-value is at or above the checks’ level, 0.01. */
  readonly passed: boolean;
}

/** The residual checks of a fit. */
export interface ResidualChecks {
  /** Ljung–Box: are successive residuals correlated (a shape the model misses)? */
  readonly autocorrelation: ResidualCheck & {
    /** The number of lags tested. */
    readonly lags: number;
  };
  /** Does the residuals' level drift between the history's first and last thirds (a trend)? */
  readonly drift: ResidualCheck;
  /** Does their spread change between the first and last thirds? */
  readonly spread: ResidualCheck;
}

/** The level of every check. */
export const CHECK_LEVEL = 0.01;

function check(statistic: number, pValue: number): ResidualCheck {
  return { statistic, pValue, passed: !(pValue < CHECK_LEVEL) };
}

/** Ljung–Box on residuals in time order. */
export function ljungBox(r: readonly number[], lags: number): ResidualCheck & { readonly lags: number } {
  const n = r.length;
  const mean = r.reduce((s, v) => s + v, 0) / n;
  const c0 = r.reduce((s, v) => s + (v - mean) ** 2, 0);
  let q = 0;
  for (let k = 1; k <= lags; k++) {
    let ck = 0;
    for (let t = k; t < n; t++) ck += (r[t]! - mean) * (r[t - k]! - mean);
    const rho = c0 > 0 ? ck / c0 : 0;
    q += (rho * rho) / (n - k);
  }
  q *= n * (n + 2);
  return { ...check(q, chiSquareSurvival(q, lags)), lags };
}

/** Least squares of y on the columns of X (an intercept included by the caller): the residual sum of squares. */
function residualSumOfSquares(X: readonly (readonly number[])[], y: readonly number[]): number {
  // Normal equations by Gram–Schmidt on the columns (three at most): stable enough here.
  const q: number[][] = [];
  let rest = y.slice();
  for (const column of X) {
    let v = column.slice();
    for (const e of q) {
      const dot = v.reduce((s, x, i) => s + x * e[i]!, 0);
      v = v.map((x, i) => x - dot * e[i]!);
    }
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    if (norm < 1e-12) continue;
    const e = v.map((x) => x / norm);
    q.push(e);
    const dot = rest.reduce((s, x, i) => s + x * e[i]!, 0);
    rest = rest.map((x, i) => x - dot * e[i]!);
  }
  return rest.reduce((s, x) => s + x * x, 0);
}

/** F test that the slopes on `columns` (beyond an intercept) are zero. */
function slopesTest(columns: readonly (readonly number[])[], y: readonly number[]): ResidualCheck {
  const n = y.length;
  const ones = y.map(() => 1);
  const restricted = residualSumOfSquares([ones], y);
  const full = residualSumOfSquares([ones, ...columns], y);
  const d1 = columns.length;
  const d2 = n - d1 - 1;
  if (d2 < 1 || !(full > 0)) return check(0, 1);
  const f = (Math.max(restricted - full, 0) / d1) / (full / d2);
  return check(f, fSurvival(f, d1, d2));
}

/**
 * The checks on standardised residuals `r` at the observed `periods`, with the fitted levels `fitted`.
 */
export function residualChecks(r: readonly number[], periods: readonly number[], fitted: readonly number[]): ResidualChecks {
  const n = r.length;
  const first = periods[0]!;
  const last = periods[n - 1]!;
  const t = periods.map((k) => (last > first ? (2 * (k - first)) / (last - first) - 1 : 0));
  const lags = Math.max(1, Math.min(10, Math.floor(n / 5)));
  const level = fitted.map((v) => Math.log(Math.max(v, 1e-300)));
  return {
    autocorrelation: ljungBox(r, lags),
    drift: slopesTest([t, t.map((x) => 1.5 * x * x - 0.5)], r),
    spread: slopesTest([level], r.map((v) => v * v)),
  };
}
