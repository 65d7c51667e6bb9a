package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Outside programs for the integration tests: skipped locally when missing, a failure under CI. */
final class ExternalTools {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Path JAR = ROOT.resolve("target/mcalign.jar");
  /** Kernel specs of the tests live here, never in the user's real Jupyter folder. */
  static final Path JUPYTER_DATA = ROOT.resolve("target/it-jupyter-data");

  private ExternalTools() {}

  static void require(boolean available, String what) {
    if (available) return;
    if (System.getenv("CI") != null) fail(what + " is missing (required under CI; see environment/setup.sh)");
    Assumptions.assumeTrue(false, what + " is missing: skipped (run environment/setup.sh)");
  }

  /** Debian's python3 (the first python3 on PATH may lack Jupyter). */
  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  static boolean works(String... command) {
    try {
      return run(Map.of(), 120, command).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(Map<String, String> env, long timeoutSeconds, String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    Path out = Files.createTempFile("it-out", ".txt");
    Path err = Files.createTempFile("it-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s; stderr:\n" + Files.readString(err));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return r;
  }

  /**
   * {@link #run} for a command that starts a kernel through jupyter_client (nbconvert, the
   * driver): run once more if the kernel died before replying to kernel_info, i.e. before any
   * cell ran. jupyter_client picks free ports and releases them before the kernel binds them, so
   * another process starting at that moment can take one (the kernel then names the port on its
   * stderr); environment/run-notebooks.sh does the same. The retry is printed, never silent.
   */
  static Result runStartingKernel(Map<String, String> env, long timeoutSeconds, String... command) throws IOException {
    Result r = run(env, timeoutSeconds, command);
    if (r.exitCode() != 0 && r.stderr().contains("Kernel died before replying to kernel_info")) {
      String why = r.stderr().lines().filter(l -> l.startsWith("kernel: could not start")).findFirst().orElse("no reason given");
      System.out.println("the kernel died while starting (" + why + "); starting it again");
      r = run(env, timeoutSeconds, command);
    }
    return r;
  }

  /**
   * Runs {@code chromium ARGS} (headless options included in ARGS) with a fresh profile folder
   * that is deleted afterwards, so that no test leaves {@code chromium-profile*} in the temp folder.
   */
  static Result chromium(Map<String, String> env, long timeoutSeconds, List<String> args) throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    try {
      List<String> cmd = new ArrayList<>(List.of("chromium"));
      cmd.addAll(args);
      cmd.add("--user-data-dir=" + profile);
      return run(env, timeoutSeconds, cmd.toArray(String[]::new));
    } finally {
      deleteTree(profile);
    }
  }

  /** Deletes a folder and everything in it (files first). */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** Installs the kernel spec of the packaged jar into {@link #JUPYTER_DATA}; returns the env to use it. */
  static Map<String, String> installKernel() throws IOException {
    require(Files.isRegularFile(JAR), "target/mcalign.jar (run mvn package first)");
    Map<String, String> env = Map.of("JUPYTER_DATA_DIR", JUPYTER_DATA.toString());
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "kernel", "install", "--user"));
    Result r = run(env, 120, cmd.toArray(String[]::new));
    if (r.exitCode() != 0) fail("kernel install failed:\n" + r.stderr());
    return env;
  }
}
