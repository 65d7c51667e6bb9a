package org.mcalign.wvs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming, allocation-free CSV record reader over bytes (RFC 4180: comma separator,
 * {@code "} quoting with {@code ""} escapes, {@code \n} or {@code \r\n} line ends). It holds one
 * buffer (grown only when a single record is longer than it) and exposes each record's fields
 * as offsets into that buffer, so numeric fields are parsed without creating strings.
 */
final class CsvRecords {
  static final int DEFAULT_BUFFER = 1 << 20;

  private final InputStream in;
  private byte[] buf;
  private int pos;
  private int recordStart;
  private int limit;
  private boolean eof;
  private long bytesRead;

  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private boolean[] escaped = new boolean[256];
  private int fieldCount;
  private long nextLine = 1;
  private long line;

  CsvRecords(InputStream in) {
    this(in, DEFAULT_BUFFER);
  }

  CsvRecords(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /** Line (1-based, physical) where the current record starts. */
  long line() {
    return line;
  }

  long bytesRead() {
    return bytesRead;
  }

  int fieldCount() {
    return fieldCount;
  }

  byte[] buffer() {
    return buf;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  /** The current record's field starts (valid up to {@link #fieldCount()}; replaced when a record has more fields). */
  int[] starts() {
    return starts;
  }

  /** The current record's field ends, as {@link #starts()}. */
  int[] ends() {
    return ends;
  }

  /** Where the current record's bytes start in {@link #buffer()}. */
  int recordStart() {
    return recordStart;
  }

  /** Where the current record's bytes end in {@link #buffer()}, its line break included. */
  int recordEnd() {
    return pos;
  }

  /** Whether the current field was quoted with {@code ""} escapes inside. */
  boolean escaped(int field) {
    return escaped[field];
  }

  /** Whether the record ended at end of input without a line break. */
  private boolean lastWithoutNewline;

  boolean endedWithoutNewline() {
    return lastWithoutNewline;
  }

  /** The field as a string (quotes removed, {@code ""} unescaped). */
  String text(int field) {
    return text(buf, starts[field], ends[field], escaped[field]);
  }

  /** A field's text from its bytes: UTF-8, with {@code ""} unescaped when it was quoted with escapes inside. */
  static String text(byte[] b, int start, int end, boolean escaped) {
    String s = new String(b, start, end - start, StandardCharsets.UTF_8);
    return escaped ? s.replace("\"\"", "\"") : s;
  }

  boolean isEmpty(int field) {
    return ends[field] == starts[field];
  }

  /**
   * Advances to the next record; false at end of input. Blank lines are skipped.
   *
   * @throws CsvSyntaxException on an unterminated quote or text after a closing quote
   */
  boolean next() throws IOException {
    while (true) {
      if (pos >= limit && !fill()) return false;
      int result = parse();
      if (result == NEED_MORE) {
        if (!fill()) {
          // fill() at eof returns false only when nothing is left; parse() sees eof and finishes
          throw new IllegalStateException("unreachable");
        }
        continue;
      }
      if (fieldCount == 1 && ends[0] == starts[0]) continue; // blank line
      return true;
    }
  }

  private static final int NEED_MORE = -1;
  private static final int DONE = 1;

  /** Parses one record from {@code pos}; NEED_MORE when the buffer ends first (and not at eof). */
  private int parse() {
    final byte[] b = buf;
    final int lim = limit;
    int p = pos;
    int nf = 0;
    int breaks = 0;
    while (true) {
      if (nf == starts.length) growFields();
      int fs;
      int fe;
      boolean esc = false;
      if (p < lim && b[p] == '"') {
        p++;
        fs = p;
        while (true) {
          if (p >= lim) {
            if (!eof) return NEED_MORE;
            throw new CsvSyntaxException(nextLine, "unterminated quoted field (the file ends inside quotes)");
          }
          byte c = b[p];
          if (c == '"') {
            if (p + 1 >= lim && !eof) return NEED_MORE;
            if (p + 1 < lim && b[p + 1] == '"') {
              esc = true;
              p += 2;
              continue;
            }
            fe = p;
            p++;
            break;
          }
          if (c == '\n') breaks++;
          p++;
        }
        if (p < lim && b[p] == '\r') {
          if (p + 1 >= lim && !eof) return NEED_MORE;
          if (p + 1 >= lim || b[p + 1] == '\n') p++;
        }
        if (p < lim && b[p] != ',' && b[p] != '\n') {
          throw new CsvSyntaxException(
              nextLine + breaks, "unexpected character '" + (char) b[p] + "' after a closing quote");
        }
      } else {
        fs = p;
        while (p < lim) {
          byte c = b[p];
          if (c == ',' || c == '\n') break;
          p++;
        }
        if (p >= lim && !eof) return NEED_MORE;
        fe = p;
        if (fe > fs && b[fe - 1] == '\r') fe--;
      }
      starts[nf] = fs;
      ends[nf] = fe;
      escaped[nf] = esc;
      nf++;
      if (p >= lim) { // end of input without a final line break
        finish(p, nf, breaks, true);
        return DONE;
      }
      if (b[p] == ',') {
        p++;
        continue;
      }
      p++; // '\n'
      finish(p, nf, breaks, false);
      return DONE;
    }
  }

  private void finish(int p, int nf, int breaks, boolean noNewline) {
    recordStart = pos;
    pos = p;
    fieldCount = nf;
    line = nextLine;
    nextLine += breaks + 1;
    lastWithoutNewline = noNewline;
  }

  /** Keeps the unparsed tail at the buffer's start and reads more; false when nothing is left. */
  private boolean fill() throws IOException {
    if (eof) return pos < limit;
    int rest = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, rest);
    } else if (rest == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
    }
    pos = 0;
    limit = rest;
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return limit > 0;
    }
    limit += n;
    bytesRead += n;
    return true;
  }

  private void growFields() {
    int n = starts.length * 2;
    starts = Arrays.copyOf(starts, n);
    ends = Arrays.copyOf(ends, n);
    escaped = Arrays.copyOf(escaped, n);
  }

  /** A syntax error at a line of the input (the caller adds the file name). */
  static final class CsvSyntaxException extends RuntimeException {
    final long line;

    CsvSyntaxException(long line, String message) {
      super(message);
      this.line = line;
    }
  }
}
