package org.mcalign.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The paper's real files for tests: MCA_DATA, else ../shared/paper-data beside the project root. */
final class RealData {
  private RealData() {}

  static Path folder() {
    String env = System.getenv("MCA_DATA");
    Path root = Dataset.findProjectRoot(Path.of("")).orElseThrow();
    Path p = env != null && !env.isBlank() ? root.resolve(env) : root.resolve("../shared/paper-data").normalize();
    if (System.getenv("CI") != null && !Files.isDirectory(p)) {
      throw new IllegalStateException("CI: the paper's data is not at MCA_DATA or ../shared/paper-data");
    }
    assumeTrue(Files.isDirectory(p), "the paper's data is not available (set MCA_DATA)");
    return p;
  }

  static Dataset dataset() {
    return Dataset.at(folder());
  }

  static PaperFiles files() {
    return PaperFiles.of(dataset());
  }
}
