package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
