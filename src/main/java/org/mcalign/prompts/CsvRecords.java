package org.mcalign.prompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.CsvRows;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's CSV files as rows of text, columns in file order: the stage files (prompts,
 * responses, scores) carry long multi-line texts and mixed columns that are best kept as the
 * file has them and typed where used. Parsing is {@link CsvRows}' and writing {@link CsvOut}'s
 * (pandas' format: header, comma, quotes only where needed, {@code \n} line ends); this class
 * only holds the rows as editable maps for the stages.
 */
public final class CsvRecords {
  private final List<String> columns;
  private final List<Map<String, String>> rows;

  public CsvRecords(List<String> columns, List<Map<String, String>> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  public List<String> columns() {
    return columns;
  }

  public List<Map<String, String>> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  /**
   * Reads a CSV with a header line (blank lines skipped).
   *
   * @throws org.mcalign.data.DataFormatException naming the file (by its name) and line when the
   *     file is empty, malformed, has a row of the wrong width or lacks a required column
   */
  public static CsvRecords read(Path file, String... requiredColumns) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file.getFileName() + ": " + e.getMessage(), e);
    }
    CsvRows csv = CsvRows.parse(bytes, String.valueOf(file.getFileName()))
        .require("a CSV file with columns " + List.of(requiredColumns), requiredColumns);
    List<Map<String, String>> rows = new ArrayList<>(csv.rows().size());
    for (CsvRows.Row row : csv.rows()) rows.add(new LinkedHashMap<>(row.values()));
    return new CsvRecords(csv.header(), rows);
  }

  /** Writes atomically in pandas' format. */
  public Path write(Path file) {
    return write(file, columns, rows);
  }

  /** Writes {@code rows} atomically in pandas' format, {@code columns} in order (missing values empty). */
  public static Path write(Path file, List<String> columns, Collection<? extends Map<String, String>> rows) {
    return AtomicFiles.writeText(file, body(columns, rows));
  }

  /** The file's content as a body for {@link AtomicFiles#writeAllText} (several files written as one set). */
  public AtomicFiles.TextBody body() {
    return body(columns, rows);
  }

  private static AtomicFiles.TextBody body(List<String> columns, Collection<? extends Map<String, String>> rows) {
    return w -> {
      CsvOut.writeRow(w, columns);
      List<String> values = new ArrayList<>(columns.size());
      for (Map<String, String> row : rows) {
        values.clear();
        for (String c : columns) values.add(row.get(c));
        CsvOut.writeRow(w, values);
      }
    };
  }

  /** A Tablesaw view (all columns as text) for display in notebooks. */
  public Table toTable(String name) {
    Table t = Table.create(name);
    for (String c : columns) {
      StringColumn col = StringColumn.create(c);
      for (Map<String, String> r : rows) col.append(r.getOrDefault(c, ""));
      t.addColumns(col);
    }
    return t;
  }
}
