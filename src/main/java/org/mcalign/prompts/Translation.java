package org.mcalign.prompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 2, the paper's {@code translate_prompts.py}: every distinct English topic and template
 * becomes one translation request per target language (the paper's system prompt, the text in
 * a fenced {@code translate} block); replies are cleaned (any {@code {…}} back to
 * {@code {topic}}, the fenced content extracted); translated templates and topics are paired
 * per English row by seeded draws into the prompt table format.
 */
public final class Translation {
  private Translation() {}

  /** The paper's translation model. */
  public static final String MODEL = "gpt-3.5-turbo-0125";

  public static final String SYSTEM_PROMPT =
      "You are a perfect translation machine. You take any user message and translate it perfectly, idiomatically"
          + " and directly to {language}. You leave anything in curly brackets exactly as it is. Do not write"
          + " anything but the translation.";

  public static final String USER_TEMPLATE = "```translate\n{prompt}\n```";

  /** What one request translates: a topic phrasing of an item, or a template of a type. */
  public enum Kind {
    TOPIC,
    TEMPLATE
  }

  /** One text to translate into one language ({@code key}: question_key for topics, template_type for templates). */
  public record Unit(Kind kind, String key, String text, String language) {}

  /** A unit with its cleaned translation and whether it kept its placeholder. */
  public record Translated(Unit unit, String raw, String translation) {
    /** A template must keep exactly one {@code {topic}}; a topic must have none. */
    public boolean placeholderOk() {
      int n = countPlaceholders(translation);
      return unit.kind() == Kind.TEMPLATE ? n == 1 : n == 0;
    }
  }

  /**
   * The paper's {@code create_prompt_df} + {@code add_languages}: distinct (topic, item) pairs,
   * then distinct (template, type) pairs, in order of first appearance, repeated per language.
   */
  public static List<Unit> units(List<PromptRow> english, List<String> languages) {
    LinkedHashSet<List<String>> topics = new LinkedHashSet<>();
    LinkedHashSet<List<String>> templates = new LinkedHashSet<>();
    for (PromptRow r : english) {
      if (!r.language().equals("en")) continue;
      topics.add(List.of(r.topic(), r.questionKey()));
      templates.add(List.of(r.prompt(), r.templateType()));
    }
    List<Unit> out = new ArrayList<>();
    for (String lang : languages) {
      for (List<String> t : topics) out.add(new Unit(Kind.TOPIC, t.get(1), t.get(0), lang));
      for (List<String> t : templates) out.add(new Unit(Kind.TEMPLATE, t.get(1), t.get(0), lang));
    }
    return out;
  }

  /**
   * Batch request lines ({@code translate-request-i}); {@code languageNames} maps a code to the
   * name put in the system prompt (e.g. nl → Dutch). A new language is one more entry.
   */
  public static List<BatchRequestLine> requests(List<Unit> units, Map<String, String> languageNames, String model) {
    List<BatchRequestLine> out = new ArrayList<>(units.size());
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      String name = languageNames.get(u.language());
      if (name == null) {
        throw new StageInputException("no language name for '" + u.language() + "'; known: " + languageNames.keySet());
      }
      out.add(
          new BatchRequestLine(
              "translate-request-" + i,
              model,
              List.of(
                  BatchRequestLine.message("system", SYSTEM_PROMPT.replace("{language}", name)),
                  BatchRequestLine.message("user", USER_TEMPLATE.replace("{prompt}", u.text())))));
    }
    return out;
  }

  private static final Pattern BRACES = Pattern.compile("\\{.*?\\}");
  private static final Pattern FENCE = Pattern.compile("```.*?\\n(.*?)\\n```", Pattern.DOTALL);

  /** The paper's clean-up: {@code replace_braces} (any {@code {…}} → {@code {topic}}) then {@code extract_backtick_content}. */
  public static String clean(String reply) {
    String braces = BRACES.matcher(reply).replaceAll(Matcher.quoteReplacement("{topic}"));
    Matcher m = FENCE.matcher(braces);
    return m.find() ? m.group(1).strip() : braces;
  }

  static int countPlaceholders(String s) {
    int n = 0;
    for (int i = s.indexOf("{topic}"); i >= 0; i = s.indexOf("{topic}", i + 1)) n++;
    return n;
  }

  /** Pairs replies with their units and cleans them; replies in unit order. */
  public static List<Translated> cleanAll(List<Unit> units, List<String> replies) {
    if (units.size() != replies.size()) {
      throw new StageInputException(units.size() + " translation requests but " + replies.size() + " replies");
    }
    List<Translated> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) out.add(new Translated(units.get(i), replies.get(i), clean(replies.get(i))));
    return out;
  }

  /** Translations that lost (or multiplied) the placeholder: check before pairing. */
  public static List<Translated> placeholderProblems(List<Translated> translated) {
    return translated.stream().filter(t -> !t.placeholderOk()).toList();
  }

  /**
   * The paper's pairing: for each language and each English row, one translated template of
   * the row's type and one translated topic of the row's item drawn at random (seeded). Templates
   * that lost their placeholder are never drawn. Returns the English rows followed by the new
   * rows, re-indexed, in the prompt table format.
   */
  public static List<PromptRow> pair(List<PromptRow> english, List<Translated> translated, long seed) {
    Map<String, Map<List<String>, List<String>>> pools = new LinkedHashMap<>();
    for (Translated t : translated) {
      if (t.unit().kind() == Kind.TEMPLATE && !t.placeholderOk()) continue;
      pools
          .computeIfAbsent(t.unit().language(), k -> new LinkedHashMap<>())
          .computeIfAbsent(List.of(t.unit().kind().name(), t.unit().key()), k -> new ArrayList<>())
          .add(t.translation());
    }
    Random rng = new Random(seed);
    List<PromptRow> out = new ArrayList<>(english);
    for (Map.Entry<String, Map<List<String>, List<String>>> lang : pools.entrySet()) {
      for (PromptRow r : english) {
        String template = draw(lang.getValue(), Kind.TEMPLATE, r.templateType(), lang.getKey(), rng);
        String topic = draw(lang.getValue(), Kind.TOPIC, r.questionKey(), lang.getKey(), rng);
        out.add(
            new PromptRow("", lang.getKey(), r.templateType(), template, topic, r.questionKey(), r.controversy(),
                r.category(), r.questionName()));
      }
    }
    List<PromptRow> indexed = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) indexed.add(out.get(i).withIndex(i));
    return Collections.unmodifiableList(indexed);
  }

  private static String draw(Map<List<String>, List<String>> pool, Kind kind, String key, String lang, Random rng) {
    List<String> options = pool.get(List.of(kind.name(), key));
    if (options == null || options.isEmpty()) {
      throw new StageInputException("no usable " + kind.name().toLowerCase() + " translation for '" + key + "' in " + lang);
    }
    return options.get(rng.nextInt(options.size()));
  }
}
