package org.mcalign.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one CSV reader: parses CSV bytes and builds a Tablesaw table, either typed and validated
 * by a {@link Schema} ({@link #read}) or with pandas' type inference ({@link #infer}).
 */
final class CsvTableReader {
  private CsvTableReader() {}

  private static final String INFERRED = "a CSV file with a header line, read as pandas.read_csv reads it";

  /** pandas.read_csv with default options: NA tokens, per-column int/float/bool/object inference. */
  static CsvIn.Result infer(byte[] bytes, String file) {
    String text = Utf8Text.decodeCsv(bytes, file, INFERRED);
    if (text.isBlank()) throw new DataFormatException(file, 0, null, "the file is empty (no header line)", INFERRED);
    List<CsvParser.Row> rows = CsvParser.parse(text, file, INFERRED);
    String[] names = pandasNames(rows.get(0).fields());
    int n = rows.size() - 1;
    String[][] raw = new String[names.length][n];
    int[][] lines = new int[names.length][n];
    int[] rowLines = new int[n];
    List<String> warnings = new ArrayList<>();
    int shortRows = 0, firstShort = 0, firstShortFields = 0;
    for (int r = 0; r < n; r++) {
      CsvParser.Row row = rows.get(r + 1);
      String[] f = row.fields();
      if (f.length > names.length) CsvParser.requireWidth(row, names.length, file, INFERRED);
      if (f.length < names.length && shortRows++ == 0) {
        firstShort = row.line();
        firstShortFields = f.length;
      }
      rowLines[r] = row.line();
      for (int c = 0; c < names.length; c++) {
        raw[c][r] = c < f.length ? f[c] : "";
        lines[c][r] = c < f.length ? row.lineOf(c) : row.line();
      }
    }
    if (shortRows > 0) {
      warnings.add(file + ": " + shortRows + (shortRows == 1 ? " row has" : " rows have") + " fewer fields than the "
          + names.length + " columns of the header (first: line " + firstShort + ", " + firstShortFields
          + " fields); the missing fields are read as missing values, as pandas reads them.");
    }
    List<Column<?>> columns = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      PandasInference.Inferred col = PandasInference.infer(names[c], raw[c], lines[c], file);
      columns.add(col.column());
      if (col.warning() != null) warnings.add(col.warning());
    }
    return new CsvIn.Result(file, List.copyOf(columns), List.copyOf(warnings), rowLines);
  }

  /** pandas' header names: "Unnamed: i" for empty ones, duplicates renamed "a.1", "a.2", ... */
  static String[] pandasNames(String[] header) {
    String[] names = new String[header.length];
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      String col = header[i].isEmpty() ? "Unnamed: " + i : header[i];
      int cur = counts.getOrDefault(col, 0);
      while (cur > 0) {
        counts.put(col, cur + 1);
        col = col + "." + cur;
        cur = counts.getOrDefault(col, 0);
      }
      names[i] = col;
      counts.put(col, cur + 1);
    }
    return names;
  }

  static Table read(Schema schema, byte[] bytes, String file, Study study) {
    String expected = schema.describe();
    String text = Utf8Text.decodeCsv(bytes, file, expected);
    if (text.isBlank()) {
      throw new DataFormatException(file, 0, null,
          "the file is empty; expected a header line " + headerOf(schema) + " and data rows", expected);
    }
    List<CsvParser.Row> rows = CsvParser.parse(text, file, expected);
    CsvParser.Row header = rows.get(0);
    String[] names = header.fields();
    checkHeader(schema, names, header.line(), file, expected);
    int dataRows = rows.size() - 1;
    if (dataRows < schema.minRows()) {
      throw new DataFormatException(file, 0, null,
          dataRows == 0 ? "the file has a header but no data rows"
              : "the file has " + dataRows + " data rows, fewer than the " + schema.minRows() + " expected",
          expected);
    }

    Schema.Column[] typed = new Schema.Column[names.length];
    for (int c = 0; c < names.length; c++) typed[c] = schema.column(names[c]).orElse(null);
    ColumnBuilder[] builders = new ColumnBuilder[names.length];
    for (int c = 0; c < names.length; c++) {
      builders[c] = new ColumnBuilder(names[c], typed[c] == null ? Schema.Type.STRING : typed[c].type(), dataRows, study);
    }
    int[] keyIdx = schema.key().stream().mapToInt(k -> Arrays.asList(names).indexOf(k)).toArray();
    Map<String, Integer> seenKeys = keyIdx.length == 0 ? null : new HashMap<>(dataRows * 2);

    for (int r = 1; r < rows.size(); r++) {
      CsvParser.Row row = rows.get(r);
      CsvParser.requireWidth(row, names.length, file, expected);
      String[] f = row.fields();
      for (int c = 0; c < names.length; c++) {
        builders[c].add(f[c], typed[c], file, row.lineOf(c), columnLabel(c, names[c]), expected);
      }
      if (seenKeys != null) {
        StringBuilder key = new StringBuilder();
        for (int k : keyIdx) key.append(f[k]).append('\u0000');
        Integer first = seenKeys.putIfAbsent(key.toString(), row.line());
        if (first != null) {
          StringBuilder desc = new StringBuilder();
          for (int k : keyIdx) {
            if (desc.length() > 0) desc.append(", ");
            desc.append(names[k]).append('=').append(f[k]);
          }
          throw new DataFormatException(file, row.line(), columnLabel(keyIdx[0], names[keyIdx[0]]),
              "duplicate key " + desc + " (first at line " + first + ")", expected);
        }
      }
    }
    Map<String, List<String>> undeclared = new LinkedHashMap<>();
    for (ColumnBuilder b : builders) {
      if (b.undeclared.isEmpty()) continue;
      List<String> shown = new ArrayList<>();
      b.undeclared.forEach((v, at) -> shown.add("'" + clip(v) + "' (" + at[1] + (at[1] == 1 ? " row" : " rows") + ", first at line " + at[0] + ")"));
      undeclared.put("column " + b.name + ": " + b.kind + (shown.size() == 1 ? "" : "s"), shown);
    }
    if (!undeclared.isEmpty()) throw new DataFormatException(file, 0, null, study.undeclaredMessage(undeclared, "the file"), null);
    Table table = Table.create(file);
    for (ColumnBuilder b : builders) table.addColumns(b.build());
    return table;
  }

  static String columnLabel(int index, String name) {
    return "column " + (index + 1) + " (" + name + ")";
  }

  private static String headerOf(Schema schema) {
    return String.join(",", schema.columns().stream().map(Schema.Column::name).toList());
  }

  private static void checkHeader(Schema schema, String[] names, int line, String file, String expected) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int c = 0; c < names.length; c++) {
      Integer before = seen.putIfAbsent(names[c], c);
      if (before != null) {
        throw new DataFormatException(file, line, columnLabel(c, names[c]),
            "column name '" + names[c] + "' appears twice in the header (also column " + (before + 1) + ")", expected);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Schema.Column col : schema.columns()) if (!seen.containsKey(col.name())) missing.add(col.name());
    if (missing.isEmpty()) return;
    List<String> extra = new ArrayList<>();
    for (String n : names) if (schema.column(n).isEmpty()) extra.add(n);
    StringBuilder msg = new StringBuilder(missing.size() == 1 ? "missing required column " : "missing required columns ");
    msg.append(String.join(", ", missing));
    msg.append("; the header has ").append(String.join(", ", names));
    if (!extra.isEmpty()) msg.append(" (extra columns, allowed: ").append(String.join(", ", extra)).append(')');
    for (String m : missing) {
      for (String n : names) {
        if (n.trim().equalsIgnoreCase(m)) msg.append("; note '").append(n).append("' differs from '").append(m)
            .append("' only in case or spaces (names are exact)");
      }
    }
    throw new DataFormatException(file, line, null, msg.toString(), expected);
  }

  /** Accumulates one column's parsed values. */
  private static final class ColumnBuilder {
    private final String name;
    private final Schema.Type type;
    private final double[] doubles;
    private final int[] ints;
    private final byte[] bools; // 0 false, 1 true, -1 missing
    private final String[] strings;
    private final Study study;
    /** Values a study check refused: value → {first line, rows}. */
    final Map<String, int[]> undeclared = new LinkedHashMap<>();
    String kind;
    private int size;

    ColumnBuilder(String name, Schema.Type type, int capacity, Study study) {
      this.name = name;
      this.type = type;
      this.study = study;
      doubles = type == Schema.Type.DOUBLE ? new double[capacity] : null;
      ints = type == Schema.Type.INTEGER ? new int[capacity] : null;
      bools = type == Schema.Type.BOOLEAN ? new byte[capacity] : null;
      strings = type == Schema.Type.STRING ? new String[capacity] : null;
      if (doubles == null && ints == null && bools == null && strings == null) {
        throw new IllegalArgumentException("type " + type + " of column " + name + " is not a CSV type");
      }
    }

    void add(String raw, Schema.Column col, String file, int line, String column, String expected) {
      boolean nullable = col == null || col.nullable();
      Schema.Check check = col == null ? Schema.Check.NONE : col.check();
      int i = size++;
      // text keeps every value but the empty one (the paper's codes include NULL and NA);
      // numbers and booleans take pandas' NA tokens as missing
      if (raw.isEmpty() || (type != Schema.Type.STRING && PandasValues.isNa(raw))) {
        if (!nullable) {
          throw new DataFormatException(file, line, column, raw.isEmpty()
              ? "empty value; expected a " + col.type().label() + (check == Schema.Check.NONE ? "" : ", " + check.label())
              : "value '" + raw + "' is missing (NaN); expected a " + col.type().label(), expected);
        }
        switch (type) {
          case DOUBLE -> doubles[i] = Double.NaN;
          case INTEGER -> ints[i] = Integer.MIN_VALUE;
          case BOOLEAN -> bools[i] = -1;
          default -> strings[i] = "";
        }
        return;
      }
      switch (type) {
        case DOUBLE -> {
          double v = PandasValues.parseFloat(raw);
          if (Double.isNaN(v)) {
            throw new DataFormatException(file, line, column, "value '" + clip(raw) + "' is not a number", expected);
          }
          if (!check.accepts(v)) {
            throw new DataFormatException(file, line, column, "value " + raw + " is not " + check.label(), expected);
          }
          doubles[i] = v;
        }
        case INTEGER -> {
          Long v = PandasValues.parseInt64(raw);
          if (v == null) {
            boolean digits = raw.strip().matches("[+-]?\\d+");
            throw new DataFormatException(file, line, column, digits ? "integer " + raw + " is out of range"
                : "value '" + clip(raw) + "' is not an integer", expected);
          }
          if (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new DataFormatException(file, line, column, "integer " + raw + " is out of range", expected);
          }
          ints[i] = (int) (long) v;
        }
        case BOOLEAN -> {
          if (PandasValues.isTrue(raw)) bools[i] = 1;
          else if (PandasValues.isFalse(raw)) bools[i] = 0;
          else throw new DataFormatException(file, line, column,
                "value '" + clip(raw) + "' is not a boolean (true/false)", expected);
        }
        default -> {
          if (!check.accepts(raw, study)) {
            if (!check.fromStudy()) {
              throw new DataFormatException(file, line, column,
                  "unknown value '" + clip(raw) + "'; expected a " + check.label(), expected);
            }
            kind = check.kind();
            undeclared.computeIfAbsent(raw, v -> new int[] {line, 0})[1]++;
          }
          strings[i] = raw;
        }
      }
    }

    Column<?> build() {
      return switch (type) {
        case DOUBLE -> DoubleColumn.create(name, Arrays.copyOf(doubles, size));
        case INTEGER -> IntColumn.create(name, Arrays.copyOf(ints, size));
        case BOOLEAN -> {
          BooleanColumn b = BooleanColumn.create(name);
          for (int k = 0; k < size; k++) {
            if (bools[k] < 0) b.appendMissing();
            else b.append(bools[k] == 1);
          }
          yield b;
        }
        default -> StringColumn.create(name, Arrays.copyOf(strings, size));
      };
    }
  }

  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
