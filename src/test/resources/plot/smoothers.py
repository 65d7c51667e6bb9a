"""Reference curves for SmoothersIT: reads {"kde": [[...], ...], "lowess": [{"x": [...], "y": [...]}, ...],
"grid": n, "cut": c} on stdin and prints scipy's gaussian_kde (Scott's bandwidth, as seaborn's
violins) on seaborn's grid and statsmodels' lowess (frac 2/3, it 3, delta 1 % of the x range,
as R's lowess) as JSON. Run with Debian's python3."""
import json
import sys

import numpy as np
from scipy.stats import gaussian_kde
from statsmodels.nonparametric.smoothers_lowess import lowess

req = json.load(sys.stdin)
out = {"kde": [], "lowess": []}
for values in req["kde"]:
    v = np.asarray(values, dtype=float)
    kde = gaussian_kde(v, bw_method="scott")
    bw = np.sqrt(kde.covariance.squeeze())
    grid = np.linspace(v.min() - req["cut"] * bw, v.max() + req["cut"] * bw, req["grid"])
    out["kde"].append({"bandwidth": float(bw), "grid": grid.tolist(), "density": kde(grid).tolist()})
for s in req["lowess"]:
    x, y = np.asarray(s["x"], dtype=float), np.asarray(s["y"], dtype=float)
    fit = lowess(y, x, frac=2.0 / 3.0, it=3, delta=0.01 * (x.max() - x.min()), return_sorted=True)
    out["lowess"].append({"x": fit[:, 0].tolist(), "y": fit[:, 1].tolist()})
json.dump(out, sys.stdout)
