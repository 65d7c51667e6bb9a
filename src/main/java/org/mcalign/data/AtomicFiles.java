package org.mcalign.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Every file the project writes goes through here: the content is written to a temporary
 * file in the same folder and renamed over the target, so a crash never leaves a half
 * file where a reader expects a whole one.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Body of a write: receives a stream to the temporary file. */
  @FunctionalInterface
  public interface StreamBody {
    void write(OutputStream out) throws IOException;
  }

  /** Body of a text write (UTF-8). */
  @FunctionalInterface
  public interface TextBody {
    void write(Writer out) throws IOException;
  }

  /** Writes {@code target} atomically from a byte stream. */
  public static Path write(Path target, StreamBody body) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.write(out);
      }
      readableByAll(tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden and harmless; the error that matters is above
        }
      }
    }
  }

  // createTempFile makes the file private (0600); results are meant to be shared like any
  // file the user writes, so give them the usual rw-r--r-- where the file system has modes.
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Writes {@code target} atomically as UTF-8 text. */
  public static Path writeText(Path target, TextBody body) {
    return write(
        target,
        out -> {
          Writer w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.write(w);
          w.flush();
        });
  }

  /** Writes a string atomically as UTF-8 text. */
  public static Path writeString(Path target, String content) {
    return writeText(target, w -> w.write(content));
  }
}
