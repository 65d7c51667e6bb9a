package org.mcalign.prompts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One prompt of the paper's prompt table ({@code translated_prompts_with_english_no_controversy.csv}):
 * a template with a {@code {topic}} slot, the topic filling it, the WVS item and the language.
 * {@code controversy} and {@code category} are carried as text (the paper's column is spelt
 * {@code cateogry}).
 */
public record PromptRow(
    String index,
    String language,
    String templateType,
    String prompt,
    String topic,
    String questionKey,
    String controversy,
    String category,
    String questionName) {

  /** The prompt's columns in the paper's order. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "index", "language", "template_type", "prompt", "topic", "question_key", "controversy", "cateogry",
          "question_name");

  /** The text sent to a model: the template with its topic filled in (Python's {@code prompt.format(topic=topic)}). */
  public String filledPrompt() {
    return prompt.replace("{topic}", topic);
  }

  public PromptRow withIndex(int i) {
    return new PromptRow(String.valueOf(i), language, templateType, prompt, topic, questionKey, controversy, category,
        questionName);
  }

  Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("index", index);
    m.put("language", language);
    m.put("template_type", templateType);
    m.put("prompt", prompt);
    m.put("topic", topic);
    m.put("question_key", questionKey);
    m.put("controversy", controversy);
    m.put("cateogry", category);
    m.put("question_name", questionName);
    return m;
  }

  static PromptRow fromMap(Map<String, String> m) {
    return new PromptRow(
        m.getOrDefault("index", ""),
        m.get("language"),
        m.getOrDefault("template_type", ""),
        m.get("prompt"),
        m.get("topic"),
        m.get("question_key"),
        m.getOrDefault("controversy", ""),
        m.getOrDefault("cateogry", ""),
        m.getOrDefault("question_name", ""));
  }
}
