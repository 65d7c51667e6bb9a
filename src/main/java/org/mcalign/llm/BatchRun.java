package org.mcalign.llm;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponse;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.batches.BatchListParams;
import com.openai.models.batches.BatchRetrieveParams;
import com.openai.models.files.FileContentParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.nio.file.Path;

/**
 * Batch mode (OpenAI Batch API): the run's missing requests are split under the per-batch
 * limits (and by model), each part is recorded in the store <em>before</em> it is uploaded,
 * uploaded, created as a batch (24 h window, metadata naming the run and the part), and the
 * batch id is stored before polling starts. Polling backs off; finished batches' output and
 * error files are matched to requests by custom_id and stored in one transaction. Failed or
 * expired lines are resubmitted until every request is answered, up to {@code maxRounds}
 * rounds (or until two rounds in a row answer nothing), and the result says which limit stopped it. After a crash, a rerun reattaches
 * to the batches in flight (finding, by its metadata, a batch created just before the crash)
 * and never creates a batch twice.
 */
public final class BatchRun {
  static final String META_RUN = "mcalign_run";
  static final String META_PART = "mcalign_part";

  private final Endpoint endpoint;
  private final ResponseStore store;
  private final String run;
  private final int maxLines;
  private final long maxBytes;
  private final Duration pollInitial;
  private final Duration pollMax;
  private final int maxRounds;
  private final Map<String, String> metadata;
  private final Consumer<Progress> listener;
  private final PrintStream err;

  private BatchRun(Builder b) {
    this.endpoint = b.endpoint;
    this.store = b.store;
    this.run = b.run;
    this.maxLines = b.maxLines;
    this.maxBytes = b.maxBytes;
    this.pollInitial = b.pollInitial;
    this.pollMax = b.pollMax;
    this.maxRounds = b.maxRounds;
    this.metadata = Map.copyOf(b.metadata);
    this.listener = b.listener;
    this.err = b.err;
  }

  public static Builder builder(Endpoint endpoint, ResponseStore store, String run) {
    return new Builder(endpoint, store, run);
  }

  /**
   * Takes the store's writer lease (refused at once if another process writes it), registers
   * the requests and runs batches until every request is answered or a limit is hit.
   * Requests that failed before, in either mode, are submitted again (the reason is shown). A
   * part whose batch could not be made (upload refused, no Batch API) is released: the next run,
   * in any mode, asks its requests again.
   */
  public RunResult run(List<ChatRequest> requests) {
    try (ResponseStore.Writing w = store.beginWriting("batch run '" + run + "'")) {
      try {
        return runLeased(requests);
      } catch (LlmException e) {
        int released = store.releaseUnsent(run);
        if (released == 0) throw e;
        throw new LlmException(e.getMessage() + "; " + released + " more requests of parts not uploaded are released:"
            + " the next run asks them again, in batch or direct mode", e.statusCode(), e);
      }
    }
  }

