package org.mcalign.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * An OpenAI-compatible server for tests and demos, on the JDK's HTTP server at 127.0.0.1:
 * {@code POST /v1/chat/completions} (text, or the {@code ProcessOpinions} tool call of the
 * simulated classifier), {@code /v1/files} (upload, retrieve, content) and
 * {@code /v1/batches} (create, retrieve, list, cancel; validating → in_progress →
 * finalizing → completed over time, or expired). Answers come from a pluggable
 * {@link SimulatedModel}; {@link Faults} are injected by configuration; the
 * {@link ServerLedger} records every answer paid for and every request (with an optional log,
 * one JSON line per request). In vLLM mode ({@link Builder#vllm}) it behaves as a vLLM server
 * does: {@code GET /v1/models} lists the served names with their {@code max_model_len}, an
 * unknown model name is refused (404, "The model `X` does not exist."), a prompt that does not
 * fit the context is refused (400, vLLM's message), errors come in vLLM's body format, and there
 * is no Batch API.
 *
 * <pre>{@code
 * try (SimulatedServer server = SimulatedServer.builder().faults(Faults.parse("429=0.1")).start()) {
 *   Endpoint e = Endpoint.of(server.baseUrl());
 *   ...
 * }
 * }</pre>
 */
public final class SimulatedServer implements AutoCloseable {
  public static final String CLASSIFIER_TOOL = "ProcessOpinions";

  static {
    // the JDK server writes headers and body separately; without TCP_NODELAY each answer
    // waits for the client's delayed ACK (~40 ms). Read once, when the server's config loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer http;
  private final ExecutorService pool;
  private final Builder cfg;
  private final ServerLedger ledger = new ServerLedger();
  private final SplittableRandom master;
  private final BatchSimulator batches;
  private final AtomicLong ids = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger working = new java.util.concurrent.atomic.AtomicInteger();

  private SimulatedServer(Builder cfg) throws IOException {
    this.cfg = cfg;
    this.master = new SplittableRandom(cfg.seed);
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), cfg.port), 1024);
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sim-server");
      t.setDaemon(true);
      return t;
    });
    this.batches = new BatchSimulator(this, cfg.validating, cfg.inProgress, cfg.finalizing);
    http.setExecutor(pool);
    http.createContext("/", this::handle);
    http.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A server with the default fair model, no faults, on a free port. */
  public static SimulatedServer start() {
    return builder().start();
  }

  /** The base URL to give clients, e.g. {@code http://127.0.0.1:51234/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public ServerLedger ledger() {
    return ledger;
  }

  Faults faults() {
    return cfg.faults;
  }

  Duration latency() {
    return cfg.latency;
  }

  /** A fresh random stream split off the server's seeded one. */
  RandomGenerator split() {
    synchronized (master) {
      return master.split();
    }
  }

  boolean draw(double p) {
    if (p <= 0) return false;
    synchronized (master) {
      return master.nextDouble() < p;
    }
  }

  /** The response header every answer of the simulated server carries. */
  public static final String SIMULATED_HEADER = "X-Mcalign-Simulated";

  String nextId(String prefix) {
    return prefix + "-" + Long.toString(ids.incrementAndGet(), 36) + Long.toString(System.nanoTime() & 0xffffff, 36);
  }

  // ---- HTTP ----

  /**
   * The model and custom_id of the chat request this thread handles, for the request log (an
   * exchange's attributes belong to its context, shared by every exchange at once).
   */
  private final ThreadLocal<String[]> logged = ThreadLocal.withInitial(() -> new String[2]);

  private void handle(HttpExchange ex) throws IOException {
    long t0 = System.nanoTime();
    String[] seen = logged.get();
    seen[0] = null;
    seen[1] = null;
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    // says on every answer that it is simulated, so that what is made from its answers can say so (ServerInfo.simulated)
    ex.getResponseHeaders().set(SIMULATED_HEADER, "mcalign simulate-server");
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth != null && auth.startsWith("Bearer ")) ledger.bearer(auth.substring(7));
      if (cfg.apiKey != null) {
        if (auth == null || !auth.equals("Bearer " + cfg.apiKey.reveal())) {
          ledger.event("unauthorized");
          sendError(ex, 401, "invalid_api_key", "Incorrect API key provided.");
          return;
        }
      }
      if (path.startsWith("/v1")) path = path.substring(3);
      if (path.equals("/chat/completions") && method.equals("POST")) {
        chat(ex, body);
      } else if (path.equals("/models") && method.equals("GET") && cfg.servedModels != null) {
        models(ex);
      } else if ((path.startsWith("/files") || path.startsWith("/batches")) && cfg.batchApi) {
        batches.handle(ex, method, path, body);
      } else {
        sendError(ex, 404, "not_found", "Unknown route " + method + " " + path);
      }
    } catch (IOException | RuntimeException e) {
      // the client went away (timeouts, truncation): nothing to answer
      ledger.event("server-exception");
    } finally {
      ledger.logRequest(new ServerLedger.LoggedRequest(method, path, ex.getResponseCode(),
          seen[0], seen[1], (System.nanoTime() - t0) / 1_000_000), cfg.log);
    }
  }

  /** vLLM's model list: every served name with its context length. */
  private void models(HttpExchange ex) throws IOException {
    ObjectNode out = Json.object().put("object", "list");
    ArrayNode data = out.putArray("data");
    for (String name : cfg.servedModels) {
      data.addObject().put("id", name).put("object", "model").put("created", 1_700_000_000L).put("owned_by", "vllm")
          .put("root", name).putNull("parent").put("max_model_len", cfg.maxModelLen);
    }
    send(ex, 200, Json.write(out).getBytes(StandardCharsets.UTF_8));
  }

  /** Tokens of a prompt as this server counts them (about four characters a token, as for English text). */
  static long promptTokens(JsonNode body) {
    return 1 + body.path("messages").toString().length() / 4;
  }

  private void chat(HttpExchange ex, byte[] raw) throws IOException {
    JsonNode body;
    try {
      body = Json.parse(new String(raw, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      sendError(ex, 400, "invalid_json", "We could not parse the JSON body of your request.");
      return;
    }
    if (body == null || !body.path("messages").isArray()) {
      sendError(ex, 400, "invalid_request_error", "'messages' is a required property");
      return;
    }
    String customId = Optional.ofNullable(ex.getRequestHeaders().getFirst(EndpointClient.CUSTOM_ID_HEADER))
        .orElseGet(() -> "body:" + Json.sha256(raw.length + ":" + new String(raw, StandardCharsets.UTF_8)));
    String model = body.path("model").asText("");
    logged.get()[0] = model;
    logged.get()[1] = customId;
    ledger.event("chat");
    if (cfg.servedModels != null && !cfg.servedModels.contains(model)) {
      ledger.event("unknown-model");
      sendError(ex, 404, "NotFoundError", "The model `" + model + "` does not exist.");
      return;
    }
    if (cfg.maxModelLen > 0) {
      long prompt = promptTokens(body);
      long completion = body.path("max_tokens").isNumber() ? body.get("max_tokens").asLong()
          : body.path("max_completion_tokens").asLong(Math.max(1, cfg.maxModelLen - prompt));
      if (prompt + completion > cfg.maxModelLen) {
        ledger.event("context-too-long");
        sendError(ex, 400, "BadRequestError", String.format("This model's maximum context length is %d tokens. However, you"
            + " requested %d tokens (%d in the messages, %d in the completion). Please reduce the length of the messages or"
            + " completion.", cfg.maxModelLen, prompt + completion, prompt, completion));
        return;
      }
    }
    Faults f = cfg.faults;
    if (f.capacity() > 0 && working.incrementAndGet() > f.capacity()) {
      working.decrementAndGet();
      rateLimited(ex, f, "capacity");
      return;
    }
    try {
      answerChat(ex, body, customId, f);
    } finally {
      if (f.capacity() > 0) working.decrementAndGet();
    }
  }

  private void rateLimited(HttpExchange ex, Faults f, String why) throws IOException {
    ledger.event("429");
    if (why != null) ledger.event("429-" + why);
    long ms = f.retryAfter().toMillis();
    ex.getResponseHeaders().set("retry-after-ms", Long.toString(ms));
    ex.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, (ms + 999) / 1000)));
    sendError(ex, 429, "rate_limit_exceeded", "Rate limit reached; retry after " + ms + " ms.");
  }

  private void answerChat(HttpExchange ex, JsonNode body, String customId, Faults f) throws IOException {
    if (draw(f.rateLimited())) {
      rateLimited(ex, f, null);
      return;
    }
    if (draw(f.serverErrors())) {
      ledger.event("500");
      sendError(ex, 500, "server_error", "The server had an error while processing your request.");
      return;
    }
    if (!cfg.latency.isZero()) sleep(cfg.latency);
    String answer = completion(body);
    ledger.paid(customId);
    if (draw(f.slow())) {
      ledger.event("slow");
      sleep(f.slowDelay());
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    if (draw(f.malformed())) {
      ledger.event("malformed");
      send(ex, 200, ("{\"id\": \"chatcmpl-broken\", \"choices\": [{\"message\": {\"content\": \"" + "unterminated").getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (draw(f.truncated())) {
      ledger.event("truncated");
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      OutputStream out = ex.getResponseBody();
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      // closing the exchange with bytes missing drops the connection mid-body
      return;
    }
    send(ex, 200, bytes);
  }

  /** A chat.completion JSON answering {@code body} (also used for batch lines). */
  String completion(JsonNode body) {
    String model = body.path("model").asText("simulated");
    // a request with a seed gets the same answer every time, as OpenAI and vLLM try to give
    RandomGenerator rng = body.path("seed").isIntegralNumber()
        ? new SplittableRandom(body.get("seed").asLong() * 1_000_003L + body.path("messages").toString().hashCode())
        : split();
    ObjectNode message = Json.object().put("role", "assistant");
    String finish = "stop";
    String userText = lastUserText(body);
    long completionChars;
    Optional<String> tool = cfg.toolCalls ? forcedTool(body) : Optional.empty();
    if (tool.isPresent()) {
      String args;
      if (tool.get().equals(CLASSIFIER_TOOL)) {
        String text = userText;
        try {
          JsonNode j = Json.parse(userText);
          if (j != null && j.path("response").isTextual()) text = j.get("response").asText();
        } catch (JsonProcessingException ignored) {
          // a plain-text input: classify it as is
        }
        SimulatedText.Classification c = SimulatedText.classify(text, "en");
        ObjectNode a = Json.object().put("language", c.language());
        ArrayNode ops = a.putArray("opinions");
        for (String o : c.opinions()) {
          if (!o.equals("NULL") && rng.nextDouble() < cfg.classifierErrorRate) o = o.equals("pro") ? "con" : "pro";
          ops.add(o);
        }
        args = Json.write(a);
      } else {
        args = "{}";
      }
      finish = "tool_calls";
      // arguments longer than max_tokens are cut off there (no longer JSON), as vLLM does
      JsonNode limit = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
      if (limit != null && limit.isNumber() && (args.length() + 3) / 4 > limit.asLong()) {
        args = args.substring(0, (int) Math.min(args.length(), Math.max(0, limit.asLong() * 4)));
        finish = "length";
      }
      message.putNull("content");
      ObjectNode call = message.putArray("tool_calls").addObject();
      call.put("id", nextId("call")).put("type", "function");
      call.putObject("function").put("name", tool.get()).put("arguments", args);
      completionChars = args.length();
    } else {
      Optional<PromptCatalog.Entry> known = cfg.prompts.lookup(userText);
      SimulatedModel.Prompt p = new SimulatedModel.Prompt(model, userText,
          known.map(PromptCatalog.Entry::questionKey), known.map(PromptCatalog.Entry::language),
          known.map(PromptCatalog.Entry::templateType), known.map(PromptCatalog.Entry::topic));
      String text = cfg.model.answer(p, rng);
      for (JsonNode s : stops(body)) {
        int at = text.indexOf(s.asText());
        if (!s.asText().isEmpty() && at >= 0) text = text.substring(0, at);
      }
      // an answer longer than max_tokens (about four characters a token) is cut off there, as servers do
      JsonNode limit = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
      if (limit != null && limit.isNumber() && (text.length() + 3) / 4 > limit.asLong()) {
        text = text.substring(0, (int) Math.min(text.length(), Math.max(0, limit.asLong() * 4)));
        finish = "length";
      }
      message.put("content", text);
      completionChars = text.length();
    }
    ObjectNode out = Json.object();
    out.put("id", nextId("chatcmpl")).put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
        .put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0).set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", finish);
    long promptTokens = promptTokens(body);
    long completionTokens = 1 + completionChars / 4;
    out.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return Json.write(out);
  }

  private static Iterable<JsonNode> stops(JsonNode body) {
    JsonNode s = body.get("stop");
    if (s == null || s.isNull()) return java.util.List.of();
    if (s.isTextual()) return java.util.List.of(s);
    return s;
  }

  private static Optional<String> forcedTool(JsonNode body) {
    JsonNode tc = body.path("tool_choice").path("function").path("name");
    if (tc.isTextual()) return Optional.of(tc.asText());
    for (JsonNode t : body.path("tools")) {
      if (t.path("function").path("name").asText().equals(CLASSIFIER_TOOL)) return Optional.of(CLASSIFIER_TOOL);
    }
    return Optional.empty();
  }

  private static String lastUserText(JsonNode body) {
    String last = "";
    for (JsonNode m : body.path("messages")) {
      if (m.path("role").asText().equals("user")) {
        JsonNode c = m.path("content");
        if (c.isTextual()) last = c.asText();
        else if (c.isArray()) {
          StringBuilder sb = new StringBuilder();
          for (JsonNode part : c) sb.append(part.path("text").asText(""));
          last = sb.toString();
        }
      }
    }
    return last;
  }

  static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    send(ex, status, "application/json", body);
  }

  static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  void sendError(HttpExchange ex, int status, String code, String message) throws IOException {
    if (cfg.echoHeaders) {
      // as some proxies and servers do: the request's headers, key included, in the error
      StringBuilder h = new StringBuilder();
      java.util.List<String> names = new java.util.ArrayList<>(ex.getRequestHeaders().keySet());
      names.sort(java.util.Comparator.comparing((String k) -> !k.equalsIgnoreCase("Authorization"))); // the key first
      for (String k : names) h.append(h.length() == 0 ? "" : ", ").append(k).append(": ").append(String.join(",", ex.getRequestHeaders().get(k)));
      message = message + " Request headers: {" + h + "}";
    }
    if (cfg.servedModels != null) {
      // vLLM's ErrorResponse: the message at the top level, not under "error"
      ObjectNode err = Json.object().put("object", "error").put("message", message)
          .put("type", code.endsWith("Error") ? code : status >= 500 ? "InternalServerError" : "BadRequestError");
      err.putNull("param");
      err.put("code", status);
      send(ex, status, Json.write(err).getBytes(StandardCharsets.UTF_8));
      return;
    }
    sendErrorBody(ex, status, code, message);
  }

  static void sendErrorBody(HttpExchange ex, int status, String code, String message) throws IOException {
    ObjectNode err = Json.object();
    err.putObject("error").put("message", message).put("type", status >= 500 ? "server_error" : "invalid_request_error")
        .putNull("param").put("code", code);
    send(ex, status, Json.write(err).getBytes(StandardCharsets.UTF_8));
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }

  @Override
  public String toString() {
    return "SimulatedServer[" + baseUrl() + ", faults " + cfg.faults + "]";
  }

  /** Settings of a simulated server. */
  public static final class Builder {
    private int port = 0;
    private SimulatedModel model = StanceMixModel.fair();
    private PromptCatalog prompts = PromptCatalog.empty();
    private Faults faults = Faults.none();
    private Duration latency = Duration.ZERO;
    private Duration validating = Duration.ofMillis(50);
    private Duration inProgress = Duration.ofMillis(100);
    private Duration finalizing = Duration.ofMillis(50);
    private double classifierErrorRate = 0;
    private long seed = 42;
    private Secret apiKey;
    private boolean echoHeaders;
    private boolean batchApi = true;
    private boolean toolCalls = true;
    private java.util.List<String> servedModels;
    private int maxModelLen;
    private java.io.PrintStream log;

    private Builder() {}

    /**
     * Behave as a vLLM server serving the models {@code names} with a context of
     * {@code maxModelLen} tokens (see the class comment); no Batch API.
     */
    public Builder vllm(java.util.List<String> names, int maxModelLen) {
      if (names.isEmpty() || names.stream().anyMatch(String::isBlank)) throw new IllegalArgumentException("a vLLM server serves at least one named model");
      if (maxModelLen < 1) throw new IllegalArgumentException("max_model_len must be >= 1, got " + maxModelLen);
      this.servedModels = java.util.List.copyOf(names);
      this.maxModelLen = maxModelLen;
      this.batchApi = false;
      return this;
    }

    /** Writes one JSON line per request (time, method, path, status, model, custom_id, ms) to {@code log}. */
    public Builder requestLog(java.io.PrintStream log) {
      this.log = log;
      return this;
    }

    /** Answer tool-call requests with tool calls (default), or with plain text as a server without a tool-call parser does. */
    public Builder toolCalls(boolean answered) {
      this.toolCalls = answered;
      return this;
    }

    /** Serve {@code /files} and {@code /batches} (default), or answer them 404 as a vLLM server does. */
    public Builder batchApi(boolean served) {
      this.batchApi = served;
      return this;
    }

    /** Repeat the request's headers (the Authorization header included) in every error answer. */
    public Builder echoHeadersInErrors(boolean echo) {
      this.echoHeaders = echo;
      return this;
    }

    /** Port to listen on (0, the default, picks a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The behaviour of the simulated models (default: {@link StanceMixModel#fair()}). */
    public Builder model(SimulatedModel model) {
      this.model = model;
      return this;
    }

    /** The paper's prompts, so that models learn each prompt's question and language. */
    public Builder prompts(PromptCatalog prompts) {
      this.prompts = prompts;
      return this;
    }

    public Builder faults(Faults faults) {
      this.faults = faults;
      return this;
    }

    /** Time each chat completion (and each file upload, batch creation or cancel) takes before its answer is written. */
    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    /** How long a batch stays validating, in progress and finalizing. */
    public Builder batchTiming(Duration validating, Duration inProgress, Duration finalizing) {
      this.validating = validating;
      this.inProgress = inProgress;
      this.finalizing = finalizing;
      return this;
    }

    /** Chance that the simulated classifier swaps a pro/con label (the paper measured 4.5 %). */
    public Builder classifierErrorRate(double p) {
      this.classifierErrorRate = p;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Require this key as a bearer token (401 otherwise). */
    public Builder requireKey(Secret key) {
      this.apiKey = key;
      return this;
    }

    public SimulatedServer start() {
      try {
        return new SimulatedServer(this);
      } catch (IOException e) {
        throw new LlmException("could not start the simulated server on port " + port + ": " + e.getMessage(), e);
      }
    }
  }
}
