package org.mcalign.llm;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.CsvRows;

/**
 * Writes a run's answers: JSONL in the Batch API's output format (one line per request:
 * {@code custom_id} and the response body; the paper's scripts read it as is), and CSV in
 * the paper's {@code all_prompts_responses_*.csv} layout (the prompt table's columns, then
 * {@code model}, {@code response}, and {@code custom_id}).
 */
public final class Export {
  private Export() {}

  /** Writes one line per answered request, in request-file order; returns the count. */
  public static int jsonl(ResponseStore store, String run, Path out) {
    return write(store, run, Optional.of(out), Optional.empty(), Optional.empty()).answers().size();
  }

  /**
   * Writes the answers as CSV. With the paper's prompt table, each answer is matched to its
   * prompt row by the prompt text (identical prompts in file order), and the row's columns
   * come first; without it, the columns are {@code prompt, model, response, custom_id}.
   * A tool-call answer's response is the JSON of its arguments.
   */
  public static int csv(ResponseStore store, String run, Path out, Optional<Path> promptTable) {
    return write(store, run, Optional.empty(), Optional.of(out), promptTable).answers().size();
  }

  /**
   * Writes the JSONL and/or the CSV from one snapshot of the store (both hold the same answers,
   * whatever a running collection adds meanwhile), and publishes them together: both are
   * written completely before either replaces an older file. Returns the snapshot written.
   */
  public static ResponseStore.Snapshot write(ResponseStore store, String run, Optional<Path> jsonl, Optional<Path> csv,
      Optional<Path> promptTable) {
    ResponseStore.Snapshot snap = store.snapshot(run);
    Map<Path, AtomicFiles.TextBody> files = new LinkedHashMap<>();
    jsonl.ifPresent(p -> files.put(p, jsonlBody(snap.answers())));
    csv.ifPresent(p -> files.put(p, csvBody(snap.answers(), promptTable)));
    AtomicFiles.writeAllText(files);
    return snap;
  }

  private static AtomicFiles.TextBody jsonlBody(List<ResponseStore.StoredAnswer> answers) {
    return w -> {
      for (ResponseStore.StoredAnswer a : answers) {
        w.write("{\"id\":" + Json.write("mcalign-" + a.customId()) + ",\"custom_id\":" + Json.write(a.customId())
            + ",\"response\":{\"status_code\":200,\"request_id\":" + Json.write(a.batchId() == null ? "" : a.batchId())
            + ",\"body\":" + a.responseJson() + "},\"error\":null}\n");
      }
    };
  }

  private static AtomicFiles.TextBody csvBody(List<ResponseStore.StoredAnswer> answers, Optional<Path> promptTable) {
    List<String> promptColumns = new ArrayList<>();
    Map<String, Map<String, Deque<Map<String, String>>>> rowsByModelAndText = new HashMap<>();
    List<Map<String, String>> table = new ArrayList<>();
    promptTable.ifPresent(p -> {
      CsvRows rows = CsvRows.read(p).require("the paper's prompt table with columns prompt and topic", "prompt", "topic");
      if (!rows.rows().isEmpty()) promptColumns.addAll(rows.header());
      rows.rows().forEach(r -> table.add(r.values()));
    });
    return w -> {
      List<String> header = new ArrayList<>(promptColumns);
      if (promptColumns.isEmpty()) header.add("prompt");
      header.addAll(List.of("model", "response", "custom_id"));
      CsvOut.writeRow(w, header);
      for (ResponseStore.StoredAnswer a : answers) {
        ChatRequest req = ChatRequest.of(a.customId(), a.bodyJson());
        ChatResponse resp = a.response();
        String response = resp.content().orElseGet(() ->
            resp.toolCalls().isEmpty() ? "" : resp.toolCalls().get(0).argumentsJson());
        List<String> row = new ArrayList<>();
        if (promptColumns.isEmpty()) {
          row.add(req.prompt());
        } else {
          Map<String, Deque<Map<String, String>>> byText = rowsByModelAndText.computeIfAbsent(a.model(), m -> {
            Map<String, Deque<Map<String, String>>> idx = new HashMap<>();
            for (Map<String, String> r : table) {
              idx.computeIfAbsent(PromptCatalog.filled(r.get("prompt"), r.get("topic")), k -> new ArrayDeque<>()).add(r);
            }
            return idx;
          });
          Deque<Map<String, String>> candidates = byText.get(req.prompt());
          Map<String, String> match = candidates == null ? null : candidates.poll();
          for (String c : promptColumns) row.add(match == null ? "" : match.get(c));
        }
        row.add(a.model());
        row.add(response);
        row.add(a.customId());
        CsvOut.writeRow(w, row);
      }
    };
  }
}
