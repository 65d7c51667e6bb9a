package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.Dataset;

/** {@code mcalign data verify} and {@code data info} on the real mirror and on damaged copies. */
class DataCommandTest {
  @TempDir Path dir;

  private static Path mirror() {
    String env = System.getenv("MCA_DATA");
    Path root = Dataset.projectRoot();
    Path p = env != null && !env.isBlank() ? root.resolve(env) : root.resolve("../shared/paper-data").normalize();
    if (System.getenv("CI") == null) assumeTrue(Files.isDirectory(p), "the paper's data is not available");
    return p;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CliRun r = CliRun.of(args);
    return new Run(r.code(), r.out(), r.err());
  }

  @Test
  void verifyPassesOnTheRealMirror() {
    Run r = run("data", "verify", "--data", mirror().toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("47 of 47 files match"), r.out());
    assertFalse(r.out().contains("MISMATCH"), r.out());
  }

  @Test
  void verifyNamesMismatchesAndMissingFiles() throws IOException {
    Path m = mirror();
    Files.copy(m.resolve("ground_truth_global.csv"), dir.resolve("ground_truth_global.csv"));
    Files.copy(m.resolve("stance_labels.json"), dir.resolve("stance_labels.json"));
    byte[] b = Files.readAllBytes(m.resolve("country_languages.csv"));
    b[b.length - 2] = 'x'; // "...,en\n" becomes "...,ex\n"
    Files.write(dir.resolve("country_languages.csv"), b);
    Run r = run("data", "verify", "--data", dir.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("ok        ground_truth_global.csv"), r.out());
    assertTrue(r.out().contains("MISMATCH  country_languages.csv"), r.out());
    assertTrue(r.out().contains("MISSING   all_lang_model_responses_with_scores.csv"), r.out());
    assertTrue(r.out().contains("2 of 47 files match"), r.out());
    assertTrue(r.out().contains("checksum mismatch: country_languages.csv"), r.out());
    assertFalse(r.out().contains(dir.toString()), "no machine path in the output");
  }

  @Test
  void infoListsRecordCountsWithoutMachinePaths() {
    Run r = run("data", "info", "--data", mirror().toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*all_lang_model_responses_with_scores\\.csv +9,148 +776,128\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*ground_truth_every_country\\.csv +1,062 .*"), r.out());
    assertTrue(r.out().matches("(?s).*stance_labels\\.json +37 .*"), r.out());
    assertTrue(r.out().contains("47 files in the manifest, 0 missing, 0 invalid"), r.out());
    assertFalse(r.out().contains(mirror().toAbsolutePath().toString()), r.out());
  }

  @Test
  void infoReportsAnInvalidFile() throws IOException {
    Files.writeString(dir.resolve("ground_truth_global.csv"), "question_key,pro_score\nF117,0.1\nF117,0.2\n");
    Run r = run("data", "info", "--data", dir.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().matches("(?s).*ground_truth_global\\.csv +INVALID .*"), r.out());
    assertTrue(r.out().contains("ground_truth_global.csv, line 3, column 1 (question_key): duplicate key"), r.out());
  }
}
