"""Reference values for test/kernels.test.ts and test/response.test.ts.

Each function restates a peer library's published formula with numpy/scipy, so
the TypeScript implementation is checked against an independent computation:
- PyMC-Marketing, pymc_marketing/mmm/transformers.py (geometric_adstock,
  delayed_adstock, weibull_adstock, logistic_saturation,
  inverse_scaled_logistic_saturation, tanh_saturation, michaelis_menten);
- Meridian, meridian/model/adstock_hill.py (geometric and binomial decay,
  window = max_lag + 1, normalised);
- the gamma/Erlang lag discretised as the probability of each step,
  scipy.stats.gamma.cdf(l + 1) - cdf(l).

Run: python3 test/reference/pymc_formulas.py   (numpy, scipy)
"""
import json
import numpy as np
from scipy import stats

x = np.array([0.3, 1.2, 0.0, 2.5, 0.7, 0.0, 0.0, 1.9, 0.4, 3.1, 0.0, 0.8])


def convolve(x, w):
    """y_t = sum_l w_l x_{t-l} with zeros before the series (PyMC ConvMode.After)."""
    return [float(sum(w[l] * x[t - l] for l in range(len(w)) if t - l >= 0)) for t in range(len(x))]


out = {}
# PyMC geometric_adstock: w = alpha ** arange(l_max); our maxLag = l_max - 1.
w = 0.6 ** np.arange(5)
out["geometric_a0.6_L4"] = convolve(x, w)
out["geometric_a0.6_L4_norm"] = convolve(x, w / w.sum())
# PyMC delayed_adstock: w = alpha ** ((arange(l_max) - theta) ** 2).
w = 0.7 ** ((np.arange(8) - 2.5) ** 2)
out["delayed_a0.7_t2.5_L7"] = convolve(x, w)
out["delayed_a0.7_t2.5_L7_norm"] = convolve(x, w / w.sum())
# PyMC weibull_adstock PDF: t = arange(l_max) + 1, pdf rescaled by min-max.
t = np.arange(10) + 1
pdf = stats.weibull_min.pdf(t, 1.8, scale=4.0)
out["weibull_pdf_k1.8_lam4_L9_weights"] = list((pdf - pdf.min()) / (pdf.max() - pdf.min()))
# PyMC weibull_adstock CDF with l_max = 9: w = cumprod([1, 1 - cdf(1..9)]), 10 weights.
t = np.arange(9) + 1
surv = 1 - stats.weibull_min.cdf(t, 0.9, scale=3.0)
out["weibull_cdf_k0.9_lam3_L9_weights"] = list(np.cumprod(np.concatenate([[1.0], surv])))
out["weibull_cdf_k0.9_lam3_L9"] = convolve(x, np.array(out["weibull_cdf_k0.9_lam3_L9_weights"]))
# Meridian binomial decay: (1 - l / window) ** (1 / alpha - 1), window = max_lag + 1.
w = (1 - np.arange(6) / 6) ** (1 / 0.3 - 1)
out["binomial_a0.3_L5_norm_weights"] = list(w / w.sum())
# PyMC-Marketing binomial_adstock, its own test cases (tests/mmm/test_transformers.py, test_binomial_adstock):
# l_max weights (1 - l / (l_max + 1)) ** (1 / alpha - 1), l = 0 .. l_max - 1; our maxLag = l_max - 1.
cases = []
for xs, alpha, l_max in [
    (np.ones(100), 0.3, 10),
    (np.ones(100), 0.7, 100),
    (np.zeros(100), 0.2, 5),
    (np.ones(100), 0.5, 7),
    (np.linspace(0.0, 1.0, 50), 0.8, 3),
    (np.linspace(0.0, 1.0, 50), 0.8, 50),
]:
    w = (1 - np.arange(l_max) / (l_max + 1)) ** (1 / alpha - 1)
    y = convolve(xs[:3], w)
    cases.append({"x": list(xs[:3]), "alpha": alpha, "l_max": l_max, "y": y})
out["binomial_pymc_test_cases"] = cases
# Gamma / Erlang discretised: mass of gamma(shape, scale = mean / shape) in [l, l+1).
def gamma_mass(shape, mean, n):
    c = stats.gamma.cdf(np.arange(n + 1), shape, scale=mean / shape)
    return list(np.diff(c))
out["erlang_n3_mean6_L14_weights"] = gamma_mass(3, 6.0, 15)
out["gamma_k2.5_mean8_L20_weights"] = gamma_mass(2.5, 8.0, 21)
out["gamma_k0.7_mean3_L10_weights"] = gamma_mass(0.7, 3.0, 11)
# Saturation curves at these inputs.
s = np.array([0.0, 0.1, 0.5, 1.0, 2.0, 7.5])
out["logistic_lam1.7"] = list((1 - np.exp(-1.7 * s)) / (1 + np.exp(-1.7 * s)))
out["inv_scaled_logistic_lam0.6"] = list((1 - np.exp(-s * np.log(3) / 0.6)) / (1 + np.exp(-s * np.log(3) / 0.6)))
out["tanh_b2_c0.5"] = list(2 * np.tanh(s / (2 * 0.5)))
out["michaelis_menten_a3_lam0.8"] = list(3 * s / (0.8 + s))
out["hill_K0.6_s1.6"] = list(s ** 1.6 / (s ** 1.6 + 0.6 ** 1.6))
print(json.dumps({"x": list(x), "s": list(s), **out}, indent=1))
