package org.mcalign.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code fit --json} object: per-coefficient maps keyed by statsmodels' names. */
final class JsonOut {
  private JsonOut() {}

  static Map<String, Object> common(RegressionResults r, String kind, String formula) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("formula", formula);
    m.put("nobs", r.nobs());
    List<String> names = r.names();
    double[][] ci = r.confIntArray(0.05);
    double[] lo = new double[ci.length], hi = new double[ci.length];
    for (int i = 0; i < ci.length; i++) {
      lo[i] = ci[i][0];
      hi[i] = ci[i][1];
    }
    m.put("params", keyed(names, r.paramsArray()));
    m.put("bse", keyed(names, r.bseArray()));
    m.put("pvalues", keyed(names, r.pvaluesArray()));
    m.put("ci_lower", keyed(names, lo));
    m.put("ci_upper", keyed(names, hi));
    m.put("scale", r.scale());
    m.put("llf", r.llf());
    return m;
  }

  static Map<String, Double> keyed(List<String> names, double[] v) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) m.put(names.get(i), v[i]);
    return m;
  }

  /**
   * The object as Jackson's default pretty printer lays it out (two-space indent, {@code " : "},
   * doubles as {@link Double#toString}, NaN and infinities as strings), written by hand: creating
   * an ObjectMapper costs most of a second in a fresh JVM, more than the fit itself.
   */
  static String write(Map<String, ?> m) {
    StringBuilder sb = new StringBuilder();
    object(sb, m, "");
    return sb.toString();
  }

  private static void object(StringBuilder sb, Map<?, ?> m, String indent) {
    if (m.isEmpty()) {
      sb.append("{ }");
      return;
    }
    sb.append("{\n");
    String inner = indent + "  ";
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!first) sb.append(",\n");
      first = false;
      sb.append(inner);
      string(sb, String.valueOf(e.getKey()));
      sb.append(" : ");
      value(sb, e.getValue(), inner);
    }
    sb.append('\n').append(indent).append('}');
  }

  private static void value(StringBuilder sb, Object v, String indent) {
    if (v == null) sb.append("null");
    else if (v instanceof Map<?, ?> m) object(sb, m, indent);
    else if (v instanceof Double d) {
      if (Double.isFinite(d)) sb.append(d.doubleValue());
      else string(sb, d.toString());
    } else if (v instanceof Number || v instanceof Boolean) sb.append(v);
    else string(sb, v.toString());
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s, sb);
    sb.append('"');
  }
}
