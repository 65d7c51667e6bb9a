package org.mcalign.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.ObjectMappers;
import com.openai.core.JsonValue;
import com.openai.core.Timeout;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI SDK clients of one {@link Endpoint} (one per base URL), with this package's own
 * retry loop around them: the SDK's retries are switched off so that every attempt is
 * counted, {@code Retry-After} is honoured exactly and the next attempt may go to another
 * server. Which server, and how many requests may be in flight at each, is decided by
 * {@link EndpointLanes} (adaptive limits, unhealthy servers out of rotation). Failures carry
 * the server's own message (OpenAI's and vLLM's error bodies alike).
 */
final class EndpointClient implements AutoCloseable {
  /** Header carrying the request's custom_id (OpenAI accepts it as a client request id). */
  static final String CUSTOM_ID_HEADER = "X-Client-Request-Id";

  /** Idle connections kept per base URL: more than any sensible number of requests in flight. */
  private static final int POOL = 256;

  private final Endpoint endpoint;
  private final List<OpenAIClient> clients = new ArrayList<>();
  private final EndpointLanes lanes;
  final AtomicLong retries = new AtomicLong();

  /** A client for files and batches (one request at a time). */
  EndpointClient(Endpoint endpoint) {
    this(endpoint, 1, false);
  }

  /**
   * @param perLane requests in flight per base URL to start with
   * @param adaptive whether limits adapt to 429/503 answers (AIMD)
   */
  EndpointClient(Endpoint endpoint, int perLane, boolean adaptive) {
    this.endpoint = endpoint;
    for (String url : endpoint.baseUrls()) {
      // vLLM without --api-key accepts any bearer token; the SDK insists on one
      clients.add(new OpenAIClientImpl(ClientOptions.builder()
          .httpClient(new PooledHttpClient(endpoint.timeout(), POOL))
          .baseUrl(url)
          .apiKey(endpoint.key().map(Secret::reveal).orElse("none"))
          .maxRetries(0)
          .timeout(Timeout.builder().connect(Duration.ofSeconds(10)).read(endpoint.timeout())
              .write(endpoint.timeout()).request(endpoint.timeout()).build())
          .build()));
    }
    this.lanes = new EndpointLanes(endpoint.baseUrls(), perLane, adaptive);
  }

  Endpoint endpoint() {
    return endpoint;
  }

  EndpointLanes lanes() {
    return lanes;
  }

  /** The client of the first base URL (files and batches live on one server). */
  OpenAIClient primary() {
    return clients.get(0);
  }

  /**
   * Sends one request, retrying transient failures; returns the answer or throws
   * {@link LlmException} naming the request and carrying the server's message when attempts
   * run out or the failure is final.
   */
  ChatResponse complete(ChatRequest original) {
    ChatRequest request = endpoint.adapt(original);
    ChatCompletionCreateParams params = toParams(request);
    RetryPolicy policy = endpoint.retry();
    int avoid = -1;
    for (int attempt = 1; ; attempt++) {
      EndpointLanes.Lane lane;
      try {
        lane = lanes.acquire(avoid);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmException("interrupted while waiting for a free slot", e);
      }
      long start = System.nanoTime();
      String url = lane.url;
      Optional<Duration> retryAfter = Optional.empty();
      LlmException failure;
      EndpointLanes.Outcome outcome = EndpointLanes.Outcome.OTHER;
      boolean elsewhereNow = false;
      try {
        ChatResponse r = send(lane.index, request, params);
        outcome = EndpointLanes.Outcome.SUCCESS;
        return r;
      } catch (OpenAIServiceException e) {
        int status = e.statusCode();
        failure = new LlmException("request " + request.customId() + " to " + url + ": HTTP " + status + ServerMessage.of(e), status, null);
        if (status == 429 || status == 503) outcome = EndpointLanes.Outcome.THROTTLED;
        else if (status == 502 || status == 504) outcome = EndpointLanes.Outcome.UNREACHABLE;
        if (!RetryPolicy.retryableStatus(status)) throw failure;
        retryAfter = RetryPolicy.parseRetryAfter(header(e.headers(), "retry-after-ms"), header(e.headers(), "retry-after"));
      } catch (OpenAIIoException e) {
        failure = new LlmException("request " + request.customId() + " to " + url
            + ": connection failed or timed out (" + rootMessage(e) + ")", e);
        outcome = EndpointLanes.Outcome.UNREACHABLE;
        avoid = lane.index;
      } catch (ChatResponse.MalformedAnswer e) {
        failure = e;
      } catch (UncheckedIOException e) {
        failure = new LlmException("request " + request.customId() + " to " + url + ": answer cut short (" + rootMessage(e) + ")", e);
        outcome = EndpointLanes.Outcome.UNREACHABLE;
        avoid = lane.index;
      } finally {
        if (outcome == EndpointLanes.Outcome.UNREACHABLE) elsewhereNow = lanes.otherInRotation(lane);
        lanes.release(lane, outcome, start);
      }
      if (attempt >= policy.maxAttempts()) {
        throw new LlmException(failure.getMessage() + "; gave up after " + attempt + " attempts", failure.statusCode(), failure.getCause());
      }
      retries.incrementAndGet();
      // a server that cannot be reached: another one in rotation takes the request at once
      if (!elsewhereNow) sleep(policy.delay(attempt, retryAfter));
    }
  }

