package org.mcalign.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mcalign.data.Benchmark;

/**
 * {@code mcalign bench llm}: direct mode against the local simulated server with 64 requests
 * in flight, each answer committed to a fresh SQLite store (the client, the store and the
 * server share the machine, so the rate is a lower bound of the client's), plus the store
 * alone and the cost estimate.
 */
public final class LlmBenchmark extends Benchmark.Steps {
  public LlmBenchmark() {
    super("llm");
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /**
   * The same run against a simulated server in another JVM, so that this process's CPU time
   * is the client's and the store's alone.
   */
  private static Measurement separateServer(List<ChatRequest> reqs, Path dir) throws Exception {
    int n = reqs.size();
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.mcalign.cli.Main", "simulate-server", "--port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String baseUrl = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8)).readLine();
      if (baseUrl == null || !baseUrl.startsWith("http")) throw new IllegalStateException("simulated server did not start");
      Endpoint endpoint = Endpoint.of(baseUrl).withTimeout(Duration.ofSeconds(30));
      try (ResponseStore warm = ResponseStore.open(dir.resolve("warm2.db"))) {
        DirectRun.builder(endpoint, warm, "warm").concurrency(64).progressStream(null).build().run(reqs.subList(0, Math.min(n, 3_000)));
      }
      long[] cpu = new long[1];
      Measurement m = Measurement.time("llm direct, 64 in flight, server in other JVM", n + " requests", 0, n, "req", () -> {
        long c0 = processCpuNanos();
        try (ResponseStore store = ResponseStore.open(dir.resolve("sep.db"))) {
          RunResult r = DirectRun.builder(endpoint, store, "bench").concurrency(64).progressStream(null).build().run(reqs);
          if (!r.complete()) throw new IllegalStateException("benchmark run incomplete: " + r);
        }
        cpu[0] = processCpuNanos() - c0;
      });
      return new Measurement(m.stage(), m.input(), m.wallSeconds(), m.peakHeapBytes(),
          m.rate() + String.format(", %,.0f req per CPU-s (client+store)", n / (cpu[0] / 1e9)));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /**
   * Issue 18's resilience figure in wall time: one of two vLLM-like endpoints (200 ms per answer,
   * 8 in flight each) killed after an eighth of the answers, against both alive.
   */
  private static Measurement endpointKilled(int n, Path dir) throws Exception {
    List<ChatRequest> reqs = new ArrayList<>(n);
    for (int i = 0; i < n; i++)
      reqs.add(ChatRequest.builder(String.format("kill-%05d", i)).model("olmo").user("Topic " + i).maxTokens(600).build());
    double[] wall = new double[2];
    for (int killed = 0; killed < 2; killed++) {
      try (SimulatedServer a = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(Duration.ofMillis(200)).start();
           SimulatedServer b = SimulatedServer.builder().vllm(List.of("olmo"), 4096).latency(Duration.ofMillis(200)).start();
           ResponseStore store = ResponseStore.open(dir.resolve("kill" + killed + ".db"))) {
        Thread killer = null;
        if (killed == 1) {
          killer = new Thread(() -> {
            try {
              while (b.ledger().events("chat") < n / 8) Thread.sleep(1);
            } catch (InterruptedException e) {
              return;
            }
            b.close();
          }, "kill-endpoint");
          killer.setDaemon(true);
          killer.start();
        }
        long t0 = System.nanoTime();
        RunResult r = DirectRun.builder(Endpoint.of(a.baseUrl() + "," + b.baseUrl()).withTimeout(Duration.ofSeconds(30)), store, "k")
            .concurrency(8).progressStream(null).build().run(reqs);
        wall[killed] = (System.nanoTime() - t0) / 1e9;
        if (killer != null) killer.join();
        if (!r.complete()) throw new IllegalStateException("benchmark run incomplete: " + r);
      }
    }
    return new Measurement("llm: one of two endpoints killed mid-run", n + " requests, 200 ms each, 8+8 in flight", wall[1], 0,
        String.format("both alive %.2f s: %+.1f %% time", wall[0], 100 * (wall[1] / wall[0] - 1)));
  }

  @Override
  protected void measure(Settings settings, List<Measurement> rows) throws Exception {
    int n = settings.quick() ? 4_000 : 20_000;
    List<ChatRequest> reqs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      reqs.add(ChatRequest.builder(String.format("bench-%06d", i)).model("gpt-4o")
          .user("List the most common arguments about topic " + (i % 83) + ". Output format: 1. <argument> 2. argument etc...")
          .temperature(0.7).topP(0.95).maxTokens(600).stop("11.").build());
    }
    Path dir = Files.createTempDirectory("mcalign-bench-llm");
    try (SimulatedServer server = SimulatedServer.builder().seed(settings.seed()).start()) {
      Endpoint endpoint = Endpoint.of(server.baseUrl()).withTimeout(Duration.ofSeconds(30));
      // warm up the JIT and the connection pool on a throw-away store
      try (ResponseStore warm = ResponseStore.open(dir.resolve("warm.db"))) {
        DirectRun.builder(endpoint, warm, "warm").concurrency(64).progressStream(null).build()
            .run(reqs.subList(0, Math.min(n, 3_000)));
      }
      int[] round = {0};
      long[] cpu = new long[1];
      Measurement direct = Measurement.time("llm direct, 64 in flight, simulated server", n + " requests", 0, n, "req",
          () -> {
            long c0 = processCpuNanos();
            try (ResponseStore store = ResponseStore.open(dir.resolve("run" + round[0]++ + ".db"))) {
              RunResult r = DirectRun.builder(endpoint, store, "bench").concurrency(64).progressStream(null).build().run(reqs);
              if (!r.complete()) throw new IllegalStateException("benchmark run incomplete: " + r);
            }
            cpu[0] = processCpuNanos() - c0;
          });
      // the machine may be shared: requests per CPU-second of this process (client, store and
      // server together) says what 2 free cores would do
      rows.add(new Measurement(direct.stage(), direct.input(), direct.wallSeconds(), direct.peakHeapBytes(),
          direct.rate() + String.format(", %,.0f req per CPU-s (client+server+store)", n / (cpu[0] / 1e9))));
      rows.add(separateServer(reqs, dir));
      List<ChatResponse> answers = new ArrayList<>();
      try (EndpointClient c = new EndpointClient(endpoint)) {
        for (int i = 0; i < Math.min(n, 5_000); i++) answers.add(c.complete(reqs.get(i)));
      }
      rows.add(Measurement.time("llm store: commit per answer (WAL)", answers.size() + " answers", 0, answers.size(), "answers",
          () -> {
            try (ResponseStore store = ResponseStore.open(dir.resolve("store" + round[0]++ + ".db"))) {
              store.register("s", reqs.subList(0, answers.size()));
              for (ChatResponse a : answers) store.recordAnswer("s", a, null);
            }
          }));
      rows.add(Measurement.time("llm cost estimate (jtokkit o200k)", n + " requests", 1, n, "req",
          () -> CostEstimate.of(reqs, true)));
      rows.add(endpointKilled(settings.quick() ? 400 : 1_600, dir));
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
