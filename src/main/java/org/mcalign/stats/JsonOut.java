package org.mcalign.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

  static String write(Map<String, Object> m) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
