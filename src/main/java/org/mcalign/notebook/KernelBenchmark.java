package org.mcalign.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.mcalign.data.Benchmark;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code mcalign bench kernel}: the kernel process from start to its first reply, the first
 * cell (JShell's cold compile), a trivial cell's round trip after warm-up, and, in-process,
 * rendering a 10,000-row table to HTML and a chart to a 2× PNG.
 */
public final class KernelBenchmark extends Benchmark.Steps {
  public KernelBenchmark() {
    super("kernel");
  }

  @Override
  protected void measure(Settings settings, List<Measurement> rows) throws Exception {
    Path jar = CellEvaluator.ownLocation();
    if (jar != null && Files.isRegularFile(jar)) {
      rows.addAll(kernelProcess(jar, settings.quick() ? 5 : 20));
    } else {
      System.err.println("bench kernel: not running from the jar; skipping the kernel-process figures");
    }
    int n = settings.quick() ? 2_000 : 10_000;
    Table table = sampleTable(n, settings.seed());
    rows.add(Measurement.time("kernel: render table → HTML", String.format("%,d rows × 4 cols", n), 3, 1, "tables",
        () -> Renderers.render(table)));
    int points = 1_000;
    XYChart chart = sampleChart(points, settings.seed());
    rows.add(Measurement.time("kernel: render chart → PNG 2×", String.format("XY 800×600, %,d points", points), 2, 1, "charts",
        () -> Renderers.render(chart)));
    try (CellEvaluator eval = new CellEvaluator()) {
      for (int i = 0; i < 5; i++) eval.eval("int warm" + i + " = " + i + ";", i);
      rows.add(Measurement.time("kernel: JShell eval of a trivial cell", "1 + 1 (in-process)", 3, 1, "cells",
          () -> eval.eval("1 + 1", 99)));
    }
  }

  private static List<Measurement> kernelProcess(Path jar, int trivialRounds) throws Exception {
    List<Measurement> rows = new ArrayList<>();
    Path dir = Files.createTempDirectory("mcalign-kernel-bench");
    Path conn = dir.resolve("connection.json");
    Map<String, Object> connection = KernelClient.writeConnectionFile(conn);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(KernelSpec.defaultJvmOptions());
    cmd.addAll(List.of("-jar", jar.toString(), "kernel", "run", conn.toString()));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("kernel.log").toFile()).start();
    try (KernelClient client = KernelClient.connect(connection)) {
      client.request("kernel_info_request", Map.of(), 120_000);
      double ready = (System.nanoTime() - t0) / 1e9;
      rows.add(new Measurement("kernel: start → first reply", "kernel_info", ready, 0, ""));
      long t1 = System.nanoTime();
      JsonNode first = client.execute("1 + 1", 120_000);
      check(first);
      rows.add(new Measurement("kernel: first cell (cold JShell)", "1 + 1", (System.nanoTime() - t1) / 1e9, 0, ""));
      for (int i = 0; i < 5; i++) check(client.execute("int w" + i + " = " + i + " + 1", 60_000));
      double[] times = new double[trivialRounds];
      for (int i = 0; i < trivialRounds; i++) {
        long t = System.nanoTime();
        check(client.execute("1 + 1", 60_000));
        times[i] = (System.nanoTime() - t) / 1e9;
      }
      Arrays.sort(times);
      double median = times[trivialRounds / 2];
      rows.add(new Measurement("kernel: trivial cell round trip (median)", trivialRounds + " cells after warm-up", median, 0,
          String.format("%.1f cells/s", 1 / median)));
      try {
        client.request("shutdown_request", Map.of("restart", false), 10_000);
      } catch (java.io.IOException e) {
        // it is going away anyway
      }
    } finally {
      if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    return rows;
  }

  private static void check(JsonNode reply) {
    if (!"ok".equals(reply.path("status").asText())) throw new IllegalStateException("cell failed: " + reply);
  }

  private static Table sampleTable(int n, long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    String[] models = {"gpt-4o", "gpt-4o-mini", "olmo-2-7b", "olmo-2-13b", "gemma-2-9b"};
    String[] names = new String[n];
    double[] values = new double[n];
    int[] rounds = new int[n];
    double[] cons = new double[n];
    for (int i = 0; i < n; i++) {
      names[i] = models[rng.nextInt(models.length)];
      values[i] = rng.nextDouble() * 2 - 1;
      rounds[i] = i;
      cons[i] = rng.nextDouble();
    }
    return Table.create("bench", StringColumn.create("model_name", names), DoubleColumn.create("metric_value", values),
        IntColumn.create("round", rounds), DoubleColumn.create("consistency", cons));
  }

  private static XYChart sampleChart(int n, long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = Math.sin(i / 100.0) + rng.nextDouble() * 0.1;
    }
    XYChart chart = new XYChartBuilder().width(800).height(600).title("bench").build();
    chart.addSeries("series", x, y);
    return chart;
  }
}
