package org.mcalign.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcalign.llm.BatchRun;
import org.mcalign.llm.ChatRequest;
import org.mcalign.llm.CostEstimate;
import org.mcalign.llm.CostLimitException;
import org.mcalign.llm.DirectRun;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.RetryPolicy;
import org.mcalign.llm.RunResult;
import org.mcalign.llm.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign collect}: sends request lines to an endpoint and stores every answer. */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = {"Send chat-completion request lines (Batch API format) to OpenAI or vLLM and store the answers.",
        "Rerunning with the same --store and --run asks only for what is missing.",
        "One process writes a store at a time: a second is refused at once, naming the first (pid, host, start time).",
        "Exit code: 0 all answered, 2 some still missing (rerun), 3 refused (cost above --max-cost),"
            + " 4 the store is being written by another process, 1 error."})
final class CollectCommand implements Callable<Integer> {
  enum Mode { direct, batch }

  @Option(names = "--requests", required = true, description = "JSONL request lines {custom_id, method, url, body}.")
  Path requests;

  @Option(names = "--base-url", split = ",", description = "OpenAI-compatible base URL(s); several vLLM servers are used together (default: ${DEFAULT-VALUE}).",
      defaultValue = Endpoint.OPENAI_BASE_URL)
  List<String> baseUrls = new ArrayList<>();

  @Option(names = "--api-key-env", paramLabel = "NAME",
      description = "Environment variable (or .env entry) holding the key. Default: " + Endpoint.DEFAULT_KEY_NAME
          + " for api.openai.com; for any other server " + Endpoint.VLLM_KEY_NAME + " when set, else no key"
          + " (the OpenAI key is never sent to another host).")
  String apiKeyEnv;

  @Option(names = "--mode", defaultValue = "direct", description = "direct (concurrent requests) or batch (OpenAI Batch API; 50 %% cheaper). Default: ${DEFAULT-VALUE}.")
  Mode mode;

  @Option(names = "--concurrency", defaultValue = "16", description = "Requests in flight at most, direct mode (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--store", required = true, description = "SQLite response store (created if missing).")
  Path store;

  @Option(names = "--run", description = "Run name in the store (default: the request file's name without extension).")
  String run;

  @Option(names = "--model", description = "Ask this model instead of the request lines' model (vLLM serves models under their own names).")
  String model;

