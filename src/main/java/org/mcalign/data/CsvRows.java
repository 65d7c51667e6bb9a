package org.mcalign.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as text records without a schema (RFC 4180, as pandas and polars write it): the
 * header's column names and one column → value map per data row, each with the line it starts
 * on. For tables with known column types use a {@link Schema} instead. Bad input (not UTF-8, an
 * unclosed quote, a row with the wrong number of fields, an empty file) throws a
 * {@link DataFormatException} naming the file and line.
 */
public final class CsvRows {
  /** One data row: the 1-based line it starts on and its values by column name, in header order. */
  public record Row(int line, Map<String, String> values) {
    /** The value in {@code column}, or null when the header has no such column. */
    public String get(String column) {
      return values.get(column);
    }
  }

  private final String file;
  private final List<String> header;
  private final List<Row> rows;

  private CsvRows(String file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  /** Reads {@code file} (named in errors as given). */
  public static CsvRows read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /** Parses CSV bytes; {@code file} names them in errors. */
  public static CsvRows parse(byte[] bytes, String file) {
    String expected = "a CSV file with a header line";
    String text = Utf8Text.decodeCsv(bytes, file, expected);
    if (text.isBlank()) throw new DataFormatException(file, 0, null, "the file is empty; expected a header line", expected);
    List<CsvParser.Row> parsed = CsvParser.parse(text, file, expected);
    String[] names = parsed.get(0).fields();
    List<Row> rows = new ArrayList<>(parsed.size() - 1);
    for (int r = 1; r < parsed.size(); r++) {
      CsvParser.Row row = parsed.get(r);
      CsvParser.requireWidth(row, names.length, file, expected);
      String[] f = row.fields();
      Map<String, String> values = new LinkedHashMap<>(names.length * 2);
      for (int c = 0; c < names.length; c++) values.put(names[c], f[c]);
      rows.add(new Row(row.line(), Collections.unmodifiableMap(values)));
    }
    return new CsvRows(file, List.of(names), Collections.unmodifiableList(rows));
  }

  /** The file's name as given. */
  public String file() {
    return file;
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The data rows, in file order (blank lines skipped). */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Checks that the header has every one of {@code columns}.
   *
   * @throws DataFormatException at line 1, naming the missing columns and {@code what} the file should be
   */
  public CsvRows require(String what, String... columns) {
    List<String> missing = new ArrayList<>(Arrays.asList(columns));
    missing.removeAll(header);
    if (!missing.isEmpty()) {
      throw new DataFormatException(file, 1, null,
          (missing.size() == 1 ? "missing column " : "missing columns ") + String.join(", ", missing)
              + "; the header has " + String.join(", ", header), what);
    }
    return this;
  }
}
