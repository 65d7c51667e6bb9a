package org.mcalign.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mcalign.llm.BatchRun;
import org.mcalign.llm.ChatRequest;
import org.mcalign.llm.ChatResponse;
import org.mcalign.llm.DirectRun;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.FailureAdvice;
import org.mcalign.llm.Progress;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.RunResult;

/**
 * Answers requests through an OpenAI-compatible endpoint in direct mode (a vLLM server, the
 * OpenAI API, the simulated server), every answer committed to the response store as it
 * arrives: a rerun asks only for what is missing, nothing paid for is asked twice. Failures
 * stop the stage with a table of the failed requests, never a silent gap.
 */
public final class EndpointBackend implements ChatBackend {
  private final Endpoint endpoint;
  private final ResponseStore store;
  private final String run;
  private final int concurrency;
  private final Consumer<Progress> progress;
  private final boolean batch;
  private RunResult last;
  private java.io.PrintStream progressStream; // live progress lines (done, failed, retries, rate, ETA), or none
  private java.time.Duration progressInterval;

  /**
   * Prints live progress lines (done, failed, retries, rate, ETA) on {@code err}, every {@code interval} in direct mode
   * (null: the run's default), as respond and collect do.
   */
  public EndpointBackend progressTo(java.io.PrintStream err, java.time.Duration interval) {
    this.progressStream = err;
    this.progressInterval = interval;
    return this;
  }

  public EndpointBackend(Endpoint endpoint, ResponseStore store, String run, int concurrency, Consumer<Progress> progress) {
    this(endpoint, store, run, concurrency, progress, false);
  }

  /** {@code batch}: through the Batch API (upload, poll, download; the paper's way for OpenAI models) instead of direct calls. */
  public EndpointBackend(Endpoint endpoint, ResponseStore store, String run, int concurrency, Consumer<Progress> progress,
      boolean batch) {
    this.batch = batch;
    this.endpoint = endpoint;
    this.store = store;
    this.run = run;
    this.concurrency = concurrency;
    this.progress = progress;
  }

  public static ChatRequest toChatRequest(BatchRequestLine line) {
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) line.toMap().get("body");
    return ChatRequest.of(line.customId(), PythonFormat.json(body));
  }

  @Override
  public List<String> answer(List<BatchRequestLine> requests) {
    List<ChatRequest> chat = requests.stream().map(EndpointBackend::toChatRequest).toList();
    if (batch) {
      BatchRun.Builder b = BatchRun.builder(endpoint, store, run).progressStream(progressStream);
      if (progress != null) b.progress(progress);
      last = b.build().run(chat);
    } else {
      DirectRun.Builder b = DirectRun.builder(endpoint, store, run).concurrency(concurrency).progressStream(progressStream);
      if (progressInterval != null) b.progressInterval(progressInterval);
      if (progress != null) b.progress(progress);
      last = b.build().run(chat);
    }
    List<ChatResponse> answers = store.answersOf(run, last.ids());
    List<String> out = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      ChatResponse resp = answers.get(i);
      if (resp == null) throw new StageInputException(missingMessage(requests.get(i).customId(), last.ids().get(i)));
      if (!resp.toolCalls().isEmpty()) out.add(resp.toolCalls().get(0).argumentsJson());
      else out.add(resp.text());
    }
    return out;
  }

  /** Why a request has no answer, and whether a rerun can help or what to fix. */
  private String missingMessage(String customId, String storedId) {
    Map<String, String> failures = store.failures(run, last.ids());
    String why = failures.getOrDefault(storedId, "not asked: the run stopped first");
    String advice = last.stoppedBecause().map(s -> "the run stopped: " + s)
        .or(() -> FailureAdvice.whatToFix(status(why), why).map(f -> "to fix: " + f))
        .orElse("rerun to ask again for the missing ones only");
    return "run '" + run + "': no answer for " + customId + (storedId.equals(customId) ? "" : " (stored as " + storedId + ")")
        + " (" + why + "); " + (last.total() - last.alreadyDone() - last.answered()) + " of " + last.total()
        + " without an answer — " + advice;
  }

  private static int status(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("HTTP (\\d{3})").matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** The last run's counts (answered, already stored, failed, retries, time). */
  public RunResult lastResult() {
    return last;
  }
}
