package org.mcalign.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One chat-completion request line of the Batch API format
 * ({@code {"custom_id", "method": "POST", "url": "/v1/chat/completions", "body": {...}}}).
 * The body's JSON text is kept exactly as given and sent as is; typed accessors read the
 * sampling parameters the paper uses.
 */
public final class ChatRequest {
  public static final String CHAT_URL = "/v1/chat/completions";

  /** One message of the conversation. */
  public record Message(String role, String content) {}

  private final String customId;
  private final String bodyJson;
  private final ObjectNode body;
  private String hash;

  private ChatRequest(String customId, String bodyJson, ObjectNode body) {
    this.customId = customId;
    this.bodyJson = bodyJson;
    this.body = body;
  }

  /** A request from its custom_id and the JSON text of its body. */
  public static ChatRequest of(String customId, String bodyJson) {
    JsonNode node;
    try {
      node = Json.parse(bodyJson);
    } catch (JsonProcessingException e) {
      throw new RequestFormatException("request " + customId + ": body is not JSON: " + e.getOriginalMessage());
    }
    return fromBody(customId, node, bodyJson, "request " + customId);
  }

  private static ChatRequest fromBody(String customId, JsonNode node, String bodyJson, String where) {
    if (customId == null || customId.isBlank()) throw new RequestFormatException(where + ": custom_id is missing or empty");
    if (!(node instanceof ObjectNode obj)) throw new RequestFormatException(where + ": body must be a JSON object");
    if (!obj.path("model").isTextual()) throw new RequestFormatException(where + ": body.model (a string) is missing");
    if (!obj.path("messages").isArray() || obj.path("messages").isEmpty()) {
      throw new RequestFormatException(where + ": body.messages (a non-empty array) is missing");
    }
    return new ChatRequest(customId, bodyJson, obj);
  }

  /** Parses one line of a request file; {@code source} and {@code lineNo} name it in errors. */
  public static ChatRequest fromLine(String line, String source, int lineNo) {
    String where = source + ":" + lineNo;
    JsonNode node;
    try {
      node = Json.parse(line);
    } catch (JsonProcessingException e) {
      throw new RequestFormatException(where + ": not a JSON object: " + e.getOriginalMessage());
    }
    if (!node.isObject()) throw new RequestFormatException(where + ": expected a JSON object {custom_id, method, url, body}");
    JsonNode id = node.get("custom_id");
    if (id == null || !id.isTextual()) throw new RequestFormatException(where + ": custom_id (a string) is missing");
    String method = node.path("method").asText("POST");
    if (!method.equals("POST")) throw new RequestFormatException(where + ": method must be POST, got " + method);
    String url = node.path("url").asText(CHAT_URL);
    if (!url.equals(CHAT_URL) && !url.equals("/chat/completions")) {
      throw new RequestFormatException(where + ": url must be " + CHAT_URL + ", got " + url);
    }
    JsonNode body = node.get("body");
    if (body == null) throw new RequestFormatException(where + ": body is missing");
    return fromBody(id.asText(), body, exactBodyText(line).orElseGet(() -> Json.write(body)),
        where + " (custom_id " + id.asText() + ")");
  }

  /** The body's JSON text as it stands in the line (so what is sent is byte for byte what was read). */
  private static Optional<String> exactBodyText(String line) {
    try (com.fasterxml.jackson.core.JsonParser p = Json.MAPPER.getFactory().createParser(line)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return Optional.empty();
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        com.fasterxml.jackson.core.JsonToken t = p.nextToken();
        if (name.equals("body") && t == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
          int start = (int) p.currentTokenLocation().getCharOffset();
          p.skipChildren();
          int end = (int) p.currentLocation().getCharOffset();
          return start >= 0 && end > start ? Optional.of(line.substring(start, end)) : Optional.empty();
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Reads a JSONL request file; custom_ids must be unique within it. */
  public static List<ChatRequest> readJsonl(Path file) {
    List<ChatRequest> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> lines = org.mcalign.data.TextLines.read(file, "request file");
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String line = lines.get(i);
      if (line.isBlank()) continue;
      ChatRequest req = fromLine(line, file.toString(), n);
      Integer first = seen.putIfAbsent(req.customId, n);
      if (first != null) {
        throw new RequestFormatException(file + ":" + n + ": custom_id " + req.customId
            + " already used on line " + first + " (each request line needs its own id)");
      }
      out.add(req);
    }
    return out;
  }

  /** Starts a request for notebooks: {@code ChatRequest.builder("id-1").model("gpt-4.1").user("…").build()}. */
  public static Builder builder(String customId) {
    return new Builder(customId);
  }

  public String customId() {
    return customId;
  }

  /** The body's JSON text, exactly as it will be sent. */
  public String bodyJson() {
    return bodyJson;
  }

  /** A read-only view of the body (do not modify). */
  public JsonNode body() {
    return body;
  }

  /** SHA-256 of the body's canonical JSON: the same for the same content whatever the spacing or key order. */
  public String bodyHash() {
    if (hash == null) hash = Json.canonicalHash(body);
    return hash;
  }

  /** The line of a Batch API input file. */
  public String toLine() {
    return "{\"custom_id\":" + Json.write(customId) + ",\"method\":\"POST\",\"url\":\"" + CHAT_URL + "\",\"body\":" + bodyJson + "}";
  }

  /** The same body under another custom_id. */
  public ChatRequest withCustomId(String id) {
    if (id == null || id.isBlank()) throw new RequestFormatException("custom_id must not be blank");
    return new ChatRequest(id, bodyJson, body);
  }

  /** The same request with {@code max_tokens} set to {@code n} (a request asking {@code max_completion_tokens} keeps that name). */
  public ChatRequest withMaxTokens(int n) {
    ObjectNode copy = body.deepCopy();
    if (copy.has("max_completion_tokens")) copy.put("max_completion_tokens", n);
    else copy.put("max_tokens", n);
    return new ChatRequest(customId, Json.write(copy), copy);
  }

  /** The same request asking another model (vLLM serves models under their own names). */
  public ChatRequest withModel(String model) {
    if (model.equals(model())) return this;
    ObjectNode copy = body.deepCopy();
    copy.put("model", model);
    return new ChatRequest(customId, Json.write(copy), copy);
  }

  public String model() {
    return body.path("model").asText();
  }

  public List<Message> messages() {
    List<Message> out = new ArrayList<>();
    for (JsonNode m : body.path("messages")) {
      JsonNode c = m.path("content");
      String content;
      if (c.isTextual()) {
        content = c.asText();
      } else if (c.isArray()) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : c) if (part.path("text").isTextual()) sb.append(part.path("text").asText());
        content = sb.toString();
      } else {
        content = "";
      }
      out.add(new Message(m.path("role").asText(), content));
    }
    return out;
  }

