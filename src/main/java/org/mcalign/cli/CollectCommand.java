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
import org.mcalign.llm.RunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcalign collect}: sends request lines to an endpoint and stores every answer. */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = {"Send chat-completion request lines (Batch API format) to OpenAI or vLLM and store the answers.",
        "Rerunning with the same --store and --run asks only for what is missing.",
        "One process writes a store at a time: a second is refused at once, naming the first (pid, host, start time).",
        Sending.EXIT_CODES})
final class CollectCommand implements Callable<Integer> {
  enum Mode { direct, batch }

  @Option(names = "--requests", required = true, description = "JSONL request lines {custom_id, method, url, body}.")
  Path requests;

  @Option(names = "--mode", defaultValue = "direct", description = "direct (concurrent requests) or batch (OpenAI Batch API; 50 %% cheaper). Default: ${DEFAULT-VALUE}.")
  Mode mode;

  @Option(names = "--store", required = true, description = "SQLite response store (created if missing).")
  Path store;

  @Mixin RequestOptions sending;

  @Option(names = "--model", description = "Ask this model instead of the request lines' model (vLLM serves models under their own names).")
  String model;

  @Option(names = "--output-tokens", description = "Assumed answer length for the cost estimate when a request has no max_tokens (default: the price table's).")
  Integer outputTokens;

  @Option(names = "--poll-seconds", defaultValue = "10", description = "First wait between batch polls; grows to 2 minutes (default: ${DEFAULT-VALUE}).")
  double pollSeconds;

  @Option(names = "--batch-max-lines", defaultValue = "50000", description = "Lines per batch at most (default: ${DEFAULT-VALUE}).")
  int batchMaxLines;

  @Option(names = "--max-rounds", defaultValue = "10", description = "Batch mode: submissions of still unanswered lines in all (expired or failed lines go into the next round; default: ${DEFAULT-VALUE}).")
  int maxRounds;

  @Override
  public Integer call() {
    checkSettings();
    new PathGuard().input("--requests", requests).store("--store", sending.dryRun ? null : store).check();
    List<ChatRequest> reqs = ChatRequest.readJsonl(requests);
    if (reqs.isEmpty()) throw new IllegalArgumentException("--requests " + requests + " holds no request lines: nothing to send");
    String runName = sending.run(stem(requests));
    Endpoint endpoint = sending.endpoint(model != null ? model : reqs.get(0).model());
    if (model != null) endpoint = endpoint.withModel(model);
    System.err.println("collect: " + reqs.size() + " request lines from " + requests + " → " + endpoint + ", run " + runName);
    if (mode == Mode.direct) {
      if (sending.dryRun && !java.nio.file.Files.exists(store)) {
        throw new IllegalArgumentException("--dry-run: the store " + store + " does not exist yet; a dry run reads an existing store");
      }
      try (ResponseStore db = ResponseStore.open(store)) {
        Sending.Outcome o = Sending.send("collect", sending, endpoint, db, runName, reqs, System.err);
        if (o.result() != null) System.out.println(db.status(runName));
        return o.exitCode();
      }
    }
    try (ResponseStore db = ResponseStore.open(store);
         ResponseStore.Writing writing = db.beginWriting("collect run '" + runName + "', batch mode")) {
      Endpoint e = endpoint;
      CostEstimate.Prices prices = CostEstimate.Prices.defaults();
      RunPlan plan = RunPlan.of(db, runName, reqs.stream().map(e::adapt).toList(), true,
          outputTokens != null ? outputTokens : prices.defaultOutputTokens());
      System.err.println("collect: " + plan);
      if (sending.dryRun) return Sending.OK;
      try {
        plan.cost().requireWithin(sending.maxCost, sending.yes);
      } catch (CostLimitException ex) {
        System.err.println("collect: " + ex.getMessage().lines().findFirst().orElse("")
            + (endpoint.isOpenAi() ? "" : " (prices are OpenAI's; a self-hosted server costs nothing: --yes)"));
        return Sending.OVER_COST;
      }
      RunResult result = BatchRun.builder(endpoint, db, runName).limits(batchMaxLines, 200L * 1024 * 1024).maxRounds(maxRounds)
          .polling(Duration.ofMillis((long) (pollSeconds * 1000)), Duration.ofMinutes(2)).build().run(reqs);
      System.err.println("collect: " + result);
      result.failures().entrySet().stream().limit(5).forEach(f -> System.err.println("  failed " + f.getKey() + ": " + f.getValue()));
      System.out.println(db.status(runName));
      return result.complete() ? Sending.OK : Sending.MISSING;
    }
  }

  /** Every numeric option checked before anything is read, created or sent. */
  private void checkSettings() {
    sending.check();
    positive("--batch-max-lines", batchMaxLines);
    positive("--max-rounds", maxRounds);
    positive("--poll-seconds", pollSeconds);
    if (outputTokens != null) positive("--output-tokens", outputTokens);
  }

  static void positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + " must be a number > 0, got " + (value == Math.rint(value) ? String.valueOf((long) value) : value));
    }
  }

  static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
