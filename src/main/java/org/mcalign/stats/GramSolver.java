package org.mcalign.stats;

import java.util.stream.IntStream;

/**
 * The fast path of {@link LeastSquares} for large designs: the Gram matrix G = X'X (cheap when
 * columns are sparse indicators, and exact for them), a pivoted Cholesky factorisation of the
 * column-scaled G that splits the columns into r pivots and k − r dependent ones, and the
 * pseudo-inverse from that split. It is used only when it proves, from X itself, that the answer
 * is the pseudo-inverse one with numpy's rank:
 *
 * <ul>
 *   <li>null space: each dependent column j gives a vector n_j (one at j, minus the pivots'
 *       coefficients) with ‖X·n_j‖ computed directly from X; Σ‖X·n_j‖² below a quarter of
 *       numpy's tolerance (with a lower bound of smax) proves at least k − r singular values are
 *       below it (Courant–Fischer; NᵀN ≥ I);
 *   <li>range: σ_r(X) ≥ 1/√trace(G₁₁⁻¹) (the pivot columns alone) must exceed four times the
 *       tolerance (with an upper bound of smax), so numpy counts r;
 *   <li>accuracy: the scaled pivot block must satisfy trace(G̃₁₁⁻¹) ≤ 1e6, which bounds its
 *       condition number so that the normal equations (with one step of refinement on the
 *       residuals) agree with the QR solution to about 1e-9.
 * </ul>
 *
 * Any doubt (a borderline rank, an ill-conditioned design, a constant that is neither clearly in
 * nor clearly out of the column space) returns null and the QR + SVD solver decides.
 */
final class GramSolver {
  private GramSolver() {}

  /** Designs smaller than this (n·k) go straight to the QR solver, which is then just as fast. */
  static final long MIN_CELLS = 200_000;
  static final double STOP_PIVOTING = 1e-10, MAX_TRACE_SCALED_INVERSE = 1e6;
  private static final double EPS = Math.ulp(1.0);

  static LeastSquares trySolve(double[][] x, double[] y, boolean needConstantCheck) {
    return attempt(x, y, needConstantCheck).result();
  }

  /** The answer, or null and why the fast path declined (for tests and benchmarks). */
  record Attempt(LeastSquares result, String declined) {}

  static Attempt attempt(double[][] x, double[] y, boolean needConstantCheck) {
    int k = x.length, n = y.length;
    if (k == 0 || n <= k || (long) n * k < MIN_CELLS) return new Attempt(null, "too small or too wide");
    int[] kept = ZeroColumns.nonZero(x);
    if (kept.length == 0) return new Attempt(null, "zero design");
    if (kept.length < k) {
      Attempt reduced = solveAll(ZeroColumns.select(x, kept), y, needConstantCheck);
      return reduced.result() == null ? reduced : new Attempt(ZeroColumns.restore(reduced.result(), kept, k), null);
    }
    return solveAll(x, y, needConstantCheck);
  }

  private static Attempt solveAll(double[][] x, double[] y, boolean needConstantCheck) {
    Run run = new Run(x, y, needConstantCheck);
    try {
      LeastSquares ls = run.solve();
      return new Attempt(ls, ls == null ? run.declined : null);
    } catch (RuntimeException numericalTrouble) {
      return new Attempt(null, "numerical trouble: " + numericalTrouble); // the QR solver decides
    }
  }

  private static final class Run {
    final double[][] x;
    final double[] y;
    final int n, k;
    final boolean needConstantCheck;
    final int[][] nz; // row indices of the non-zeros of sparse columns; null for dense ones
    String declined;
    double lastNullNorm;

    LeastSquares decline(String why) {
      declined = why;
      return null;
    }

    Run(double[][] x, double[] y, boolean needConstantCheck) {
      this.x = x;
      this.y = y;
      this.n = y.length;
      this.k = x.length;
      this.needConstantCheck = needConstantCheck;
      nz = new int[k][];
      IntStream.range(0, k).parallel().forEach(j -> {
        double[] c = x[j];
        int count = 0;
        for (double v : c) if (v != 0) count++;
        if (count * 3 > n) return;
        int[] idx = new int[count];
        for (int i = 0, f = 0; i < n; i++) if (c[i] != 0) idx[f++] = i;
        nz[j] = idx;
      });
    }

