package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.cli.Main;
import tech.tablesaw.api.Table;

class OutputsTest {

  /** The paper's filters keep 27 ground-truth groups (11 English, 5 Danish, 5 Dutch, 6 Portuguese) per model. */
  @Test
  void languageBreakdownKeepsThePapersGroups() {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper();
    Table total = TotalGroundTruthAlignment.run(in, Baselines.withBaselines(in.responses(), s, 1), Metric.SPEARMAN, 3, 2, s).table();
    Table data = LanguageBreakdown.data(total, in);
    assertEquals(27 * 9 * 3, data.rowCount());
    Table en = data.where(data.stringColumn("language").isEqualTo("English").and(data.stringColumn("model_name").isEqualTo("gpt-4o")));
    assertEquals(List.of("Australia", "Canada", "English", "Global", "Great Britain", "Kenya", "New Zealand", "Nigeria",
        "Northern Ireland", "Singapore", "United States"), en.stringColumn("gt_group").unique().asList().stream().sorted().toList());
    Table coef = LanguageBreakdown.coefficients(LanguageBreakdown.fit(data), data);
    assertEquals(27 * 9, coef.rowCount());
    for (int i = 0; i < coef.rowCount(); i++)
      assertTrue(coef.doubleColumn("conf_int_lower").getDouble(i) < coef.doubleColumn("coefficient").getDouble(i));
  }

  @Test
  void analyzeCommandWritesTableAndProvenance(@TempDir Path out) throws Exception {
    int code = Main.run("analyze", "self-consistency", "--rounds", "0", "--seed", "7",
        "--data", TestData.paperData().toString(), "--out", out.toString());
    assertEquals(0, code);
    List<String> csv = Files.readAllLines(out.resolve("model_self_consistency.csv"));
    assertEquals("language,observed_self_consistency,self-consistency,model,round", csv.get(0));
    assertEquals(37, csv.size());
    String prov = Files.readString(out.resolve("provenance.json"));
    assertTrue(prov.contains("\"seed\" : 7"), prov);
    assertTrue(prov.contains("all_lang_model_responses_with_scores.csv"));
    assertFalse(prov.contains(TestData.paperData().toAbsolutePath().toString()), "no machine paths");
  }

  /** The code as written can be asked for; provenance records which pairs were used. */
  @Test
  void consistencyPairsAreAnOptionRecordedInProvenance(@TempDir Path out) throws Exception {
    double[] means = new double[2];
    String[] pairs = {"distinct_rows", "distinct_positions"};
    for (int k = 0; k < 2; k++) {
      Path o = out.resolve(pairs[k]);
      assertEquals(0, Main.run("analyze", "self-consistency", "--rounds", "20", "--seed", "7", "--consistency-pairs", pairs[k],
          "--data", TestData.paperData().toString(), "--out", o.toString()));
      assertTrue(Files.readString(o.resolve("provenance.json")).contains("\"consistency_pairs\" : \"" + pairs[k] + "\""));
      means[k] = Table.read().csv(o.resolve("model_self_consistency.csv").toFile()).doubleColumn("self-consistency").mean();
    }
    assertTrue(means[1] > means[0] + 0.005, "copies paired with themselves lift consistency: " + means[0] + " vs " + means[1]);
    assertNotEquals(0, Main.run("analyze", "self-consistency", "--consistency-pairs", "some", "--out", out.toString()));
  }

  /** {@code analyze all --rounds 0}: one pass without resampling, every regression written in the fit --json schema. */
  @Test
  void analyzeAllWithoutResamplingWritesEveryRegression(@TempDir Path out) throws Exception {
    assertEquals(0, Main.run("analyze", "all", "--rounds", "0", "--no-figures",
        "--data", TestData.paperData().toString(), "--out", out.toString()));
    for (String f : List.of("rq1_mixedlm_normal.json", "rq1_mixedlm_no_consistency.json", "rq1_mixedlm_interaction.json",
        "rq2_ols_us_bias.json", "spearman_n0_extreme_total_gt_alignment.csv", "provenance.json"))
      assertTrue(Files.isRegularFile(out.resolve(f)), f + " in " + names(out));
    assertEquals(36, Table.read().csv(out.resolve("rq1_regression_input.csv").toFile()).rowCount(),
        "one row per model and language");
  }

  private static List<String> names(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A user error: exit code 1, one line on stderr naming the analysis and where to look, no stack trace, nothing written. */
  @Test
  void unknownAnalysisIsAClearError(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    java.io.PrintStream err0 = System.err, out0 = System.out;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream(), std = new java.io.ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      System.setOut(new java.io.PrintStream(std, true, java.nio.charset.StandardCharsets.UTF_8));
      code = Main.run("analyze", "nonsense", "--data", TestData.paperData().toString(), "--out", out.toString());
    } finally {
      System.setErr(err0);
      System.setOut(out0);
    }
    String message = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(1, code, message);
    assertTrue(message.contains("unknown analysis 'nonsense'"), message);
    assertTrue(message.contains("mcalign analyze --help"), message);
    assertFalse(message.contains("Exception") || message.contains("\tat "), "no stack trace: " + message);
    assertEquals("", std.toString(java.nio.charset.StandardCharsets.UTF_8), "no results on stdout");
    assertTrue(!Files.exists(out) || names(out).isEmpty(), "nothing written: " + (Files.exists(out) ? names(out) : ""));
  }
}
