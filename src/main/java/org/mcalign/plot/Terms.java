package org.mcalign.plot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's term parsing ({@code regression.py}'s {@code REGEX_PATTERNS}): the level of a
 * factor inside a statsmodels/patsy term name, e.g. {@code language} of
 * {@code multilingual:family[gemma]:language[Danish]} is {@code Danish}.
 */
public final class Terms {
  private Terms() {}

  private static final java.util.Map<String, Pattern> PATTERNS =
      java.util.Map.of(
          "language", Pattern.compile("language\\[([^\\]]+)\\]"),
          "model_name", Pattern.compile("model_name\\[T?\\.?([^\\]]+)\\]"),
          "family", Pattern.compile("family\\[([^\\]]+)\\]"),
          "gt_group", Pattern.compile("gt_group\\[([^\\]]+)\\]"));

  /** The level of {@code factor} (language, model_name, family, gt_group) in {@code term}, or null. */
  public static String level(String term, String factor) {
    Pattern p = PATTERNS.get(factor);
    if (p == null) throw new IllegalArgumentException("no term pattern for factor '" + factor + "'; known: " + PATTERNS.keySet());
    Matcher m = p.matcher(term);
    return m.find() ? m.group(1) : null;
  }
}
