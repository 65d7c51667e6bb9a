package org.mcalign.stats;

/**
 * The profiled (REML or ML) log-likelihood of a random-intercept model as a function of the
 * variance ratio γ = σ²_u/σ², computed by orthogonal factorisation so that nearly collinear
 * fixed effects stay accurate.
 *
 * <p>With H_g = I + γ11' for a group of n_g rows, H_g^{-1} splits a vector v into its
 * within-group part and its mean: v'H_g^{-1}v = ‖v − v̄1‖² + n_g/(1+γn_g)·v̄². So
 * [X y]'H^{-1}[X y] = R_w'R_w + B(γ)'B(γ), where R_w is the R factor (computed once, by
 * Householder QR) of the group-centred [X y] and B(γ) has one row √(n_g/(1+γn_g))·(x̄_g, ȳ_g) per
 * group. The R factor of [R_w; B(γ)] (p+1+G rows) then gives, with no normal equations:
 * β(γ) = R₁₁⁻¹r₁₂, the quadratic form r'H^{-1}r = r₂₂², and log det X'H^{-1}X = 2Σ log|R₁₁,jj|.
 * Each evaluation costs O((p + G)·p²), independent of the number of rows.
 */
final class RemlProfile {
  final int n, p, groups;
  final double[][] x; // column-major fixed-effects design
  final double[] y;
  final int[][] members;
  final int[] size;
  final double[][] mean; // per group: x̄_g (p values)
  final double[] yMean;
  private final double[][] rWithin; // (p+1)×(p+1)

  RemlProfile(double[][] x, double[] y, int[][] members) {
    this.x = x;
    this.y = y;
    this.members = members;
    this.n = y.length;
    this.p = x.length;
    this.groups = members.length;
    size = new int[groups];
    mean = new double[groups][p];
    yMean = new double[groups];
    double[][] centred = new double[p + 1][n];
    for (int g = 0; g < groups; g++) {
      int[] rows = members[g];
      size[g] = rows.length;
      for (int j = 0; j <= p; j++) {
        double[] col = j < p ? x[j] : y;
        double s = 0;
        for (int i : rows) s += col[i];
        double m = s / rows.length;
        // a corrected two-pass mean: the split into within and between parts needs the centred columns to sum to zero
        double corr = 0;
        for (int i : rows) corr += col[i] - m;
        m += corr / rows.length;
        if (j < p) mean[g][j] = m;
        else yMean[g] = m;
        double[] out = centred[j];
        for (int i : rows) out[i] = col[i] - m;
      }
    }
    rWithin = Householder.r(centred, n);
  }

  /** The factorisation at one γ. */
  final class At {
    final double gamma;
    /** L = R₁₁ᵀ (p×p lower triangular), R₁₁ the R factor of H^{-1/2}X: X'H⁻¹X = L Lᵀ. */
    final double[][] l;
    final double[] beta;
    /** r'H^{-1}r at β(γ). */
    final double qf;
    final double logDetXtHX, logDetH;

    At(double gamma) {
      this.gamma = gamma;
      int m = p + 1 + groups;
      double[][] stacked = new double[p + 1][m];
      for (int i = 0; i <= p; i++) for (int j = i; j <= p; j++) stacked[j][i] = rWithin[i][j];
      double logH = 0;
      for (int g = 0; g < groups; g++) {
        double w = Math.sqrt(size[g] / (1 + gamma * size[g]));
        for (int j = 0; j < p; j++) stacked[j][p + 1 + g] = w * mean[g][j];
        stacked[p][p + 1 + g] = w * yMean[g];
        logH += Math.log1p(gamma * size[g]);
      }
      double[][] r = Householder.factor(stacked, m);
      l = new double[p][p];
      double[] r12 = new double[p];
      double logDet = 0;
      for (int i = 0; i < p; i++) {
        for (int j = i; j < p; j++) l[j][i] = r[i][j];
        r12[i] = r[i][p];
        logDet += 2 * Math.log(Math.abs(r[i][i]));
      }
      beta = Dense.backward(l, r12); // R₁₁ β = r₁₂
      qf = r[p][p] * r[p][p];
      logDetXtHX = logDet;
      logDetH = logH;
    }

    /** Residual sums per group: n_g·(ȳ_g − x̄_g'β). */
    double[] groupResidualSums() {
      double[] out = new double[groups];
      for (int g = 0; g < groups; g++) {
        double s = yMean[g];
        for (int j = 0; j < p; j++) s -= mean[g][j] * beta[j];
        out[g] = s * size[g];
      }
      return out;
    }

    /** (X'H^{-1}X)^{-1} = (L Lᵀ)^{-1}, from the triangular factor. */
    double[][] xtHxInverse() {
      return Dense.inverse(l);
    }
  }

  At at(double gamma) {
    return new At(gamma);
  }

  /** statsmodels' profiled log-likelihood (MixedLM.loglike with profile_fe=True); −∞ where undefined. */
  double llf(double gamma, boolean reml) {
    if (!(gamma >= 0) || !Double.isFinite(gamma)) return Double.NEGATIVE_INFINITY;
    At e = at(gamma);
    double v = llf(e, reml);
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  double llf(At e, boolean reml) {
    if (!(e.qf > 0) || !Double.isFinite(e.logDetXtHX)) return Double.NEGATIVE_INFINITY;
    double v = -e.logDetH / 2;
    double d = reml ? n - p : n;
    v -= d * Math.log(e.qf) / 2;
    if (reml) v -= e.logDetXtHX / 2;
    v -= d * Math.log(2 * Math.PI) / 2;
    v += d * Math.log(d) / 2;
    v -= d / 2;
    return v;
  }

  /**
   * d llf / dγ (statsmodels' score for one random intercept): −½Σ 1'H⁻¹1 + ½·fac·Σ(1'H⁻¹r)²/qf
   * [+ ½·tr((X'H⁻¹X)⁻¹ Σ X'H⁻¹1 1'H⁻¹X) for REML]; NaN where undefined.
   */
  double score(double gamma, boolean reml) {
    if (!(gamma >= 0) || !Double.isFinite(gamma)) return Double.NaN;
    At e = at(gamma);
    if (!(e.qf > 0)) return Double.NaN;
    double fac = reml ? n - p : n;
    double[] rs = e.groupResidualSums();
    double sw = 0, srho = 0, trace = 0;
    double[] q = new double[p];
    for (int g = 0; g < groups; g++) {
      double inv1 = 1 / (1 + gamma * size[g]);
      double rho = rs[g] * inv1;
      sw += size[g] * inv1;
      srho += rho * rho;
      if (reml) {
        for (int j = 0; j < p; j++) q[j] = size[g] * mean[g][j] * inv1;
        double[] z = Dense.forward(e.l, q); // L z = q, so q'(X'H⁻¹X)⁻¹q = ‖z‖²
        for (double v : z) trace += v * v;
      }
    }
    return -0.5 * sw + 0.5 * fac * srho / e.qf + 0.5 * trace;
  }
}
