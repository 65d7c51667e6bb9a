package org.mcalign.prompts;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.AtomicFiles;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's CSV files as rows of text, columns in file order: the stage files (prompts,
 * responses, scores) carry long multi-line texts and mixed columns that are best kept as the
 * file has them and typed where used. Written as pandas writes them (header, comma, quotes only
 * where needed, {@code \n} line ends).
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

  /** Reads a CSV with a header line; fails naming the file when a required column is missing. */
  public static CsvRecords read(Path file, String... requiredColumns) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(false);
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(10_000);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.getFormat().setLineSeparator("\n");
    settings.setLineSeparatorDetectionEnabled(true);
    settings.trimValues(false);
    CsvParser parser = new CsvParser(settings);
    List<String> header;
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parser.beginParsing(r);
      String[] head = parser.parseNext();
      if (head == null) throw new StageInputException(file + ": empty file, expected a header line");
      header = new ArrayList<>();
      for (String h : head) header.add(h == null ? "" : h);
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) header.set(0, header.get(0).substring(1));
      for (String need : requiredColumns) {
        if (!header.contains(need)) {
          throw new StageInputException(
              file.getFileName() + ": missing column '" + need + "'; expected columns " + List.of(requiredColumns)
                  + ", found " + header);
        }
      }
      String[] values;
      while ((values = parser.parseNext()) != null) {
        long line = parser.getContext().currentLine();
        if (values.length == 1 && (values[0] == null || values[0].isEmpty())) continue;
        if (values.length != header.size()) {
          throw new StageInputException(
              file.getFileName() + " line " + line + ": " + values.length + " fields, expected " + header.size()
                  + " " + header);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) row.put(header.get(i), values[i] == null ? "" : values[i]);
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file.getFileName() + ": " + e.getMessage(), e);
    } finally {
      parser.stopParsing();
    }
    return new CsvRecords(header, rows);
  }

  /** Writes atomically in pandas' format. */
  public Path write(Path file) {
    return write(file, columns, rows);
  }

  public static Path write(Path file, List<String> columns, Collection<? extends Map<String, String>> rows) {
    return AtomicFiles.writeText(
        file,
        w -> {
          w.write(line(columns));
          for (Map<String, String> row : rows) {
            List<String> values = new ArrayList<>(columns.size());
            for (String c : columns) {
              String v = row.get(c);
              values.add(v == null ? "" : v);
            }
            w.write(line(values));
          }
        });
  }

  private static String line(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(quote(values.get(i)));
    }
    return sb.append('\n').toString();
  }

  static String quote(String v) {
    boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
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
