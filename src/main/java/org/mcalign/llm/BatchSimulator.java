package org.mcalign.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/** The Files and Batches API of the {@link SimulatedServer}. */
final class BatchSimulator {
  private record StoredFile(String id, String filename, String purpose, byte[] content, long createdAt) {}

  private final class SimBatch {
    final String id;
    final String inputFileId;
    final String endpoint;
    final String window;
    final JsonNode metadata;
    final long createdNanos = System.nanoTime();
    final long createdAt = System.currentTimeMillis() / 1000;
    final boolean willExpire;
    String terminal; // completed | expired | failed | cancelled, once reached
    String outputFileId;
    String errorFileId;
    int total;
    int completed;
    int failed;
    String validationError;

    SimBatch(String id, String inputFileId, String endpoint, String window, JsonNode metadata, boolean willExpire) {
      this.id = id;
      this.inputFileId = inputFileId;
      this.endpoint = endpoint;
      this.window = window;
      this.metadata = metadata;
      this.willExpire = willExpire;
    }
  }

  private final SimulatedServer server;
  private final Duration validating;
  private final Duration inProgress;
  private final Duration finalizing;
  private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
  private final Map<String, SimBatch> batches = new LinkedHashMap<>();

  BatchSimulator(SimulatedServer server, Duration validating, Duration inProgress, Duration finalizing) {
    this.server = server;
    this.validating = validating;
    this.inProgress = inProgress;
    this.finalizing = finalizing;
  }

  void handle(HttpExchange ex, String method, String path, byte[] body) throws IOException {
    if (method.equals("POST") && !server.latency().isZero()) SimulatedServer.sleep(server.latency());
    String[] parts = path.substring(1).split("/");
    if (parts[0].equals("files")) {
      if (parts.length == 1 && method.equals("POST")) upload(ex, body);
      else if (parts.length == 2 && method.equals("GET")) fileObject(ex, parts[1]);
      else if (parts.length == 3 && parts[2].equals("content") && method.equals("GET")) fileContent(ex, parts[1]);
      else server.sendError(ex, 404, "not_found", "Unknown route " + method + " /v1" + path);
    } else {
      if (parts.length == 1 && method.equals("POST")) create(ex, body);
      else if (parts.length == 1 && method.equals("GET")) list(ex);
      else if (parts.length == 2 && method.equals("GET")) retrieve(ex, parts[1]);
      else if (parts.length == 3 && parts[2].equals("cancel") && method.equals("POST")) cancel(ex, parts[1]);
      else server.sendError(ex, 404, "not_found", "Unknown route " + method + " /v1" + path);
    }
  }

  // ---- files ----

