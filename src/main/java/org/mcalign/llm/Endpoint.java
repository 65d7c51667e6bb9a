package org.mcalign.llm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where requests go: one OpenAI-compatible base URL (OpenAI, a vLLM server, the simulated
 * server) or several vLLM servers serving the same model (requests are spread over them),
 * the key, an optional model name that replaces the request lines' model, a timeout per
 * request and the retry policy. Immutable; {@code with…} methods return changed copies.
 */
public final class Endpoint {
  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_KEY_NAME = "OPENAI_API_KEY";
  /** The variable a key for other endpoints (vLLM started with {@code --api-key}) comes from by default. */
  public static final String VLLM_KEY_NAME = "MCA_VLLM_API_KEY";
  /** The variable naming the vLLM server(s) of open models when no base URL is given (comma-separated). */
  public static final String VLLM_BASE_URL_ENV = "MCA_VLLM_BASE_URL";
  private static final String OPENAI_HOST = "api.openai.com";

  private final List<String> baseUrls;
  private final Optional<Secret> key;
  private final Optional<String> model;
  private final Duration timeout;
  private final RetryPolicy retry;

  private Endpoint(List<String> baseUrls, Optional<Secret> key, Optional<String> model, Duration timeout, RetryPolicy retry) {
    if (baseUrls.isEmpty()) throw new IllegalArgumentException("an endpoint needs at least one base URL");
    long openAi = baseUrls.stream().filter(Endpoint::isOpenAiUrl).count();
    if (openAi > 0 && openAi < baseUrls.size()) {
      throw new LlmException("one endpoint cannot mix " + OPENAI_HOST + " with other servers " + baseUrls
          + ": a key is sent to every base URL of an endpoint, and the OpenAI key goes to OpenAI only");
    }
    this.baseUrls = List.copyOf(baseUrls);
    this.key = key;
    this.model = model;
    this.timeout = timeout;
    this.retry = retry;
  }

  /** OpenAI itself, key from {@code OPENAI_API_KEY} (environment or {@code .env}); fails if there is none. */
  public static Endpoint openAi() {
    return of(OPENAI_BASE_URL).withKey(Secret.require(DEFAULT_KEY_NAME));
  }

  /**
   * One or more OpenAI-compatible base URLs (e.g. {@code http://gpu-host:8000/v1}) without a
   * key. A URL without a path gets {@code /v1}.
   */
  public static Endpoint of(String... baseUrls) {
    return of(List.of(baseUrls));
  }

  public static Endpoint of(List<String> baseUrls) {
    List<String> norm = new ArrayList<>();
    for (String u : baseUrls) {
      for (String part : u.split(",")) {
        if (!part.isBlank()) norm.add(normalise(part.strip()));
      }
    }
    return new Endpoint(norm, Optional.empty(), Optional.empty(), Duration.ofSeconds(120), RetryPolicy.defaults());
  }

  private static String normalise(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new LlmException("not a URL: " + url);
    }
    if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new LlmException("base URL must be http(s)://host[:port][/path], got " + url);
    }
    if (uri.getUserInfo() != null) throw new LlmException("base URL must not carry credentials; use --api-key-env");
    String s = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) s = s + "/v1";
    return s;
  }

  /**
   * The endpoint at {@code baseUrls} with its key scoped to its host: OpenAI's API gets the key
   * from {@code keyVariable}, else {@code OPENAI_API_KEY} (required); any other server gets a key
   * only from {@code keyVariable} when given (required then), else from {@code MCA_VLLM_API_KEY}
   * when that is set, else none — never the OpenAI key by default.
   *
   * @param keyVariable the name given by the user ({@code --api-key-env}), or null
   */
  public static Endpoint withScopedKey(List<String> baseUrls, String keyVariable) {
    Endpoint e = of(baseUrls);
    if (keyVariable != null) return e.withKey(Secret.require(Secret.requireVariableName("--api-key-env", keyVariable)));
    if (e.isOpenAi()) return e.withKey(Secret.require(DEFAULT_KEY_NAME));
    return new Endpoint(e.baseUrls, Secret.find(VLLM_KEY_NAME), e.model, e.timeout, e.retry);
  }

  /**
   * Where requests for {@code model} go: {@code baseUrls} when given; else the OpenAI API for a
   * model OpenAI's price table knows (gpt-…), and {@value #VLLM_BASE_URL_ENV} for any other
   * (open) model, which must then be set. The key is scoped as in {@link #withScopedKey}.
   *
   * @param baseUrls the user's base URLs (each may list several, comma-separated), or empty
   * @param keyVariable the name given by the user ({@code --api-key-env}), or null
   */
  public static Endpoint forModel(String model, List<String> baseUrls, String keyVariable) {
    if (baseUrls != null && !baseUrls.isEmpty()) return withScopedKey(baseUrls, keyVariable);
    if (isOpenAiModel(model)) return withScopedKey(List.of(OPENAI_BASE_URL), keyVariable);
    String env = System.getenv(VLLM_BASE_URL_ENV);
    if (env == null || env.isBlank()) {
      throw new LlmException("no server for the open model " + model + ": give --base-url http://HOST:PORT/v1[,URL…] or set "
          + VLLM_BASE_URL_ENV + " (the OpenAI API serves OpenAI models only)");
    }
    return withScopedKey(List.of(env), keyVariable);
  }

  /** True for a model OpenAI serves (one the price table knows: gpt-4o, gpt-4.1, gpt-3.5-turbo, …). */
  public static boolean isOpenAiModel(String model) {
    return CostEstimate.Prices.defaults().priceOf(model).isPresent();
  }

  public Endpoint withKey(Secret key) {
    return new Endpoint(baseUrls, Optional.of(Objects.requireNonNull(key)), model, timeout, retry);
  }

  /** The key from environment variable {@code name} or {@code .env}, if there is one (vLLM often has none). */
  public Endpoint withOptionalKeyFrom(String name) {
    return new Endpoint(baseUrls, Secret.find(name), model, timeout, retry);
  }

  /** Sends every request to {@code model} instead of the request lines' model. */
  public Endpoint withModel(String model) {
    return new Endpoint(baseUrls, key, Optional.of(model), timeout, retry);
  }

  public Endpoint withTimeout(Duration timeout) {
    return new Endpoint(baseUrls, key, model, timeout, retry);
  }

  public Endpoint withRetry(RetryPolicy retry) {
    return new Endpoint(baseUrls, key, model, timeout, retry);
  }

  public List<String> baseUrls() {
    return baseUrls;
  }

  public Optional<Secret> key() {
    return key;
  }

  public Optional<String> model() {
    return model;
  }

  public Duration timeout() {
    return timeout;
  }

  public RetryPolicy retry() {
    return retry;
  }

  /** The request as it will be sent here (the model replaced when this endpoint names one). */
  public ChatRequest adapt(ChatRequest request) {
    return model.map(request::withModel).orElse(request);
  }

  /** True for OpenAI's own API (where requests cost money and the Batch API exists). */
  public boolean isOpenAi() {
    return baseUrls.stream().anyMatch(Endpoint::isOpenAiUrl);
  }

  private static boolean isOpenAiUrl(String url) {
    String host = URI.create(url).getHost();
    return host != null && host.equalsIgnoreCase(OPENAI_HOST);
  }

  @Override
  public String toString() {
    return "Endpoint[" + String.join(", ", baseUrls) + model.map(m -> ", model " + m).orElse("")
        + ", key " + key.map(k -> "from " + k.source() + " (redacted)").orElse("none") + "]";
  }
}
