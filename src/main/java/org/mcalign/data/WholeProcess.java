package org.mcalign.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A command of this project run as users run it, in a new {@code java} process on the same
 * class path, timed from launch to exit: what benchmarks report beside their in-process parts
 * (JVM start, class loading and file writing are part of what a user waits for). The command
 * must end with {@link ProcessStats#line()}, which gives its CPU time and peak RSS.
 */
public final class WholeProcess {
  private WholeProcess() {}

  /** One run: wall seconds from launch to exit, CPU seconds and peak RSS bytes as the process reported them. */
  public record Run(double wallSeconds, double cpuSeconds, long peakRssBytes) {}

  /**
   * The command users run, {@code java -jar <this jar> <args>}, when this process runs from the
   * jar; otherwise (tests, an IDE) {@code java -cp <this class path> org.mcalign.cli.Main <args>}.
   * Paths are absolute, so the child may run in another working directory.
   */
  public static List<String> mcalign(List<String> args) {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator))
      if (!e.isEmpty()) entries.add(Path.of(e).toAbsolutePath().toString());
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (entries.size() == 1 && entries.get(0).endsWith("mcalign.jar")) cmd.addAll(List.of("-jar", entries.get(0)));
    else cmd.addAll(List.of("-cp", String.join(File.pathSeparator, entries), "org.mcalign.cli.Main"));
    cmd.addAll(args);
    return cmd;
  }

  /** Runs {@code command} once; a non-zero exit or a missing {@code process:} line is an error quoting its last line. */
  public static Run run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("mcalign-whole-process", ".log");
    try {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      int code = p.waitFor();
      double wall = (System.nanoTime() - t0) / 1e9;
      String text = Files.readString(log);
      double[] stats = ProcessStats.parse(text);
      if (code != 0 || stats == null) {
        String last = text.lines().reduce((a, b) -> b).orElse("(no output)");
        throw new IllegalStateException(String.join(" ", command.subList(argsStart(command), command.size())) + " exited with " + code + (stats == null && code == 0 ? " without a process: line" : "") + ": " + last);
      }
      return new Run(wall, stats[0], (long) stats[1]);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Where the subcommand's arguments start in a command built by {@link #mcalign}. */
  private static int argsStart(List<String> command) {
    int main = command.indexOf("org.mcalign.cli.Main");
    return main >= 0 ? main + 1 : command.indexOf("-jar") + 2;
  }

  /** One run of a measured command (a fresh output folder each time, say). */
  @FunctionalInterface
  public interface Attempt {
    Run run() throws Exception;
  }

  /** The run of median wall time among {@code runs} runs, each reported on stderr as it ends. */
  public static Run median(String what, int runs, Attempt attempt) throws Exception {
    List<Run> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Run r = attempt.run();
      System.err.printf("bench: %s run %d: %.2f s wall, %.2f s CPU%n", what, i + 1, r.wallSeconds(), r.cpuSeconds());
      results.add(r);
    }
    results.sort(Comparator.comparingDouble(Run::wallSeconds));
    return results.get(results.size() / 2);
  }

  /** The first number of {@code /proc/loadavg}, or "?" off Linux: wall times mean little without it. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
