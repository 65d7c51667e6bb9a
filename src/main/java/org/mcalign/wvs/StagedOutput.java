package org.mcalign.wvs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mcalign.data.AtomicFiles;

/**
 * All-or-nothing output of several files: each is written (through {@link AtomicFiles}) into a
 * hidden staging folder beside the targets, and only when all are complete are they renamed
 * into place. An error while writing leaves the output folder as it was.
 */
final class StagedOutput {
  private StagedOutput() {}

  static List<Path> writeAll(Path dir, Map<String, String> files) {
    Path staging;
    try {
      Files.createDirectories(dir);
      staging = Files.createTempDirectory(dir, ".staging-");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create output folder " + dir + ": " + e.getMessage(), e);
    }
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        AtomicFiles.writeString(staging.resolve(f.getKey()), f.getValue());
      }
      for (String name : files.keySet()) { // renames fail mainly on folders in the way: check all first
        if (Files.isDirectory(dir.resolve(name))) {
          throw new IOException(dir.resolve(name) + " is a folder, expected a file or nothing");
        }
      }
      List<Path> written = new ArrayList<>();
      for (String name : files.keySet()) {
        Path target = dir.resolve(name);
        try {
          Files.move(staging.resolve(name), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(staging.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
        }
        written.add(target);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write outputs into " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> s = Files.walk(folder)) {
      s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // a leftover hidden staging file is harmless; the error that matters was thrown
        }
      });
    } catch (IOException ignored) {
      // as above
    }
  }
}