  private ChatResponse send(int idx, ChatRequest request, ChatCompletionCreateParams params) {
    ChatCompletionCreateParams withId = params.toBuilder().putAdditionalHeader(CUSTOM_ID_HEADER, request.customId()).build();
    try (HttpResponseFor<ChatCompletion> raw = clients.get(idx).chat().completions().withRawResponse().create(withId)) {
      String body;
      try (InputStream in = raw.body()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return ChatResponse.parse(request.customId(), body);
    }
  }

  /** The SDK's mapper (its {@code jsonMapper()} builds a new one on every call: expensive). */
  static final com.fasterxml.jackson.databind.json.JsonMapper SDK_MAPPER = ObjectMappers.jsonMapper();

  /**
   * Runs an API call (files, batches) with the endpoint's retry policy; {@code what} names it
   * in errors.
   */
  <T> T withRetries(String what, java.util.function.Supplier<T> call) {
    RetryPolicy policy = endpoint.retry();
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> retryAfter = Optional.empty();
      LlmException failure;
      try {
        return call.get();
      } catch (OpenAIServiceException e) {
        failure = new LlmException(what + " at " + endpoint.baseUrls().get(0) + ": HTTP " + e.statusCode() + ServerMessage.of(e), e.statusCode(), null);
        if (!RetryPolicy.retryableStatus(e.statusCode())) throw failure;
        retryAfter = RetryPolicy.parseRetryAfter(header(e.headers(), "retry-after-ms"), header(e.headers(), "retry-after"));
      } catch (OpenAIIoException | UncheckedIOException e) {
        failure = new LlmException(what + " at " + endpoint.baseUrls().get(0) + ": connection failed (" + rootMessage(e) + ")", e);
      }
      if (attempt >= policy.maxAttempts()) throw new LlmException(failure.getMessage() + "; gave up after " + attempt + " attempts", failure.statusCode(), failure.getCause());
      retries.incrementAndGet();
      sleep(policy.delay(attempt, retryAfter));
    }
  }

  /**
   * The SDK's parameters carrying the request body as it is: every field goes over as raw
   * JSON ({@link JsonValue}), so nothing is dropped or re-typed and no per-request
   * reflection-based deserialisation is needed.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static ChatCompletionCreateParams toParams(ChatRequest request) {
    com.fasterxml.jackson.databind.JsonNode body = request.body();
    ChatCompletionCreateParams.Body.Builder b = ChatCompletionCreateParams.Body.builder()
        .model((com.openai.core.JsonField) JsonValue.fromJsonNode(body.get("model")))
        .messages((com.openai.core.JsonField) JsonValue.fromJsonNode(body.get("messages")));
    java.util.Map<String, JsonValue> rest = new java.util.LinkedHashMap<>();
    body.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("model") && !e.getKey().equals("messages")) rest.put(e.getKey(), JsonValue.fromJsonNode(e.getValue()));
    });
    return ChatCompletionCreateParams.builder().body(b.additionalProperties(rest).build()).build();
  }

  private static Optional<String> header(Headers headers, String name) {
    List<String> v = headers.values(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    return r.getClass().getSimpleName() + (r.getMessage() == null ? "" : ": " + Secret.redact(r.getMessage()));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(0, d.toMillis()), (int) Math.min(999_999, d.toNanosPart() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while waiting to retry", e);
    }
  }

  @Override
  public void close() {
    for (OpenAIClient c : clients) c.close();
  }
}
