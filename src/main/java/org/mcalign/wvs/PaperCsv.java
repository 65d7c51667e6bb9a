package org.mcalign.wvs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tables as the paper's CSV files (polars' {@code write_csv}): header, comma, {@code \n}, Python floats. */
final class PaperCsv {
  private PaperCsv() {}

  static String format(Table t) {
    StringBuilder sb = new StringBuilder(t.rowCount() * 48);
    for (int c = 0; c < t.columnCount(); c++) {
      if (c > 0) sb.append(',');
      sb.append(quote(t.column(c).name()));
    }
    sb.append('\n');
    for (int r = 0; r < t.rowCount(); r++) {
      for (int c = 0; c < t.columnCount(); c++) {
        if (c > 0) sb.append(',');
        Column<?> col = t.column(c);
        if (col.isMissing(r) && col.type() != ColumnType.DOUBLE) continue;
        if (col.type() == ColumnType.DOUBLE) sb.append(PyFloat.repr(t.doubleColumn(c).getDouble(r)));
        else sb.append(quote(col.getString(r)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static String json(Map<String, Object> map) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(map) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("provenance is not serialisable: " + e.getMessage(), e);
    }
  }
}
