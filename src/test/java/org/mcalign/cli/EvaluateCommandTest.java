package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.data.Study;
import tech.tablesaw.api.Table;

/**
 * {@code evaluate} on the simulated server: a model added to a small DEMO dataset end to end
 * (responses, classification, scores, analyses); its planted behaviour is what RQ2 finds.
 */
class EvaluateCommandTest {
  @TempDir static Path dir;
  static Path demo;

  @BeforeAll
  static void buildDemo() {
    DemoSettings s = DemoSettings.small().withDemographicModel("gemma-2-27b-it");
    demo = DemoData.build(dir.resolve("demo"), s, DemoData.viaSimulatedServer(dir.resolve("demo.db"), s.seed(), s.classifierErrorRate()),
        m -> {}).dataset().folder();
  }

  static Path file(Path folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow(() -> new AssertionError(suffix + " in " + folder));
    }
  }

  /** β_BiasUS of {@code model} in Danish, Dutch and Portuguese (us_bias_coefficients). */
  static double[] usBias(Path results, String model) throws IOException {
    Table t = Table.read().csv(file(results, "us_bias_coefficients.csv").toFile());
    Table m = t.where(t.stringColumn("model_name").isEqualTo(model).and(t.stringColumn("language").isIn("da", "nl", "pt")));
    assertEquals(3, m.rowCount(), m.print());
    return m.doubleColumn("coefficient").asDoubleArray();
  }

  @Test
  void aUsCentricModelIsFoundUsCentricAndANativeOneIsNot() throws IOException {
    Path us = dir.resolve("us");
    CliRun r = CliRun.of("evaluate", "--data", demo.toString(), "--model", "my-us-model", "--family", "mine", "--simulate", "US_CENTRIC",
        "--rounds", "2", "--no-figures", "--out", us.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("DEMO") && r.out().contains("DEMO"), r.err());
    assertTrue(r.err().contains("left out of RQ1 only") && r.err().contains("my-us-model"), r.err());
    for (double b : usBias(us.resolve("results"), "my-us-model")) assertTrue(b > 0, "US-centric: β_BiasUS " + b);
    assertTrue(Study.read(us.resolve("data").resolve(Study.FILE_NAME)).declaresModel("my-us-model"));

    Path bench = Files.writeString(dir.resolve("bench.csv"), "model,benchmark,language,score,family\n"
        + "My Native,B,Danish,50,mine\nMy Native,B,Dutch,55,mine\nMy Native,B,English,70,mine\nMy Native,B,Portuguese,52,mine\n");
    Path nat = dir.resolve("native");
    CliRun n = CliRun.of("evaluate", "--data", demo.toString(), "--model", "my-native-model", "--display-name", "My Native",
        "--family", "mine", "--simulate", "NATIVE", "--benchmarks", bench.toString(), "--rounds", "2", "--out", nat.toString());
    assertEquals(0, n.code(), n.err());
    for (double b : usBias(nat.resolve("results"), "my-native-model")) assertTrue(b < 0, "native: β_BiasUS " + b);
    Table rq1 = Table.read().csv(file(nat.resolve("results"), "rq1_regression_input.csv").toFile());
    assertEquals(8, rq1.where(rq1.stringColumn("model_name").isEqualTo("my-native-model")).rowCount(),
        "the model in RQ1: one row per language and round");
    try (Stream<Path> s = Files.list(nat.resolve("results").resolve("plots"))) {
      assertEquals(16, s.count(), "every figure");
    }
  }

  @Test
  void aRealEndpointNeedsYesAndARealModelNeedsNoDemo() {
    CliRun r = CliRun.of("evaluate", "--data", demo.toString(), "--model", "m", "--family", "f", "--base-url", "http://127.0.0.1:9/v1",
        "--out", dir.resolve("real").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--yes") && r.err().contains("requests"), r.err());
    assertTrue(!Files.exists(dir.resolve("real").resolve("data")), "nothing built before --yes");
    CliRun bad = CliRun.of("evaluate", "--data", demo.toString(), "--model", "m", "--family", "f", "--languages", "xx",
        "--out", dir.resolve("bad").toString());
    assertNotEquals(0, bad.code());
    assertTrue(bad.err().contains("'xx'") && bad.err().contains("study.json"), bad.err());
  }

  /** Issue 18, Deliver 1: evaluate takes the options of every command that sends requests, and checks the server first. */
  @Test
  void aRealEndpointGetsTheSharedOptionsAndTheServerCheck() {
    String help = CliRun.of("evaluate", "--help").out();
    for (String o : List.of("--base-url", "--api-key-env", "--concurrency", "--max-tokens", "--timeout", "--max-attempts",
        "--progress-seconds", "--run", "--dry-run", "--yes", "Exit code: 0"))
      assertTrue(help.contains(o), o + " in evaluate --help");
    try (org.mcalign.llm.SimulatedServer s = org.mcalign.llm.SimulatedServer.builder().vllm(List.of("org/served-m"), 4096).start()) {
      CliRun dry = CliRun.of("evaluate", "--data", demo.toString(), "--model", "m", "--family", "f", "--served-model", "org/served-m",
          "--base-url", s.baseUrl(), "--dry-run", "--out", dir.resolve("dry").toString());
      assertEquals(0, dry.code(), dry.err());
      assertTrue(dry.err().contains("org/served-m is served with a context of 4096 tokens"), dry.err());
      CliRun wrong = CliRun.of("evaluate", "--data", demo.toString(), "--model", "m", "--family", "f", "--base-url", s.baseUrl(),
          "--yes", "--out", dir.resolve("wrong").toString());
      assertEquals(Sending.SERVER_REFUSED, wrong.code(), wrong.err());
      assertTrue(wrong.err().contains("does not exist") || wrong.err().contains("not served"), wrong.err());
      assertEquals(0, s.ledger().events("chat"), "nothing sent: a dry run, then a served name the server does not know");
      assertTrue(!Files.exists(dir.resolve("wrong").resolve("data")));
    }
  }
}