  /** Text of the last user message (the prompt). */
  public String prompt() {
    List<Message> ms = messages();
    for (int i = ms.size() - 1; i >= 0; i--) if (ms.get(i).role().equals("user")) return ms.get(i).content();
    return ms.isEmpty() ? "" : ms.get(ms.size() - 1).content();
  }

  public OptionalDouble temperature() {
    return body.path("temperature").isNumber() ? OptionalDouble.of(body.get("temperature").asDouble()) : OptionalDouble.empty();
  }

  public OptionalDouble topP() {
    return body.path("top_p").isNumber() ? OptionalDouble.of(body.get("top_p").asDouble()) : OptionalDouble.empty();
  }

  public OptionalInt maxTokens() {
    JsonNode n = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
    return n != null && n.isNumber() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
  }

  public List<String> stop() {
    JsonNode s = body.get("stop");
    if (s == null || s.isNull()) return List.of();
    if (s.isTextual()) return List.of(s.asText());
    List<String> out = new ArrayList<>();
    for (JsonNode x : s) out.add(x.asText());
    return out;
  }

  public OptionalLong seed() {
    return body.path("seed").isNumber() ? OptionalLong.of(body.get("seed").asLong()) : OptionalLong.empty();
  }

  /** Names of the function tools offered. */
  public List<String> toolNames() {
    List<String> out = new ArrayList<>();
    for (JsonNode t : body.path("tools")) out.add(t.path("function").path("name").asText());
    return out;
  }

  /** The forced tool's name, if {@code tool_choice} names one. */
  public Optional<String> toolChoice() {
    JsonNode tc = body.path("tool_choice").path("function").path("name");
    return tc.isTextual() ? Optional.of(tc.asText()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "ChatRequest[" + customId + ", model " + model() + "]";
  }

  /** Builds a request body field by field. */
  public static final class Builder {
    private final String customId;
    private final ObjectNode body = Json.object();
    private final ArrayNode messages = body.putArray("messages");

    private Builder(String customId) {
      this.customId = customId;
      body.put("model", "");
    }

    public Builder model(String model) {
      body.put("model", model);
      return this;
    }

    public Builder message(String role, String content) {
      messages.addObject().put("role", role).put("content", content);
      return this;
    }

    public Builder system(String content) {
      return message("system", content);
    }

    public Builder user(String content) {
      return message("user", content);
    }

    public Builder temperature(double t) {
      body.put("temperature", t);
      return this;
    }

    public Builder topP(double p) {
      body.put("top_p", p);
      return this;
    }

    public Builder maxTokens(int n) {
      body.put("max_tokens", n);
      return this;
    }

    public Builder stop(String... stops) {
      if (stops.length == 1) body.put("stop", stops[0]);
      else {
        ArrayNode a = body.putArray("stop");
        for (String s : stops) a.add(s);
      }
      return this;
    }

    public Builder seed(long seed) {
      body.put("seed", seed);
      return this;
    }

    /** Offers a function tool with its JSON-schema parameters (JSON text). */
    public Builder tool(String name, String description, String parametersJson) {
      ArrayNode tools = body.has("tools") ? (ArrayNode) body.get("tools") : body.putArray("tools");
      ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
      fn.put("name", name);
      if (description != null) fn.put("description", description);
      try {
        fn.set("parameters", Json.parse(parametersJson));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("tool " + name + ": parameters are not JSON: " + e.getOriginalMessage());
      }
      return this;
    }

    /** Forces the model to call the named tool. */
    public Builder toolChoice(String name) {
      body.putObject("tool_choice").put("type", "function").putObject("function").put("name", name);
      return this;
    }

    public ChatRequest build() {
      return fromBody(customId, body, Json.write(body), "request " + customId);
    }
  }
}
