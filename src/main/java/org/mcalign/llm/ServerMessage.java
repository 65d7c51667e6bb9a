package org.mcalign.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.OpenAIServiceException;

/**
 * The server's own words in an error answer, whichever server sent it: OpenAI's
 * {@code {"error": {"message": …}}}, vLLM's {@code {"object": "error", "message": …}}, a
 * FastAPI validation {@code {"detail": …}}, or plain text. Redacted of keys before it is cut to
 * length (a cut key would no longer be recognised).
 */
final class ServerMessage {
  private ServerMessage() {}

  static final int MAX_LENGTH = 400;

  /** {@code ": message"}, or "" when the server said nothing usable. */
  static String of(OpenAIServiceException e) {
    // the raw body first: the SDK keeps only an OpenAI-style "error" object
    java.util.Optional<String> raw = PooledHttpClient.takeErrorBody();
    if (raw.isPresent()) {
      String m = ofText(raw.get());
      if (!m.isEmpty()) return m;
    }
    String m = null;
    try {
      m = fromBody(EndpointClient.SDK_MAPPER.valueToTree(e.body()));
    } catch (RuntimeException ignored) {
      // an unusual body: fall back on the SDK's text
    }
    if (m == null || m.isBlank()) m = sdkText(e);
    return format(m);
  }

  /** {@code ": message"} for an error body given as text (files, batches), or "". */
  static String ofText(String body) {
    if (body == null || body.isBlank()) return "";
    try {
      String m = fromBody(Json.parse(body));
      return format(m != null ? m : body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return format(body);
    }
  }

  static String fromBody(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) return null;
    if (body.isTextual()) return body.asText();
    JsonNode error = body.get("error");
    if (error != null && error.isObject() && error.path("message").isTextual()) return error.get("message").asText();
    if (error != null && error.isTextual()) return error.asText();
    if (body.path("message").isTextual()) return body.get("message").asText();
    JsonNode detail = body.get("detail");
    if (detail != null && detail.isTextual()) return detail.asText();
    if (detail != null && detail.isArray() && !detail.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode d : detail) {
        if (sb.length() > 0) sb.append("; ");
        sb.append(d.path("msg").asText(d.toString()));
        if (d.path("loc").isArray()) sb.append(" at ").append(d.get("loc"));
      }
      return sb.toString();
    }
    return null;
  }

  /** The SDK's message, unless it is only "404: null" (it found no OpenAI-style error object). */
  private static String sdkText(OpenAIServiceException e) {
    String m = e.getMessage();
    if (m == null || m.matches("\\d{3}: (null)?")) return null;
    return m;
  }

  private static String format(String m) {
    if (m == null || m.isBlank()) return "";
    String r = Secret.redact(m.strip());
    return ": " + (r.length() > MAX_LENGTH ? r.substring(0, MAX_LENGTH) + "…" : r);
  }
}
