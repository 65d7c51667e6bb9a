package org.mcalign.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chat-completion answer as the server sent it (the JSON text is kept verbatim), with
 * typed access to the text, the tool calls and their arguments, and the token usage.
 */
public final class ChatResponse {
  /** One tool call: its name and the JSON text of its arguments. */
  public record ToolCall(String id, String name, String argumentsJson) {
    /** The arguments parsed into {@code type} (a record or bean with the tool's fields). */
    public <T> T arguments(Class<T> type) {
      try {
        return Json.MAPPER.readValue(argumentsJson, type);
      } catch (JsonProcessingException e) {
        throw new LlmException("tool call " + name + ": arguments do not fit " + type.getSimpleName() + ": " + e.getOriginalMessage());
      }
    }

    /** The arguments as a JSON tree. */
    public JsonNode argumentsTree() {
      try {
        return Json.parse(argumentsJson);
      } catch (JsonProcessingException e) {
        throw new LlmException("tool call " + name + ": arguments are not JSON: " + e.getOriginalMessage());
      }
    }
  }

  /** Token usage reported by the server (0 when it reported none). */
  public record Usage(long promptTokens, long completionTokens) {
    public long totalTokens() {
      return promptTokens + completionTokens;
    }
  }

  private final String customId;
  private final String json;
  private final JsonNode tree;

  private ChatResponse(String customId, String json, JsonNode tree) {
    this.customId = customId;
    this.json = json;
    this.tree = tree;
  }

  /**
   * Parses a chat-completion body; fails with {@link LlmException} naming the request when it
   * is not JSON or has no {@code choices} (a malformed or truncated answer).
   */
  public static ChatResponse parse(String customId, String json) {
    JsonNode tree;
    try {
      tree = Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new MalformedAnswer("request " + customId + ": answer is not valid JSON ("
          + e.getOriginalMessage() + "); " + json.length() + " characters received");
    }
    if (tree == null || !tree.path("choices").isArray() || tree.path("choices").isEmpty()) {
      throw new MalformedAnswer("request " + customId + ": answer has no choices (expected a chat.completion object)");
    }
    return new ChatResponse(customId, json, tree);
  }

  /** An answer that arrived but cannot be used (not JSON, cut short, no choices). */
  static final class MalformedAnswer extends LlmException {
    MalformedAnswer(String message) {
      super(message);
    }
  }

  public String customId() {
    return customId;
  }

  /** The answer's JSON text, verbatim. */
  public String json() {
    return json;
  }

  /** The answer as a JSON tree (read-only). */
  public JsonNode tree() {
    return tree;
  }

  /** The text of the first choice (empty when the model only called tools). */
  public Optional<String> content() {
    JsonNode c = tree.path("choices").path(0).path("message").path("content");
    return c.isTextual() ? Optional.of(c.asText()) : Optional.empty();
  }

  /** The text of the first choice, or "" . */
  public String text() {
    return content().orElse("");
  }

  public String model() {
    return tree.path("model").asText();
  }

  public String finishReason() {
    return tree.path("choices").path(0).path("finish_reason").asText("");
  }

  /** The tool calls of the first choice. */
  public List<ToolCall> toolCalls() {
    List<ToolCall> out = new ArrayList<>();
    for (JsonNode tc : tree.path("choices").path(0).path("message").path("tool_calls")) {
      out.add(new ToolCall(tc.path("id").asText(), tc.path("function").path("name").asText(),
          tc.path("function").path("arguments").asText()));
    }
    return out;
  }

  /** The arguments of the first call of tool {@code name}, parsed into {@code type}. */
  public <T> T toolArguments(String name, Class<T> type) {
    return toolCalls().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new LlmException("request " + customId + ": the answer has no call of tool " + name))
        .arguments(type);
  }

  public Usage usage() {
    JsonNode u = tree.path("usage");
    return new Usage(u.path("prompt_tokens").asLong(0), u.path("completion_tokens").asLong(0));
  }

  /** The answer as the OpenAI SDK's typed {@link ChatCompletion}. */
  public ChatCompletion completion() {
    try {
      return EndpointClient.SDK_MAPPER.readValue(json, ChatCompletion.class);
    } catch (JsonProcessingException e) {
      throw new LlmException("request " + customId + ": not a chat completion: " + e.getOriginalMessage());
    }
  }

  @Override
  public String toString() {
    return "ChatResponse[" + customId + ", " + (content().isPresent() ? content().get().length() + " chars" : toolCalls().size() + " tool calls") + "]";
  }
}
