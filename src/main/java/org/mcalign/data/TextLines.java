package org.mcalign.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a UTF-8 text file (JSONL request, answer and reply files), read strictly
 * ({@link Utf8Text}): a byte that is not UTF-8 (a file saved as Latin-1) is an error naming the
 * file and line instead of the decoder's "Input length = 1"; a leading byte-order mark is
 * dropped; {@code \r\n} line ends are accepted; a missing, unreadable or folder path is named as such.
 */
public final class TextLines {
  private TextLines() {}

  /** The file's lines (without line ends); {@code what} names the file's role in errors, e.g. "request file". */
  public static List<String> read(Path file, String what) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + what + " " + file + ": " + IoMessages.describe(e, file), e);
    }
    String text = Utf8Text.decode(bytes, what + " " + file, null);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) end = text.length();
      String line = text.substring(start, end);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      start = end + 1;
    }
    return lines;
  }
}
