package org.mcalign.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Study;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.PythonFormat;
import org.mcalign.prompts.StageInputException;

/**
 * Stage 5 requests, the paper's {@code batch_analyse_responses.py}: one request per response,
 * the paper's system message, the user content the JSON object {response, pro, con} with the
 * item's stance statements, and the forced {@code ProcessOpinions} tool.
 */
public final class OpinionClassifier {
  private OpinionClassifier() {}

  /** The paper's classifier model. */
  public static final String MODEL = "gpt-4.1";

  public static final String ID_PREFIX = "analyze-opinions";

  public static final String SYSTEM_MESSAGE =
      "You are an expert in analyzing opinions in text. \n"
          + "You always provide an objective and correct classification based on the information provided.\n"
          + "Your task is to label each individual statement as either `pro`, `con`, or `NULL` based on \n"
          + "whether they are closest to the pro or con statement provided.";

  public static final String TOOL_NAME = "ProcessOpinions";

  public static final String TOOL_DESCRIPTION =
      "Processes a list of 'pro' and 'con' opinions from evaluations of the responses and topic.\n"
          + "If the text already summarizes the opinions, it should return a representative list of 'pro' and"
          + " 'con' opinions.\n"
          + "Only completely neutral opinions should be represented as 'NULL'.\n"
          + "I.e., if the text says 'three were in favour and one were against', it should return ['pro', 'pro',"
          + " 'pro', 'con'].\n"
          + "If it is not possible to determine the opinions, return ['NULL'].";

  public static final List<String> OPINIONS = List.of("pro", "con", "NULL");

  /** The tool's JSON schema (function parameters) as the paper's pydantic model produces it: the paper's study's languages. */
  public static Map<String, Object> toolFunction() {
    return toolFunction(Study.paper().languageCodes());
  }

  /** The tool with a study's language list ({@link Study#languageCodes()}: a new prompt language is one more code). */
  public static Map<String, Object> toolFunction(List<String> languages) {
    Map<String, Object> language = new LinkedHashMap<>();
    language.put("description", "Language of the response (ISO 639-1 code)");
    language.put("enum", languages);
    language.put("title", "Language");
    language.put("type", "string");
    Map<String, Object> items = new LinkedHashMap<>();
    items.put("enum", OPINIONS);
    items.put("type", "string");
    Map<String, Object> opinions = new LinkedHashMap<>();
    opinions.put("description", "Objective classifications");
    opinions.put("items", items);
    opinions.put("title", "Opinions");
    opinions.put("type", "array");
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("language", language);
    props.put("opinions", opinions);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("properties", props);
    params.put("required", List.of("language", "opinions"));
    params.put("type", "object");
    Map<String, Object> fn = new LinkedHashMap<>();
    fn.put("name", TOOL_NAME);
    fn.put("description", TOOL_DESCRIPTION);
    fn.put("parameters", params);
    return fn;
  }

  /** The user message: {@code json.dumps({"response": …, "pro": …, "con": …}, ensure_ascii=False)}. */
  public static String userContent(String response, String pro, String con) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("response", response);
    m.put("pro", pro);
    m.put("con", con);
    return PythonFormat.json(m);
  }

  /** What to classify: a response and its item's key (to look up the stance statements). */
  public record Input(String questionKey, String response) {}

  /**
   * One batch request per input, ids {@code analyze-opinions-000000}…; {@code stances} maps the
   * lower-case question_key to [pro statement, con statement].
   */
  public static List<BatchRequestLine> requests(List<Input> inputs, Map<String, List<String>> stances, String model) {
    return requests(inputs, stances, model, Study.paper().languageCodes());
  }

  /** As {@link #requests(List, Map, String)} with the tool's language list given. */
  public static List<BatchRequestLine> requests(
      List<Input> inputs, Map<String, List<String>> stances, String model, List<String> languages) {
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("type", "function");
    tool.put("function", toolFunction(languages));
    Map<String, Object> choiceFn = new LinkedHashMap<>();
    choiceFn.put("name", TOOL_NAME);
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("type", "function");
    choice.put("function", choiceFn);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("tools", List.of(tool));
    extra.put("tool_choice", choice);
    List<BatchRequestLine> out = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      List<String> s = stances.get(in.questionKey().toLowerCase(java.util.Locale.ROOT));
      if (s == null || s.size() < 2) {
        throw new StageInputException(
            "request " + i + ": no stance statements for question_key '" + in.questionKey() + "' (stance_labels.json)");
      }
      out.add(
          new BatchRequestLine(
              String.format("%s-%06d", ID_PREFIX, i),
              model,
              List.of(
                  BatchRequestLine.message("system", SYSTEM_MESSAGE),
                  BatchRequestLine.message("user", userContent(in.response(), s.get(0), s.get(1)))),
              extra));
    }
    return out;
  }
}
