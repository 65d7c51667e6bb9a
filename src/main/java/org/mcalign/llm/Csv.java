package org.mcalign.llm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV reading and writing (quoted fields, embedded newlines), as pandas writes it. */
final class Csv {
  private Csv() {}

  /** Rows as header → value maps. */
  static List<Map<String, String>> read(Path file) {
    List<List<String>> rows;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      rows = parse(r);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty()) throw new LlmException(file + ": empty CSV (expected a header line)");
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() == 1 && row.get(0).isEmpty()) continue;
      if (row.size() != header.size()) {
        throw new LlmException(file + ": record " + (i + 1) + " has " + row.size() + " fields, header has " + header.size());
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int j = 0; j < header.size(); j++) m.put(header.get(j), row.get(j));
      out.add(m);
    }
    return out;
  }

  static List<List<String>> parse(Reader r) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = r.read()) != -1) {
      any = true;
      if (quoted) {
        if (c == '"') {
          r.mark(1);
          int n = r.read();
          if (n == '"') field.append('"');
          else {
            quoted = false;
            if (n == -1) break;
            r.reset();
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          r.mark(1);
          if (r.read() != '\n') r.reset();
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
      } else {
        field.append((char) c);
      }
    }
    if (any || field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  static void writeRow(Writer w, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) w.write(',');
      String f = fields.get(i) == null ? "" : fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        w.write('"');
        w.write(f.replace("\"", "\"\""));
        w.write('"');
      } else {
        w.write(f);
      }
    }
    w.write('\n');
  }
}
