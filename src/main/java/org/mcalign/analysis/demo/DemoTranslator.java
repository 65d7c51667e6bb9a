package org.mcalign.analysis.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;
import org.mcalign.llm.SimulatedModel;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.Translation;

/**
 * The DEMO translator of stage 2: it tags the text with the target language, renames the
 * {@code {topic}} placeholder (as real translators do; the clean-up restores it) and drops it in
 * about 6 % of templates, so the placeholder check has something to flag. Requests name the
 * target language in their model ({@code DEMO-translator-de}).
 */
public final class DemoTranslator {
  private DemoTranslator() {}

  /** The model name a request to translate into {@code language} carries. */
  public static String model(String language) {
    return "DEMO-translator-" + language;
  }

  /** The answer to a translation request (as a model of the simulated server). */
  public static String reply(SimulatedModel.Prompt p, RandomGenerator rng) {
    return reply(p.model().substring(p.model().lastIndexOf('-') + 1), p.text());
  }

  static String reply(String lang, String request) {
    String text = request.replaceAll("(?s)^```translate\\n(.*)\\n```$", "$1");
    String slot = switch (lang) {
      case "da" -> "{emne}";
      case "nl" -> "{onderwerp}";
      case "pt" -> "{tópico}";
      case "de" -> "{Thema}";
      default -> "{topic}";
    };
    CRC32 crc = new CRC32();
    crc.update((lang + text).getBytes(StandardCharsets.UTF_8));
    boolean drop = text.contains("{topic}") && crc.getValue() % 100 < 6;
    String translated = "[DEMO " + lang + "] " + text.replace("{topic}", drop ? "" : slot);
    return "```translate\n" + translated + "\n```";
  }

  /** What translating the English prompts made: the rows of the new languages and the translations that lost {topic}. */
  record Result(List<PromptRow> rows, List<Translation.Translated> flagged) {}

  /**
   * Stage 2 in process for the demo: the English prompts translated into {@code languages}
   * (code → name), cleaned, checked for the placeholder and paired per English row (seeded);
   * only the new languages' rows are returned.
   */
  static Result translate(List<PromptRow> english, Map<String, String> languages, long seed) {
    List<Translation.Unit> units = Translation.units(english, List.copyOf(languages.keySet()));
    List<BatchRequestLine> requests = Translation.requests(units, languages, Translation.MODEL);
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) replies.add(reply(units.get(i).language(), requests.get(i).userContent()));
    List<Translation.Translated> translated = Translation.cleanAll(units, replies);
    List<PromptRow> rows = Translation.pair(english, translated, seed).stream()
        .filter(r -> languages.containsKey(r.language())).toList();
    return new Result(rows, Translation.placeholderProblems(translated));
  }
}
