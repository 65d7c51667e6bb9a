package org.mcalign.wvs;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mcalign.data.Benchmark;
import org.mcalign.data.WholeProcess;

/**
 * Stage 1 on generated microdata at full scale (157,000 respondents, ~250 columns; {@code
 * --quick}: 20,000): generation, the raw CSV tokenizer against a BufferedReader + split
 * baseline, the one-pass reader, the whole stage (read, tables, self-consistency) and the
 * all-or-nothing write. The goal is under 60 s on 2 cores with at most 1 GB of heap
 * ({@code java -Xmx1g -jar target/mcalign.jar bench wvs}).
 */
public class WvsBenchmark extends Benchmark.Steps {
  public WvsBenchmark() {
    this("wvs");
  }

  WvsBenchmark(String name) {
    super(name);
  }

  /** Generated items beyond the paper's 83. */
  int extraItems() {
    return MicrodataSynthesizer.Settings.DEFAULT_EXTRA_ITEMS;
  }

  @Override
  protected void measure(Settings settings, List<Measurement> rows) throws Exception {
    int n = settings.quick() ? 20_000 : MicrodataSynthesizer.FULL_SCALE;
    Path dir = Files.createTempDirectory("mcalign-wvs-bench");
    Path file = dir.resolve("microdata.csv");
    try {
      MicrodataSynthesizer synth = new MicrodataSynthesizer(
          MicrodataSynthesizer.Settings.defaults().withRespondents(n).withSeed(settings.seed()).withExtraItems(extraItems()));
      rows.add(Measurement.time(name() + " synthesize", String.format("%,d respondents", n), 0, n, "respondents",
          () -> synth.write(file)));
      long bytes = Files.size(file);
      double mb = bytes / 1e6;
      String input = String.format("%,.0f MB, %,d resp.", mb, n);
      rows.add(timed(name() + " tokenize only", input, mb, () -> tokenize(file)));
      rows.add(timed(name() + " readLine+split baseline", input, mb, () -> naive(file)));
      Microdata[] data = new Microdata[1];
      rows.add(timed(name() + " one-pass read", input, mb, () -> {
        if (data[0] != null) data[0].close(); // the warm-up's result must not stay alive during the timed run
        data[0] = null;
        data[0] = Microdata.read(file);
      }));
      rows.add(new Measurement(name() + " accumulators (retained)", input, 0, data[0].retainedBytes(),
          String.format("+ %,d MB temporary row file", data[0].spilledBytes() >> 20)));
      data[0].close();
      data[0] = null;
      GroundTruth[] gt = new GroundTruth[1];
      rows.add(timed(name() + " ground truth (read+tables+self-cons.)", input, mb,
          () -> {
            gt[0] = null;
            gt[0] = GroundTruth.compute(file, GroundTruthSettings.paper().withSeed(settings.seed()), Microdata.Progress.NONE);
          }));
      Path out = dir.resolve("out");
      rows.add(Measurement.time(name() + " write outputs", "6 files", 0, 0, "", () -> gt[0].writeTo(out)));
      gt[0] = null;
      rows.add(wholeProcess(file, dir.resolve("cli-out"), input, settings));
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * {@code mcalign wvs-ground-truth} as users run it (a new JVM, start to last file; default
   * heap), the median wall time of 5 runs ({@code --quick}: 1) with that run's CPU time and peak
   * RSS, as the command reports them, and the load average before the runs.
   */
  private Measurement wholeProcess(Path file, Path out, String input, Settings settings) throws Exception {
    String load = WholeProcess.loadAverage();
    int runs = settings.quick() ? 1 : 5;
    List<String> cmd = WholeProcess.mcalign(List.of("wvs-ground-truth", "--microdata", file.toString(), "--out", out.toString(),
        "--seed", Long.toString(settings.seed())));
    WholeProcess.Run r = WholeProcess.median("wvs-ground-truth", runs, () -> WholeProcess.run(cmd));
    return new Measurement(name() + " wvs-ground-truth, whole process (median of " + runs + ")", input, r.wallSeconds(),
        r.peakRssBytes(), String.format("%.2f s CPU (peak RSS), load %s", r.cpuSeconds(), load));
  }

  /**
   * Like {@link Measurement#time} with one warm-up, adding this thread's CPU time to the rate:
   * on a shared machine the wall time depends on the load, the CPU time much less.
   */
  static Measurement timed(String stage, String input, double mb, ThrowingRunnable body) throws Exception {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] cpu = new long[2];
    Measurement m = Measurement.time(stage, input, 1, mb, "MB", () -> {
      cpu[0] = threads.getCurrentThreadCpuTime();
      body.run();
      cpu[1] = threads.getCurrentThreadCpuTime();
    });
    double cpuSeconds = (cpu[1] - cpu[0]) / 1e9;
    return new Measurement(m.stage(), m.input(), m.wallSeconds(), m.peakHeapBytes(),
        String.format("%s; cpu %.2f s = %.0f MB/s", m.rate(), cpuSeconds, mb / cpuSeconds));
  }

  /** Tokenizes every field, touching each field's first byte so nothing is optimised away. */
  static long tokenize(Path file) throws Exception {
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      CsvRecords csv = new CsvRecords(in);
      while (csv.next()) {
        byte[] b = csv.buffer();
        for (int f = 0; f < csv.fieldCount(); f++) if (csv.end(f) > csv.start(f)) sum += b[csv.start(f)];
      }
    }
    return sum;
  }

  /** The obvious approach: BufferedReader.readLine, String.split, Integer.parseInt per field. */
  static long naive(Path file) throws Exception {
    long sum = 0;
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String header = r.readLine();
      int width = header.split(",", -1).length;
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",", -1);
        for (int i = 22; i < width; i++) sum += Integer.parseInt(f[i]);
      }
    }
    return sum;
  }
}
