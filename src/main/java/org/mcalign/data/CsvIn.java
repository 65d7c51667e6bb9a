package org.mcalign.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A CSV file without a schema, read as {@code pandas.read_csv(path)} reads it with default
 * options, so that a formula sees the columns statsmodels would: pandas' NA tokens
 * ({@code NA}, {@code N/A}, {@code NULL}, {@code nan}, empty, ...) are missing; each column is
 * int64 ({@code LongColumn}), float64 ({@code DoubleColumn}, {@code inf}/{@code -inf}/{@code Infinity}
 * included), bool ({@code BooleanColumn}: {@code True}/{@code False} in any of pandas' three
 * spellings, no missing values) or text ({@code StringColumn}); values are never trimmed; fields
 * may be of any length; headers get pandas' names ({@code Unnamed: 2}, {@code a.1}).
 *
 * <p>The file must be UTF-8 (an invalid byte is an error naming file, line and column). Where a
 * few values turn an otherwise numeric (or boolean) column into text, the result carries a
 * warning naming them and their lines. Typed, validated tables come from {@link Schema#read}
 * instead; both share one parser ({@code CsvTableReader}).
 */
public final class CsvIn {
  private CsvIn() {}

  /** The columns (named after the file), warnings to show the user, and the physical line each data row starts on. */
  public record Result(String name, List<Column<?>> columns, List<String> warnings, int[] rowLines) {
    /** The columns as a Tablesaw table. */
    public Table table() {
      return Table.create(name, columns);
    }

    /** The 1-based line of data row {@code row} (0-based). */
    public int line(int row) {
      return rowLines[row];
    }
  }

  /** Reads {@code file} (named in errors by its file name); warnings are dropped. */
  public static Table read(Path file) {
    return readWithWarnings(file).table();
  }

  /** Reads {@code file}, named in errors and warnings by its file name. */
  public static Result readWithWarnings(Path file) {
    String name = file.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return parse(bytes, name);
  }

  /** Parses CSV bytes; {@code file} names them in errors and warnings. */
  public static Result parse(byte[] bytes, String file) {
    return CsvTableReader.infer(bytes, file);
  }
}
