package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.Dataset;

class AnalyzeHypothesesCommandTest {
  @TempDir Path dir;

  static Path paperData() {
    String env = System.getenv("MCA_DATA");
    Path root = Dataset.findProjectRoot(Path.of("")).orElseThrow();
    Path p = env != null && !env.isBlank() ? root.resolve(env) : root.resolve("../shared/paper-data").normalize();
    if (System.getenv("CI") != null && !Files.isDirectory(p)) fail("CI: the paper's data is not at MCA_DATA or ../shared/paper-data");
    assumeTrue(Files.isDirectory(p), "the paper's data is not available (set MCA_DATA)");
    return p;
  }

  @Test
  void hypothesesWithThresholdWritesThePapersFiles() throws Exception {
    Path data = paperData();
    CliRun r = CliRun.of("analyze", "hypotheses", "--data", data.toString(), "--out", dir.toString(), "--rounds", "1",
        "--threshold", "0.25", "--analyses", "Absolute Performance,cross_linguistic_cultural_transfer", "--no-figures");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("|pro_score - 0.5| > 0.25"), r.err());
    for (String f : new String[] {"latest_results_with_baseline.csv", "mean_alignment_n1_extreme_absolute_performance.csv",
        "mean_alignment_n1_cross_linguistic_cultural_transfer.csv", "provenance.json"})
      assertTrue(Files.exists(dir.resolve(f)), f);
    assertFalse(Files.exists(dir.resolve("plots")));
  }

  @Test
  void misusedOptionsAreUserErrors() {
    Path data = paperData();
    CliRun bad = CliRun.of("analyze", "hypotheses", "--data", data.toString(), "--out", dir.toString(), "--threshold", "0.7");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("threshold must be in [0, 0.5)"), bad.err());
    CliRun wrong = CliRun.of("analyze", "self-consistency", "--data", data.toString(), "--out", dir.toString(), "--threshold", "0.1");
    assertEquals(1, wrong.code());
    assertTrue(wrong.err().contains("--threshold applies to"), wrong.err());
    CliRun unknown = CliRun.of("analyze", "hypotheses", "--data", data.toString(), "--out", dir.toString(), "--analyses", "Nope");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("unknown analysis 'Nope'"), unknown.err());
  }
}
