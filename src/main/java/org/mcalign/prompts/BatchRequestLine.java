package org.mcalign.prompts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.AtomicFiles;

/**
 * One line of an OpenAI batch input file ({@code custom_id}, {@code method}, {@code url},
 * {@code body}), as the paper's {@code create_requests_format} built them. {@code extraBody}
 * holds body fields after {@code messages} (tools, tool_choice, sampling parameters).
 */
public record BatchRequestLine(
    String customId, String model, List<Map<String, String>> messages, Map<String, Object> extraBody) {

  public static final String URL = "/v1/chat/completions";

  public BatchRequestLine(String customId, String model, List<Map<String, String>> messages) {
    this(customId, model, messages, Map.of());
  }

  public static Map<String, String> message(String role, String content) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("role", role);
    m.put("content", content);
    return m;
  }

  /** The text of the last user message. */
  public String userContent() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if ("user".equals(messages.get(i).get("role"))) return messages.get(i).get("content");
    }
    throw new IllegalStateException("request " + customId + " has no user message");
  }

  public String systemContent() {
    return messages.stream().filter(m -> "system".equals(m.get("role"))).map(m -> m.get("content")).findFirst()
        .orElse(null);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("messages", messages);
    body.putAll(extraBody);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("custom_id", customId);
    line.put("method", "POST");
    line.put("url", URL);
    line.put("body", body);
    return line;
  }

  /** The line as Python's {@code json.dumps(line, ensure_ascii=False)} writes it. */
  public String toJsonLine() {
    return PythonFormat.json(toMap());
  }

  /** Writes a batch input file atomically, one request per line. */
  public static Path writeJsonl(List<BatchRequestLine> lines, Path file) {
    return AtomicFiles.writeText(
        file,
        w -> {
          for (BatchRequestLine l : lines) {
            w.write(l.toJsonLine());
            w.write('\n');
          }
        });
  }

  /** The numeric suffix of a custom id ({@code translate-request-12} → 12), the paper's sort key. */
  public static long idNumber(String customId) {
    int dash = customId.lastIndexOf('-');
    try {
      return Long.parseLong(customId.substring(dash + 1));
    } catch (NumberFormatException e) {
      throw new StageInputException("custom_id '" + customId + "' does not end in -<number>");
    }
  }
}
