package org.mcalign.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.mcalign.data.Study;

/**
 * The demographic-prompting experiment ({@code demographic-prompting.py}): a sentence naming
 * the respondents' country is inserted after the prompt's first sentence, once with a country
 * whose main language is the prompt's (congruent) and once with another (incongruent).
 */
public final class DemographicPrompts {
  private DemographicPrompts() {}

  /**
   * The inserted sentence per language of the paper's study ({@code COUNTRY} is replaced by the
   * country's name); a study gives its own in each language's {@code demographic_sentence}.
   */
  public static Map<String, String> sentences(Study study) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Study.Language l : study.languages()) if (l.demographicSentence() != null) m.put(l.code(), l.demographicSentence());
    return m;
  }

  /**
   * Countries per language as a study lists them for the experiment (the paper's: its
   * country-language map at the time, ten countries, without Nigeria, Northern Ireland and
   * Singapore), names sorted.
   */
  public static Map<String, List<String>> countriesByLanguage(Study study) {
    return study.demographicCountriesByLanguage();
  }

  /** One variant: the prompt row, the country named, congruence, and the text sent. */
  public record Variant(PromptRow row, String country, boolean congruent, String text) {}

  /**
   * The paper's insertion: {@code text[:i+1] + " " + sentence + text[i:]} where {@code i} is the
   * first full stop, so the sentence ends with the original full stop.
   */
  public static String insert(String text, String language, String country) {
    return insert(text, language, country, Study.paper());
  }

  /** As {@link #insert(String, String, String)} with {@code study}'s sentence (an error naming what to add when it has none). */
  public static String insert(String text, String language, String country, Study study) {
    String sentence;
    try {
      sentence = study.demographicSentence(language);
    } catch (IllegalArgumentException e) {
      throw new StageInputException(e.getMessage());
    }
    int i = text.indexOf('.');
    if (i < 0) throw new StageInputException("prompt has no full stop to insert after: " + text);
    return text.substring(0, i + 1) + " " + sentence.replace("COUNTRY", country) + text.substring(i);
  }

  /**
   * All congruent variants (in row order) followed by all incongruent ones, countries drawn
   * with a seeded generator, as the paper's {@code demographic-all_prompts_responses.csv}.
   */
  public static List<Variant> variants(List<PromptRow> rows, Map<String, List<String>> countriesByLanguage, long seed) {
    return variants(rows, countriesByLanguage, seed, Study.paper());
  }

  /** As {@link #variants(List, Map, long)} with {@code study}'s sentences. */
  public static List<Variant> variants(List<PromptRow> rows, Map<String, List<String>> countriesByLanguage, long seed, Study study) {
    Random rng = new Random(seed);
    TreeSet<String> all = new TreeSet<>();
    countriesByLanguage.values().forEach(all::addAll);
    List<Variant> congruent = new ArrayList<>();
    List<Variant> incongruent = new ArrayList<>();
    for (PromptRow r : rows) {
      List<String> own = countriesByLanguage.get(r.language());
      if (own == null)
        throw new StageInputException("no countries for language '" + r.language() + "': declare a country speaking it in \"countries\" of "
            + Study.FILE_NAME + " (and list it in \"demographic_countries\" when that key is given)");
      String c = own.get(rng.nextInt(own.size()));
      congruent.add(new Variant(r, c, true, insert(r.filledPrompt(), r.language(), c, study)));
      List<String> others = all.stream().filter(x -> !own.contains(x)).toList();
      String o = others.get(rng.nextInt(others.size()));
      incongruent.add(new Variant(r, o, false, insert(r.filledPrompt(), r.language(), o, study)));
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
