"""Reference Sobol points from SciPy (unscrambled, first point skipped) for test/sobol-sequence.test.ts.

Run: python3 test/reference/sobol_points.py > test/reference/sobol_points.json
"""
import json
from scipy.stats import qmc
import warnings

warnings.simplefilter("ignore")
dims = 64
points = qmc.Sobol(d=dims, scramble=False).random(41)[1:]
long = qmc.Sobol(d=3, scramble=False).random(1025)[1:]
print(json.dumps({"dimensions": dims, "points": points.tolist(), "long": long[::37].tolist(), "longEvery": 37}))
