package org.mcalign.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Readable words for file-system failures: the JDK's exceptions often carry nothing but a path
 * ("could not read X: X", a bare temporary file name for a refused write), or a decoder's
 * "Input length = 1" for a file that is not UTF-8.
 */
public final class IoMessages {
  private IoMessages() {}

  /** What went wrong, naming the file it happened to. */
  public static String describe(IOException e) {
    return describe(e, null);
  }

  /** As {@link #describe(IOException)}, saying "it" for {@code about} (the file the caller already named). */
  public static String describe(IOException e, Path about) {
    String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
    if (file != null && about != null && file.equals(about.toString())) file = "it";
    String reason = e instanceof FileSystemException f ? f.getReason() : null;
    if (e instanceof NoSuchFileException) return file + " does not exist";
    if (e instanceof AccessDeniedException) return "permission denied" + ("it".equals(file) ? "" : " on " + file);
    if (e instanceof NotDirectoryException) return file + " is not a folder";
    if (e instanceof DirectoryNotEmptyException) return "folder " + file + " is not empty";
    if (e instanceof FileAlreadyExistsException) return file + " already exists";
    if (e instanceof MalformedInputException || e instanceof CharacterCodingException) {
      return "the file is not UTF-8 text (save it as UTF-8)";
    }
    if (file != null) {
      if (reason != null && reason.contains("Is a directory")) return ("it".equals(file) ? "it" : file) + " is a folder, expected a file";
      return file + (reason != null ? ": " + reason : "");
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * Checks that {@code file} is a readable regular file; otherwise throws naming {@code role}
   * (e.g. "--requests") and what is wrong with it: missing, a folder, or not readable.
   */
  public static Path requireReadableFile(Path file, String role) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(role + " " + file + " does not exist");
    }
    if (Files.isDirectory(file)) throw new IllegalArgumentException(role + " " + file + " is a folder, expected a file");
    if (!Files.isReadable(file)) throw new IllegalArgumentException(role + " " + file + " cannot be read: permission denied");
    return file;
  }

  /** As {@link #requireReadableFile} for a folder. */
  public static Path requireReadableFolder(Path folder, String role) {
    if (!Files.exists(folder)) throw new IllegalArgumentException(role + " " + folder + " does not exist");
    if (!Files.isDirectory(folder)) throw new IllegalArgumentException(role + " " + folder + " is a file, expected a folder");
    if (!Files.isReadable(folder)) throw new IllegalArgumentException(role + " " + folder + " cannot be read: permission denied");
    return folder;
  }
}
