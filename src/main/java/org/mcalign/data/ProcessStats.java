package org.mcalign.data;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time, wall time since the JVM started and peak resident memory, for the
 * line a command prints at its end, which {@code bench} reads from the process it ran (the
 * machine may be shared: wall time alone misleads).
 */
public final class ProcessStats {
  private ProcessStats() {}

  /** CPU time of all threads of this JVM, in nanoseconds (0 where the JVM does not say). */
  public static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Seconds since the JVM started. */
  public static double uptimeSeconds() {
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  }

  /** Peak resident set size in bytes ({@code VmHWM} of {@code /proc/self/status}), or -1 off Linux. */
  public static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status")))
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The line a command prints at its end: {@code process: W s since JVM start, C s CPU, peak RSS M MB}. */
  public static String line() {
    long rss = peakRssBytes();
    return String.format("process: %.2f s since JVM start, %.2f s CPU, peak RSS %s", uptimeSeconds(), cpuNanos() / 1e9,
        rss < 0 ? "unknown" : (rss >> 20) + " MB");
  }

  /** The (CPU seconds, peak RSS bytes) of a {@link #line()} found in {@code text}, or null. */
  public static double[] parse(String text) {
    var m = java.util.regex.Pattern.compile("process: [0-9.]+ s since JVM start, ([0-9.]+) s CPU, peak RSS (\\d+) MB")
        .matcher(text);
    return m.find() ? new double[] {Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)) << 20} : null;
  }
}
