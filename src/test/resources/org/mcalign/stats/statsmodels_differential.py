"""Generated datasets with statsmodels' answers, for the differential test of `mcalign fit`.

Usage: /usr/bin/python3 statsmodels_differential.py OUT_DIR SEED

Writes OUT_DIR/NNN.csv for every case and OUT_DIR/cases.json: a list of cases, each with the
formula, the grouping column for mixed models, what the case exercises, pandas' dtypes of the
CSV's columns, and statsmodels' result (params, bse, nobs, df_resid; group_var, scale for mixed
models) or the error statsmodels raised. Everything is derived from SEED (recorded in
cases.json).

OLS answers are statsmodels' `smf.ols(formula, pd.read_csv(file)).fit()`. statsmodels inverts
singular values down to 1e-15*smax; where that differs from the pseudo-inverse with numpy's
rank tolerance smax*max(n, k)*eps (a null direction came out of its SVD above 1e-15*smax and
its numbers are noise), the case records the tolerance-pinv answer instead and says so in
`reference`. Mixed models are `smf.mixedlm(...).fit()` polished to the exact optimum (BFGS
from statsmodels' answer with gradient tolerance 1e-10), as the goldens are.
"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from statsmodels.regression.mixed_linear_model import MixedLMParams

warnings.simplefilter("ignore")
OUT, SEED = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(SEED)
cases = []


def noise(n, sd=1.0):
    return rng.normal(scale=sd, size=n)


def levels(prefix, k, n):
    return np.array(["%s%d" % (prefix, v) for v in rng.integers(0, k, n)], dtype=object)


def add(note, formula, data=None, text=None, groups=None, method="reml", unsupported=False):
    """One case: a DataFrame (written as pandas writes it) or raw CSV text; `unsupported`: fit refuses what patsy accepts."""
    cid = "%03d" % len(cases)
    path = os.path.join(OUT, cid + ".csv")
    if text is not None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        data.to_csv(path, index=False)
    case = {"id": cid, "csv": cid + ".csv", "formula": formula, "note": note, "groups": groups, "method": method,
            "unsupported": unsupported}
    try:
        frame = pd.read_csv(path)
        case["dtypes"] = {c: str(t) for c, t in frame.dtypes.items()}
        case["expect"] = mixed(formula, frame, groups, method) if groups else ols(formula, frame)
    except Exception as e:  # statsmodels (or pandas, patsy) refuses: fit must refuse clearly too
        case["expect"] = {"ok": False, "error": "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")}
    cases.append(case)


def ols(formula, frame):
    r = smf.ols(formula, frame).fit()
    x = r.model.exog
    n, k = x.shape
    out = {"ok": True, "nobs": int(r.nobs), "names": list(r.params.index), "reference": "statsmodels"}
    params, bse, df_resid = r.params.to_numpy(), r.bse.to_numpy(), float(r.df_resid)
    # the pseudo-inverse with numpy's rank tolerance, computed independently of statsmodels
    rank = np.linalg.matrix_rank(x)
    pinv = np.linalg.pinv(x, rcond=max(n, k) * np.finfo(float).eps)
    beta = pinv @ r.model.endog
    resid = r.model.endog - x @ beta
    ref_df = n - rank
    ref_bse = np.sqrt(np.diag(pinv @ pinv.T) * (resid @ resid) / ref_df) if ref_df > 0 else np.full(k, np.nan)
    scale_p = max(np.max(np.abs(beta)), 1e-300)
    if not (np.allclose(params, beta, rtol=1e-6, atol=1e-9 * scale_p) and rank == r.model.rank):
        params, bse, df_resid = beta, ref_bse, float(ref_df)
        out["reference"] = "pinv with numpy's rank tolerance (statsmodels' answer is noise here)"
    out.update(params=dict(zip(out["names"], params.tolist())), bse=dict(zip(out["names"], bse.tolist())),
               df_resid=df_resid, rank=int(rank))
    return out


def mixed(formula, frame, groups, method):
    reml = method == "reml"
    m = smf.mixedlm(formula, frame, groups=groups)
    r0 = m.fit(reml=reml)
    start = MixedLMParams.from_components(fe_params=r0.fe_params.to_numpy(), cov_re=r0.cov_re.to_numpy() / r0.scale)
    r = m.fit(reml=reml, start_params=start, method=["bfgs"], gtol=1e-10, maxiter=5000)
    if r.llf < r0.llf:
        r = r0
    names = list(r.params.index)
    return {"ok": True, "nobs": int(r.nobs), "names": names, "params": dict(zip(names, r.params.tolist())),
            "bse": dict(zip(names, r.bse.tolist())), "group_var": float(r.cov_re.iloc[0, 0]), "scale": float(r.scale),
            "llf": float(r.llf), "reference": "statsmodels, polished"}


def frame(**cols):
    return pd.DataFrame(cols)


# --- A. rank-deficient and structural designs -------------------------------------------------
for s in range(10):
    n = int(rng.integers(80, 400))
    ka = int(rng.integers(2, 5))
    a = levels("a", ka, n)
    b = np.array([v + "_" + w for v, w in zip(a, rng.choice(["u", "v", "w"][: 2 + s % 2], n))], dtype=object)
    add("b nested in a", "y ~ a + b", frame(a=a, b=b, y=noise(n)))
for s in range(5):
    n = int(rng.integers(50, 300))
    x = noise(n)
    add("duplicated column", "y ~ x + x2", frame(x=x, x2=x.copy(), y=1 + 0.4 * x + noise(n)))
for s in range(5):
    n = int(rng.integers(50, 300))
    x = rng.normal(size=n).round(3)
    add("column collinear with the intercept", "y ~ x + w", frame(x=x, w=2 * x - 1, y=x + noise(n)))
for s in range(5):
    n = int(rng.integers(60, 300))
    x, z = noise(n), noise(n)
    add("a column that is the sum of two others", "y ~ x + z + s", frame(x=x, z=z, s=x + z, y=x - z + noise(n)))
for s in range(5):
    rows = []
    for i in range(4):
        for j in range(2):
            for c in range(3):
                for _ in range(int(rng.integers(3, 9))):
                    rows.append(("a%d" % i, "a%d_%d" % (i, j), "c%d" % c))
    d = pd.DataFrame(rows, columns=["a", "b", "c"])
    d["y"] = noise(len(d))
    add("three-way interaction with empty cells", "y ~ b:c:a", d)
for s in range(5):
    n = int(rng.integers(200, 600))
    a, b = levels("a", 5, n), levels("b", 4, n)
    keep = ~((a == "a1") & (b == "b2")) & ~((a == "a3") & (b == "b0"))
    d = frame(a=a[keep], b=b[keep], y=noise(int(keep.sum())))
    add("two-way interaction with empty cells", "y ~ a*b", d)
for s in range(5):
    n = int(rng.integers(200, 500))
    a, b = levels("a", 3, n), levels("b", 3, n)
    keep = ~((a == "a0") & (b == "b1"))
    x = noise(n)
    add("numeric by empty-cell interaction", "y ~ x:a:b + a", frame(a=a[keep], b=b[keep], x=x[keep], y=noise(int(keep.sum()))))
for s in range(5):
    n = int(rng.integers(60, 200))
    a = levels("a", 4, n)
    y = noise(n)
    y[a == "a3"] = np.nan  # level a3 survives in patsy's levels but its rows are dropped: an all-zero column
    add("a level whose rows are all dropped (zero column)", "y ~ a + x", frame(a=a, x=noise(n), y=y))
for s in range(3):
    n = int(rng.integers(6, 12))
    add("fewer rows than coefficients", "y ~ a + x + z", frame(a=levels("a", 8, n), x=noise(n), z=noise(n), y=noise(n)))
for s in range(5):
    n = int(rng.integers(3000, 6000))
    a, b = levels("a", 15, n), levels("b", 10, n)
    keep = np.array([(int(u[1:]) * 3 + int(v[1:])) % 7 != 0 for u, v in zip(a, b)])
    x = noise(n)
    d = frame(a=a[keep], b=b[keep], x=x[keep], y=noise(int(keep.sum())) + 0.1 * x[keep])
    add("large interaction with empty cells (fast path)", "y ~ a*b" if s < 3 else "y ~ a*b + x:a", d)
for s in range(3):
    n = int(rng.integers(2000, 5000))
    a = levels("a", 40, n)
    x, z = noise(n), noise(n)
    add("large full-rank design (fast path)", "y ~ a + x + z + x:z", frame(a=a, x=x, z=z, y=x + noise(n)))
for s in range(3):
    n = int(rng.integers(100, 300))
    x = noise(n)
    add("nearly collinear but full rank", "y ~ x + w", frame(x=x, w=x + 1e-6 * noise(n), y=x + noise(n)))

# --- B. reading the CSV as pandas does ----------------------------------------------------------
NA = ["", "NA", "N/A", "NULL", "NaN", "nan", "null", "n/a", "#N/A", "<NA>", "-nan", "1.#QNAN"]
for s in range(10):
    n = int(rng.integers(60, 200))
    x = ["%.3f" % v for v in noise(n)]
    for i in rng.choice(n, size=int(rng.integers(1, 10)), replace=False):
        x[i] = NA[int(rng.integers(0, len(NA)))]
    a = levels("p", 2, n)
    text = "x,a,y\n" + "".join("%s,%s,%r\n" % (x[i], a[i], float(v)) for i, v in enumerate(noise(n)))
    add("pandas NA tokens in a numeric column", "y ~ x + a", text=text)
for tok in ["inf", "-Infinity", "Infinity"]:
    n = 40
    x = ["%.3f" % v for v in noise(n)]
    x[7] = tok
    text = "x,y\n" + "".join("%s,%r\n" % (x[i], float(v)) for i, v in enumerate(noise(n)))
    add("infinite value in a used column", "y ~ x", text=text)
for s in range(2):
    n = 40
    text = "x,unused,y\n" + "".join("%r,%s,%r\n" % (float(u), "inf" if i == 3 else "1.5", float(v))
                                     for i, (u, v) in enumerate(zip(noise(n), noise(n))))
    add("infinite value in an unused column", "y ~ x", text=text)
for s in range(3):
    n = int(rng.integers(60, 200))
    add("pandas booleans True/False", "y ~ flag + a", frame(flag=rng.random(n) < 0.4, a=levels("a", 3, n), y=noise(n)))
for s in range(3):
    n = int(rng.integers(60, 200))
    spell = [["TRUE", "FALSE"], ["true", "false"], ["True", "false"]][s]
    flag = rng.random(n) < 0.5
    text = "flag,y\n" + "".join("%s,%r\n" % (spell[0] if f else spell[1], float(v)) for f, v in zip(flag, noise(n)))
    add("booleans in pandas' other spellings", "y ~ flag", text=text)
for s in range(2):
    n = int(rng.integers(30, 80))
    add("an all-True boolean keeps its column (rank deficient)", "y ~ flag + x",
        frame(flag=np.ones(n, dtype=bool), x=noise(n), y=noise(n)))
for s in range(3):
    n = int(rng.integers(60, 150))
    flag = ["True" if f else "False" for f in rng.random(n) < 0.5]
    for i in rng.choice(n, size=3, replace=False):
        flag[i] = ""
    if s == 2:
        flag = ["True" if f == "False" else f for f in flag]  # only True and missing: one level
    text = "flag,x,y\n" + "".join("%s,%r,%r\n" % (f, float(u), float(v)) for f, u, v in zip(flag, noise(n), noise(n)))
    add("booleans with missing values (pandas: object column)", "y ~ flag + x", text=text)
for s in range(2):
    n = int(rng.integers(60, 150))
    a = rng.choice(["a", " a", "b"], n)
    text = "a,y\n" + "".join("%s,%r\n" % (u, float(v)) for u, v in zip(a, noise(n)))
    add("values are not trimmed (' a' and 'a' are two levels)", "y ~ a", text=text)
for s in range(2):
    n = int(rng.integers(40, 100))
    text = "x,y\n" + "".join(" %.4f ,%r\n" % (u, float(v)) for u, v in zip(noise(n), noise(n)))
    add("numbers with white space around them", "y ~ x", text=text)
for s in range(2):
    n = 30
    x = ["%.2f" % v for v in noise(n)]
    x[11] = "n.a."
    text = "x,y\n" + "".join("%s,%r\n" % (u, float(v)) for u, v in zip(x, noise(n)))
    add("one stray value makes a numeric column text", "y ~ x", text=text)
for s in range(2):
    n = 50
    text = "x,note,y\n" + "".join('%r,"%s",%r\n' % (float(u), ("long " * 2000) if i == 5 else "a, \"quoted\" note", float(v))
                                    for i, (u, v) in enumerate(zip(noise(n), noise(n))))
    add("quoted fields and a 10,000-character field", "y ~ x", text=text)
for s in range(3):
    n = int(rng.integers(50, 150))
    add("integer column, numeric and as C()", ["y ~ n", "y ~ C(n)", "y ~ C(n, Treatment(reference=3))"][s],
        frame(n=rng.integers(1, 5, n), y=noise(n)))
for s in range(2):
    n = int(rng.integers(50, 150))
    nn = rng.integers(1, 4, n).astype(float)
    nn[3] = np.nan
    add("integers with a missing value are float (C() names 1.0)", "y ~ C(n)", frame(n=nn, y=noise(n)))

# --- C. patsy's common syntax -------------------------------------------------------------------
SYNTAX = [
    "y ~ C(a)", "y ~ C(a, Treatment('a2'))", "y ~ C(a, Treatment(reference='a1'))", 'y ~ C(a, Treatment(reference="a3"))',
    "y ~ C(a, Sum)", "y ~ 0 + C(a, Sum)", "y ~ C(a, Sum):x", "y ~ C(a, Sum)*b", "y ~ C(a)*C(b, Sum)", "y ~ C(a, Treatment)",
    "y ~ I(x**2)", "y ~ x + I(x**2) + I(x**3)", "y ~ I(x*z + 1)", "y ~ I((x - 1)**2)", "y ~ I(x/2) + I(-z)",
    "y ~ np.log(xp)", "y ~ np.log(x)", "y ~ np.log10(xp) + np.sqrt(xp)", "y ~ np.exp(x)", "y ~ np.abs(x)",
    "y ~ center(x)", "y ~ center(x) + center(z)", "y ~ standardize(x)", "y ~ scale(x) + a", "y ~ standardize(x, rescale=False)",
    "y ~ (a + b + x)**2", "y ~ (a + x)**3", "y ~ (x + z)**2", "y ~ x - 1", "y ~ 0 + a", "y ~ a + 0", "y ~ -1 + a + x",
    "np.log(yp) ~ x", "I(y*2) ~ x + a", "y ~ I(flag*1) + x", "y ~ C(flag)", "y ~ Q('odd name') + x", "y ~ center(x):a",
    "y ~ a*center(x)", "y ~ np.exp(x):C(a, Sum)", "y ~ C(a, Sum) + C(b, Sum) + C(a, Sum):C(b, Sum)", "y ~ x + np.log(xp):b",
    "y ~ a/x", "y ~ (a + b)**2 - a:b", "y ~ x:z + I(x*z)",
]
for s, f in enumerate(SYNTAX):
    n = int(rng.integers(60, 250))
    x = noise(n)
    d = frame(a=levels("a", 4, n), b=levels("b", 3, n), x=x, z=noise(n), xp=rng.uniform(0.2, 5, n),
              flag=rng.random(n) < 0.5, y=1 + 0.5 * x + noise(n))
    d["yp"] = np.exp(d["y"] / 4)
    d["odd name"] = noise(n)
    if s % 5 == 0:
        d.loc[rng.choice(n, size=4, replace=False), "y"] = np.nan  # dropped rows: center() still sees them
    add("formula syntax: " + f, f, d)
n = 80
d = frame(x=noise(n), y=noise(n))
d.loc[5, "x"] = np.nan
add("center() of a column with a missing value (patsy: every value NaN)", "y ~ center(x)", d)

# --- D. refusals ----------------------------------------------------------------------------------
n = 40
base = frame(x=noise(n), a=levels("a", 3, n), flag=rng.random(n) < 0.5, y=noise(n))
add("unknown column", "y ~ x + nope", base)
add("text response", "a ~ x", base)
add("boolean response", "flag ~ x", base)
d = base.copy()
d.loc[3, "x"] = 0.0
add("np.log(0) is -inf", "y ~ np.log(x)", d.assign(x=np.abs(d.x)))
add("a function patsy evaluates but fit does not support", "y ~ np.log1p(np.abs(x))", base, unsupported=True)
add("C() with levels=", "y ~ C(a, levels=['a2', 'a1', 'a0'])", base, unsupported=True)
add("every row has a missing value", "y ~ x", frame(x=[np.nan] * 10, y=noise(10)))

# --- E. mixed models ------------------------------------------------------------------------------
def grouped(n, groups, sd_u=0.7):
    g = rng.integers(0, groups, n)
    u = rng.normal(scale=sd_u, size=groups)
    return np.array(["g%02d" % v for v in g], dtype=object), u[g]


for s in range(8):
    n = int(rng.integers(150, 500))
    g, u = grouped(n, int(rng.integers(5, 15)))
    x, z = noise(n), noise(n)
    add("mixed model", "y ~ x + z", frame(g=g, x=x, z=z, y=1 + 0.5 * x - 0.3 * z + u + noise(n)), groups="g")
for s in range(4):
    n = int(rng.integers(200, 500))
    g, u = grouped(n, 8)
    x = noise(n)
    add("mixed model with a categorical fixed effect", "y ~ x + a", frame(g=g, a=levels("a", 3, n), x=x, y=x + u + noise(n)),
        groups="g")
for s in range(4):
    n = int(rng.integers(150, 400))
    g, u = grouped(n, 6)
    x, z = noise(n), noise(n)
    add("mixed model with a singular fixed-effects design", "y ~ x + z + w",
        frame(g=g, x=x, z=z, w=2 * x - 0.5 * z, y=x + u + noise(n)), groups="g")
for s in range(4):
    n = int(rng.integers(200, 500))
    g, u = grouped(n, 8)
    x = noise(n)
    add("mixed model with nearly collinear fixed effects", "y ~ x + w",
        frame(g=g, x=x, w=x + 1e-5 * noise(n), y=x + u + noise(n)), groups="g")
for s in range(2):
    n = int(rng.integers(150, 400))
    g, u = grouped(n, 7)
    x = noise(n)
    add("mixed model, ML", "y ~ x", frame(g=g, x=x, y=x + u + noise(n)), groups="g", method="ml")
for s in range(3):
    n = int(rng.integers(150, 400))
    g, u = grouped(n, 8, sd_u=0.15)
    x = noise(n)
    add("mixed model with a small group variance", "y ~ x", frame(g=g, x=x, y=x + u + noise(n)), groups="g")

with open(os.path.join(OUT, "cases.json"), "w") as f:
    json.dump({"seed": SEED, "statsmodels": __import__("statsmodels").__version__, "pandas": pd.__version__,
               "cases": cases}, f, indent=1)
print(len(cases), "cases")
