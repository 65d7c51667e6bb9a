package org.mcalign.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a Batch API output or error file (also vLLM's {@code run_batch} output):
 * {@code {"custom_id", "response": {"status_code", "body"}, "error"}}, in any order, sorted
 * into answers and failures by custom_id.
 */
public record BatchResults(List<ChatResponse> answers, Map<String, String> failures) {

  /** Parses the text of output and error files; {@code source} names them in errors. */
  public static BatchResults parse(String text, String source) {
    List<ChatResponse> answers = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      add(line, source + ":" + (i + 1), answers, failures);
    }
    return new BatchResults(answers, failures);
  }

  /** Reads an output (or error) file from disk. */
  public static BatchResults read(Path file) {
    List<ChatResponse> answers = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    List<String> lines = org.mcalign.data.TextLines.read(file, "batch output");
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) add(lines.get(i), file + ":" + (i + 1), answers, failures);
    }
    return new BatchResults(answers, failures);
  }

  private static void add(String line, String where, List<ChatResponse> answers, Map<String, String> failures) {
    JsonNode n;
    try {
      n = Json.parse(line);
    } catch (JsonProcessingException e) {
      throw new RequestFormatException(where + ": batch result line is not JSON: " + e.getOriginalMessage());
    }
    String id = n.path("custom_id").asText("");
    if (id.isEmpty()) throw new RequestFormatException(where + ": batch result line without custom_id");
    JsonNode resp = n.path("response");
    JsonNode err = n.path("error");
    if (resp.isObject() && resp.path("status_code").asInt(0) == 200 && resp.path("body").isObject()) {
      try {
        answers.add(ChatResponse.parse(id, Json.write(resp.get("body"))));
      } catch (LlmException e) {
        failures.put(id, e.getMessage());
      }
    } else if (err.isObject()) {
      failures.put(id, err.path("code").asText("error") + ": " + err.path("message").asText(""));
    } else if (resp.isObject()) {
      failures.put(id, "HTTP " + resp.path("status_code").asInt() + ": "
          + resp.path("body").path("error").path("message").asText(resp.path("body").toString()));
    } else {
      failures.put(id, "no response and no error in the result line");
    }
  }

  /** Writes request lines as a Batch API input file (also vLLM {@code run_batch}'s input). */
  public static void writeInput(Path file, List<ChatRequest> requests) {
    org.mcalign.data.AtomicFiles.writeText(file, w -> {
      for (ChatRequest r : requests) {
        w.write(r.toLine());
        w.write('\n');
      }
    });
  }
}
