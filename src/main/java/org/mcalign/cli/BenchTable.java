package org.mcalign.cli;

import java.util.List;
import org.mcalign.data.Benchmark;

/** Lays out benchmark rows as one aligned text table (columns as wide as their longest entry). */
final class BenchTable {
  private BenchTable() {}

  static String format(List<Benchmark.Measurement> rows, int cores, String host) {
    int stage = "stage".length(), input = "input".length();
    for (Benchmark.Measurement m : rows) {
      stage = Math.max(stage, m.stage().length());
      input = Math.max(input, m.input().length());
    }
    String fmt = "%-" + stage + "s  %-" + input + "s %10s %10s  %s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("# %d cores, Java %s; %s%n", cores, System.getProperty("java.version"), host));
    sb.append(String.format(fmt, "stage", "input", "wall (s)", "peak MB", "rate"));
    for (Benchmark.Measurement m : rows) {
      sb.append(String.format(fmt, m.stage(), m.input(), String.format("%.3f", m.wallSeconds()),
          m.peakHeapBytes() > 0 ? String.format("%.0f", m.peakHeapBytes() / 1048576.0) : "", m.rate()));
    }
    return sb.toString();
  }
}
