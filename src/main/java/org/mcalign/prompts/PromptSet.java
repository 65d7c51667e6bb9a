package org.mcalign.prompts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Our reconstruction of the paper's English prompt construction (the paper's repository has
 * no code for it, only its inputs {@code prompts/} and its output, the prompt table): per
 * template type, templates with a {@code {topic}} slot crossed with several phrasings (topic
 * variations) of each WVS item, then a seeded subsample. Adding an item or a template is configuration ({@link #withItem}, {@link
 * #withTemplates}); adding a language is a translation run ({@link Translation}).
 */
public final class PromptSet {
  /** The paper's prompts per language and template type. */
  public static final int PAPER_PROMPTS_PER_TYPE = 300;

  private final Map<String, List<String>> templates;
  private final Map<String, List<String>> topics;
  private final Map<String, String> questionNames;

  public PromptSet(
      Map<String, List<String>> templatesByType,
      Map<String, List<String>> topicsByItem,
      Map<String, String> questionNames) {
    this.templates = copy(templatesByType);
    this.topics = copy(topicsByItem);
    this.questionNames = Collections.unmodifiableMap(new LinkedHashMap<>(questionNames));
    this.templates.forEach(
        (type, list) ->
            list.forEach(
                t -> {
                  if (!t.contains("{topic}")) {
                    throw new StageInputException("template of type " + type + " lacks the {topic} slot: " + t);
                  }
                }));
  }

  /**
   * The paper's prompt material from its data folder: survey templates from
   * {@code prompts/prompt_templates.txt}, topic variations from
   * {@code prompts/topic_variations_en.json}, and the argument/headlines templates and item
   * names as the English rows of the prompt table show them.
   */
  public static PromptSet fromPaperFiles(Path dataDir) {
    Map<String, List<String>> templates = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Path table = dataDir.resolve("translated_prompts_with_english_no_controversy.csv");
    for (PromptRow r : PromptTable.read(table)) {
      if (!r.language().equals("en")) continue;
      templates.computeIfAbsent(r.templateType(), k -> new ArrayList<>());
      if (!templates.get(r.templateType()).contains(r.prompt())) templates.get(r.templateType()).add(r.prompt());
      names.putIfAbsent(r.questionKey(), r.questionName());
    }
    Path survey = dataDir.resolve("prompts/prompt_templates.txt");
    try {
      LinkedHashSet<String> lines = new LinkedHashSet<>();
      for (String l : Files.readAllLines(survey, StandardCharsets.UTF_8)) if (!l.isBlank()) lines.add(l.strip());
      templates.put(PromptTable.TEMPLATE_SURVEY, new ArrayList<>(lines));
      Map<String, List<String>> topics =
          new ObjectMapper()
              .readValue(
                  dataDir.resolve("prompts/topic_variations_en.json").toFile(),
                  new TypeReference<LinkedHashMap<String, List<String>>>() {});
      return new PromptSet(templates, topics, names);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the paper's prompt files: " + e.getMessage(), e);
    }
  }

  public Map<String, List<String>> templates() {
    return templates;
  }

  public Map<String, List<String>> topics() {
    return topics;
  }

  public Map<String, String> questionNames() {
    return questionNames;
  }

  /** This set with one more item (or its topics replaced). */
  public PromptSet withItem(String questionKey, String questionName, List<String> topicVariations) {
    Map<String, List<String>> t = new LinkedHashMap<>(topics);
    t.put(questionKey, List.copyOf(topicVariations));
    Map<String, String> n = new LinkedHashMap<>(questionNames);
    n.put(questionKey, questionName);
    return new PromptSet(templates, t, n);
  }

  /** This set with the templates of one type replaced (or a type added). */
  public PromptSet withTemplates(String templateType, List<String> typeTemplates) {
    Map<String, List<String>> t = new LinkedHashMap<>(templates);
    t.put(templateType, List.copyOf(typeTemplates));
    return new PromptSet(t, topics, questionNames);
  }

  /**
   * English prompts: per template type, every (item, topic variation, template) combination,
   * seeded shuffle, first {@code perType}. Same seed, same rows.
   */
  public List<PromptRow> build(int perType, long seed) {
    List<PromptRow> out = new ArrayList<>();
    int typeNo = 0;
    for (Map.Entry<String, List<String>> type : templates.entrySet()) {
      List<PromptRow> all = new ArrayList<>();
      for (Map.Entry<String, List<String>> item : topics.entrySet()) {
        for (String topic : item.getValue()) {
          for (String template : type.getValue()) {
            all.add(
                new PromptRow("", "en", type.getKey(), template, topic, item.getKey(), "", "",
                    questionNames.getOrDefault(item.getKey(), item.getKey())));
          }
        }
      }
      Collections.shuffle(all, new Random(seed * 31 + typeNo++));
      out.addAll(all.subList(0, Math.min(perType, all.size())));
    }
    List<PromptRow> indexed = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) indexed.add(out.get(i).withIndex(i));
    return indexed;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m) {
    Map<String, List<String>> c = new LinkedHashMap<>();
    m.forEach((k, v) -> c.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(c);
  }
}
