package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code agreement_reference.py} with Debian's python3 and statsmodels on generated inputs.
 * Skipped locally when statsmodels is missing; a failure under CI (environment/lib.sh installs
 * python3-statsmodels).
 */
final class StatsmodelsReference {
  private StatsmodelsReference() {}

  static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  static void requireStatsmodels(Path dir) {
    boolean ok;
    try {
      ok = run(dir, PYTHON, "-c", "import statsmodels.stats.inter_rater, statsmodels.multivariate.factor, pandas")[0].equals("0");
    } catch (IOException e) {
      ok = false;
    }
    if (ok) return;
    if (System.getenv("CI") != null) fail("python3 with statsmodels is missing (required under CI; see environment/setup.sh)");
    Assumptions.assumeTrue(false, "python3 with statsmodels is missing: skipped (run environment/setup.sh)");
  }

  /** The script's JSON answers for {@code mode} (agreement, omega), one per input, in one Python run. */
  static JsonNode call(Path dir, String mode, List<Path> inputs) throws IOException {
    Path script = dir.resolve("agreement_reference.py");
    try (InputStream in = StatsmodelsReference.class.getResourceAsStream("agreement_reference.py")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), mode));
    inputs.forEach(i -> cmd.add(i.toString()));
    String[] r = run(dir, cmd.toArray(String[]::new));
    if (!r[0].equals("0")) fail("reference script failed:\n" + r[2]);
    return new ObjectMapper().readTree(r[1]);
  }

  /** {exit code, stdout, stderr}. */
  private static String[] run(Path dir, String... cmd) throws IOException {
    Path out = Files.createTempFile(dir, "py", ".out"), err = Files.createTempFile(dir, "py", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(600, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", cmd) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new String[] {String.valueOf(p.exitValue()), Files.readString(out), Files.readString(err)};
  }
}
