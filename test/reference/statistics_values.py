"""Reference values for test/statistics.test.ts and test/diagnostics.test.ts, from SciPy.

Run: python3 test/reference/statistics_values.py > test/reference/statistics_values.json
"""
import json

import numpy as np
from scipy import special, stats

out = {
    "betaIncomplete": [[a, b, x, special.betainc(a, b, x)] for a, b, x in [(0.5, 0.5, 0.3), (2, 3, 0.4), (10, 0.5, 0.99), (50, 60, 0.45), (1, 1, 0.7), (0.1, 5, 0.01)]],
    "studentSurvival": [[t, nu, stats.t.sf(t, nu)] for t, nu in [(2, 5), (-1, 3), (0.5, 100), (4, 1), (1.96, 1e6)]],
    "studentQuantile": [[p, nu, stats.t.ppf(p, nu)] for p, nu in [(0.975, 10), (0.975, 1), (0.995, 153), (0.025, 30), (0.9, 2)]],
    "fSurvival": [[f, d1, d2, stats.f.sf(f, d1, d2)] for f, d1, d2 in [(3, 2, 10), (1, 1, 150), (7.5, 2, 153), (0.2, 5, 5)]],
    "chiSquareSurvival": [[x, df, stats.chi2.sf(x, df)] for x, df in [(3.841458820694124, 1), (18.3, 10), (0.5, 3), (100, 80)]],
    "chiSquareQuantile": [[p, df, stats.chi2.ppf(p, df)] for p, df in [(0.95, 1), (0.99, 10), (0.5, 3)]],
}

# Ljung–Box Q of a fixed series (lags 1..h), by its definition, for the diagnostics test.
x = np.sin(np.arange(40) * 0.7) + 0.1 * np.arange(40) % 3
n = len(x)
d = x - x.mean()
c0 = (d * d).sum()
h = 5
q = n * (n + 2) * sum(((d[k:] * d[:-k]).sum() / c0) ** 2 / (n - k) for k in range(1, h + 1))
out["ljungBox"] = {"series": x.tolist(), "lags": h, "q": q, "p": stats.chi2.sf(q, h)}

# The drift and spread tests of a fixed residual series, by least squares (numpy) and SciPy's F.
rng = np.random.default_rng(15)
r = rng.normal(size=60) + np.linspace(-0.5, 0.8, 60) ** 2
periods = np.array([k for k in range(70) if k % 7 != 3][:60], dtype=float)
fitted = 40 + 10 * np.sin(periods / 5)
t = 2 * (periods - periods[0]) / (periods[-1] - periods[0]) - 1
def f_test(columns, y):
    n = len(y)
    X0 = np.ones((n, 1))
    X1 = np.column_stack([np.ones(n)] + columns)
    rss = lambda X: float(np.sum((y - X @ np.linalg.lstsq(X, y, rcond=None)[0]) ** 2))
    d1, d2 = len(columns), n - len(columns) - 1
    f = ((rss(X0) - rss(X1)) / d1) / (rss(X1) / d2)
    return f, float(stats.f.sf(f, d1, d2))
drift = f_test([t, 1.5 * t * t - 0.5], r)
spread = f_test([np.log(fitted)], r * r)
out["residualChecks"] = {"residuals": r.tolist(), "periods": periods.tolist(), "fitted": fitted.tolist(), "drift": drift, "spread": spread}
print(json.dumps(out, indent=1))
