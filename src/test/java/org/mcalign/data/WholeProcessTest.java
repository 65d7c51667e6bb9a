package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.wvs.MicrodataSynthesizer;

/** The whole-process runner behind {@code bench}: a real child JVM, its own report of CPU and memory, its failures. */
class WholeProcessTest {
  @TempDir Path dir;

  @Test
  void runsACommandInANewJvmAndReadsItsProcessLine() throws Exception {
    Path micro = dir.resolve("micro.csv");
    new MicrodataSynthesizer(MicrodataSynthesizer.Settings.defaults().withRespondents(3000)).write(micro);
    Path out = dir.resolve("gt");
    WholeProcess.Run r = WholeProcess.run(WholeProcess.mcalign(
        List.of("wvs-ground-truth", "--microdata", micro.toString(), "--out", out.toString(), "--rounds", "2")));
    assertTrue(Files.exists(out.resolve("ground_truth_per_language.csv")), "the child wrote its outputs");
    assertTrue(r.cpuSeconds() > 0, "CPU seconds from the child's process: line");
    assertTrue(r.peakRssBytes() > 10L << 20, "a JVM's peak RSS is tens of MB at least: " + r.peakRssBytes());
    assertTrue(r.wallSeconds() > 0);
  }

  @Test
  void aFailingCommandIsAnErrorQuotingItsLastLine() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> WholeProcess.run(WholeProcess.mcalign(
        List.of("wvs-ground-truth", "--microdata", dir.resolve("absent.csv").toString(), "--out", dir.resolve("o").toString()))));
    assertTrue(e.getMessage().startsWith("wvs-ground-truth --microdata"), e.getMessage());
    assertTrue(e.getMessage().contains("absent.csv"), "the child's own error is quoted: " + e.getMessage());
  }

  @Test
  void aCommandWithoutAProcessLineIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> WholeProcess.run(WholeProcess.mcalign(
        List.of("wvs-synthesize", "--out", dir.resolve("m.csv").toString(), "--respondents", "100"))));
    assertTrue(e.getMessage().contains("exited with 0 without a process: line"), e.getMessage());
  }

  @Test
  void theClassPathIsAbsoluteSoTheChildMayRunElsewhere() {
    List<String> cmd = WholeProcess.mcalign(List.of("version"));
    // under surefire the class path is a list (or a booter jar), so the child is started with -cp and the main class
    String cp = cmd.get(cmd.indexOf("-cp") + 1);
    for (String e : cp.split(java.io.File.pathSeparator)) assertTrue(Path.of(e).isAbsolute(), e);
    assertEquals(List.of("org.mcalign.cli.Main", "version"), cmd.subList(cmd.size() - 2, cmd.size()));
    String saved = System.getProperty("java.class.path");
    try {
      System.setProperty("java.class.path", "target/mcalign.jar");
      List<String> asUsers = WholeProcess.mcalign(List.of("analyze", "all"));
      assertEquals(List.of("-jar", Path.of("target/mcalign.jar").toAbsolutePath().toString(), "analyze", "all"),
          asUsers.subList(1, asUsers.size()), "from the jar, the child runs as users run it: java -jar");
    } finally {
      System.setProperty("java.class.path", saved);
    }
  }
}
