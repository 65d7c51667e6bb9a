"""Reference values for AgreementTest and ScaleReliabilityTest, from statsmodels.

agreement LABELS.csv...: per file, long-format labels (item,rater,label; empty label = missing) ->
  JSON {fleiss_kappa (items every rater labelled), pairwise_cohen_kappa {"A|B": ...}}
omega DATA.csv...: per file, subjects x raters numbers -> JSON {loadings, omega_total} of a one-factor
  principal-axis fit (statsmodels Factor, method "pa", smc start) run to convergence
Prints one JSON list, an object per file.
"""
import json
import sys

import numpy as np
import pandas as pd
from statsmodels.multivariate.factor import Factor
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa


def agreement(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    raters = list(dict.fromkeys(df["rater"]))
    items = list(dict.fromkeys(df["item"]))
    rated = df[df["label"] != ""]
    cats = sorted(set(rated["label"]))
    code = {c: i for i, c in enumerate(cats)}
    wide = rated.pivot(index="item", columns="rater", values="label").reindex(index=items, columns=raters)
    complete = wide.dropna()
    out = {}
    if len(complete):
        table, _ = aggregate_raters(complete.applymap(code.get).to_numpy(dtype=int), n_cat=len(cats))
        out["fleiss_kappa"] = float(fleiss_kappa(table))
    pairs = {}
    for i, a in enumerate(raters):
        for b in raters[i + 1:]:
            both = wide[[a, b]].dropna()
            t = np.zeros((len(cats), len(cats)))
            for x, y in zip(both[a], both[b]):
                t[code[x], code[y]] += 1
            pairs[a + "|" + b] = float(cohens_kappa(t).kappa)
    out["pairwise_cohen_kappa"] = pairs
    return out


def omega(path):
    x = np.loadtxt(path, delimiter=",")
    res = Factor(x, n_factor=1, method="pa", smc=True).fit(maxiter=10000, tol=1e-14)
    lam = res.loadings[:, 0]
    if lam.sum() < 0:
        lam = -lam
    s = lam.sum()
    return {"loadings": lam.tolist(), "omega_total": float(s * s / (s * s + (1 - lam ** 2).sum()))}


if __name__ == "__main__":
    mode = {"agreement": agreement, "omega": omega}[sys.argv[1]]
    print(json.dumps([mode(path) for path in sys.argv[2:]]))
