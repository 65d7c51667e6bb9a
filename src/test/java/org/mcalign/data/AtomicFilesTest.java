package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesWholeFileReadableByOthersAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("sub/result.csv");
    AtomicFiles.writeString(target, "a,b\n1,2\n");
    assertEquals("a,b\n1,2\n", Files.readString(target));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    try (var files = Files.list(target.getParent())) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void aFailingWriterKeepsTheOldFileAndNamesTheTarget() throws IOException {
    Path target = dir.resolve("result.csv");
    AtomicFiles.writeString(target, "old\n");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () ->
        AtomicFiles.writeText(target, w -> {
          w.write("half");
          throw new IOException("disk full");
        }));
    assertTrue(e.getMessage().contains("result.csv") && e.getMessage().contains("disk full"), e.getMessage());
    assertEquals("old\n", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void aTemporaryFileOfAKilledWriterIsDeletedByTheNextWrite() throws IOException {
    Path target = dir.resolve("result.csv");
    long dead = OutputFolderTest.deadPid();
    Path stale = dir.resolve(".result.csv.mca" + dead + "-42.tmp");
    Files.writeString(stale, "half a file of a killed run");
    Path other = dir.resolve(".other.csv.mca" + dead + "-43.tmp");
    Files.writeString(other, "another target's: left to that target's next write");
    AtomicFiles.writeString(target, "whole\n");
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(other));
    AtomicFiles.deleteStaleTemporaries(dir);
    assertFalse(Files.exists(other));
  }

  @Test
  void aSetOfFilesIsWrittenCompletelyBeforeAnyIsReplaced() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("sub/b.csv");
    AtomicFiles.writeString(a, "old a\n");
    AtomicFiles.writeString(b, "old b\n");
    Map<Path, AtomicFiles.TextBody> files = new LinkedHashMap<>();
    files.put(a, w -> w.write("new a\n"));
    files.put(b, w -> {
      throw new IOException("disk full while writing the second file");
    });
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeAllText(files));
    assertTrue(e.getMessage().contains("b.csv"), e.getMessage());
    assertEquals("old a\n", Files.readString(a), "the first file is not replaced when the second fails");
    assertEquals("old b\n", Files.readString(b));
    files.put(b, w -> w.write("new b\n"));
    assertEquals(List.of(a, b), AtomicFiles.writeAllText(files));
    assertEquals("new a\n", Files.readString(a));
    assertEquals("new b\n", Files.readString(b));
    try (var s = Files.list(dir)) {
      assertEquals(2, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void aRefusedWriteNamesTheTargetAndTheFolderNotATemporaryFile() {
    // /sys refuses new files even to root
    Path target = Path.of("/sys/mcalign-test-output.csv");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(target.getParent()), "needs Linux /sys");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeString(target, "x"));
    assertEquals("could not write /sys/mcalign-test-output.csv: permission denied (folder /sys is not writable, or the file is"
        + " read-only)", e.getMessage());
  }

  @Test
  void aFolderWhereTheFileShouldGoIsNamed() throws IOException {
    Path target = Files.createDirectories(dir.resolve("out.csv"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeString(target, "x"));
    assertTrue(e.getMessage().endsWith("out.csv is a folder, expected a file"), e.getMessage());
  }
}
