package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the paper's data and the goldens (MCA_DATA, else ../shared/…). */
final class TestData {
  private TestData() {}

  private static AnalysisInputs cached;

  static Path paperData() {
    String env = System.getenv("MCA_DATA");
    Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "paper-data");
    return require(p, "paper data (set MCA_DATA)");
  }

  static Path goldens() {
    return require(paperData().toAbsolutePath().getParent().resolve("goldens"), "goldens");
  }

  static synchronized AnalysisInputs inputs() {
    if (cached == null) cached = AnalysisInputs.load(paperData());
    return cached;
  }

  private static Path require(Path p, String what) {
    if (!Files.isDirectory(p)) {
      if (System.getenv("CI") != null) fail(what + " not found at " + p);
      assumeTrue(false, what + " not found; skipping");
    }
    return p;
  }
}
