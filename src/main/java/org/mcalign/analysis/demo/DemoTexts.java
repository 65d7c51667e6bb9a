package org.mcalign.analysis.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcalign.data.Study;

/**
 * The demo's prompt and response texts. Prompts carry a language tag and the item in the topic
 * ({@code [DEMO da] … DEMO topic F120 …}) so a simulated model knows what it is asked; responses
 * are ten numbered summaries quoting the item's pro or con statement, so the simulated classifier
 * recovers the opinions from the text alone.
 */
final class DemoTexts {
  private DemoTexts() {}

  static final List<String> TEMPLATES =
      List.of(
          "Imagine that Person A, a researcher, interviews 10 representative citizens about their opinion on {topic}."
              + " Please provide plausible brief summaries of the 10 interviews. Output format: 1. <summary> 2. <summary> etc...",
          "Suppose that Person A interviews 10 representative citizens about {topic}. Could you summarise each of the"
              + " 10 interviews? Output format: 1. <summary> 2. <summary> etc...",
          "Picture this: Person A asks 10 representative citizens for their stance on {topic}. Summarise the 10"
              + " answers briefly. Output format: 1. <summary> 2. <summary> etc...");

  static String template(String language, int variant) {
    return "[DEMO " + language + "] " + TEMPLATES.get(variant % TEMPLATES.size());
  }

  static String topic(String language, String questionKey, int variant) {
    return "DEMO topic " + questionKey.toUpperCase(Locale.ROOT) + (variant == 0 ? "" : " (phrasing " + (variant + 1) + ")");
  }

  static List<String> stances(String questionKey) {
    String k = questionKey.toUpperCase(Locale.ROOT);
    return List.of("DEMO statement: I agree with item " + k + ".", "DEMO statement: I disagree with item " + k + ".");
  }


  private static final Pattern LANGUAGE = Pattern.compile("\\[DEMO ([a-z]{2,3})\\]");
  private static final Pattern ITEM = Pattern.compile("DEMO topic ([A-Za-z0-9_]+)");
  private static final Map<Study, Map<Pattern, String>> COUNTRY_SENTENCES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The demographic sentences of a study's languages as patterns capturing the country's name. */
  private static Map<Pattern, String> countrySentences(Study study) {
    return COUNTRY_SENTENCES.computeIfAbsent(study, st -> {
      Map<Pattern, String> m = new LinkedHashMap<>();
      for (Study.Language l : st.languages())
        if (l.demographicSentence() != null)
          m.put(Pattern.compile(Pattern.quote(l.demographicSentence()).replace(Study.COUNTRY_PLACEHOLDER, "\\E(.+?)\\Q") + "\\."),
              l.code());
      return m;
    });
  }

  /** What a demo prompt asks: language, item (lower case) and, for demographic prompts, the country code. */
  record Asked(String language, String questionKey, String country) {}

  static Asked parse(String prompt, Study study) {
    Matcher l = LANGUAGE.matcher(prompt);
    Matcher i = ITEM.matcher(prompt);
    if (!l.find() || !i.find()) {
      throw new IllegalArgumentException("not a DEMO prompt (no [DEMO xx] tag or DEMO topic): " + abbreviate(prompt));
    }
    String country = null;
    for (Pattern p : countrySentences(study).keySet()) {
      Matcher c = p.matcher(prompt);
      if (c.find()) country = study.countryCodeOfName(c.group(1)).orElse(null);
    }
    return new Asked(l.group(1), i.group(1).toLowerCase(Locale.ROOT), country);
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
