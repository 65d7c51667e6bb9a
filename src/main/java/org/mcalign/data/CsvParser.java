package org.mcalign.data;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV records with the physical line each record and field starts on (for error
 * messages). Accepts LF, CRLF and CR line ends (a CRLF inside a quoted field becomes LF, so a
 * CRLF file reads exactly like its LF twin) and skips blank lines, as pandas does.
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
    List<Row> rows = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int line = 1;
    List<String> fields = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    while (i < n) {
      char first = text.charAt(i);
      if (first == '\n' || first == '\r') { // blank line
        i += (first == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
        line++;
        continue;
      }
      int recordLine = line;
      boolean multiLine = false;
      fields.clear();
      lines.clear();
      while (true) {
        int fieldLine = line;
        String value;
        if (i < n && text.charAt(i) == '"') {
          int quoteColumn = i - lineStart(text, i) + 1;
          i++;
          sb.setLength(0);
          while (true) {
            if (i >= n) {
              throw new DataFormatException(
                  file, fieldLine, "field " + (fields.size() + 1) + " (character " + quoteColumn + ")",
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
          value = sb.toString();
          if (i < n) {
            char c = text.charAt(i);
            if (c != ',' && c != '\n' && c != '\r') {
              throw new DataFormatException(
                  file, line, "field " + (fields.size() + 1) + " (character " + (i - lineStart(text, i) + 1) + ")",
                  "unexpected character '" + c + "' after a closing quote (expected a comma or the end of the line)",
                  expected);
            }
          }
        } else {
          int start = i;
          while (i < n) {
            char c = text.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') break;
            i++;
          }
          value = text.substring(start, i);
        }
        fields.add(value);
        lines.add(fieldLine);
        if (i >= n) break;
        char c = text.charAt(i);
        if (c == ',') {
          i++;
          continue;
        }
        // end of line
        i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
        line++;
        break;
      }
      int[] fieldLines = null;
      if (multiLine) {
        fieldLines = new int[lines.size()];
        for (int k = 0; k < fieldLines.length; k++) fieldLines[k] = lines.get(k);
      }
      rows.add(new Row(recordLine, fields.toArray(new String[0]), fieldLines));
    }
    return rows;
  }

  private static int lineStart(String text, int pos) {
    int p = pos;
    while (p > 0 && text.charAt(p - 1) != '\n' && text.charAt(p - 1) != '\r') p--;
    return p;
  }
}
