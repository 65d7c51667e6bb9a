package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.InputOrigin;
import org.mcalign.prompts.CsvRecords;

/**
 * Issue 18, Deliver 6: {@code analyze --scores FILE} over the paper's ground truth and benchmarks;
 * provenance.json says per input file where it came from; {@code analyze all} on scores of part of
 * the study (one model, two languages) writes what it can and lists what it skipped, with why.
 */
class AnalyzeScoresTest {
  @TempDir Path dir;

  private static final String SCORES = "all_lang_model_responses_with_scores.csv";

  /** The paper's scored rows of {@code model} in {@code languages}. */
  private Path subset(String model, Set<String> languages, Path file) {
    CsvRecords all = CsvRecords.read(AnalyzeHypothesesCommandTest.paperData().resolve(SCORES));
    List<Map<String, String>> rows = all.rows().stream()
        .filter(r -> r.get("model_name").equals(model) && languages.contains(r.get("language"))).toList();
    assertTrue(rows.size() > 100, "rows " + rows.size());
    CsvRecords.write(file, all.columns(), rows);
    return file;
  }

  private static JsonNode json(Path p) throws IOException {
    return new ObjectMapper().readTree(p.toFile());
  }

  private static Map<String, JsonNode> filesOf(JsonNode prov) {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode f : prov.get("data_source").get("files")) m.put(f.get("file").asText(), f);
    return m;
  }

  @Test
  void aSubsetOfTheStudyRunsToTheEndAndListsWhatItSkipped() throws IOException {
    Path data = AnalyzeHypothesesCommandTest.paperData();
    Path scores = subset("gemma-2-27b-it", Set.of("en", "da"), dir.resolve("gemma-en-da.csv"));
    new InputOrigin(InputOrigin.Kind.SIMULATED, "scores from responses of the simulated server").writeFor(scores);
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("analyze", "all", "--rounds", "1", "--seed", "3", "--data", data.toString(), "--scores", scores.toString(),
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("scores of 1 of 9 models (gemma-2-27b-it), 2 of 4 languages (da, en)"), r.err());
    // what can be computed from one model in two languages is written
    for (String f : List.of("spearman_n1_extreme_total_gt_alignment.csv", "model_self_consistency.csv", "cross_effects.csv",
        "rq2_ols_us_bias.json", "language_breakdown_ols.json", "mean_alignment_n1_english_language_alignment.csv",
        "plots/english_spearman_gt_alignment.png", "plots/country_correlations.png"))
      assertTrue(Files.isRegularFile(out.resolve(f)), f + " written; stderr:\n" + r.err());
    // RQ1's mixed model has one group (one model): refused, so skipped with the reason, and so is what needs it
    CsvRecords skipped = CsvRecords.read(out.resolve("skipped.csv"));
    Map<String, String> why = new HashMap<>();
    for (Map<String, String> row : skipped.rows()) why.put(row.get("output"), row.get("reason"));
    for (String o : List.of("rq1_mixedlm_interaction", "multilingual_coefficients_interaction.csv", "benchmark_alignment.csv",
        "plots/rq1-robustness.png"))
      assertTrue(why.containsKey(o), o + " listed as skipped: " + why.keySet());
    assertTrue(why.get("rq1_mixedlm_interaction").contains("one group only ('model_name' is 'gemma-2-27b-it' in every row)"),
        why.get("rq1_mixedlm_interaction"));
    assertFalse(Files.exists(out.resolve("rq1_mixedlm_interaction.json")));
    assertTrue(r.err().contains("skipped " + why.size() + " output(s)"), r.err());
    for (String o : why.keySet()) assertTrue(r.err().contains("analyze:   " + o + ": "), o + " on stderr");
    // nothing written is listed as skipped, nothing skipped is written
    try (Stream<Path> files = Files.walk(out)) {
      Set<String> written = new TreeSet<>(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).toList());
      for (String o : why.keySet()) assertFalse(written.contains(o), o + " both written and skipped");
    }

    JsonNode prov = json(out.resolve("provenance.json"));
    assertEquals(why.keySet(), fieldNames(prov.get("settings").get("skipped")));
    JsonNode src = prov.get("data_source");
    assertEquals("SIMULATED", src.get("kind").asText(), "simulated scores are never labelled the paper's: " + src);
    assertEquals("MIRROR", src.get("folder").asText());
    assertTrue(src.get("description").asText().contains("not the paper's: " + SCORES + " (SIMULATED)"), src.toString());
    JsonNode mine = filesOf(prov).get(SCORES);
    assertEquals(scores.toString(), mine.get("path").asText());
    assertEquals("SIMULATED", mine.get("kind").asText());
    assertEquals("differs", mine.get("manifest").asText());
    assertEquals(sha256(scores), mine.get("sha256").asText());
    JsonNode gt = filesOf(prov).get("ground_truth_global.csv");
    assertEquals("PAPER_MIRROR", gt.get("kind").asText());
    assertEquals("match", gt.get("manifest").asText());
  }

  @Test
  void aFolderOfThePapersDataWithOtherScoresIsNotCalledThePapers() throws IOException {
    Path data = AnalyzeHypothesesCommandTest.paperData();
    Path mine = dir.resolve("mydata");
    Files.createDirectories(mine);
    try (Stream<Path> s = Files.list(data)) {
      for (Path f : s.toList())
        if (!f.getFileName().toString().equals(SCORES)) Files.createSymbolicLink(mine.resolve(f.getFileName()), f.toAbsolutePath());
    }
    subset("gemma-2-27b-it", Set.of("en", "da", "nl", "pt"), mine.resolve(SCORES));
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("analyze", "total-gt-alignment", "--rounds", "1", "--data", mine.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode src = json(out.resolve("provenance.json")).get("data_source");
    assertEquals("USER", src.get("kind").asText(), src.toString());
    JsonNode f = filesOf(json(out.resolve("provenance.json"))).get(SCORES);
    assertEquals("USER", f.get("kind").asText());
    assertTrue(f.get("origin").asText().contains("SHA-256 differs from the one pinned"), f.toString());

    // the same file with a sidecar written by `score` from the simulated server's answers says so
    new InputOrigin(InputOrigin.Kind.SIMULATED, "scores from responses of the simulated server").writeFor(mine.resolve(SCORES));
    Path out2 = dir.resolve("out2");
    assertEquals(0, CliRun.of("analyze", "total-gt-alignment", "--rounds", "1", "--data", mine.toString(), "--out", out2.toString()).code());
    assertEquals("SIMULATED", json(out2.resolve("provenance.json")).get("data_source").get("kind").asText());

    // the paper's own file, given as --scores, is the paper's (its hash is the pinned one)
    Path copy = Files.copy(data.resolve(SCORES), dir.resolve("copy.csv"));
    Path out3 = dir.resolve("out3");
    CliRun c = CliRun.of("analyze", "total-gt-alignment", "--rounds", "0", "--data", data.toString(), "--scores", copy.toString(),
        "--out", out3.toString());
    assertEquals(0, c.code(), c.err());
    JsonNode p3 = json(out3.resolve("provenance.json"));
    assertEquals("MIRROR", p3.get("data_source").get("kind").asText());
    assertEquals("PAPER_MIRROR", filesOf(p3).get(SCORES).get("kind").asText());
    assertEquals(copy.toString(), filesOf(p3).get(SCORES).get("path").asText());
  }

  private static String sha256(Path f) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> s = new TreeSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }
}
