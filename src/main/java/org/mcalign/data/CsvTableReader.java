package org.mcalign.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Parses CSV bytes, validates them against a {@link Schema} and builds a typed Tablesaw table. */
final class CsvTableReader {
  private CsvTableReader() {}

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE = Pattern.compile("[+-]?(inf|Infinity|nan|NaN)");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  static Table read(Schema schema, byte[] bytes, String file, Study study) {
    String expected = schema.describe();
    String text = Utf8Text.decode(bytes, file, expected);
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
      undeclared.put(b.name + " " + b.kind + (shown.size() == 1 ? "" : "s"), shown);
    }
    if (!undeclared.isEmpty()) throw new DataFormatException(file, 0, null, study.undeclaredMessage(undeclared, file), null);
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
      if (raw.isEmpty()) {
        if (!nullable) {
          throw new DataFormatException(file, line, column,
              "empty value; expected a " + col.type().label() + (check == Schema.Check.NONE ? "" : ", " + check.label()),
              expected);
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
          double v;
          if (DECIMAL.matcher(raw).matches()) {
            v = Double.parseDouble(raw);
          } else if (NON_FINITE.matcher(raw).matches()) {
            String unsigned = raw.charAt(0) == '+' || raw.charAt(0) == '-' ? raw.substring(1) : raw;
            v = unsigned.equalsIgnoreCase("nan") ? Double.NaN
                : raw.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (Double.isNaN(v) && !nullable) {
              throw new DataFormatException(file, line, column, "value '" + raw + "' is missing (NaN); expected a number", expected);
            }
          } else {
            throw new DataFormatException(file, line, column, "value '" + clip(raw) + "' is not a number", expected);
          }
          if (!Double.isNaN(v) && !check.accepts(v)) {
            throw new DataFormatException(file, line, column, "value " + raw + " is not " + check.label(), expected);
          }
          doubles[i] = v;
        }
        case INTEGER -> {
          if (!INTEGER.matcher(raw).matches()) {
            throw new DataFormatException(file, line, column, "value '" + clip(raw) + "' is not an integer", expected);
          }
          try {
            ints[i] = Integer.parseInt(raw);
          } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "integer " + raw + " is out of range", expected);
          }
          if (ints[i] == Integer.MIN_VALUE) {
            throw new DataFormatException(file, line, column, "integer " + raw + " is out of range", expected);
          }
        }
        case BOOLEAN -> {
          switch (raw) {
            case "true", "True", "TRUE" -> bools[i] = 1;
            case "false", "False", "FALSE" -> bools[i] = 0;
            default -> throw new DataFormatException(file, line, column,
                "value '" + clip(raw) + "' is not a boolean (true/false)", expected);
          }
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

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
