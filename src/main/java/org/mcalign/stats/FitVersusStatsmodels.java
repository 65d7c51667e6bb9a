package org.mcalign.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mcalign.data.Benchmark.Measurement;
import org.mcalign.data.CsvOut;
import org.mcalign.data.WholeProcess;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code mcalign fit} as a user runs it (a new JVM: start-up, CSV, formula, fit, JSON) beside
 * statsmodels on the same file (/usr/bin/python3: its whole process with imports and read_csv,
 * and its formula + fit alone), over a grid of OLS designs from 1,000 to 50,000 rows and 10 to
 * 600 columns, each full rank and rank-deficient (empty cells of an interaction), and the two
 * least-squares solvers on the largest designs (the figures behind the solver's choice). Each
 * time is the best of {@link #REPEATS} runs: the machine may be shared, and the best run is the
 * least disturbed one.
 */
final class FitVersusStatsmodels {
  private FitVersusStatsmodels() {}

  static final int REPEATS = 3;
  /** A two-factor interaction plus a covariate: {@code la × lb + 1} columns. */
  static final String FORMULA = "y ~ a*b + x";
  private static final String STATSMODELS = String.join("\n",
      "import sys, time, json",
      "t0 = time.perf_counter()",
      "import pandas as pd, statsmodels.formula.api as smf",
      "t1 = time.perf_counter()",
      "d = pd.read_csv(sys.argv[1])",
      "t2, c2 = time.perf_counter(), time.process_time()",
      "r = smf.ols(sys.argv[2], d).fit()",
      "t3, c3 = time.perf_counter(), time.process_time()",
      "print(json.dumps({'import': t1 - t0, 'read': t2 - t1, 'fit': t3 - t2, 'fitcpu': c3 - c2, 'rank': int(r.model.rank)}))");

  /** One design of the grid: rows, the two factors' levels, and whether every cell has rows (full rank). */
  record Design(int rows, int la, int lb, boolean fullRank) {
    int columns() {
      return la * lb + 1;
    }
  }

  /** The grid of issue 19: 1,000 / 10,000 / 50,000 rows × about 10 / 100 / 600 columns, full rank and rank-deficient. */
  static List<Design> grid(boolean quick) {
    int[] rows = quick ? new int[] {1_000, 10_000} : new int[] {1_000, 10_000, 50_000};
    int[][] levels = quick ? new int[][] {{3, 3}, {9, 11}} : new int[][] {{3, 3}, {9, 11}, {23, 26}};
    List<Design> grid = new ArrayList<>();
    for (int n : rows) for (int[] l : levels) for (boolean full : new boolean[] {true, false}) grid.add(new Design(n, l[0], l[1], full));
    return grid;
  }

  /**
   * Rows of {@code y ~ a*b + x}: {@code la × lb} cells, each of which gets a row first when the
   * design is full rank; otherwise every 7th cell stays empty, so the interaction is rank-deficient.
   */
  static Table interaction(Design design, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int rows = design.rows(), la0 = design.la(), lb0 = design.lb(), cells = la0 * lb0;
    if (design.fullRank() && rows < cells) throw new IllegalArgumentException(rows + " rows cannot fill " + cells + " cells");
    String[] a = new String[rows], b = new String[rows];
    double[] x = new double[rows], y = new double[rows];
    for (int i = 0; i < rows; i++) {
      int la, lb;
      if (design.fullRank() && i < cells) {
        la = i / lb0;
        lb = i % lb0;
      } else {
        do {
          la = rng.nextInt(la0);
          lb = rng.nextInt(lb0);
        } while (!design.fullRank() && (la * lb0 + lb) % 7 == 3);
      }
      a[i] = String.format("a%02d", la);
      b[i] = String.format("b%02d", lb);
      x[i] = rng.nextGaussian();
      y[i] = 0.1 * la - 0.05 * lb + 0.3 * x[i] + rng.nextGaussian();
    }
    return Table.create("interaction", StringColumn.create("a", a), StringColumn.create("b", b), DoubleColumn.create("x", x),
        DoubleColumn.create("y", y));
  }

  /**
   * One line per design: {@code fit}'s whole process (wall, CPU) beside statsmodels' whole
   * process and its formula + fit alone, on the same CSV; the solvers' line on the largest designs.
   */
  static void measure(Design design, long seed, List<Measurement> out) throws Exception {
    Table t = interaction(design, seed);
    Path dir = Files.createTempDirectory("mcalign-bench-fit");
    Path csv = dir.resolve("interaction.csv");
    try {
      CsvOut.write(t, csv);
      DesignMatrix d = DesignMatrix.build(FORMULA, t);
      LeastSquares ls = LeastSquares.solve(d.columns(), d.response(), false);
      String shape = String.format("%,d x %d, rank %d", d.nobs(), d.ncols(), ls.rank);
      if (design.rows() >= 50_000 && design.columns() >= 500) solvers(d, shape, out);

      double javaWall = best(() -> run(WholeProcess.mcalign(List.of("fit", "--data", csv.toString(), "--formula", FORMULA, "--json")), dir));
      double javaCpu = bestCpu;
      String stage = "fit vs statsmodels (" + (design.fullRank() ? "full rank" : "rank-deficient") + ")";
      String input = shape + ", best of " + REPEATS;
      String java = "fit whole process " + cpu(javaCpu);

      Path python = Path.of("/usr/bin/python3");
      if (!Files.isExecutable(python) || run(List.of(python.toString(), "-c", "import statsmodels"), dir) < 0) {
        out.add(new Measurement(stage, input, javaWall, 0, java + "; statsmodels not available (/usr/bin/python3)"));
        return;
      }
      Path script = dir.resolve("fit.py");
      Files.writeString(script, STATSMODELS);
      double[] inside = {Double.MAX_VALUE, Double.MAX_VALUE};
      double pyWall = best(() -> {
        Path log = dir.resolve("py.json");
        double w = run(List.of(python.toString(), script.toString(), csv.toString(), FORMULA), dir, log);
        String json = Files.readString(log);
        inside[0] = Math.min(inside[0], number(json, "fit"));
        inside[1] = Math.min(inside[1], number(json, "fitcpu"));
        return w;
      });
      double pyCpu = bestCpu;
      out.add(new Measurement(stage, input, javaWall, 0, String.format(
          "%s | statsmodels whole process %.2f s, %s; formula+fit alone %.2f s | statsmodels ÷ fit: wall %.1fx%s", java, pyWall,
          cpu(pyCpu), inside[0], pyWall / javaWall,
          Double.isNaN(javaCpu) || Double.isNaN(pyCpu) ? "" : String.format(", CPU %.1fx", pyCpu / javaCpu))));
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    }
  }

  /** The two solvers (and the fast path's verdict) on the same design: the choice the solver makes, in figures. */
  private static void solvers(DesignMatrix d, String shape, List<Measurement> out) throws Exception {
    double[][] x = d.columns();
    double[] y = d.response();
    GramSolver.Attempt[] attempt = new GramSolver.Attempt[1];
    out.add(Measurement.time("least squares: Gram fast path (certified)", shape, 1, 1, "fits",
        () -> attempt[0] = GramSolver.attempt(x, y, false)));
    String verdict = attempt[0].result() != null ? "accepted" : "declined: " + attempt[0].declined();
    Measurement gram = out.remove(out.size() - 1);
    out.add(new Measurement(gram.stage(), gram.input(), gram.wallSeconds(), gram.peakHeapBytes(), verdict));
    out.add(Measurement.time("least squares: Householder QR (row blocks) + SVD of R", shape, 1, 1, "fits",
        () -> QrSvdSolver.solve(x, y, false)));
  }

  private interface Timed {
    double run() throws Exception;
  }

  /** The least wall time of {@link #REPEATS} runs; the least CPU time of them in {@link #bestCpu}. */
  private static double best(Timed t) throws Exception {
    double best = Double.MAX_VALUE;
    bestCpu = Double.NaN;
    for (int i = 0; i < REPEATS; i++) {
      best = Math.min(best, t.run());
      if (!Double.isNaN(lastCpu)) bestCpu = Double.isNaN(bestCpu) ? lastCpu : Math.min(bestCpu, lastCpu);
    }
    return best;
  }

  private static double bestCpu = Double.NaN;

  private static String cpu(double seconds) {
    return Double.isNaN(seconds) ? "" : String.format("CPU %.2f s", seconds);
  }

  private static double run(List<String> command, Path dir) throws IOException, InterruptedException {
    return run(command, dir, dir.resolve("out.txt"));
  }

  /** CPU seconds (user + system) of the last child process, NaN where /usr/bin/time is not there to say. */
  private static double lastCpu = Double.NaN;

  /** Wall seconds of a child process (its output to {@code stdout}), or −1 if it fails; its CPU time in {@link #lastCpu}. */
  private static double run(List<String> command, Path dir, Path stdout) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command);
    Path cpuFile = dir.resolve("cpu.txt");
    Files.deleteIfExists(cpuFile);
    if (Files.isExecutable(Path.of("/usr/bin/time"))) cmd.addAll(0, List.of("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(stdout.toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 minutes");
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    lastCpu = Double.NaN;
    if (Files.exists(cpuFile)) {
      String[] f = Files.readString(cpuFile).strip().split("\\s+");
      if (f.length == 2) lastCpu = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
    }
    if (p.exitValue() != 0) {
      if (command.get(0).endsWith("java")) throw new IllegalStateException("fit failed: " + Files.readString(dir.resolve("err.txt")));
      return -1;
    }
    return secs;
  }

  private static double number(String json, String key) {
    int at = json.indexOf("\"" + key + "\": ");
    int start = at + key.length() + 4, end = start;
    while (end < json.length() && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) end++;
    return Double.parseDouble(json.substring(start, end));
  }
}
