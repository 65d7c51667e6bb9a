package org.mcalign.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.ChatBackend;
import org.mcalign.prompts.PythonFormat;
import org.mcalign.prompts.StageInputException;

/**
 * The paper's second classifier prompt, without stance statements, as its
 * {@code annotate_responses_demographic.py} (gpt-4o-mini) and {@code inter-llm-reliability.py}
 * (gpt-4o-mini, gpt-3.5-turbo, gpt-4o) build it: the system message "Analyze the opinions in the
 * following response.", the user content {@code json.dumps({"topic": …, "response": …},
 * ensure_ascii=False)}, the answer in the {@code ProcessOpinions} schema (language, one
 * pro/con/NULL label per statement). Both scripts call helpers missing from the paper's
 * {@code structured.py}; the one helper there asks at temperature 0, and so do these requests.
 * The schema goes as a forced function call, as stage 5's ({@link OpinionClassifier}).
 */
public final class OpinionAnnotator {
  private OpinionAnnotator() {}

  public static final String SYSTEM_MESSAGE = "Analyze the opinions in the following response.";

  /** The annotator of the demographic experiment. */
  public static final String DEMOGRAPHIC_MODEL = "gpt-4o-mini";

  /** The classifier models of the paper's inter-LLM reliability check. */
  public static final List<String> RELIABILITY_MODELS = List.of("gpt-4o-mini", "gpt-3.5-turbo", "gpt-4o");

  /** One response to annotate and the topic its prompt asked about. */
  public record Input(String topic, String response) {}

  /** {@code json.dumps({"topic": topic, "response": response}, ensure_ascii=False)}. */
  public static String userContent(String topic, String response) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", topic);
    m.put("response", response);
    return PythonFormat.json(m);
  }

  /** One request per input, ids {@code response-0}, {@code response-1}, … (the ids of the paper's annotation file). */
  public static List<BatchRequestLine> requests(List<Input> inputs, String model) {
    return requests(inputs, model, org.mcalign.data.Study.paper().languageCodes());
  }

  /** As {@link #requests(List, String)} with the tool's language list (the study's). */
  public static List<BatchRequestLine> requests(List<Input> inputs, String model, List<String> languages) {
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("type", "function");
    tool.put("function", OpinionClassifier.toolFunction(languages));
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("type", "function");
    choice.put("function", Map.of("name", OpinionClassifier.TOOL_NAME));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("temperature", 0.0);
    extra.put("tools", List.of(tool));
    extra.put("tool_choice", choice);
    List<BatchRequestLine> out = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      if (in.response() == null) throw new StageInputException("input " + i + ": no response text to annotate");
      out.add(new BatchRequestLine("response-" + i, model,
          List.of(BatchRequestLine.message("system", SYSTEM_MESSAGE),
              BatchRequestLine.message("user", userContent(in.topic() == null ? "" : in.topic(), in.response()))),
          extra));
    }
    return out;
  }

  /** Requests answered by {@code backend} and parsed (unparseable arguments give a null answer, never a crash). */
  public static List<ClassifiedOpinions> run(List<Input> inputs, String model, ChatBackend backend) {
    return run(inputs, model, backend, org.mcalign.data.Study.paper().languageCodes());
  }

  /** As {@link #run(List, String, ChatBackend)} with the tool's language list (the study's). */
  public static List<ClassifiedOpinions> run(List<Input> inputs, String model, ChatBackend backend, List<String> languages) {
    List<BatchRequestLine> req = requests(inputs, model, languages);
    List<String> args = backend.answer(req);
    if (args.size() != req.size()) throw new StageInputException(req.size() + " annotation requests but " + args.size() + " answers");
    List<ClassifiedOpinions> out = new ArrayList<>(req.size());
    for (int i = 0; i < req.size(); i++) out.add(ClassifierOutputs.parseArguments(req.get(i).customId(), args.get(i)));
    return out;
  }
}
