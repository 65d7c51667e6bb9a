package org.mcalign.data;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV records with the physical line each record and field starts on (for error messages), as
 * pandas' C tokenizer reads them: RFC 4180 quoting ({@code ""} inside quotes is a quote), a quote
 * inside an unquoted field is literal and text after a closing quote continues the field
 * ({@code "a"b} reads as {@code ab}); LF, CRLF and CR line ends (a CRLF inside a quoted field
 * becomes LF, so a CRLF file reads exactly like its LF twin); blank lines are skipped.
 */
final class CsvParser {
  private CsvParser() {}

  /** One record: the line it starts on, its fields, and each field's starting line. */
  record Row(int line, String[] fields, int[] fieldLines) {
    int lineOf(int field) {
      return fieldLines == null ? line : fieldLines[field];
    }
  }

  /** Throws unless {@code row} has as many fields as the header has columns. */
  static void requireWidth(Row row, int columns, String file, String expected) {
    if (row.fields().length != columns) {
      throw new DataFormatException(file, row.line(), null,
          "the row has " + row.fields().length + " fields but the header has " + columns
              + " columns (a comma inside a value needs quotes)", expected);
    }
  }

  static List<Row> parse(String text, String file, String expected) {
    return new Tokenizer(text, file, expected).rows();
  }

  /** One pass over the text; unquoted fields (the common case) are cut out with no copying. */
  private static final class Tokenizer {
    final String text, file, expected;
    final int n;
    int i, line = 1;
    final StringBuilder sb = new StringBuilder();
    String[] fields = new String[16];
    int[] fieldLines = new int[16];
    int count;
    boolean multiLine;

    Tokenizer(String text, String file, String expected) {
      this.text = text;
      this.file = file;
      this.expected = expected;
      this.n = text.length();
    }

    List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      while (i < n) {
        char first = text.charAt(i);
        if (first == '\n' || first == '\r') { // blank line
          i += (first == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
          line++;
          continue;
        }
        int recordLine = line;
        count = 0;
        multiLine = false;
        while (true) {
          int fieldLine = line;
          String value = i < n && text.charAt(i) == '"' ? quoted() : unquoted();
          add(value, fieldLine);
          if (i >= n) break;
          char c = text.charAt(i);
          if (c == ',') {
            i++;
            continue;
          }
          i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1; // end of line
          line++;
          break;
        }
        rows.add(new Row(recordLine, java.util.Arrays.copyOf(fields, count),
            multiLine ? java.util.Arrays.copyOf(fieldLines, count) : null));
      }
      return rows;
    }

    private void add(String value, int fieldLine) {
      if (count == fields.length) {
        fields = java.util.Arrays.copyOf(fields, 2 * count);
        fieldLines = java.util.Arrays.copyOf(fieldLines, 2 * count);
      }
      fields[count] = value;
      fieldLines[count++] = fieldLine;
    }

    private String unquoted() {
      int start = i;
      while (i < n) {
        char c = text.charAt(i);
        if (c == ',' || c == '\n' || c == '\r') break;
        i++;
      }
      return text.substring(start, i);
    }

    private String quoted() {
      int fieldLine = line;
      int quoteColumn = i - lineStart(text, i) + 1;
      i++;
      sb.setLength(0);
      while (true) {
        if (i >= n) {
          throw new DataFormatException(file, fieldLine, "field " + (count + 1) + " (character " + quoteColumn + ")",
              "quoted field is never closed (a '\"' opens it and the file ends)", expected);
        }
        char c = text.charAt(i);
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            sb.append('"');
            i += 2;
          } else {
            i++;
            break;
          }
        } else if (c == '\r') {
          line++;
          multiLine = true;
          sb.append('\n');
          i += (i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
        } else {
          if (c == '\n') {
            line++;
            multiLine = true;
          }
          sb.append(c);
          i++;
        }
      }
      // pandas' tokenizer: text after the closing quote continues the field, quotes included ("a"b → ab)
      while (i < n) {
        char c = text.charAt(i);
        if (c == ',' || c == '\n' || c == '\r') break;
        sb.append(c);
        i++;
      }
      return sb.toString();
    }
  }

  /** Where the end of {@code prefix} falls: 1-based line, 0-based field, 1-based character of the line, header name. */
  record Position(int line, int field, int character, String headerName) {}

  /** The position just after {@code prefix} (a file cut short, e.g. before an invalid byte). */
  static Position positionAtEnd(String prefix) {
    int line = 1, field = 0, record = 0, lineStart = 0, n = prefix.length();
    boolean quoted = false, recordStarted = false;
    List<String> header = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < n; i++) {
      char c = prefix.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && prefix.charAt(i + 1) == '"') {
            current.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && !(i + 1 < n && prefix.charAt(i + 1) == '\n'))) {
            line++;
            lineStart = i + 1;
          }
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        recordStarted = true;
      } else if (c == ',') {
        if (record == 0) header.add(current.toString());
        current.setLength(0);
        field++;
        recordStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && prefix.charAt(i + 1) == '\n') i++;
        if (recordStarted) {
          if (record == 0) header.add(current.toString());
          record++;
        }
        current.setLength(0);
        field = 0;
        recordStarted = false;
        line++;
        lineStart = i + 1;
      } else {
        current.append(c);
        recordStarted = true;
      }
    }
    String name = record > 0 && field < header.size() ? header.get(field) : null;
    return new Position(line, field, n - lineStart + 1, name);
  }

  private static int lineStart(String text, int pos) {
    int p = pos;
    while (p > 0 && text.charAt(p - 1) != '\n' && text.charAt(p - 1) != '\r') p--;
    return p;
  }
}
