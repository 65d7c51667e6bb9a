package org.mcalign.data;

import java.util.List;

/**
 * A benchmark of one stage, found by {@link java.util.ServiceLoader} (each package lists
 * its benchmarks in {@code META-INF/services/org.mcalign.data.Benchmark}) and run by
 * {@code mcalign bench}. Benchmarks print figures; they never assert.
 */
public interface Benchmark {
  /** Short name used to select it on the command line, e.g. {@code stats}. */
  String name();

  /** Runs the benchmark and returns one row per measured step. */
  List<Measurement> run(Settings settings) throws Exception;

  /** Options every benchmark understands. */
  record Settings(boolean quick, long seed) {}

  /** One measured step: what, on how much input, how long, peak heap, and a rate. */
  record Measurement(
      String stage, String input, double wallSeconds, long peakHeapBytes, String rate) {

    /** Times {@code body} once after {@code warmups} untimed runs, tracking peak heap. */
    public static Measurement time(
        String stage, String input, int warmups, double units, String unit, ThrowingRunnable body)
        throws Exception {
      for (int i = 0; i < warmups; i++) body.run();
      HeapSampler sampler = HeapSampler.start();
      long t0 = System.nanoTime();
      body.run();
      double secs = (System.nanoTime() - t0) / 1e9;
      long peak = sampler.stop();
      String rate = units > 0 ? String.format("%,.1f %s/s", units / secs, unit) : "";
      return new Measurement(stage, input, secs, peak, rate);
    }
  }

  /**
   * The usual shape of a benchmark: a fixed name and a list of measured steps, so that a
   * benchmark states only what it measures (a public no-argument constructor calling
   * {@code super("name")} keeps it loadable by {@link java.util.ServiceLoader}).
   */
  abstract class Steps implements Benchmark {
    private final String name;

    protected Steps(String name) {
      this.name = name;
    }

    @Override
    public final String name() {
      return name;
    }

    @Override
    public final List<Measurement> run(Settings settings) throws Exception {
      List<Measurement> rows = new java.util.ArrayList<>();
      measure(settings, rows);
      return rows;
    }

    /** Adds one row per measured step to {@code rows}, in the order they should print. */
    protected abstract void measure(Settings settings, List<Measurement> rows) throws Exception;
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
