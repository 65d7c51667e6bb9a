package org.mcalign.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a server says about itself before anything is sent: {@code GET /v1/models}, whose list
 * names the models it serves and, from vLLM, each one's context length ({@code max_model_len}).
 * Free of charge, answered at once even by a busy vLLM server.
 */
public final class ServerInfo {
  private ServerInfo() {}

  /** A model a server lists. */
  public record ServedModel(String id, OptionalInt maxModelLen) {}

  /**
   * One base URL's answer.
   *
   * @param listed whether it answered with a model list
   * @param reachable whether it answered at all
   * @param problem why there is no list (HTTP status and message, or the connection error), or ""
   */
  public record Listing(String baseUrl, boolean reachable, boolean listed, List<ServedModel> models, String problem) {
    public List<String> names() {
      return models.stream().map(ServedModel::id).toList();
    }
  }

  /** Asks every base URL of {@code endpoint} for its model list (with the endpoint's key), {@code timeout} each. */
  public static List<Listing> probe(Endpoint endpoint, Duration timeout) {
    OkHttpClient http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout)
        .retryOnConnectionFailure(false).build();
    try {
      List<Listing> out = new ArrayList<>();
      for (String url : endpoint.baseUrls()) out.add(probe(http, url, endpoint));
      return out;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /**
   * Whether every base URL of {@code endpoint} is the project's simulated server (it marks each
   * answer with {@link SimulatedServer#SIMULATED_HEADER}); false when one cannot be reached.
   */
  public static boolean simulated(Endpoint endpoint, Duration timeout) {
    OkHttpClient http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout)
        .retryOnConnectionFailure(false).build();
    try {
      for (String url : endpoint.baseUrls()) {
        Request.Builder rb = new Request.Builder().url(url + "/models").get();
        endpoint.key().ifPresent(k -> rb.header("Authorization", "Bearer " + k.reveal()));
        try (Response r = http.newCall(rb.build()).execute()) {
          if (r.header(SimulatedServer.SIMULATED_HEADER) == null) return false;
        } catch (IOException e) {
          return false;
        }
      }
      return !endpoint.baseUrls().isEmpty();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static Listing probe(OkHttpClient http, String url, Endpoint endpoint) {
    Request.Builder rb = new Request.Builder().url(url + "/models").get();
    endpoint.key().ifPresent(k -> rb.header("Authorization", "Bearer " + k.reveal()));
    try (Response r = http.newCall(rb.build()).execute()) {
      String body = r.body() == null ? "" : r.body().string();
      if (r.code() != 200) {
        return new Listing(url, true, false, List.of(), "GET /v1/models: HTTP " + r.code() + ServerMessage.ofText(body));
      }
      JsonNode data = Json.parse(body).path("data");
      if (!data.isArray()) return new Listing(url, true, false, List.of(), "GET /v1/models: no model list in the answer");
      List<ServedModel> models = new ArrayList<>();
      for (JsonNode m : data) {
        JsonNode len = m.get("max_model_len");
        models.add(new ServedModel(m.path("id").asText(), len != null && len.canConvertToInt() ? OptionalInt.of(len.asInt())
            : OptionalInt.empty()));
      }
      return new Listing(url, true, true, List.copyOf(models), "");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Listing(url, true, false, List.of(), "GET /v1/models: the answer is not JSON");
    } catch (IOException e) {
      return new Listing(url, false, false, List.of(), "cannot be reached (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + Secret.redact(e.getMessage())) + ")");
    }
  }
}
