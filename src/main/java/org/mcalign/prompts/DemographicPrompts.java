package org.mcalign.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The demographic-prompting experiment ({@code demographic-prompting.py}): a sentence naming
 * the respondents' country is inserted after the prompt's first sentence, once with a country
 * whose main language is the prompt's (congruent) and once with another (incongruent).
 */
public final class DemographicPrompts {
  private DemographicPrompts() {}

  /** The inserted sentence per language; {@code COUNTRY} is replaced by the country's name. */
  public static final Map<String, String> SENTENCES =
      Map.of(
          "en", "The respondents are from COUNTRY",
          "da", "Respondenterne er fra COUNTRY",
          "pt", "Os entrevistados são de COUNTRY",
          "nl", "De respondenten komen uit COUNTRY");

  /**
   * Countries per language as the experiment used them (the paper's country-language map at
   * the time: ten countries, without Nigeria, Northern Ireland and Singapore), in the paper's order.
   */
  public static final Map<String, List<String>> COUNTRIES_BY_LANGUAGE;

  static {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("en", List.of("Australia", "Canada", "Great Britain", "Kenya", "New Zealand", "United States"));
    m.put("pt", List.of("Brazil", "Portugal"));
    m.put("da", List.of("Denmark"));
    m.put("nl", List.of("Netherlands"));
    COUNTRIES_BY_LANGUAGE = java.util.Collections.unmodifiableMap(m);
  }

  /** One variant: the prompt row, the country named, congruence, and the text sent. */
  public record Variant(PromptRow row, String country, boolean congruent, String text) {}

  /**
   * The paper's insertion: {@code text[:i+1] + " " + sentence + text[i:]} where {@code i} is the
   * first full stop, so the sentence ends with the original full stop.
   */
  public static String insert(String text, String language, String country) {
    String sentence = SENTENCES.get(language);
    if (sentence == null) throw new StageInputException("no demographic sentence for language '" + language + "'");
    int i = text.indexOf('.');
    if (i < 0) throw new StageInputException("prompt has no full stop to insert after: " + text);
    return text.substring(0, i + 1) + " " + sentence.replace("COUNTRY", country) + text.substring(i);
  }

  /**
   * All congruent variants (in row order) followed by all incongruent ones, countries drawn
   * with a seeded generator, as the paper's {@code demographic-all_prompts_responses.csv}.
   */
  public static List<Variant> variants(List<PromptRow> rows, Map<String, List<String>> countriesByLanguage, long seed) {
    Random rng = new Random(seed);
    TreeSet<String> all = new TreeSet<>();
    countriesByLanguage.values().forEach(all::addAll);
    List<Variant> congruent = new ArrayList<>();
    List<Variant> incongruent = new ArrayList<>();
    for (PromptRow r : rows) {
      List<String> own = countriesByLanguage.get(r.language());
      if (own == null) throw new StageInputException("no countries for language '" + r.language() + "'");
      String c = own.get(rng.nextInt(own.size()));
      congruent.add(new Variant(r, c, true, insert(r.filledPrompt(), r.language(), c)));
      List<String> others = all.stream().filter(x -> !own.contains(x)).toList();
      String o = others.get(rng.nextInt(others.size()));
      incongruent.add(new Variant(r, o, false, insert(r.filledPrompt(), r.language(), o)));
    }
    congruent.addAll(incongruent);
    return congruent;
  }

  /** Columns of {@code demographic-all_prompts_responses.csv}. */
  public static final List<String> COLUMNS;

  static {
    List<String> c = new ArrayList<>(PromptRow.COLUMNS);
    c.add("country");
    c.add("is_congruent");
    COLUMNS = List.copyOf(c);
  }

  public static Map<String, String> toMap(Variant v) {
    Map<String, String> m = v.row().toMap();
    m.put("country", v.country());
    m.put("is_congruent", v.congruent() ? "true" : "false");
    return m;
  }
}