    /**
     * G = X'X: dense column pairs by dot products; pairs with a sparse column row by row over the
     * sparse columns' non-zeros (for indicator designs that is n·(non-zeros per row)², not n·k²).
     */
    double[][] gram() {
      double[][] g = new double[k][k];
      int[] dense = IntStream.range(0, k).filter(j -> nz[j] == null).toArray();
      IntStream.range(0, dense.length).parallel().forEach(a -> {
        for (int b = 0; b <= a; b++) g[dense[a]][dense[b]] = Householder.dot(x[dense[a]], x[dense[b]], 0, n);
      });
      // the sparse columns' non-zeros by row (CSR), columns ascending within a row
      int[] start = new int[n + 1];
      for (int j = 0; j < k; j++) if (nz[j] != null) for (int i : nz[j]) start[i + 1]++;
      for (int i = 0; i < n; i++) start[i + 1] += start[i];
      int[] fill = java.util.Arrays.copyOf(start, n), cols = new int[start[n]];
      double[] vals = new double[start[n]];
      for (int j = 0; j < k; j++)
        if (nz[j] != null)
          for (int i : nz[j]) {
            cols[fill[i]] = j;
            vals[fill[i]++] = x[j][i];
          }
      for (int i = 0; i < n; i++) accumulateRow(g, cols, vals, start[i], start[i + 1], dense, i);
      for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) g[b][a] = g[a][b];
      return g;
    }

    /** Adds row i's products to the lower triangle: sparse × sparse, and sparse × dense. */
    private void accumulateRow(double[][] g, int[] cols, double[] vals, int from, int to, int[] dense, int i) {
      for (int p = from; p < to; p++) {
        int ca = cols[p];
        double va = vals[p];
        double[] ga = g[ca];
        for (int q = from; q <= p; q++) ga[cols[q]] += va * vals[q];
        for (int d : dense) {
          if (d < ca) ga[d] += va * x[d][i];
          else g[d][ca] += va * x[d][i];
        }
      }
    }

    double dot(int a, double[] v) {
      if (nz[a] == null) return Householder.dot(x[a], v, 0, n);
      double sum = 0;
      double[] xa = x[a];
      for (int i : nz[a]) sum += xa[i] * v[i];
      return sum;
    }

    /** out += s·x_j */
    void axpy(double s, int j, double[] out) {
      if (s == 0) return;
      double[] xj = x[j];
      if (nz[j] == null) {
        for (int i = 0; i < n; i++) out[i] += s * xj[i];
      } else {
        for (int i : nz[j]) out[i] += s * xj[i];
      }
    }

    double[] times(double[] beta) {
      double[] out = new double[n];
      for (int j = 0; j < k; j++) axpy(beta[j], j, out);
      return out;
    }

    double[] transposeTimes(double[] v) {
      double[] out = new double[k];
      IntStream.range(0, k).parallel().forEach(j -> out[j] = dot(j, v));
      return out;
    }

    LeastSquares solve() {
      double[][] g = gram();
      double[] c = transposeTimes(y);
      double traceG = 0, maxDiag = 0;
      double[] d = new double[k]; // column scaling 1/‖x_j‖ (0 for a zero column)
      for (int j = 0; j < k; j++) {
        traceG += g[j][j];
        maxDiag = Math.max(maxDiag, g[j][j]);
        d[j] = g[j][j] > 0 ? 1 / Math.sqrt(g[j][j]) : 0;
      }
      if (!(maxDiag > 0) || !Double.isFinite(traceG)) return decline("zero or non-finite design");
      double smaxLower = Math.sqrt(maxDiag), smaxUpper = Math.sqrt(traceG);
      double tolLower = LeastSquares.tolerance(smaxLower, n, k), tolUpper = LeastSquares.tolerance(smaxUpper, n, k);

      // pivoted Cholesky of the scaled Gram matrix
      double[][] a = new double[k][k];
      for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i][j] = g[i][j] * d[i] * d[j];
      int[] perm = new int[k];
      for (int i = 0; i < k; i++) perm[i] = i;
      int pivots = 0;
      for (int s = 0; s < k; s++) {
        int p = s;
        for (int i = s + 1; i < k; i++) if (a[i][i] > a[p][p]) p = i;
        if (!(a[p][p] > STOP_PIVOTING)) break;
        swap(a, perm, s, p);
        double l = Math.sqrt(a[s][s]);
        a[s][s] = l;
        for (int i = s + 1; i < k; i++) a[i][s] /= l;
        // Schur complement, kept as a full symmetric block (so that rows and columns swap together)
        final int col = s;
        double[] lcol = new double[k];
        for (int j = s + 1; j < k; j++) lcol[j] = a[j][col];
        IntStream.range(s + 1, k).parallel().forEach(i -> {
          double li = lcol[i];
          if (li == 0) return;
          double[] ai = a[i];
          for (int j = col + 1; j < k; j++) ai[j] -= li * lcol[j];
        });
        pivots++;
      }
      final int r = pivots;
      if (r == 0) return decline("no pivot");
      // L (r×r lower) and its inverse
      double[][] linv = lowerInverse(a, r);
      double traceScaled = 0;
      double[] colNorm2 = new double[r]; // diag of G̃₁₁⁻¹ = LᵀL⁻¹ ... = Σ_i linv[i][s]²
      for (int i = 0; i < r; i++)
        for (int s = 0; s <= i; s++) {
          double v = linv[i][s] * linv[i][s];
          traceScaled += v;
          colNorm2[s] += v;
        }
      if (!(traceScaled <= MAX_TRACE_SCALED_INVERSE)) return decline("ill-conditioned pivot block: trace " + traceScaled);
      double traceUnscaled = 0;
      for (int s = 0; s < r; s++) traceUnscaled += colNorm2[s] * d[perm[s]] * d[perm[s]];
      double sigmaRLower = 1 / Math.sqrt(traceUnscaled);
      if (!(sigmaRLower > 4 * tolUpper)) return decline("smallest kept singular value not provably above the tolerance");

