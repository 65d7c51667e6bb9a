package org.mcalign.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.mcalign.llm.ChatRequest;
import org.mcalign.llm.CostLimitException;
import org.mcalign.llm.DirectRun;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.Preflight;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.RunPlan;
import org.mcalign.llm.RunResult;

/**
 * The steps every command that sends requests takes, in one order: the plan (what the store
 * already answers, found by content; tokens and cost or GPU time of the rest), the server check
 * ({@link Preflight}: served name, context), the dry run's stop, the cost limit, the direct run
 * with live progress, and the report (failures with the server's words, answers cut off at
 * {@code max_tokens}). Exit codes are the same for every such command ({@link #EXIT_CODES}).
 */
final class Sending {
  static final int OK = 0;
  static final int MISSING = 2;
  static final int OVER_COST = 3;
  static final int SERVER_REFUSED = 5;

  /** The exit codes of every command that sends requests, for its help. */
  static final String EXIT_CODES = "Exit code: 0 every request answered (or a dry run the server check passes), 1 error,"
      + " 2 some requests still without an answer (a rerun asks only for those), 3 refused: estimated cost above --max-cost,"
      + " 4 the store is being written by another process, 5 refused by the server check (model not served, no prompt fits the"
      + " context).";

  /** What a send ended with: the exit code, and the run's result when requests were sent. */
  record Outcome(int exitCode, RunResult result) {
    boolean complete() {
      return exitCode == OK && result != null;
    }
  }

  private Sending() {}

  /**
   * Sends {@code requests} (as built, before the endpoint's adaptation) to {@code endpoint} in run
   * {@code run} of {@code store}, reporting on {@code err} under {@code command}'s name.
   */
  static Outcome send(String command, RequestOptions o, Endpoint endpoint, ResponseStore store, String run,
      List<ChatRequest> requests, PrintStream err) {
    List<ChatRequest> adapted = requests.stream().map(endpoint::adapt).toList();
    RunPlan plan = RunPlan.of(store, run, adapted, false, o.maxTokens != null ? o.maxTokens : 600);
    print(err, command, plan.toString());
    Integer stop = check(command, o, endpoint, plan, err);
    if (stop != null) return new Outcome(stop, null);
    try {
      plan.cost().requireWithin(o.maxCost, o.yes);
    } catch (CostLimitException ex) {
      print(err, command, ex.getMessage().lines().findFirst().orElse("")
          + (endpoint.isOpenAi() ? "" : " (prices are OpenAI's; a self-hosted server costs nothing: --yes)"));
      return new Outcome(OVER_COST, null);
    }
    RunResult r = DirectRun.builder(endpoint, store, run).concurrency(o.concurrency).progressInterval(o.progressInterval())
        .progressStream(err).build().run(requests);
    print(err, command, r.toString());
    r.failures().entrySet().stream().limit(5).forEach(f -> print(err, command, "  failed " + f.getKey() + ": " + f.getValue()));
    r.stoppedBecause().ifPresent(s -> print(err, command, "stopped early: " + s));
    reportCutShort(command, store, run, r.ids(), err);
    return new Outcome(r.complete() ? OK : MISSING, r);
  }

  /**
   * The server check ({@link Preflight}) of what {@code plan} still has to send, printed, and the dry run's stop:
   * the exit code to end with, or null to go on and send.
   */
  static Integer check(String command, RequestOptions o, Endpoint endpoint, RunPlan plan, PrintStream err) {
    Preflight.Report check = plan.missing().isEmpty() ? null : Preflight.check(endpoint, plan.missing());
    if (check != null) {
      print(err, command, check.toString());
      check.tooLong().entrySet().stream().limit(10).forEach(e -> print(err, command, "  may not fit: " + e.getKey() + " (" + e.getValue() + ")"));
    }
    boolean refused = check != null && !check.ok();
    if (o.dryRun) {
      print(err, command, "dry run: nothing sent" + (refused ? "; the server check refuses this run (above)" : ""));
      return refused ? SERVER_REFUSED : OK;
    }
    if (refused) {
      print(err, command, "nothing sent: fix what the server check says (above)");
      return SERVER_REFUSED;
    }
    return null;
  }

  /** Answers of run {@code run} cut off at max_tokens (finish_reason = length), counted per model. */
  static void reportCutShort(String command, ResponseStore store, String run, List<String> ids, PrintStream err) {
    for (Map.Entry<String, List<String>> cut : store.cutShort(run, ids).entrySet()) {
      print(err, command, String.format("%,d answers of %s cut off at max_tokens (finish_reason = length), e.g. %s: raise --max-tokens"
          + " (with another --run to ask them again)", cut.getValue().size(), cut.getKey(), cut.getValue().get(0)));
    }
  }

  /**
   * Writes {@code out}'s sidecar ({@link org.mcalign.data.InputOrigin}): {@code what} (e.g. "responses of gemma-2-27b-it")
   * came from the simulated server, or from the endpoint at its base URLs; files made from it (score, analyze) say so.
   */
  static java.nio.file.Path recordOrigin(Endpoint endpoint, String what, java.nio.file.Path out) {
    boolean simulated = org.mcalign.llm.ServerInfo.simulated(endpoint, java.time.Duration.ofSeconds(5));
    String urls = org.mcalign.llm.Secret.redact(String.join(", ", endpoint.baseUrls())); // a key in a URL is never written
    return new org.mcalign.data.InputOrigin(simulated ? org.mcalign.data.InputOrigin.Kind.SIMULATED : org.mcalign.data.InputOrigin.Kind.USER,
        what + (simulated ? " from the simulated server (mcalign simulate-server, not a model) at " : " from ") + urls).writeFor(out);
  }

  /**
   * Runs {@code body} on the store {@code store}; a dry run on a store that does not exist yet looks at an empty one
   * and leaves nothing behind.
   */
  static int withStore(java.nio.file.Path store, boolean dryRun, java.util.function.ToIntFunction<ResponseStore> body) {
    java.nio.file.Path scratch = null;
    try {
      if (dryRun && !java.nio.file.Files.exists(store)) scratch = java.nio.file.Files.createTempDirectory("mcalign-dry-run");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (ResponseStore rs = ResponseStore.open(scratch != null ? scratch.resolve("empty.db") : store)) {
      return body.applyAsInt(rs);
    } finally {
      if (scratch != null) {
        try (var files = java.nio.file.Files.walk(scratch)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
          // a temporary folder left behind is harmless
        }
      }
    }
  }

  private static void print(PrintStream err, String command, String text) {
    if (!text.isEmpty()) text.lines().forEach(l -> err.println(command + ": " + l));
  }
}
