package org.mcalign.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.RetryPolicy;
import org.mcalign.llm.Secret;
import picocli.CommandLine.Option;

/**
 * The options of every command that sends requests ({@code respond}, {@code classify run},
 * {@code translate run}, {@code collect}, {@code evaluate}): one vocabulary, one set of defaults,
 * one help text. Used as {@code @Mixin RequestOptions requests;}.
 */
public final class RequestOptions {
  @Option(names = "--base-url", split = ",", paramLabel = "URL[,URL...]",
      description = "OpenAI-compatible base URL(s), comma-separated (several vLLM servers serving the same model share the"
          + " work; an unhealthy one is taken out of rotation and probed back in). Default: " + Endpoint.VLLM_BASE_URL_ENV
          + " for open models, the OpenAI API (" + Endpoint.OPENAI_BASE_URL + ") for OpenAI models.")
  List<String> baseUrls = new ArrayList<>();

  @Option(names = "--api-key-env", paramLabel = "NAME",
      description = "Environment variable (or .env entry) holding the key. Default: " + Endpoint.DEFAULT_KEY_NAME
          + " for api.openai.com; for any other server " + Endpoint.VLLM_KEY_NAME + " when set, else no key"
          + " (the OpenAI key is never sent to another host).")
  String apiKeyEnv;

  @Option(names = "--concurrency", defaultValue = "32", paramLabel = "N",
      description = "Requests in flight per endpoint at most (default: ${DEFAULT-VALUE}); the client halves it on 429/503"
          + " answers and raises it again as answers succeed; a surviving endpoint takes over the share of one taken out.")
  int concurrency;

  @Option(names = "--max-tokens", paramLabel = "N",
      description = "Answer length limit put into every request (max_tokens). Default: the command's own (open models: the"
          + " paper's 600; OpenAI models: the API's default; collect: as the request lines say).")
  Integer maxTokens;

  @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
      description = "Seconds per request attempt (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--max-attempts", defaultValue = "8", paramLabel = "N",
      description = "Attempts per request in this run before it counts as failed (default: ${DEFAULT-VALUE});"
          + " a rerun asks failed requests again.")
  int maxAttempts;

  @Option(names = "--retry-base-ms", defaultValue = "500", paramLabel = "MS",
      description = "First backoff delay in ms, doubling each retry, unless the server says Retry-After (default: ${DEFAULT-VALUE}).")
  long retryBaseMs;

  @Option(names = "--progress-seconds", defaultValue = "5", paramLabel = "SECONDS",
      description = "Seconds between progress lines on stderr: done, failed, retries, rate, ETA (default: ${DEFAULT-VALUE}).")
  double progressSeconds;

  @Option(names = "--run", paramLabel = "NAME",
      description = "Run name in the response store (default: the command's, shown in the plan). Answers are found by the"
          + " content of each request (model, messages, parameters) within a run, whatever the order or subset of the input.")
  String run;

  @Option(names = "--dry-run",
      description = "Show the plan and send nothing: requests, how many are already answered, tokens, cost (OpenAI) or"
          + " GPU time from a measured rate (vLLM), and the server check (served model, context length) where it answers.")
  boolean dryRun;

  @Option(names = "--max-cost", defaultValue = "20", paramLabel = "USD",
      description = "Send nothing when the estimated cost of what is missing is above this (exit 3) unless --yes"
          + " (default: ${DEFAULT-VALUE}; self-hosted models cost nothing here).")
  double maxCost;

  @Option(names = "--yes", description = "Send whatever the estimated cost (the plan is printed first).")
  boolean yes;

  /** Every value checked before anything is read, created or sent. */
  void check() {
    positive("--concurrency", concurrency);
    positive("--timeout", timeoutSeconds);
    positive("--max-attempts", maxAttempts);
    positive("--progress-seconds", progressSeconds);
    if (maxTokens != null) positive("--max-tokens", maxTokens);
    if (retryBaseMs < 0) throw new IllegalArgumentException("--retry-base-ms must be >= 0, got " + retryBaseMs);
    if (!(maxCost >= 0)) throw new IllegalArgumentException("--max-cost must be >= 0, got " + maxCost);
    if (apiKeyEnv != null) Secret.requireVariableName("--api-key-env", apiKeyEnv);
    if (run != null && run.isBlank()) throw new IllegalArgumentException("--run must not be blank");
  }

  /**
   * Where requests for {@code model} (the name sent, or the paper's id) go: {@code --base-url},
   * else {@value Endpoint#VLLM_BASE_URL_ENV} for open models and the OpenAI API for OpenAI's; with
   * the key scoped to the host, the timeout and the retry policy of these options.
   */
  Endpoint endpoint(String model) {
    return Endpoint.forModel(model, baseUrls, apiKeyEnv).withTimeout(timeout()).withRetry(retry());
  }

  /** The run name given, else {@code fallback}. */
  String run(String fallback) {
    return run != null ? run : fallback;
  }

  Duration timeout() {
    return Duration.ofMillis((long) (timeoutSeconds * 1000));
  }

  Duration progressInterval() {
    return Duration.ofMillis((long) (progressSeconds * 1000));
  }

  RetryPolicy retry() {
    return RetryPolicy.defaults().withMaxAttempts(maxAttempts)
        .withDelays(Duration.ofMillis(retryBaseMs), RetryPolicy.defaults().maxDelay());
  }

  static void positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + " must be a number > 0, got " + (value == Math.rint(value) ? String.valueOf((long) value) : value));
    }
  }
}