  private void upload(HttpExchange ex, byte[] body) throws IOException {
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    Map<String, Multipart.Part> form;
    try {
      form = Multipart.parse(ct, body);
    } catch (IllegalArgumentException e) {
      server.sendError(ex, 400, "invalid_request_error", e.getMessage());
      return;
    }
    Multipart.Part file = form.get("file");
    Multipart.Part purpose = form.get("purpose");
    if (file == null || purpose == null) {
      server.sendError(ex, 400, "invalid_request_error", "multipart fields 'file' and 'purpose' are required");
      return;
    }
    StoredFile f = new StoredFile(server.nextId("file"), file.filename() == null ? "upload.jsonl" : file.filename(),
        new String(purpose.content(), StandardCharsets.UTF_8), file.content(), System.currentTimeMillis() / 1000);
    files.put(f.id(), f);
    server.ledger().event("file-upload");
    SimulatedServer.send(ex, 200, Json.write(fileJson(f)).getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode fileJson(StoredFile f) {
    return Json.object().put("id", f.id()).put("object", "file").put("bytes", f.content().length)
        .put("created_at", f.createdAt()).put("filename", f.filename()).put("purpose", f.purpose()).put("status", "processed");
  }

  private void fileObject(HttpExchange ex, String id) throws IOException {
    StoredFile f = files.get(id);
    if (f == null) server.sendError(ex, 404, "not_found", "No such File object: " + id);
    else SimulatedServer.send(ex, 200, Json.write(fileJson(f)).getBytes(StandardCharsets.UTF_8));
  }

  private void fileContent(HttpExchange ex, String id) throws IOException {
    StoredFile f = files.get(id);
    if (f == null) server.sendError(ex, 404, "not_found", "No such File object: " + id);
    else SimulatedServer.send(ex, 200, "application/octet-stream", f.content());
  }

  private String storeFile(String filename, String purpose, byte[] content) {
    StoredFile f = new StoredFile(server.nextId("file"), filename, purpose, content, System.currentTimeMillis() / 1000);
    files.put(f.id(), f);
    return f.id();
  }

  // ---- batches ----

  private void create(HttpExchange ex, byte[] body) throws IOException {
    JsonNode req;
    try {
      req = Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      server.sendError(ex, 400, "invalid_json", "We could not parse the JSON body of your request.");
      return;
    }
    String fileId = req.path("input_file_id").asText("");
    if (!files.containsKey(fileId)) {
      server.sendError(ex, 400, "invalid_request_error", "No such File object: " + fileId);
      return;
    }
    String window = req.path("completion_window").asText("");
    if (!window.equals("24h")) {
      server.sendError(ex, 400, "invalid_request_error", "completion_window must be '24h'");
      return;
    }
    SimBatch b = new SimBatch(server.nextId("batch"), fileId, req.path("endpoint").asText(), window,
        req.path("metadata").isObject() ? req.get("metadata") : Json.object(),
        server.draw(server.faults().expiringBatches()));
    synchronized (this) {
      batches.put(b.id, b);
    }
    server.ledger().event("batch-created");
    SimulatedServer.send(ex, 200, Json.write(view(b)).getBytes(StandardCharsets.UTF_8));
  }

  private void retrieve(HttpExchange ex, String id) throws IOException {
    SimBatch b;
    synchronized (this) {
      b = batches.get(id);
    }
    if (b == null) server.sendError(ex, 404, "not_found", "No such Batch object: " + id);
    else SimulatedServer.send(ex, 200, Json.write(view(b)).getBytes(StandardCharsets.UTF_8));
  }

  private void cancel(HttpExchange ex, String id) throws IOException {
    SimBatch b;
    synchronized (this) {
      b = batches.get(id);
      if (b != null && b.terminal == null) {
        String phase = phase(b);
        if (phase.equals("validating") || phase.equals("in_progress")) b.terminal = "cancelled";
      }
    }
    if (b == null) server.sendError(ex, 404, "not_found", "No such Batch object: " + id);
    else SimulatedServer.send(ex, 200, Json.write(view(b)).getBytes(StandardCharsets.UTF_8));
  }

  private void list(HttpExchange ex) throws IOException {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    int limit = Math.max(1, Math.min(100, Integer.parseInt(q.getOrDefault("limit", "20"))));
    String after = q.get("after");
    List<SimBatch> all;
    synchronized (this) {
      all = new ArrayList<>(batches.values());
    }
    java.util.Collections.reverse(all); // newest first, as OpenAI lists them
    int start = 0;
    if (after != null) {
      for (int i = 0; i < all.size(); i++) if (all.get(i).id.equals(after)) start = i + 1;
    }
    ObjectNode out = Json.object().put("object", "list");
    ArrayNode data = out.putArray("data");
    int end = Math.min(all.size(), start + limit);
    for (int i = start; i < end; i++) data.add(view(all.get(i)));
    out.put("first_id", data.isEmpty() ? null : data.get(0).path("id").asText());
    out.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).path("id").asText());
    out.put("has_more", end < all.size());
    SimulatedServer.send(ex, 200, Json.write(out).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new HashMap<>();
    if (raw == null) return m;
    for (String kv : raw.split("&")) {
      String[] p = kv.split("=", 2);
      m.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
    }
    return m;
  }

  private String phase(SimBatch b) {
    if (b.terminal != null) return b.terminal;
    long ms = (System.nanoTime() - b.createdNanos) / 1_000_000;
    if (ms < validating.toMillis()) return "validating";
    if (ms < validating.toMillis() + inProgress.toMillis()) return "in_progress";
    if (ms < validating.toMillis() + inProgress.toMillis() + finalizing.toMillis()) return b.willExpire ? "expired" : "finalizing";
    return b.willExpire ? "expired" : "completed";
  }

  /** The batch object as the API shows it now; runs the batch when its time has come. */
  private synchronized ObjectNode view(SimBatch b) {
    String phase = phase(b);
    if (b.terminal == null && (phase.equals("finalizing") || phase.equals("completed") || phase.equals("expired"))) {
      if (b.total == 0 && b.outputFileId == null && b.errorFileId == null && b.validationError == null) execute(b);
      if (b.validationError != null) b.terminal = "failed";
      else if (!phase.equals("finalizing")) b.terminal = phase;
      phase = phase(b);
    }
    ObjectNode o = Json.object();
    o.put("id", b.id).put("object", "batch").put("endpoint", b.endpoint);
    if (b.validationError != null) {
      ObjectNode errs = o.putObject("errors").put("object", "list");
      errs.putArray("data").addObject().put("code", "invalid_request").put("message", b.validationError);
    } else {
      o.putNull("errors");
    }
    o.put("input_file_id", b.inputFileId).put("completion_window", b.window).put("status", phase);
    boolean done = phase.equals("completed") || phase.equals("expired");
    if (done && b.outputFileId != null) o.put("output_file_id", b.outputFileId);
    else o.putNull("output_file_id");
    if (done && b.errorFileId != null) o.put("error_file_id", b.errorFileId);
    else o.putNull("error_file_id");
    o.put("created_at", b.createdAt);
    o.put("in_progress_at", b.createdAt);
    o.put("expires_at", b.createdAt + 86400);
    for (String f : List.of("finalizing_at", "completed_at", "failed_at", "expired_at", "cancelling_at", "cancelled_at")) o.putNull(f);
    long now = System.currentTimeMillis() / 1000;
    switch (phase) {
      case "completed" -> o.put("completed_at", now);
      case "expired" -> o.put("expired_at", now);
      case "failed" -> o.put("failed_at", now);
      case "cancelled" -> o.put("cancelled_at", now);
      default -> { }
    }
    o.putObject("request_counts").put("total", b.total).put("completed", b.completed).put("failed", b.failed);
    o.set("metadata", b.metadata);
    return o;
  }

  /** Runs every line of the batch: answers (paid), failing lines and, for an expiring batch, lines left undone. */
  private void execute(SimBatch b) {
    String[] lines = new String(files.get(b.inputFileId).content(), StandardCharsets.UTF_8).split("\n");
    List<JsonNode> parsed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      try {
        JsonNode n = Json.parse(lines[i]);
        String id = n.path("custom_id").asText("");
        if (id.isEmpty() || !n.path("body").isObject()) {
          b.validationError = "line " + (i + 1) + ": custom_id and body are required";
          return;
        }
        if (!seen.add(id)) {
          b.validationError = "line " + (i + 1) + ": duplicate custom_id " + id;
          return;
        }
        if (!n.path("url").asText().equals(b.endpoint)) {
          b.validationError = "line " + (i + 1) + ": url must match the batch endpoint " + b.endpoint;
          return;
        }
        parsed.add(n);
      } catch (JsonProcessingException e) {
        b.validationError = "line " + (i + 1) + ": invalid JSON";
        return;
      }
    }
    b.total = parsed.size();
    RandomGenerator rng = server.split();
    int cutoff = b.willExpire ? parsed.size() / 2 : parsed.size();
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      JsonNode n = parsed.get(i);
      String id = n.path("custom_id").asText();
      ObjectNode line = Json.object().put("id", server.nextId("batch_req")).put("custom_id", id);
      if (i >= cutoff) {
        server.ledger().event("batch-expired");
        line.putNull("response");
        line.putObject("error").put("code", "batch_expired")
            .put("message", "This request could not be executed before the completion window expired.");
        err.add(Json.write(line));
        b.failed++;
      } else if (server.draw(server.faults().failingBatchLines())) {
        server.ledger().event("batch-line-fail");
        ObjectNode resp = line.putObject("response").put("status_code", 500).put("request_id", server.nextId("req"));
        resp.putObject("body").putObject("error").put("message", "The server had an error processing this line.")
            .put("type", "server_error");
        line.putNull("error");
        err.add(Json.write(line));
        b.failed++;
      } else {
        String completion = server.completion(n.path("body"));
        server.ledger().paid(id);
        ObjectNode resp = line.putObject("response").put("status_code", 200).put("request_id", server.nextId("req"));
        try {
          resp.set("body", Json.parse(completion));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
        line.putNull("error");
        out.add(Json.write(line));
        b.completed++;
      }
    }
    // the Batch API does not keep input order: neither do we
    java.util.Collections.shuffle(out, new java.util.Random(rng.nextLong()));
    if (!out.isEmpty()) b.outputFileId = storeFile(b.id + "_output.jsonl", "batch_output", (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
    if (!err.isEmpty()) b.errorFileId = storeFile(b.id + "_error.jsonl", "batch_output", (String.join("\n", err) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
