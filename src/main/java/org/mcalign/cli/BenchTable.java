package org.mcalign.cli;

import java.util.List;
import org.mcalign.data.Benchmark;

/** Lays out benchmark rows as one aligned text table. */
final class BenchTable {
  private BenchTable() {}

  static String format(List<Benchmark.Measurement> rows, int cores) {
    String fmt = "%-44s %-28s %10s %10s  %s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("# %d cores, Java %s%n", cores, System.getProperty("java.version")));
    sb.append(String.format(fmt, "stage", "input", "wall (s)", "peak MB", "rate"));
    for (Benchmark.Measurement m : rows) {
      sb.append(String.format(fmt, m.stage(), m.input(), String.format("%.3f", m.wallSeconds()),
          String.format("%.0f", m.peakHeapBytes() / 1048576.0), m.rate()));
    }
    return sb.toString();
  }
}
