package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.ChildJvm;

/**
 * {@code analyze all} rerun into an existing folder and killed (SIGKILL) at random moments:
 * after every kill, every table in the folder comes from one run: all from the previous
 * complete run or all from the killed one (the folder may also be briefly absent, when the kill
 * fell between the two renames of the publish: the next run restores it). The runs alternate
 * seeds 1 and 2 so that consecutive sets differ in every bootstrap table.
 *
 * <p>Kills: {@code -Dmca.kills=N} (default 3, for the suite's time); the acceptance's 20 by hand:
 * {@code mvn -o verify -Dit.test=AnalyzeKillIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dmca.kills=20}.
 */
class AnalyzeKillIT {
  static final int KILLS = Integer.getInteger("mca.kills", 3);
  static final long KILL_SEED = Long.getLong("mca.kill-seed", 20240613L);

  @TempDir Path dir;

  private Process analyze(long seed, Path out, Path log) throws Exception {
    return ChildJvm.start("1g", dir, log, Map.of(), "analyze", "all", "--rounds", "2", "--seed", Long.toString(seed), "--data",
        TestData.paperData().toAbsolutePath().toString(), "--out", out.toString());
  }

  private long complete(long seed, Path out, Path log) throws Exception {
    long t0 = System.nanoTime();
    Process p = analyze(seed, out, log);
    assertTrue(p.waitFor(900, TimeUnit.SECONDS), "analyze all did not finish");
    assertEquals(0, p.exitValue(), Files.readString(log));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void everyKillLeavesOneRunsSet() throws Exception {
    Path log = dir.resolve("analyze.log");
    Path ref1 = dir.resolve("ref-seed1"), ref2 = dir.resolve("ref-seed2"), out = dir.resolve("out");
    long ms = (complete(1, ref1, log) + complete(2, ref2, log)) / 2;
    Map<String, String> set1 = tables(ref1), set2 = tables(ref2);
    assertNotEquals(set1, set2, "the two seeds' sets must differ for the test to tell them apart");
    complete(1, out, log); // the existing folder
    assertEquals(set1, tables(out));

    Random rnd = new Random(KILL_SEED);
    int killed = 0, finished = 0, absent = 0, fromPrevious = 0, fromKilled = 0;
    long expectedSeed = 1;
    for (int k = 0; k < KILLS; k++) {
      long seed = k % 2 == 0 ? 2 : 1;
      Process p = analyze(seed, out, log);
      long wait = (long) (rnd.nextDouble() * ms * 1.1);
      boolean done = p.waitFor(wait, TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        killed++;
      } else {
        assertEquals(0, p.exitValue(), Files.readString(log));
        finished++;
      }
      String state;
      if (!Files.exists(out)) {
        absent++;
        state = "absent (killed between the renames)";
        assertFalse(siblings(out).isEmpty(), "an absent folder leaves its ready or old set beside it");
      } else {
        Map<String, String> now = tables(out);
        if (now.equals(set1) || now.equals(set2)) {
          long s = now.equals(set1) ? 1 : 2;
          if (s == expectedSeed) fromPrevious++;
          else fromKilled++;
          expectedSeed = s;
          state = "all from the seed-" + s + " run";
        } else {
          fail("kill " + (k + 1) + " after " + wait + " ms left a mix: " + diff(now, set1, set2));
          return;
        }
      }
      System.err.printf("kill %d: seed %d, %s after %d ms: %s%n", k + 1, seed, done ? "finished" : "SIGKILL", wait, state);
    }
    complete(1, out, log);
    assertEquals(set1, tables(out), "a complete rerun publishes its set");
    assertEquals(java.util.List.of(), siblings(out), "no staging, ready or old folder left");
    try (Stream<Path> s = Files.walk(out)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary file left");
    }
    System.err.printf("analyze all, %d reruns (%.1f s each): %d killed, %d finished; folder afterwards: %d previous set, %d new set,"
        + " %d absent; kill seed %d%n", KILLS, ms / 1000.0, killed, finished, fromPrevious, fromKilled, absent, KILL_SEED);
  }

  /**
   * Each visible file of the folder: tables, regressions and summaries by content (the summaries'
   * Date and Time lines left out), figures by name, provenance by its seed.
   */
  static Map<String, String> tables(Path folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = folder.relativize(p).toString();
        if (p.getFileName().toString().startsWith(".")) continue;
        if (rel.endsWith("provenance.json")) {
          String text = Files.readString(p);
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"seed\" : (\\d+)").matcher(text);
          out.put(rel, m.find() ? "seed " + m.group(1) : "no seed");
        } else if (rel.endsWith(".png")) {
          out.put(rel, "figure");
        } else {
          StringBuilder sb = new StringBuilder();
          for (String line : Files.readAllLines(p)) {
            if (!line.startsWith("Date:") && !line.startsWith("Time:")) sb.append(line).append('\n');
          }
          out.put(rel, Integer.toHexString(sb.toString().hashCode()) + ":" + sb.length());
        }
      }
    }
    return out;
  }

  private static java.util.List<String> siblings(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out.getParent())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + out.getFileName() + ".")).sorted().toList();
    }
  }

  private static String diff(Map<String, String> now, Map<String, String> a, Map<String, String> b) {
    StringBuilder sb = new StringBuilder();
    for (var e : now.entrySet()) {
      String which = e.getValue().equals(a.get(e.getKey())) ? "seed 1" : e.getValue().equals(b.get(e.getKey())) ? "seed 2" : "neither";
      sb.append(e.getKey()).append('=').append(which).append("; ");
    }
    return sb.toString();
  }
}
