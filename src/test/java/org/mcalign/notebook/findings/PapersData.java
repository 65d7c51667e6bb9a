package org.mcalign.notebook.findings;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mcalign.analysis.AnalysisInputs;

/** The paper's data for the findings tests (MCA_DATA, else ../shared/paper-data): skipped when missing, a failure under CI. */
final class PapersData {
  private PapersData() {}

  static AnalysisInputs inputs() {
    String env = System.getenv("MCA_DATA");
    Path data = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "paper-data");
    if (!Files.isDirectory(data)) {
      if (System.getenv("CI") != null) fail("the paper's data is missing at " + data + " (set MCA_DATA)");
      assumeTrue(false, "the paper's data is missing (set MCA_DATA): skipped");
    }
    return AnalysisInputs.load(data);
  }
}