      // G⁻ = P₁ G₁₁⁻¹ P₁ᵀ in original coordinates: G₁₁⁻¹ = D₁ L⁻ᵀ L⁻¹ D₁
      double[][] ginv11 = new double[r][r];
      IntStream.range(0, r).parallel().forEach(p -> {
        for (int q = 0; q <= p; q++) {
          double sum = 0;
          for (int i = p; i < r; i++) sum += linv[i][p] * linv[i][q];
          ginv11[p][q] = sum * d[perm[p]] * d[perm[q]];
        }
      });
      for (int p = 0; p < r; p++) for (int q = 0; q < p; q++) ginv11[q][p] = ginv11[p][q];

      // null vectors: n_j = e_{perm[r+j]} − Σ_s B[s][j] e_{perm[s]}, B = G₁₁⁻¹ G₁₂ (unscaled)
      int nullity = k - r;
      double[][] nullVec = new double[nullity][];
      IntStream.range(0, nullity).parallel().forEach(j -> {
        int col = perm[r + j];
        double[] v = new double[k];
        v[col] = 1;
        if (g[col][col] > 0) {
          for (int s = 0; s < r; s++) {
            double sum = 0;
            for (int t = 0; t < r; t++) sum += ginv11[s][t] * g[perm[t]][col];
            v[perm[s]] = -sum;
          }
        }
        nullVec[j] = v;
      });
      if (nullity > 0 && !certifyNullSpace(nullVec, perm, r, ginv11, tolLower))
        return decline("null space not certified: ‖XN‖ = " + lastNullNorm + " > tol/4 = " + 0.25 * tolLower);

      // β₀ = G⁻c, then the minimum-norm solution and (X'X)⁺ = Π G⁻ Π (Π: projector onto range(Xᵀ))
      Pinv pinv = new Pinv(k, r, perm, ginv11, nullVec);
      if (!pinv.ok) return decline("N'N not positive definite");
      double[] beta = pinv.apply(c);
      double[] residual = y.clone();
      double[] fit = times(beta);
      for (int i = 0; i < n; i++) residual[i] -= fit[i];
      double[] delta = pinv.apply(transposeTimes(residual));
      for (int j = 0; j < k; j++) beta[j] += delta[j];