  @Option(names = "--timeout", defaultValue = "120", description = "Seconds per request attempt (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--max-attempts", defaultValue = "8", description = "Attempts per request before giving up for this run (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(names = "--retry-base-ms", defaultValue = "500", description = "First backoff delay in ms, doubling each retry (default: ${DEFAULT-VALUE}).")
  long retryBaseMs;

  @Option(names = "--max-cost", defaultValue = "20", description = "Refuse to send when the estimate exceeds this many USD (default: ${DEFAULT-VALUE}).")
  double maxCost;

  @Option(names = "--yes", description = "Confirm sending even above --max-cost.")
  boolean yes;

  @Option(names = "--output-tokens", description = "Assumed answer length for the cost estimate when a request has no max_tokens (default: the price table's).")
  Integer outputTokens;

  @Option(names = "--poll-seconds", defaultValue = "10", description = "First wait between batch polls; grows to 2 minutes (default: ${DEFAULT-VALUE}).")
  double pollSeconds;

  @Option(names = "--batch-max-lines", defaultValue = "50000", description = "Lines per batch at most (default: ${DEFAULT-VALUE}).")
  int batchMaxLines;

  @Option(names = "--max-rounds", defaultValue = "3", description = "Batch mode: submissions of still unanswered lines in all (default: ${DEFAULT-VALUE}).")
  int maxRounds;

  @Option(names = "--progress-seconds", defaultValue = "5", description = "Seconds between progress lines on stderr (default: ${DEFAULT-VALUE}).")
  double progressSeconds;

  @Override
  public Integer call() {
    checkSettings();
    new PathGuard().input("--requests", requests).store("--store", store).check();
    List<ChatRequest> reqs = ChatRequest.readJsonl(requests);
    if (reqs.isEmpty()) throw new IllegalArgumentException("--requests " + requests + " holds no request lines: nothing to send");
    String runName = run != null ? run : stem(requests);
    Endpoint endpoint = Endpoint.withScopedKey(baseUrls, apiKeyEnv);
    if (model != null) endpoint = endpoint.withModel(model);
    endpoint = endpoint.withTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
        .withRetry(RetryPolicy.defaults().withMaxAttempts(maxAttempts)
            .withDelays(Duration.ofMillis(retryBaseMs), RetryPolicy.defaults().maxDelay()));
    System.err.println("collect: " + reqs.size() + " request lines from " + requests + " → " + endpoint + ", run " + runName);
    try (ResponseStore db = ResponseStore.open(store);
         ResponseStore.Writing writing = db.beginWriting("collect run '" + runName + "', " + mode + " mode")) {
      Endpoint e = endpoint;
      List<ChatRequest> missing = missing(db, runName, reqs.stream().map(e::adapt).toList());
      CostEstimate.Prices prices = CostEstimate.Prices.defaults();
      CostEstimate cost = CostEstimate.of(missing, mode == Mode.batch, prices,
          outputTokens != null ? outputTokens : prices.defaultOutputTokens());
      System.err.println("collect: " + missing.size() + " requests to send; estimated cost:\n" + cost);
      try {
        cost.requireWithin(maxCost, yes);
      } catch (CostLimitException ex) {
        System.err.println("collect: " + ex.getMessage().lines().findFirst().orElse("")
            + (endpoint.isOpenAi() ? "" : " (prices are OpenAI's; a self-hosted server costs nothing: --yes)"));
        return 3;
      }
      RunResult result = mode == Mode.batch
          ? BatchRun.builder(endpoint, db, runName).limits(batchMaxLines, 200L * 1024 * 1024).maxRounds(maxRounds)
              .polling(Duration.ofMillis((long) (pollSeconds * 1000)), Duration.ofMinutes(2)).build().run(reqs)
          : DirectRun.builder(endpoint, db, runName).concurrency(concurrency)
              .progressInterval(Duration.ofMillis((long) (progressSeconds * 1000))).build().run(reqs);
      System.err.println("collect: " + result);
      result.failures().entrySet().stream().limit(5).forEach(f -> System.err.println("  failed " + f.getKey() + ": " + f.getValue()));
      System.out.println(db.status(runName));
      return result.complete() ? 0 : 2;
    }
  }

  /** Every numeric option checked before anything is read, created or sent. */
  private void checkSettings() {
    positive("--concurrency", concurrency);
    positive("--max-attempts", maxAttempts);
    positive("--batch-max-lines", batchMaxLines);
    positive("--max-rounds", maxRounds);
    positive("--timeout", timeoutSeconds);
    positive("--poll-seconds", pollSeconds);
    positive("--progress-seconds", progressSeconds);
    if (retryBaseMs < 0) throw new IllegalArgumentException("--retry-base-ms must be >= 0, got " + retryBaseMs);
    if (!(maxCost >= 0)) throw new IllegalArgumentException("--max-cost must be >= 0, got " + maxCost);
    if (outputTokens != null) positive("--output-tokens", outputTokens);
    if (apiKeyEnv != null) Secret.requireVariableName("--api-key-env", apiKeyEnv);
  }

  static void positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + " must be a number > 0, got " + (value == Math.rint(value) ? String.valueOf((long) value) : value));
    }
  }

  /** Requests without an answer yet (for the estimate; the run itself registers and checks all). */
  private static List<ChatRequest> missing(ResponseStore db, String run, List<ChatRequest> reqs) {
    java.util.Set<String> done = new java.util.HashSet<>();
    for (ResponseStore.StoredAnswer a : db.answers(run)) done.add(a.customId());
    return reqs.stream().filter(r -> !done.contains(r.customId())).toList();
  }

  static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
