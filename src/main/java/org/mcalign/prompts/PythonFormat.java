package org.mcalign.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mcalign.data.CsvOut;

/**
 * Text exactly as the paper's Python wrote it: {@code json.dumps(obj, ensure_ascii=False)}
 * (separators ", " and ": ") for request files and classifier inputs, and {@code repr(float)}
 * for numbers in CSV files, so files we write compare byte for byte with the paper's.
 */
public final class PythonFormat {
  private PythonFormat() {}

  /** {@code repr(x)} of a Python float ({@code nan}, {@code inf} included), as {@link CsvOut#formatDouble}. */
  public static String repr(double x) {
    return CsvOut.formatDouble(x);
  }

  /** {@code json.dumps(node, ensure_ascii=False)} of a Jackson tree. */
  public static String json(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb);
    return sb.toString();
  }

  /** {@code json.dumps} of plain Java values: Map (insertion order), List, String, Number, Boolean, null. */
  public static String json(Object value) {
    StringBuilder sb = new StringBuilder();
    writeValue(value, sb);
    return sb.toString();
  }

  private static void writeValue(Object v, StringBuilder sb) {
    if (v == null) sb.append("null");
    else if (v instanceof JsonNode n) write(n, sb);
    else if (v instanceof String s) string(s, sb);
    else if (v instanceof Boolean b) sb.append(b ? "true" : "false");
    else if (v instanceof Double || v instanceof Float) sb.append(jsonNumber(((Number) v).doubleValue()));
    else if (v instanceof Number n) sb.append(n);
    else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        string(String.valueOf(e.getKey()), sb);
        sb.append(": ");
        writeValue(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        writeValue(l.get(i), sb);
      }
      sb.append(']');
    } else throw new IllegalArgumentException("cannot write " + v.getClass() + " as JSON");
  }

  private static String jsonNumber(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    return repr(d);
  }

  private static void write(JsonNode n, StringBuilder sb) {
    if (n == null || n.isNull() || n.isMissingNode()) sb.append("null");
    else if (n.isTextual()) string(n.textValue(), sb);
    else if (n.isBoolean()) sb.append(n.booleanValue() ? "true" : "false");
    else if (n.isIntegralNumber()) sb.append(n.bigIntegerValue());
    else if (n.isNumber()) sb.append(jsonNumber(n.doubleValue()));
    else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) sb.append(", ");
        write(n.get(i), sb);
      }
      sb.append(']');
    } else if (n.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!first) sb.append(", ");
        first = false;
        string(e.getKey(), sb);
        sb.append(": ");
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else throw new IllegalArgumentException("cannot write JSON node " + n.getNodeType());
  }

  /** Python's string escaping with ensure_ascii=False: only quotes, backslash and control characters. */
  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