      boolean spans = false;
      if (needConstantCheck) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] b1 = pinv.apply(transposeTimes(ones));
        double[] fit1 = times(b1);
        double rho2 = 0, b1norm2 = 0;
        for (int i = 0; i < n; i++) rho2 += (1 - fit1[i]) * (1 - fit1[i]);
        for (double v : b1) b1norm2 += v * v;
        double rho = Math.sqrt(rho2);
        double tolAugLower = LeastSquares.tolerance(Math.max(smaxLower, Math.sqrt(n)), n, k + 1);
        double tolAugUpper = LeastSquares.tolerance(Math.sqrt(traceG + n), n, k + 1);
        if (rho <= 0.25 * tolAugLower) spans = true;
        else if (Math.min(0.366 * sigmaRLower, rho / (2 * (1 + Math.sqrt(b1norm2)))) > 4 * tolAugUpper) spans = false;
        else return decline("implicit constant undecided: rho " + rho);
      }
      int rank = r;
      return new LeastSquares(n, k, beta, pinv.diagonal(), pinv::matrix, rank, spans, LeastSquares.Path.GRAM,
          () -> singularValues(g, x, n, rank < k));
    }

    /** Σ‖X·n_j‖² below (tol/4)², refining the vectors once by least squares on the pivots if needed. */
    boolean certifyNullSpace(double[][] nullVec, int[] perm, int r, double[][] ginv11, double tol) {
      double limit = 0.25 * tol;
      double total = 0;
      for (int round = 0; round < 2; round++) {
        total = 0;
        double[][] images = new double[nullVec.length][];
        double[] norms = new double[nullVec.length];
        IntStream.range(0, nullVec.length).parallel().forEach(j -> {
          images[j] = times(nullVec[j]);
          norms[j] = Householder.norm(images[j], 0, n);
        });
        for (double v : norms) total += v * v;
        lastNullNorm = Math.sqrt(total);
        if (Math.sqrt(total) <= limit) return true;
        if (round == 1) break;
        // one refinement: n_j[P₁] −= G₁₁⁻¹ P₁ᵀ Xᵀ (X n_j)
        IntStream.range(0, nullVec.length).parallel().forEach(j -> {
          double[] xt = new double[r];
          for (int s = 0; s < r; s++) xt[s] = dot(perm[s], images[j]);
          for (int s = 0; s < r; s++) {
            double sum = 0;
            for (int t = 0; t < r; t++) sum += ginv11[s][t] * xt[t];
            nullVec[j][perm[s]] -= sum;
          }
        });
      }
      return false;
    }
  }

  private static void swap(double[][] a, int[] perm, int s, int p) {
    if (s == p) return;
    double[] t = a[s];
    a[s] = a[p];
    a[p] = t;
    for (double[] row : a) {
      double v = row[s];
      row[s] = row[p];
      row[p] = v;
    }
    int q = perm[s];
    perm[s] = perm[p];
    perm[p] = q;
  }

  /** Inverse of the r×r lower-triangular factor held in the lower triangle of {@code a}. */
  private static double[][] lowerInverse(double[][] a, int r) {
    double[][] inv = new double[r][r];
    IntStream.range(0, r).parallel().forEach(j -> {
      inv[j][j] = 1 / a[j][j];
      for (int i = j + 1; i < r; i++) {
        double sum = 0;
        for (int t = j; t < i; t++) sum += a[i][t] * inv[t][j];
        inv[i][j] = -sum / a[i][i];
      }
    });
    return inv;
  }

  /**
   * Singular values of X (for the condition number of the summary) from the eigenvalues of G
   * when the smallest is resolved (λmin ≥ 1e-10·λmax, so σmin is good to ~1e-6) or is a null
   * direction anyway (a rank-deficient design, whose condition number is infinite up to noise,
   * in statsmodels too), else by QR + SVD.
   */
  private static double[] singularValues(double[][] g, double[][] x, int n, boolean rankDeficient) {
    int k = g.length;
    org.ejml.interfaces.decomposition.EigenDecomposition_F64<org.ejml.data.DMatrixRMaj> eig =
        org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(k, false, true);
    if (eig.decompose(new org.ejml.data.DMatrixRMaj(g))) {
      double[] lambda = new double[k];
      for (int i = 0; i < k; i++) lambda[i] = eig.getEigenvalue(i).getReal();
      java.util.Arrays.sort(lambda);
      if (rankDeficient || lambda[0] >= 1e-10 * lambda[k - 1]) {
        double[] s = new double[k];
        for (int i = 0; i < k; i++) s[i] = Math.sqrt(Math.max(0, lambda[k - 1 - i]));
        return s;
      }
    }
    return QrSvdSolver.singularValues(x, n);
  }

  /** The pseudo-inverse (X'X)⁺ = Π G⁻ Π from the pivot block's inverse and the null vectors. */
  private static final class Pinv {
    final int k, r;
    final int[] perm;
    final double[][] ginv11, nullVec;
    double[][] mChol; // Cholesky of NᵀN
    boolean ok = true;

    Pinv(int k, int r, int[] perm, double[][] ginv11, double[][] nullVec) {
      this.k = k;
      this.r = r;
      this.perm = perm;
      this.ginv11 = ginv11;
      this.nullVec = nullVec;
      int nul = nullVec.length;
      if (nul > 0) {
        double[][] m = new double[nul][nul];
        IntStream.range(0, nul).parallel().forEach(a -> {
          for (int b = 0; b <= a; b++) m[a][b] = Householder.dot(nullVec[a], nullVec[b], 0, k);
        });
        for (int a = 0; a < nul; a++) for (int b = 0; b < a; b++) m[b][a] = m[a][b];
        mChol = Dense.cholesky(m);
        ok = mChol != null;
      }
    }

    /** Π v: v minus its projection on the null vectors. */
    double[] project(double[] v) {
      int nul = nullVec.length;
      if (nul == 0) return v.clone();
      double[] nt = new double[nul];
      for (int j = 0; j < nul; j++) nt[j] = Householder.dot(nullVec[j], v, 0, k);
      double[] coef = Dense.solve(mChol, nt);
      double[] out = v.clone();
      for (int j = 0; j < nul; j++) {
        double c = coef[j];
        if (c == 0) continue;
        double[] nj = nullVec[j];
        for (int i = 0; i < k; i++) out[i] -= c * nj[i];
      }
      return out;
    }

    double[] ginv(double[] u) {
      // gathered once, so that the inner loop is a plain dot product (the same sums in the same order)
      double[] up = new double[r];
      for (int q = 0; q < r; q++) up[q] = u[perm[q]];
      double[] out = new double[k];
      for (int p = 0; p < r; p++) {
        double sum = 0;
        double[] row = ginv11[p];
        for (int q = 0; q < r; q++) sum += row[q] * up[q];
        out[perm[p]] = sum;
      }
      return out;
    }

    /** (X'X)⁺ v. */
    double[] apply(double[] v) {
      return project(ginv(project(v)));
    }

    /**
     * The diagonal of (X'X)⁺ = Π G⁻ Π without the matrix (k products with G⁻ of r² each): with
     * Π = I − Z Nᵀ, Z = N (NᵀN)⁻¹, entry j is w_jᵀ G⁻ w_j for w_j = e_j − Z n_j (n_j: row j of
     * N), that is G⁻_jj − 2 n_j·(G⁻Z)_j + n_jᵀ (ZᵀG⁻Z) n_j: nul products with G⁻ instead of k.
     */
    double[] diagonal() {
      double[] diag = new double[k];
      for (int p = 0; p < r; p++) diag[perm[p]] = ginv11[p][p];
      int nul = nullVec.length;
      if (nul == 0) return diag;
      double[][] z = new double[nul][k]; // Z column-major: row i of Z is (NᵀN)⁻¹ times row i of N
      IntStream.range(0, k).parallel().forEach(i -> {
        double[] ni = new double[nul];
        for (int a = 0; a < nul; a++) ni[a] = nullVec[a][i];
        double[] zi = Dense.solve(mChol, ni);
        for (int a = 0; a < nul; a++) z[a][i] = zi[a];
      });
      double[][] gz = new double[nul][]; // G⁻Z, column-major
      IntStream.range(0, nul).parallel().forEach(a -> gz[a] = ginv(z[a]));
      double[][] c = new double[nul][nul]; // ZᵀG⁻Z
      IntStream.range(0, nul).parallel().forEach(a -> {
        for (int b = 0; b <= a; b++) c[a][b] = c[b][a] = Householder.dot(z[a], gz[b], 0, k);
      });
      IntStream.range(0, k).parallel().forEach(j -> {
        double cross = 0, quadratic = 0;
        for (int a = 0; a < nul; a++) {
          double na = nullVec[a][j];
          if (na == 0) continue;
          cross += na * gz[a][j];
          double[] ca = c[a];
          double s = 0;
          for (int b = 0; b < nul; b++) s += ca[b] * nullVec[b][j];
          quadratic += na * s;
        }
        diag[j] += quadratic - 2 * cross;
      });
      return diag;
    }

    /** (X'X)⁺ as a k×k matrix. */
    double[][] matrix() {
      double[][] cov = new double[k][];
      if (nullVec.length == 0) {
        // no null space: Π = I and column j of G⁻ is ginv11's column at j's position, read
        // directly (the same numbers apply(e_j) gives, without k products of r² each)
        for (int i = 0; i < k; i++) cov[i] = new double[k];
        for (int p = 0; p < r; p++) {
          double[] row = ginv11[p];
          for (int q = 0; q < r; q++) cov[perm[q]][perm[p]] = row[q];
        }
        return symmetrized(cov);
      }
      // Π G⁻ Π column by column: column j = Π G⁻ Π e_j (G⁻, Π symmetric)
      IntStream.range(0, k).parallel().forEach(j -> {
        double[] e = new double[k];
        e[j] = 1;
        cov[j] = apply(e);
      });
      return symmetrized(cov);
    }

    private static double[][] symmetrized(double[][] cov) {
      for (int i = 0; i < cov.length; i++)
        for (int j = 0; j < i; j++) {
          double avg = 0.5 * (cov[i][j] + cov[j][i]);
          cov[i][j] = cov[j][i] = avg;
        }
      return cov;
    }
  }
}