  private RunResult runLeased(List<ChatRequest> requests) {
    List<ChatRequest> adapted = requests.stream().map(endpoint::adapt).toList();
    ResponseStore.Registered reg = store.register(run, adapted);
    Map<String, String> failedBefore = store.failures(run, reg.ids());
    if (!failedBefore.isEmpty()) {
      Map.Entry<String, String> first = failedBefore.entrySet().iterator().next();
      note("submitting again " + failedBefore.size() + " requests that failed in an earlier run; the first, " + first.getKey()
          + ", failed with: " + first.getValue());
    }
    long t0 = System.nanoTime();
    String stopped = null;
    try (EndpointClient client = new EndpointClient(endpoint)) {
      int rounds = 0;
      int unchanged = 0;
      int doneBefore = reg.done();
      while (true) {
        List<ResponseStore.Submission> open = store.openSubmissions(run);
        if (!open.isEmpty()) {
          List<ResponseStore.Submission> created = new ArrayList<>();
          for (ResponseStore.Submission s : open) created.add(ensureCreated(client, s));
          pollUntilDone(client, created, reg, t0);
        }
        int doneNow = store.countDone(run, reg.ids());
        unchanged = doneNow > doneBefore || rounds == 0 ? 0 : unchanged + 1;
        doneBefore = doneNow;
        List<ChatRequest> pending = store.pending(run, reg.ids());
        if (pending.isEmpty()) break;
        if (rounds >= maxRounds) {
          stopped = "the limit of " + maxRounds + " batch rounds was reached with " + pending.size() + " requests unanswered:"
              + " run again (or raise --max-rounds) to submit them again";
          break;
        }
        if (unchanged >= 2) {
          String why = store.failures(run, reg.ids()).values().stream().findFirst().orElse("no reason given");
          stopped = "two batch rounds in a row answered none of the " + pending.size() + " requests left; the last failure: " + why;
          break;
        }
        rounds++;
        if (rounds > 1) note("round " + rounds + " of at most " + maxRounds + ": submitting again " + pending.size() + " requests without an answer");
        for (List<ChatRequest> part : split(pending)) {
          store.createSubmission(UUID.randomUUID().toString(), run, part.get(0).model(), part);
        }
      }
      int doneAfter = store.countDone(run, reg.ids());
      Map<String, String> failures = new LinkedHashMap<>();
      store.failures(run, reg.ids()).entrySet().stream().limit(20).forEach(e -> failures.put(e.getKey(), e.getValue()));
      if (stopped != null) note("stopping: " + stopped);
      return new RunResult(run, reg.total(), reg.done(), doneAfter - reg.done(), reg.total() - doneAfter,
          client.retries.get(), Duration.ofNanos(System.nanoTime() - t0), failures, reg.ids(), stopped, List.of());
    }
  }

  /** Splits requests by model, then into parts under the line and byte limits, in order. */
  List<List<ChatRequest>> split(List<ChatRequest> requests) {
    Map<String, List<ChatRequest>> byModel = new LinkedHashMap<>();
    for (ChatRequest r : requests) byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
    List<List<ChatRequest>> parts = new ArrayList<>();
    for (List<ChatRequest> reqs : byModel.values()) {
      List<ChatRequest> cur = new ArrayList<>();
      long bytes = 0;
      for (ChatRequest r : reqs) {
        long len = r.toLine().getBytes(StandardCharsets.UTF_8).length + 1L;
        if (len > maxBytes) {
          throw new LlmException("request " + r.customId() + " is " + len + " bytes, more than the batch limit of " + maxBytes);
        }
        if (!cur.isEmpty() && (cur.size() >= maxLines || bytes + len > maxBytes)) {
          parts.add(cur);
          cur = new ArrayList<>();
          bytes = 0;
        }
        cur.add(r);
        bytes += len;
      }
      if (!cur.isEmpty()) parts.add(cur);
    }
    return parts;
  }

