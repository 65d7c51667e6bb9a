package org.mcalign.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A patsy coefficient name taken apart, e.g. {@code us[T.True]:model_name[T.gpt-4o]:language[pt]}
 * → factors {@code us = True} (treatment), {@code model_name = gpt-4o} (treatment),
 * {@code language = pt} (full rank). Numeric factors have no level. Used to pull
 * family/language/model out of regression terms without string hacking at call sites.
 */
public record CoefficientName(String name, List<Part> parts) {
  /** One factor of the name: {@code factor[level]}, {@code factor[T.level]} or a bare numeric factor. */
  public record Part(String factor, String level, boolean treatment) {
    public boolean isNumeric() {
      return level == null;
    }
  }

  public static CoefficientName parse(String name) {
    List<Part> parts = new ArrayList<>();
    if (name.equals("Intercept")) return new CoefficientName(name, List.of());
    int i = 0, n = name.length();
    while (i < n) {
      int s = i;
      while (i < n && name.charAt(i) != '[' && name.charAt(i) != ':') i++;
      String factor = name.substring(s, i);
      if (factor.isEmpty()) throw new IllegalArgumentException("not a patsy coefficient name: '" + name + "' (empty factor at " + s + ")");
      if (i < n && name.charAt(i) == '[') {
        // the level ends at the ']' followed by ':' or the end (levels may contain brackets)
        int close = -1;
        for (int j = i + 1; j < n; j++)
          if (name.charAt(j) == ']' && (j + 1 == n || name.charAt(j + 1) == ':')) {
            close = j;
            break;
          }
        if (close < 0) throw new IllegalArgumentException("not a patsy coefficient name: '" + name + "' (unclosed '[' at " + i + ")");
        String level = name.substring(i + 1, close);
        boolean treatment = level.startsWith("T.");
        parts.add(new Part(factor, treatment ? level.substring(2) : level, treatment));
        i = close + 1;
      } else {
        parts.add(new Part(factor, null, false));
      }
      if (i < n && name.charAt(i) == ':') i++;
    }
    return new CoefficientName(name, List.copyOf(parts));
  }

  /** The level of a categorical factor in this coefficient, if the factor appears. */
  public Optional<String> level(String factor) {
    for (Part p : parts) if (p.factor().equals(factor) && p.level() != null) return Optional.of(p.level());
    return Optional.empty();
  }

  public boolean has(String factor) {
    for (Part p : parts) if (p.factor().equals(factor)) return true;
    return false;
  }

  /** factor → level (null for numeric factors), in name order. */
  public Map<String, String> levels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Part p : parts) m.put(p.factor(), p.level());
    return m;
  }
}
