package org.mcalign.prompts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stages 3–4 output, the paper's {@code all_prompts_responses_{model}.csv}: the prompt table's
 * columns, then {@code model} and {@code response}, one row per prompt in prompt order.
 */
public final class ResponseTable {
  private ResponseTable() {}

  public static final List<String> COLUMNS;

  static {
    List<String> c = new ArrayList<>(PromptRow.COLUMNS);
    c.add("model");
    c.add("response");
    COLUMNS = List.copyOf(c);
  }

  /** The paper's file name for a model id ({@code google/gemma-2-2b-it} → {@code all_prompts_responses_gemma-2-2b-it.csv}). */
  public static String fileName(String model) {
    return "all_prompts_responses_" + model.substring(model.indexOf('/') + 1) + ".csv";
  }

  /** The user message of each prompt: the template with its topic filled in. */
  public static List<BatchRequestLine> requests(List<PromptRow> prompts, String model, Map<String, Object> sampling) {
    String prefix = model.substring(model.indexOf('/') + 1) + "-answers";
    List<BatchRequestLine> out = new ArrayList<>(prompts.size());
    for (int i = 0; i < prompts.size(); i++) {
      out.add(new BatchRequestLine(String.format("%s-%06d", prefix, i), model,
          List.of(BatchRequestLine.message("user", prompts.get(i).filledPrompt())), sampling));
    }
    return out;
  }

  public static CsvRecords of(List<PromptRow> prompts, String model, List<String> responses) {
    if (prompts.size() != responses.size()) {
      throw new StageInputException(prompts.size() + " prompts but " + responses.size() + " responses for " + model);
    }
    List<Map<String, String>> rows = new ArrayList<>(prompts.size());
    for (int i = 0; i < prompts.size(); i++) {
      Map<String, String> m = prompts.get(i).toMap();
      m.put("model", model);
      m.put("response", responses.get(i));
      rows.add(m);
    }
    return new CsvRecords(COLUMNS, rows);
  }

  public static Path write(List<PromptRow> prompts, String model, List<String> responses, Path file) {
    return of(prompts, model, responses).write(file);
  }
}
