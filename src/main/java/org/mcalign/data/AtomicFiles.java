package org.mcalign.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file the project writes goes through here: the content is written to a temporary
 * file in the same folder and renamed over the target, so a crash never leaves a half
 * file where a reader expects a whole one. Temporary files carry their writer's pid, so the
 * next write into the folder deletes those a killed process left.
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
    Path tmp = null;
    try {
      tmp = writeTemporary(target, body);
      publish(tmp, target);
      tmp = null;
      return target;
    } catch (IOException e) {
      throw failure(target, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Writes several files as one set: every file is written completely to its temporary file
   * first, and only then are they renamed into place, one right after the other; an error while
   * writing any of them leaves every target as it was. (For a folder that is one set, see
   * {@link OutputFolder}, which publishes with a single rename.)
   */
  public static List<Path> writeAll(Map<Path, StreamBody> files) {
    Map<Path, Path> temporaries = new LinkedHashMap<>();
    Path current = null;
    try {
      for (Map.Entry<Path, StreamBody> f : files.entrySet()) {
        current = f.getKey();
        temporaries.put(f.getKey(), writeTemporary(f.getKey(), f.getValue()));
      }
      List<Path> out = new ArrayList<>();
      for (Map.Entry<Path, Path> t : temporaries.entrySet()) {
        current = t.getKey();
        publish(t.getValue(), t.getKey());
        out.add(t.getKey());
      }
      return out;
    } catch (IOException e) {
      throw failure(current, e);
    } finally {
      temporaries.values().forEach(AtomicFiles::deleteQuietly);
    }
  }

  /** As {@link #writeAll} for text bodies (UTF-8). */
  public static List<Path> writeAllText(Map<Path, TextBody> files) {
    Map<Path, StreamBody> streams = new LinkedHashMap<>();
    files.forEach((p, b) -> streams.put(p, asStream(b)));
    return writeAll(streams);
  }

  private static Path writeTemporary(Path target, StreamBody body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (Files.isDirectory(target)) throw new IOException(target + " is a folder, expected a file");
    Files.createDirectories(dir);
    deleteStaleTemporaries(dir, target.getFileName().toString());
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "." + TMP_MARK + ProcessHandle.current().pid() + "-", TMP_SUFFIX);
    try (OutputStream out = Files.newOutputStream(tmp)) {
      body.write(out);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
    readableByAll(tmp);
    return tmp;
  }

  private static void publish(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static UncheckedIOException failure(Path target, IOException e) {
    String why;
    if (e instanceof AccessDeniedException) {
      Path dir = target == null ? null : target.toAbsolutePath().getParent();
      why = "permission denied" + (dir == null ? "" : " (folder " + dir + " is not writable, or the file is read-only)");
    } else if (e instanceof FileSystemException) {
      why = IoMessages.describe(e);
    } else {
      why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    return new UncheckedIOException("could not write " + target + ": " + why, e);
  }

  static final String TMP_MARK = "mca";
  static final String TMP_SUFFIX = ".tmp";
  private static final java.util.regex.Pattern OURS = java.util.regex.Pattern.compile("^\\.(.+)\\." + TMP_MARK + "(\\d+)-\\d+\\.tmp$");
  private static final java.util.regex.Pattern LEGACY = java.util.regex.Pattern.compile("^\\.(.+)\\.\\d+\\.tmp$");

  /** True for the name of a temporary file of this class (hidden, {@code .tmp}). */
  public static boolean isTemporary(String fileName) {
    return OURS.matcher(fileName).matches() || LEGACY.matcher(fileName).matches();
  }

  /** Deletes the temporary files that killed processes left in {@code dir}. */
  public static void deleteStaleTemporaries(Path dir) {
    deleteStaleTemporaries(dir, null);
  }

  /**
   * Deletes temporary files of {@code target} (every target when null) in {@code dir} whose
   * writer is no longer running (its pid is in the name), and those of the former naming
   * older than a day.
   */
  static void deleteStaleTemporaries(Path dir, String target) {
    if (!Files.isDirectory(dir)) return;
    String prefix = target == null ? "." : "." + target + ".";
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix)
        && p.getFileName().toString().endsWith(TMP_SUFFIX))) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        java.util.regex.Matcher m = OURS.matcher(n);
        boolean stale;
        if (m.matches()) {
          if (target != null && !m.group(1).equals(target)) continue;
          stale = ProcessHandle.of(Long.parseLong(m.group(2))).map(h -> !h.isAlive()).orElse(true);
        } else if (LEGACY.matcher(n).matches()) {
          stale = Files.getLastModifiedTime(p).toInstant().isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        } else {
          continue;
        }
        if (stale) deleteQuietly(p);
      }
    } catch (IOException | NumberFormatException | java.nio.file.DirectoryIteratorException ignored) {
      // cleaning is a courtesy; a leftover is harmless
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the temporary file is hidden and harmless; the error that matters is reported elsewhere
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
    return write(target, asStream(body));
  }

  private static StreamBody asStream(TextBody body) {
    return out -> {
      Writer w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
      body.write(w);
      w.flush();
    };
  }

  /** Writes a string atomically as UTF-8 text. */
  public static Path writeString(Path target, String content) {
    return writeText(target, w -> w.write(content));
  }
}
