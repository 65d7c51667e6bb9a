package org.mcalign.plot;

import java.util.List;
import org.mcalign.data.Paper;

/** Display names as the paper's figures print them. */
final class Labels {
  private Labels() {}

  /** pt → logical pixels at matplotlib's 100 dpi. */
  static double pt(double points) {
    return points * 100 / 72;
  }

  /** "da" → "Danish"; display names pass through. */
  static String language(String s) {
    return s == null ? null : Paper.LANGUAGE_NAMES.getOrDefault(s, s);
  }

  /** Ground-truth group: language code → language name, country code → country name, "global" → "Global". */
  static String group(String s) {
    if (s == null) return null;
    if (s.equalsIgnoreCase(Paper.GLOBAL)) return "Global";
    if (Paper.LANGUAGE_NAMES.containsKey(s)) return Paper.LANGUAGE_NAMES.get(s);
    return Paper.COUNTRY_NAMES.getOrDefault(s, s);
  }

  /** "country" → "Country" (polars' to_titlecase). */
  static String title(String s) {
    if (s == null || s.isEmpty()) return s;
    return Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase();
  }

  /** Model id of an id or display name. */
  static String modelId(String s) {
    if (s == null) return null;
    String base = s.substring(s.lastIndexOf('/') + 1);
    for (var e : Paper.MODEL_DISPLAY_NAMES.entrySet()) if (e.getValue().equals(base)) return e.getKey();
    return base;
  }

  /** Models present, in the paper's order (ids). */
  static List<String> modelsInOrder(String[] models) {
    String[] ids = new String[models.length];
    for (int i = 0; i < ids.length; i++) ids[i] = modelId(models[i]);
    return Aggregate.ordered(ids, Paper.MODELS);
  }
}
