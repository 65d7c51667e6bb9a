package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Least squares on random rank-deficient designs (nested factors, duplicated and collinear
 * columns, empty cells, zero columns, fewer rows than columns, badly scaled columns) against a
 * reference computed another way: the pseudo-inverse from Commons Math's SVD of X itself (no QR,
 * no EJML, no Gram matrix), with numpy's rank tolerance. Both solvers are checked: the QR + SVD
 * solver on every design, the Gram fast path wherever it accepts one (and it must accept most
 * large sparse designs, or the fast path is not being tested).
 */
class LeastSquaresPropertyTest {
  static final long SEED = 7;

  /** The reference: rank, β = X⁺y, (X'X)⁺ = X⁺X⁺ᵀ and the implicit-constant test, by Commons Math's SVD of X. */
  record Reference(int rank, double[] beta, double[][] cov, boolean spansConstant) {
    static Reference of(double[][] x, double[] y) {
      int k = x.length, n = y.length;
      SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(rowMajor(x, n), false));
      double[] s = svd.getSingularValues();
      double tol = LeastSquares.tolerance(s[0], n, k);
      int rank = 0;
      for (double v : s) if (v > tol) rank++;
      double[][] u = svd.getU().getData(), v = svd.getV().getData();
      double[] beta = new double[k];
      double[][] cov = new double[k][k];
      for (int j = 0; j < rank; j++) {
        double c = 0;
        for (int i = 0; i < n; i++) c += u[i][j] * y[i];
        c /= s[j];
        for (int a = 0; a < k; a++) {
          beta[a] += v[a][j] * c;
          for (int b = 0; b < k; b++) cov[a][b] += v[a][j] * v[b][j] / (s[j] * s[j]);
        }
      }
      double[][] aug = new double[k + 1][];
      System.arraycopy(x, 0, aug, 0, k);
      aug[k] = new double[n];
      java.util.Arrays.fill(aug[k], 1);
      double[] sa = new SingularValueDecomposition(new Array2DRowRealMatrix(rowMajor(aug, n), false)).getSingularValues();
      int rankAug = 0;
      for (double d : sa) if (d > LeastSquares.tolerance(sa[0], n, k + 1)) rankAug++;
      return new Reference(rank, beta, cov, rankAug == rank);
    }
  }

  static double[][] rowMajor(double[][] cols, int n) {
    double[][] out = new double[n][cols.length];
    for (int j = 0; j < cols.length; j++) for (int i = 0; i < n; i++) out[i][j] = cols[j][i];
    return out;
  }

  /** Indicator columns of a factor with {@code levels} levels, the first dropped when {@code reduced}. */
  static List<double[]> indicators(int[] codes, int levels, boolean reduced) {
    List<double[]> out = new ArrayList<>();
    for (int l = reduced ? 1 : 0; l < levels; l++) {
      double[] c = new double[codes.length];
      for (int i = 0; i < codes.length; i++) if (codes[i] == l) c[i] = 1;
      out.add(c);
    }
    return out;
  }

  static double[] ones(int n) {
    double[] c = new double[n];
    java.util.Arrays.fill(c, 1);
    return c;
  }

  /** A random design of the given kind; large ones are sized for the Gram fast path. */
  static double[][] design(int kind, boolean large, SplittableRandom rng) {
    int n = large ? 2600 + rng.nextInt(1000) : 20 + rng.nextInt(300);
    List<double[]> cols = new ArrayList<>();
    cols.add(ones(n));
    switch (kind) {
      case 0 -> { // b nested in a, both with treatment coding: a's columns are sums of b's
        int ka = large ? 30 + rng.nextInt(10) : 2 + rng.nextInt(5), sub = 2 + rng.nextInt(3);
        int[] a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) {
          a[i] = rng.nextInt(ka);
          b[i] = a[i] * sub + rng.nextInt(sub);
        }
        cols.addAll(indicators(a, ka, true));
        cols.addAll(indicators(b, ka * sub, true));
      }
      case 1 -> { // duplicated, scaled and summed columns
        int m = large ? 80 + rng.nextInt(20) : 2 + rng.nextInt(8);
        for (int j = 0; j < m; j++) {
          double[] c = new double[n];
          for (int i = 0; i < n; i++) c[i] = rng.nextGaussian();
          cols.add(c);
        }
        double[] x = cols.get(1), z = cols.get(2), dup = x.clone(), sum = new double[n], scaled = new double[n];
        for (int i = 0; i < n; i++) {
          sum[i] = x[i] + z[i];
          scaled[i] = 1000 * z[i];
        }
        cols.add(dup);
        cols.add(sum);
        cols.add(scaled);
      }
      case 2 -> { // two-way interaction with empty cells: some product columns are all zero
        int ka = large ? 11 + rng.nextInt(4) : 2 + rng.nextInt(4), kb = large ? 8 + rng.nextInt(2) : 2 + rng.nextInt(4);
        int[] a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) {
          do {
            a[i] = rng.nextInt(ka);
            b[i] = rng.nextInt(kb);
          } while ((a[i] * 7 + b[i] * 3) % 5 == 0 && ka * kb > 4);
        }
        List<double[]> ia = indicators(a, ka, true), ib = indicators(b, kb, true);
        cols.addAll(ia);
        cols.addAll(ib);
        for (double[] ca : ia)
          for (double[] cb : ib) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) p[i] = ca[i] * cb[i];
            cols.add(p);
          }
      }
      case 3 -> { // zero columns among full-rank ones, and a numeric covariate interacting with a factor
        int ka = large ? 40 + rng.nextInt(10) : 2 + rng.nextInt(5);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextInt(ka);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.nextGaussian();
        cols.add(x);
        for (double[] c : indicators(a, ka, false)) {
          double[] p = new double[n];
          for (int i = 0; i < n; i++) p[i] = c[i] * x[i];
          cols.add(p);
        }
        cols.add(new double[n]);
        cols.addAll(indicators(a, ka, true));
        cols.add(new double[n]);
      }
      case 4 -> { // no intercept, all levels: the constant is implicit
        cols.clear();
        int ka = large ? 80 + rng.nextInt(20) : 2 + rng.nextInt(6);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextInt(ka);
        cols.addAll(indicators(a, ka, false));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 50 + 10 * rng.nextGaussian(); // badly scaled against the indicators
        cols.add(x);
      }
      default -> { // fewer rows than columns
        n = Math.min(n, 80);
        cols.set(0, ones(n));
        int m = n + 1 + rng.nextInt(n);
        for (int j = 0; j < m; j++) {
          double[] c = new double[n];
          for (int i = 0; i < n; i++) c[i] = rng.nextInt(3) == 0 ? rng.nextGaussian() : 0;
          cols.add(c);
        }
      }
    }
    return cols.toArray(new double[0][]);
  }

  static double[] response(int n, SplittableRandom rng) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) y[i] = 1 + rng.nextGaussian();
    return y;
  }

  static void assertAgrees(Reference ref, LeastSquares ls, String what) {
    assertEquals(ref.rank, ls.rank, what + ": rank");
    double norm = 0, covNorm = 0;
    for (double b : ref.beta) norm = Math.max(norm, Math.abs(b));
    for (double[] row : ref.cov) for (double c : row) covNorm = Math.max(covNorm, Math.abs(c));
    for (int j = 0; j < ref.beta.length; j++) {
      assertEquals(ref.beta[j], ls.beta[j], 1e-8 * norm + 1e-300, what + ": beta[" + j + "]");
      assertEquals(ref.cov[j][j], ls.covDiagonal[j], 1e-8 * covNorm, what + ": cov diagonal [" + j + "]");
      for (int l = 0; l < ref.beta.length; l++)
        assertEquals(ref.cov[j][l], ls.normalizedCov()[j][l], 1e-8 * covNorm, what + ": cov[" + j + "][" + l + "]");
    }
  }

  @Test
  void qrSolverEqualsTheSvdPseudoInverse() {
    SplittableRandom rng = new SplittableRandom(SEED);
    for (int t = 0; t < 120; t++) {
      int kind = t % 6;
      double[][] x = design(kind, false, rng);
      double[] y = response(x[0].length, rng);
      Reference ref = Reference.of(x, y);
      LeastSquares ls = QrSvdSolver.solve(x, y, true);
      String what = "seed " + SEED + ", design " + t + " (kind " + kind + ", " + y.length + "×" + x.length + ")";
      assertAgrees(ref, ls, what);
      assertEquals(ref.spansConstant, ls.spansConstant, what + ": implicit constant");
      assertTrue(kind == 1 || kind == 3 || kind == 5 ? ls.rank < x.length : true, what + ": the design is rank deficient");
    }
  }

  @Test
  void gramFastPathEqualsTheSvdPseudoInverseWheneverItAnswers() {
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    int accepted = 0, large = 0;
    List<String> declined = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      int kind = t % 5; // kind 5 (n < k) never takes the fast path
      double[][] x = design(kind, true, rng);
      double[] y = response(x[0].length, rng);
      large++;
      GramSolver.Attempt attempt = GramSolver.attempt(x, y, true);
      LeastSquares fast = attempt.result();
      if (fast == null) {
        declined.add("design " + t + " (kind " + kind + ", " + y.length + "×" + x.length + "): " + attempt.declined());
        continue;
      }
      accepted++;
      String what = "seed " + (SEED + 1) + ", design " + t + " (kind " + kind + ", " + y.length + "×" + x.length + ")";
      Reference ref = Reference.of(x, y);
      assertAgrees(ref, fast, what);
      assertEquals(ref.spansConstant, fast.spansConstant, what + ": implicit constant");
      assertEquals(LeastSquares.Path.GRAM, LeastSquares.solve(x, y, true).path);
    }
    assertTrue(accepted >= large * 2 / 3, "the fast path accepted only " + accepted + " of " + large + " large designs:\n"
        + String.join("\n", declined));
  }

  /** Nearly square designs (n just above k) take the fast path too, and agree. */
  @Test
  void gramFastPathOnNearlySquareDesigns() {
    SplittableRandom rng = new SplittableRandom(SEED + 4);
    for (int t = 0; t < 2; t++) {
      int k = 450 + rng.nextInt(50), n = k + 20 + rng.nextInt(50);
      double[][] x = new double[k][n];
      for (int j = 0; j < k; j++) for (int i = 0; i < n; i++) x[j][i] = j == 0 ? 1 : rng.nextInt(4) == 0 ? rng.nextGaussian() : 0;
      x[k - 1] = x[1].clone(); // one duplicated column
      double[] y = response(n, rng);
      GramSolver.Attempt attempt = GramSolver.attempt(x, y, false);
      assertNotNull(attempt.result(), attempt.declined());
      assertAgrees(Reference.of(x, y), attempt.result(), n + "×" + k);
      assertEquals(k - 1, attempt.result().rank);
    }
  }

  /**
   * All-zero columns are set aside before the fast path solves (ZeroColumns): their coefficients,
   * their rows and columns of (X'X)⁺ are exactly zero, their singular values zero, and the rest
   * agrees with the SVD of the whole design.
   */
  @Test
  void gramFastPathSetsZeroColumnsAside() {
    SplittableRandom rng = new SplittableRandom(SEED + 5);
    double[][] x = design(3, true, rng); // two zero columns among others
    double[] y = response(x[0].length, rng);
    int[] zero = java.util.stream.IntStream.range(0, x.length)
        .filter(j -> java.util.Arrays.stream(x[j]).allMatch(v -> v == 0)).toArray();
    assertEquals(2, zero.length);
    GramSolver.Attempt attempt = GramSolver.attempt(x, y, false);
    assertNotNull(attempt.result(), attempt.declined());
    LeastSquares ls = attempt.result();
    assertAgrees(Reference.of(x, y), ls, "zero columns");
    for (int z : zero) {
      assertEquals(0.0, ls.beta[z]);
      assertEquals(0.0, ls.covDiagonal[z]);
      for (int j = 0; j < x.length; j++) assertEquals(0.0, ls.normalizedCov()[z][j] + ls.normalizedCov()[j][z]);
    }
    double[] s = ls.singularValues();
    assertEquals(x.length, s.length);
    assertEquals(0.0, s[s.length - 1]);
    assertEquals(0.0, s[s.length - 2]);
    assertTrue(s[0] > 0);
  }

  @Test
  void gramFastPathDeclinesWhatItCannotProve() {
    SplittableRandom rng = new SplittableRandom(SEED + 2);
    int n = 5000;
    double[] one = ones(n), x = new double[n], w = new double[n], y = response(n, rng);
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
      w[i] = x[i] + 1e-7 * rng.nextGaussian(); // full rank for numpy, but too close to tell from X'X
    }
    double[][] design = {one, x, w};
    double[][] padded = new double[60][];
    System.arraycopy(design, 0, padded, 0, 3);
    for (int j = 3; j < 60; j++) {
      padded[j] = new double[n];
      for (int i = 0; i < n; i++) padded[j][i] = rng.nextGaussian();
    }
    assertNull(GramSolver.trySolve(padded, y, false), "nearly collinear columns go to the QR solver");
    LeastSquares ls = LeastSquares.solve(padded, y, false);
    assertEquals(LeastSquares.Path.QR_SVD, ls.path);
    assertEquals(60, ls.rank);
    assertAgrees(Reference.of(padded, y), ls, "nearly collinear");
  }

  /**
   * The crash of the issue: many all-zero columns (empty cells of a three-way interaction), large
   * enough for the fast path. Cells (a_i, a_i_j, c_k) for i < 4, j < 2, k < 3, y ~ b:c:a.
   */
  @Test
  void threeWayInteractionWithEmptyCellsFits() {
    SplittableRandom rng = new SplittableRandom(SEED + 3);
    int per = 120, n = 4 * 2 * 3 * per;
    String[] a = new String[n], b = new String[n], c = new String[n];
    double[] y = new double[n];
    int r = 0;
    for (int i = 0; i < 4; i++)
      for (int j = 0; j < 2; j++)
        for (int k = 0; k < 3; k++)
          for (int m = 0; m < per; m++, r++) {
            a[r] = "a" + i;
            b[r] = "a" + i + "_" + j;
            c[r] = "c" + k;
            y[r] = rng.nextGaussian();
          }
    Columns data = new Columns("cells", List.of(tech.tablesaw.api.StringColumn.create("a", a),
        tech.tablesaw.api.StringColumn.create("b", b), tech.tablesaw.api.StringColumn.create("c", c),
        tech.tablesaw.api.DoubleColumn.create("y", y)));
    DesignMatrix d = DesignMatrix.build(Formula.parse("y ~ b:c:a"), data);
    LeastSquares ls = LeastSquares.solve(d.columns(), d.response(), false);
    assertNotNull(ls);
    assertEquals(24, ls.rank, "one coefficient per cell");
    assertAgrees(Reference.of(d.columns(), d.response()), ls, "y ~ b:c:a");
    OlsResults fit = Ols.fit(d);
    assertEquals(n - 24, fit.dfResid());
  }
}
