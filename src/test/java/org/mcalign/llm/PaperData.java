package org.mcalign.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The paper's published files: {@code MCA_DATA}, else {@code ../shared/paper-data} from the project root. */
final class PaperData {
  private PaperData() {}

  static Optional<Path> dir() {
    String env = System.getenv("MCA_DATA");
    Path p = env != null ? Path.of(env) : Path.of("..", "shared", "paper-data");
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /** The file, or the test is skipped (failed under CI). */
  static Path file(String name) {
    Optional<Path> d = dir().map(x -> x.resolve(name)).filter(Files::isRegularFile);
    if (d.isEmpty() && System.getenv("CI") != null) throw new IllegalStateException("paper data file missing under CI: " + name);
    Assumptions.assumeTrue(d.isPresent(), "paper data not available: " + name);
    return d.get();
  }
}
