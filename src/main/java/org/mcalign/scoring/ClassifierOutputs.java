package org.mcalign.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.StageInputException;

/**
 * Reading classifier answers, the paper's {@code parse_response}: a batch output line carries
 * the tool call's arguments at {@code response.body.choices[0].message.tool_calls[0].function.arguments};
 * an already-parsed line ({@code custom_id, language, opinions}, as in
 * {@code olmo-analysis-responses.jsonl}) is taken as it is. Arguments that are not JSON give
 * language and opinions null: the answer is kept, never a crash.
 */
public final class ClassifierOutputs {
  private ClassifierOutputs() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses one tool call's argument string. */
  public static ClassifiedOpinions parseArguments(String customId, String arguments) {
    JsonNode args;
    try {
      args = arguments == null ? null : JSON.readTree(arguments);
    } catch (JsonProcessingException e) {
      return new ClassifiedOpinions(customId, null, null);
    }
    if (args == null || !args.isObject()) return new ClassifiedOpinions(customId, null, null);
    return fromFields(customId, args);
  }

  private static ClassifiedOpinions fromFields(String customId, JsonNode obj) {
    JsonNode lang = obj.get("language");
    String language = lang == null || lang.isNull() ? null : lang.asText();
    JsonNode ops = obj.get("opinions");
    List<String> opinions = null;
    if (ops != null && ops.isArray()) {
      opinions = new ArrayList<>();
      for (JsonNode o : ops) opinions.add(o.isNull() ? null : o.asText());
    }
    return new ClassifiedOpinions(customId, language, opinions);
  }

  /** Parses one line of a classifier output file; {@code where} names it in errors (file:line). */
  public static ClassifiedOpinions parseLine(String line, String where) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new StageInputException(where + ": not a JSON object (" + e.getOriginalMessage() + ")", e);
    }
    JsonNode id = node == null ? null : node.get("custom_id");
    if (id == null || !id.isTextual()) throw new StageInputException(where + ": expected a \"custom_id\" string");
    String customId = id.asText();
    JsonNode body = node.path("response").path("body");
    if (!body.isMissingNode()) {
      JsonNode call = body.path("choices").path(0).path("message").path("tool_calls").path(0).path("function");
      JsonNode args = call.path("arguments");
      if (args.isMissingNode() || args.isNull()) return new ClassifiedOpinions(customId, null, null);
      return parseArguments(customId, args.isTextual() ? args.asText() : args.toString());
    }
    return fromFields(customId, node);
  }

  /** Reads a classifier output JSONL file, sorted by the numeric suffix of custom_id (the paper's order). */
  public static List<ClassifiedOpinions> read(Path file) {
    List<String> lines = org.mcalign.data.TextLines.read(file, "classifier output");
    List<ClassifiedOpinions> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      out.add(parseLine(lines.get(i), file.getFileName() + " line " + (i + 1)));
    }
    return sorted(out);
  }

  public static List<ClassifiedOpinions> sorted(List<ClassifiedOpinions> answers) {
    List<ClassifiedOpinions> s = new ArrayList<>(answers);
    s.sort(Comparator.comparingLong(a -> BatchRequestLine.idNumber(a.customId())));
    return s;
  }
}
