package org.mcalign.analysis;

import java.util.List;
import java.util.Map;
import org.mcalign.data.Benchmark;
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
  }
}
