package org.mcalign.llm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mcalign.data.CsvRows;

/**
 * What the simulated server knows of the paper's prompts: the full prompt text (template
 * with its topic filled in) → question, language, template type and topic, read from the
 * translated-prompts table ({@code translated_prompts_with_english_no_controversy.csv}).
 */
public final class PromptCatalog {
  /** One known prompt. */
  public record Entry(String questionKey, String language, String templateType, String topic) {}

  private final Map<String, Entry> byText;

  private PromptCatalog(Map<String, Entry> byText) {
    this.byText = byText;
  }

  public static PromptCatalog empty() {
    return new PromptCatalog(Map.of());
  }

  /** Reads the paper's translated-prompts CSV (columns prompt, topic, question_key, language, template_type). */
  public static PromptCatalog fromCsv(Path csv) {
    CsvRows rows = CsvRows.read(csv).require("the translated-prompts table", "prompt", "topic", "question_key", "language");
    Map<String, Entry> m = new HashMap<>();
    for (CsvRows.Row row : rows.rows()) {
      Map<String, String> r = row.values();
      String text = filled(r.get("prompt"), r.get("topic"));
      m.putIfAbsent(text, new Entry(r.get("question_key").toLowerCase(java.util.Locale.ROOT), r.get("language"),
          r.getOrDefault("template_type", ""), r.get("topic")));
    }
    return new PromptCatalog(m);
  }

  /** The template with its topic, as Python's {@code prompt.format(topic=topic)} makes it. */
  public static String filled(String template, String topic) {
    return template.replace("{topic}", topic).replace("{{", "{").replace("}}", "}");
  }

  public Optional<Entry> lookup(String promptText) {
    return Optional.ofNullable(byText.get(promptText));
  }

  public int size() {
    return byText.size();
  }
}