  /** Brings a submission to the state "created" (with a batch id), reattaching when possible. */
  private ResponseStore.Submission ensureCreated(EndpointClient client, ResponseStore.Submission s) {
    if (s.batchId() != null) return s;
    OpenAIClient api = client.primary();
    String fileId = s.inputFileId();
    if (fileId != null) {
      // a crash may have come between creating the batch and storing its id: look for it first
      Optional<Batch> existing;
      try {
        existing = client.withRetries("list batches", () -> findByPart(api, s.key(), s.createdAt()));
      } catch (LlmException e) {
        if (e.statusCode() == 404) {
          // no Batch API at this server: the batch cannot exist there
          store.abandonSubmission(s.key(), "the server has no Batch API: " + e.getMessage());
        }
        throw e;
      }
      if (existing.isPresent()) {
        store.updateSubmission(s.key(), "created", null, existing.get().id(), existing.get().status().toString());
        note("reattached to batch " + existing.get().id() + " of part " + s.key());
        return withBatch(s, existing.get().id());
      }
    } else {
      List<ChatRequest> lines = store.submissionRequests(s.key());
      StringBuilder sb = new StringBuilder();
      for (ChatRequest r : lines) sb.append(r.toLine()).append('\n');
      byte[] content = sb.toString().getBytes(StandardCharsets.UTF_8);
      FileObject file;
      try {
        file = client.withRetries("upload batch input", () -> api.files().create(FileCreateParams.builder()
            .file(content).purpose(FilePurpose.BATCH).build()));
      } catch (RuntimeException e) {
        // without an input file no batch can exist: any run may ask these requests again
        store.abandonSubmission(s.key(), "batch input upload failed: " + e.getMessage());
        throw e;
      }
      fileId = file.id();
      store.updateSubmission(s.key(), "uploaded", fileId, null, null);
    }
    final String input = fileId;
    BatchCreateParams.Metadata.Builder meta = BatchCreateParams.Metadata.builder();
    metadata.forEach((k, v) -> meta.putAdditionalProperty(k, JsonValue.from(v)));
    meta.putAdditionalProperty(META_RUN, JsonValue.from(run));
    meta.putAdditionalProperty(META_PART, JsonValue.from(s.key()));
    BatchCreateParams params = BatchCreateParams.builder().inputFileId(input)
        .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS)
        .completionWindow(BatchCreateParams.CompletionWindow._24H).metadata(meta.build()).build();
    int[] attempts = {0};
    Batch batch;
    try {
      batch = client.withRetries("create batch", () -> {
        // a create that failed on the wire may still have happened: look before creating again
        Optional<Batch> again = attempts[0]++ == 0 ? Optional.empty() : findByPart(api, s.key(), s.createdAt());
        return again.orElseGet(() -> api.batches().create(params));
      });
    } catch (LlmException e) {
      // refused outright (not a timeout, after which it may exist): the batch was not created
      if (attempts[0] == 1 && e.statusCode() >= 400 && e.statusCode() < 500 && !RetryPolicy.retryableStatus(e.statusCode())) {
        store.abandonSubmission(s.key(), "the server refused to create the batch: " + e.getMessage());
      }
      throw e;
    }
    store.updateSubmission(s.key(), "created", null, batch.id(), batch.status().toString());
    note("created batch " + batch.id() + " (" + s.lineCount() + " requests, model " + s.model() + ")");
    return withBatch(s, batch.id());
  }

  private static ResponseStore.Submission withBatch(ResponseStore.Submission s, String batchId) {
    return new ResponseStore.Submission(s.key(), s.run(), s.model(), "created", s.inputFileId(), batchId,
        s.batchStatus(), s.lineCount(), s.createdAt());
  }

  /** The batch whose metadata names this part, among those created since the part was recorded (newest first). */
  private Optional<Batch> findByPart(OpenAIClient api, String key, String partCreatedAt) {
    long since = java.time.Instant.parse(partCreatedAt).getEpochSecond() - 600; // clock skew margin
    for (Batch b : api.batches().list(BatchListParams.builder().limit(100).build()).autoPager()) {
      if (b.metadata().isPresent()) {
        JsonValue v = b.metadata().get()._additionalProperties().get(META_PART);
        if (v != null && key.equals(v.asString().orElse(null))) return Optional.of(b);
      }
      if (b.createdAt() < since) break;
    }
    return Optional.empty();
  }

  private void pollUntilDone(EndpointClient client, List<ResponseStore.Submission> subs,
      ResponseStore.Registered before, long t0) {
    OpenAIClient api = client.primary();
    List<ResponseStore.Submission> active = new ArrayList<>(subs);
    Duration wait = pollInitial;
    while (!active.isEmpty()) {
      Map<String, Integer> phases = new TreeMap<>();
      long inBatchesDone = 0;
      for (var it = active.iterator(); it.hasNext(); ) {
        ResponseStore.Submission s = it.next();
        Batch b = client.withRetries("retrieve batch " + s.batchId(),
            () -> api.batches().retrieve(BatchRetrieveParams.builder().batchId(s.batchId()).build()));
        String status = b.status().toString();
        phases.merge(status, 1, Integer::sum);
        if (isTerminal(status)) {
          ingest(client, s, b, status);
          it.remove();
        } else {
          if (!status.equals(s.batchStatus())) store.updateSubmission(s.key(), "created", null, null, status);
          inBatchesDone += b.requestCounts().map(c -> c.completed()).orElse(0L);
        }
      }
      Progress p = new Progress(before.total(), before.done(), store.countDone(run, before.ids()), 0, client.retries.get(),
          Duration.ofNanos(System.nanoTime() - t0), "batches " + phases,
          (inBatchesDone > 0 ? inBatchesDone + " lines finished in open batches" + (active.isEmpty() ? "" : ", ") : "")
          + (active.isEmpty() ? "" : "next poll in " + Progress.clock(wait)));
      ProgressReporter.report(p, listener, err);
      if (active.isEmpty()) break;
      SimulatedServer.sleep(wait);
      long next = Math.min(pollMax.toMillis(), Math.max(1, (long) (wait.toMillis() * 1.5)));
      wait = Duration.ofMillis(next);
    }
  }

  private static boolean isTerminal(String status) {
    return status.equals("completed") || status.equals("expired") || status.equals("failed") || status.equals("cancelled");
  }

  private void ingest(EndpointClient client, ResponseStore.Submission s, Batch b, String status) {
    List<ChatResponse> answers = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    java.util.Set<String> mine = new java.util.HashSet<>();
    for (ChatRequest r : store.submissionRequests(s.key())) mine.add(r.customId());
    for (Optional<String> fileId : List.of(b.outputFileId(), b.errorFileId())) {
      if (fileId.isEmpty()) continue;
      String text = client.withRetries("download file " + fileId.get(), () -> download(client.primary(), fileId.get()));
      BatchResults results = BatchResults.parse(text, "batch " + b.id() + " file " + fileId.get());
      for (ChatResponse a : results.answers()) if (mine.contains(a.customId())) answers.add(a);
      results.failures().forEach((id, why) -> {
        if (mine.contains(id)) failures.put(id, "batch " + b.id() + ": " + why);
      });
    }
    if (status.equals("failed") && b.errors().isPresent()) {
      String why = b.errors().get().data().map(d -> d.stream().map(e -> e.message().orElse("?")).toList().toString()).orElse("failed");
      for (String id : mine) failures.putIfAbsent(id, "batch " + b.id() + " failed: " + why);
    }
    store.finishSubmission(s.key(), run, b.id(), status, answers, failures);
    note("batch " + b.id() + " " + status + ": " + answers.size() + " answers, " + (s.lineCount() - answers.size()) + " to ask again");
  }

  private static String download(OpenAIClient api, String fileId) {
    try (HttpResponse r = api.files().content(FileContentParams.builder().fileId(fileId).build());
         InputStream in = r.body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void note(String message) {
    if (err != null) err.println("batch: " + message);
  }

  /**
   * Stores the results of a batch output file made elsewhere (e.g. by vLLM's
   * {@code run_batch} from a file written with {@link BatchResults#writeInput}); requests must be
   * registered in the run. Returns how many answers were new.
   */
  public static int importResults(ResponseStore store, String run, Path outputFile) {
    BatchResults results = BatchResults.read(outputFile);
    try (ResponseStore.Writing w = store.beginWriting("import of " + outputFile.getFileName() + " into run '" + run + "'")) {
      int n = 0;
      for (ChatResponse a : results.answers()) if (store.recordAnswer(run, a, null)) n++;
      results.failures().forEach((id, why) -> store.recordFailure(run, id, outputFile.getFileName() + ": " + why));
      return n;
    }
  }

  /** Settings of a batch run. */
  public static final class Builder extends RunBuilder<Builder> {
    private int maxLines = 50_000;
    private long maxBytes = 200L * 1024 * 1024;
    private Duration pollInitial = Duration.ofSeconds(2);
    private Duration pollMax = Duration.ofMinutes(2);
    private int maxRounds = 10;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(Endpoint endpoint, ResponseStore store, String run) {
      super(endpoint, store, run);
      metadata.put("description", "mcalign run " + run);
    }

    /** Per-batch limits (the API's: 50,000 lines, 200 MB). */
    public Builder limits(int maxLines, long maxBytes) {
      this.maxLines = maxLines;
      this.maxBytes = maxBytes;
      return this;
    }

    /** First and longest wait between polls (the wait grows by half each poll). */
    public Builder polling(Duration initial, Duration max) {
      this.pollInitial = initial;
      this.pollMax = max;
      return this;
    }

    /**
     * How many times requests without an answer are submitted in all (default 10); a run also
     * stops when two rounds in a row answer nothing.
     */
    public Builder maxRounds(int n) {
      this.maxRounds = n;
      return this;
    }

    /** Extra metadata on every batch (the OpenAI console shows it). */
    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public BatchRun build() {
      return new BatchRun(this);
    }
  }
}
