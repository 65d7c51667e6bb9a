package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder is written as one set: the previous set or the new one, whatever step a run
 * stops at; leftovers of killed runs are recovered or cleaned by the next run; one writer at a
 * time. The states a kill can leave are built by hand here (the kill test of {@code analyze all}
 * is {@code AnalyzeKillIT}).
 */
class OutputFolderTest {
  @TempDir Path root;

  private static List<Path> write(OutputFolder f, Map<String, String> files) {
    List<Path> out = new ArrayList<>();
    files.forEach((n, t) -> out.add(AtomicFiles.writeString(f.staging().resolve(n), t)));
    return out;
  }

  private static List<Path> publish(Path dir, Map<String, String> files) {
    try (OutputFolder f = OutputFolder.begin(dir, "test")) {
      return f.publish(write(f, files));
    }
  }

  /** Visible entries (without the hidden lock and manifest). */
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  /** Everything beside the folder that a run made (staging, ready, old). */
  private List<String> leftovers(String name) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + name + ".")).sorted().toList();
    }
  }

  @Test
  void publishesIntoANewFolderAndReturnsTheFinalPaths() throws IOException {
    Path out = root.resolve("out");
    List<Path> written = publish(out, Map.of("a.csv", "1\n", "b.csv", "2\n"));
    assertEquals(List.of(out.resolve("a.csv"), out.resolve("b.csv")), written.stream().sorted().toList());
    assertEquals("1\n", Files.readString(out.resolve("a.csv")));
    assertEquals(List.of(), leftovers("out"));
  }

  @Test
  void aRerunReplacesThePreviousSetAndKeepsFilesItDidNotWrite() throws IOException {
    Path out = root.resolve("out");
    publish(out, Map.of("a.csv", "run 1\n", "only-in-run-1.csv", "run 1\n"));
    Files.writeString(out.resolve("my-notes.txt"), "the user's own file\n");
    Files.createDirectories(out.resolve("mine")).resolve("x.txt").toFile().createNewFile();
    publish(out, Map.of("a.csv", "run 2\n", "b.csv", "run 2\n"));
    assertEquals(List.of("a.csv", "b.csv", "mine", "my-notes.txt"), names(out));
    assertEquals("run 2\n", Files.readString(out.resolve("a.csv")));
    assertEquals("the user's own file\n", Files.readString(out.resolve("my-notes.txt")));
    assertTrue(Files.exists(out.resolve("mine/x.txt")));
    assertEquals(List.of(), leftovers("out"));
  }

  @Test
  void aFailingRunLeavesThePreviousSetAndNoStaging() throws IOException {
    Path out = root.resolve("out");
    publish(out, Map.of("a.csv", "run 1\n"));
    assertThrows(IllegalStateException.class, () -> {
      try (OutputFolder f = OutputFolder.begin(out, "test")) {
        write(f, Map.of("a.csv", "half of run 2\n"));
        throw new IllegalStateException("the analysis failed half way");
      }
    });
    assertEquals("run 1\n", Files.readString(out.resolve("a.csv")));
    assertEquals(List.of(), leftovers("out"));
  }

  @Test
  void aSecondWriterIsRefusedAtOnceNamingTheFirst() {
    Path out = root.resolve("out");
    try (OutputFolder first = OutputFolder.begin(out, "analyze all (first)")) {
      LeaseHeldException e = assertThrows(LeaseHeldException.class, () -> OutputFolder.begin(out, "second"));
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
      assertTrue(e.getMessage().contains("analyze all (first)"), e.getMessage());
      assertTrue(e.getMessage().contains(" since "), e.getMessage());
      first.publish(write(first, Map.of("a.csv", "1\n")));
    }
    publish(out, Map.of("a.csv", "2\n")); // free again once the first is done
  }

  /** Killed between renaming the old folder away and the ready one in: the next run finishes the publish. */
  @Test
  void aRunKilledBetweenTheTwoRenamesIsRolledForward() throws IOException {
    Path out = root.resolve("out");
    publish(out, Map.of("a.csv", "run 1\n"));
    Path ready = root.resolve(".out.ready-dead0001");
    Files.createDirectories(ready);
    Files.writeString(ready.resolve("a.csv"), "run 2\n");
    Files.writeString(ready.resolve(OutputFolder.LOCK), "");
    Files.move(out, root.resolve(".out.old-dead0001"));
    try (OutputFolder f = OutputFolder.begin(out, "test")) {
      assertEquals("run 2\n", Files.readString(out.resolve("a.csv")), "the complete new set, not the old one");
      assertEquals(List.of(".out.staging-" + f.staging().getFileName().toString().substring(".out.staging-".length())),
          leftovers("out"), "the old folder is cleaned");
    }
  }

  @Test
  void withNothingReadyTheOldFolderIsRolledBack() throws IOException {
    Path out = root.resolve("out");
    publish(out, Map.of("a.csv", "run 1\n"));
    Files.move(out, root.resolve(".out.old-dead0002"));
    publish(out, Map.of("b.csv", "run 2\n"));
    assertEquals(List.of("b.csv"), names(out));
    assertEquals(List.of(), leftovers("out"));
  }

  @Test
  void staleStagingFoldersAndTemporaryFilesOfDeadProcessesAreCleaned() throws IOException {
    Path out = root.resolve("out");
    publish(out, Map.of("a.csv", "run 1\n"));
    Files.createDirectories(root.resolve(".out.staging-dead0003")).resolve("half.csv").toFile().createNewFile();
    Files.createDirectories(root.resolve(".out.ready-dead0004"));
    long dead = deadPid();
    Path tmp = out.resolve(".a.csv.mca" + dead + "-123.tmp");
    Files.writeString(tmp, "half");
    Path live = out.resolve(".a.csv.mca" + ProcessHandle.current().pid() + "-456.tmp");
    Files.writeString(live, "being written by a live process");
    try (OutputFolder f = OutputFolder.begin(out, "test")) {
      assertFalse(Files.exists(root.resolve(".out.staging-dead0003")));
      assertFalse(Files.exists(root.resolve(".out.ready-dead0004")));
      assertFalse(Files.exists(tmp), "the temporary file of a dead process is gone");
      assertTrue(Files.exists(live), "a live process's temporary file stays");
    }
  }

  @Test
  void aLiveWritersHalfPublishedFolderIsNotTouched() throws IOException {
    Path out = root.resolve("out");
    Path ready = Files.createDirectories(root.resolve(".out.ready-live0001"));
    try (Lease live = Lease.acquire(ready.resolve(OutputFolder.LOCK), "output folder out", "a run publishing right now")) {
      LeaseHeldException e = assertThrows(LeaseHeldException.class, () -> OutputFolder.begin(out, "test"));
      assertTrue(e.getMessage().contains("a run publishing right now"), e.getMessage());
      assertFalse(Files.exists(out));
      assertTrue(Files.isDirectory(ready));
    }
  }

  @Test
  void aFolderNotWrittenByUsWhereAFileMustGoIsRefused() throws IOException {
    Path out = root.resolve("out");
    Files.createDirectories(out.resolve("a.csv"));
    Files.writeString(out.resolve("marker"), "x");
    Exception e = assertThrows(RuntimeException.class, () -> publish(out, Map.of("a.csv", "1\n")));
    assertTrue(e.getMessage().contains("a.csv") && e.getMessage().contains("folder"), e.getMessage());
    assertTrue(Files.isDirectory(out.resolve("a.csv")));
    assertEquals(List.of("a.csv", "marker"), names(out));
    assertEquals(List.of(), leftovers("out"));
  }

  @Test
  void aSymbolicLinkToAFolderHasItsTargetReplaced() throws IOException {
    Path real = Files.createDirectories(root.resolve("real"));
    Path link = Files.createSymbolicLink(root.resolve("link"), real);
    publish(link, Map.of("a.csv", "1\n"));
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertEquals("1\n", Files.readString(real.resolve("a.csv")));
  }

  /** A pid no process has now. */
  static long deadPid() {
    long pid = 4_000_000;
    while (ProcessHandle.of(pid).isPresent()) pid++;
    return pid;
  }
}
