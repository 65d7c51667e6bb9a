package org.mcalign.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcalign.data.OutputFolder;
import org.mcalign.data.Benchmark;
import org.mcalign.data.WholeProcess;
import org.mcalign.data.HeapSampler;

/**
 * {@code mcalign bench analysis}: the complete stage 7–8 analysis at the paper's settings
 * (1,000 rounds where the paper uses 1,000, 100 where it uses 100) from the published
 * scores, one row per analysis plus the total. {@code --quick}: 10 rounds everywhere.
 */
public final class AnalysisBenchmark extends Benchmark.Steps {
  public AnalysisBenchmark() {
    super("analysis");
  }

  @Override
  protected void measure(Settings settings, List<Measurement> rows) throws Exception {
    AnalysisInputs in = Analyses.inputs();
    AnalysisSettings s = settings.quick() ? AnalysisSettings.paper().withAllRounds(10) : AnalysisSettings.paper();
    String input = in.responses().rowCount() + " responses";
    // warm-up (JIT) on a small run, untimed
    PaperAnalysis.run(in, AnalysisSettings.paper().withAllRounds(3), settings.seed(), PaperAnalysis.Scope.ALL);
    HeapSampler heap = HeapSampler.start();
    long cpu0 = PaperAnalysis.processCpuNanos();
    long t0 = System.nanoTime();
    PaperAnalysis.Result r = PaperAnalysis.run(in, s, settings.seed(), PaperAnalysis.Scope.ALL);
    double total = (System.nanoTime() - t0) / 1e9;
    double cpu = (PaperAnalysis.processCpuNanos() - cpu0) / 1e9;
    long peak = heap.stop();
    for (Map.Entry<String, Double> e : r.seconds().entrySet())
      rows.add(new Measurement("analysis: " + e.getKey(), input, e.getValue(), 0,
          String.format("%.2f s CPU", r.cpuSeconds().getOrDefault(e.getKey(), 0.0))));
    rows.add(new Measurement("analysis: stage 7-8 total" + (settings.quick() ? " (quick)" : " (paper settings)"),
        input + ", " + r.tables().size() + " tables, " + r.regressions().size() + " regressions", total, peak,
        String.format("%.1f s CPU", cpu)));
    rows.add(figures(r, in));
    rows.add(endToEnd(settings.quick() ? 1 : 5));
  }

  /** The 16 figures of one result, drawn and written one after another on one thread ({@code analyze all} spreads their groups over its writer threads). */
  private static Measurement figures(PaperAnalysis.Result r, AnalysisInputs in) throws Exception {
    Path dir = Files.createTempDirectory("mcalign-bench-figures");
    try {
      long c0 = PaperAnalysis.processCpuNanos();
      Measurement m = Measurement.time("analysis: figures (draw + PNG)", "16 figures", 0, 0, "", () -> {
        for (var f : PaperFigures.all(r, in)) f.saveIn(dir);
      });
      return new Measurement(m.stage(), m.input(), m.wallSeconds(), m.peakHeapBytes(),
          String.format("%.2f s CPU", (PaperAnalysis.processCpuNanos() - c0) / 1e9));
    } finally {
      OutputFolder.deleteTree(dir);
    }
  }

  /**
   * {@code mcalign analyze all} as users run it, JVM start to last file, in a new process on
   * the same jar or class path: the median wall time of {@code runs}, with that run's CPU time
   * and peak RSS (the line the command prints at its end) and the load average before the runs.
   */
  static Measurement endToEnd(int runs) throws Exception {
    String load = WholeProcess.loadAverage();
    WholeProcess.Run median = WholeProcess.median("analyze all", runs, () -> {
      Path out = Files.createTempDirectory("mcalign-bench-analyze");
      try {
        return WholeProcess.run(WholeProcess.mcalign(List.of("analyze", "all", "--out", out.toString())));
      } finally {
        OutputFolder.deleteTree(out);
      }
    });
    return new Measurement("analysis: analyze all, whole process (median of " + runs + ")",
        "paper settings, figures, all files", median.wallSeconds(), median.peakRssBytes(),
        String.format("%.1f s CPU (peak RSS), load %s", median.cpuSeconds(), load));
  }

}
