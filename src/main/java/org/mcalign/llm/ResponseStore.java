package org.mcalign.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcalign.data.IoMessages;
import org.mcalign.data.Lease;
import org.mcalign.data.LeaseHeldException;

/**
 * The durable record of every request of a run and its answer: an SQLite database in WAL
 * mode, one row per request with its custom_id, its content key (the body's hash and
 * occurrence, {@link ContentKeys}), status, the answer's JSON, token usage, timestamps and the
 * batch it went in. Within a run a request is found by its content, so a filtered, reordered or
 * extended request list reuses every stored answer; a changed body is a new request. Every
 * answer is committed in its own transaction when it arrives, so a crash loses at most the
 * answers still on the wire; a rerun asks only for what is missing. Stores written before
 * content keys are migrated when opened, keeping every answer ({@link StoreSchema}). Thread-safe.
 *
 * <p>One process writes a store at a time: a run takes the store's writer lease
 * ({@link #beginWriting}, an OS lock on {@code STORE.lock} beside it) before it registers or
 * sends anything, and a second process is refused at once with the holder's pid, host and start
 * time ({@link LeaseHeldException}); the lease of a killed process is free again at once.
 * Readers need no lease and read consistent snapshots ({@link #snapshot}).
 */
public final class ResponseStore implements AutoCloseable {
  /** State of one request. */
  public enum Status { PENDING, DONE, FAILED }

  /** One stored answer, in request-file order. */
  public record StoredAnswer(String customId, String model, String bodyJson, String responseJson,
      long promptTokens, long completionTokens, String answeredAt, String batchId) {
    public ChatResponse response() {
      return ChatResponse.parse(customId, responseJson);
    }
  }

  /** Counts of a run's requests by state. */
  public record RunStatus(String run, int total, int done, int failed, int pending, long promptTokens, long completionTokens) {
    public boolean complete() {
      return total > 0 && done == total;
    }

    @Override
    public String toString() {
      return String.format("run %s: %,d requests, %,d answered, %,d failed, %,d not asked yet (%,d prompt + %,d completion tokens)",
          run, total, done, failed, pending, promptTokens, completionTokens);
    }
  }

  /** A run's answers, failures and counts read at one moment (one read transaction). */
  public record Snapshot(RunStatus status, List<StoredAnswer> answers, Map<String, String> failures) {}

  /** The writer lease of a store held by this object; closing it releases it (nested holds count). */
  public interface Writing extends AutoCloseable {
    @Override
    void close();
  }

  private final Path file;
  private final Connection conn;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private Lease lease;
  private int leaseHolds;

  private ResponseStore(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /** Opens (creating if needed) the store at {@code file}. */
  public static ResponseStore open(Path file) {
    if (Files.isDirectory(file)) throw new LlmException("response store " + file + " is a folder, expected a file (e.g. responses.db)");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        checkIsDatabase(s, file);
        s.execute("PRAGMA journal_mode=WAL");
        // NORMAL in WAL mode survives a killed process (the log is in the OS's hands at
        // commit); only a power cut can lose the last commits
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=10000");
        StoreSchema.create(s);
      }
      return new ResponseStore(file, c);
    } catch (SQLException e) {
      throw new LlmException("could not open response store " + file + ": " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new LlmException("could not open response store " + file + ": " + IoMessages.describe(e), e);
    }
  }

  /**
   * Opens a store that must exist already (for readers such as {@code export}): a missing file is
   * an error and is not created, nor is anything else written.
   */
  public static ResponseStore openExisting(Path file) {
    if (!Files.exists(file)) {
      throw new LlmException("no response store at " + file + ": nothing has been collected into it (check --store)");
    }
    if (Files.isDirectory(file)) throw new LlmException("response store " + file + " is a folder, expected a file");
    if (!Files.isReadable(file)) throw new LlmException("response store " + file + " cannot be read: permission denied");
    try {
      org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
      cfg.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
      cfg.setBusyTimeout(10000);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
      try (Statement s = c.createStatement()) {
        checkIsDatabase(s, file);
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('requests','submissions')")) {
          if (!rs.next() || rs.getInt(1) < 2) {
            c.close();
            throw new LlmException(file + " is an SQLite database but not a response store (it has no requests table)");
          }
        }
      }
      return new ResponseStore(file, c);
    } catch (SQLException e) {
      throw new LlmException("could not open response store " + file + ": " + e.getMessage(), e);
    }
  }

  /** Refuses a file that is not an SQLite database (before anything is written into it). */
  private static void checkIsDatabase(Statement s, Path file) throws SQLException {
    try {
      s.executeQuery("SELECT count(*) FROM sqlite_master").close();
    } catch (SQLException e) {
      s.getConnection().close();
      if (String.valueOf(e.getMessage()).contains("NOTADB") || String.valueOf(e.getMessage()).contains("not a database")) {
        throw new LlmException(file + " is not a response store: it is not an SQLite database (is it a CSV or JSONL file?)");
      }
      throw e;
    }
  }

  /**
   * Takes this store's writer lease for this object, or refuses at once when another process
   * (or another store object of this one) holds it ({@link LeaseHeldException}, naming the
   * holder). Re-entrant: a run started while the lease is held by the same object shares it.
   *
   * @param purpose what the writer does, shown to whoever is refused ("collect run 'x'")
   */
  public synchronized Writing beginWriting(String purpose) {
    if (lease == null) lease = Lease.acquire(lockFile(), "response store " + file, purpose);
    leaseHolds++;
    boolean[] closed = {false};
    return () -> {
      synchronized (ResponseStore.this) {
        if (closed[0]) return;
        closed[0] = true;
        if (--leaseHolds == 0) {
          lease.close();
          lease = null;
        }
      }
    };
  }

  /** Who is writing this store right now (for progress displays), if anyone. */
  public Optional<Lease.Holder> writer() {
    return Lease.holder(lockFile());
  }

  /** The lease's lock file beside the store ({@code STORE.lock}). */
  public Path lockFile() {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  /**
   * A run's counts, answers and failures read in one transaction: a reader never sees answers
   * newer than the counts, whatever a writer commits meanwhile.
   */
  public synchronized Snapshot snapshot(String run) {
    try {
      Snapshot[] out = new Snapshot[1];
      inTransaction(() -> out[0] = new Snapshot(status(run), answers(run), failures(run)));
      return out[0];
    } catch (SQLException e) {
      throw sqlFailure("read a snapshot of run " + run, e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * A request list as a run of the store holds it: the custom_id each request's content is
   * stored under (its own, unless the content was stored earlier under another id, or its id
   * names other content), in list order, and the counts of these requests.
   */
  public record Registered(String run, List<String> ids, int total, int done, int failed, int pending) {}

  /**
   * Adds the requests of a run whose content is not stored yet and finds those that are (by
   * content, whatever their custom_id: {@link ContentKeys}). A new request keeps its custom_id
   * unless the run already uses it for other content; then it is stored as
   * {@code id~hash}. Nothing already stored is changed.
   */
  public synchronized Registered register(String run, List<ChatRequest> requests) {
    try {
      Map<String, String> idOfKey = new HashMap<>();
      java.util.Set<String> usedIds = new java.util.HashSet<>();
      int maxSeq = -1;
      try (PreparedStatement q = conn.prepareStatement("SELECT custom_id, content_key, seq FROM requests WHERE run = ?")) {
        q.setString(1, run);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            usedIds.add(rs.getString(1));
            idOfKey.put(rs.getString(2), rs.getString(1));
            maxSeq = Math.max(maxSeq, rs.getInt(3));
          }
        }
      }
      List<String> keys = ContentKeys.of(requests);
      List<String> ids = new ArrayList<>(requests.size());
      List<ChatRequest> fresh = new ArrayList<>();
      List<String> freshKeys = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        ChatRequest r = requests.get(i);
        String stored = idOfKey.get(keys.get(i));
        if (stored == null) {
          stored = r.customId();
          if (usedIds.contains(stored)) stored = r.customId() + "~" + keys.get(i).substring(0, 12) + keys.get(i).substring(64);
          if (usedIds.contains(stored)) throw new LlmException("run '" + run + "' in " + file + ": cannot store request " + r.customId()
              + " under a free custom_id (tried " + stored + ")");
          usedIds.add(stored);
          idOfKey.put(keys.get(i), stored);
          fresh.add(stored.equals(r.customId()) ? r : r.withCustomId(stored));
          freshKeys.add(keys.get(i));
        }
        ids.add(stored);
      }
      final int firstSeq = maxSeq + 1;
      if (!fresh.isEmpty()) {
        String now = Instant.now().toString();
        inTransaction(() -> {
          try (PreparedStatement ins = conn.prepareStatement("INSERT INTO requests (run, custom_id, seq, model, body_hash, body,"
              + " status, created_at, updated_at, content_key) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            int seq = firstSeq;
            for (int i = 0; i < fresh.size(); i++) {
              ChatRequest r = fresh.get(i);
              ins.setString(1, run);
              ins.setString(2, r.customId());
              ins.setInt(3, seq++);
              ins.setString(4, r.model());
              ins.setString(5, r.bodyHash());
              ins.setString(6, r.bodyJson());
              ins.setString(7, Status.PENDING.name());
              ins.setString(8, now);
              ins.setString(9, now);
              ins.setString(10, freshKeys.get(i));
              ins.addBatch();
            }
            ins.executeBatch();
          }
        });
      }
      Map<String, Status> st = statuses(run);
      int done = 0, failed = 0;
      for (String id : ids) {
        Status x = st.get(id);
        if (x == Status.DONE) done++;
        else if (x == Status.FAILED) failed++;
      }
      return new Registered(run, List.copyOf(ids), ids.size(), done, failed, ids.size() - done - failed);
    } catch (SQLException e) {
      throw sqlFailure("register requests of run " + run, e);
    }
  }

  /**
   * The requests of {@code requests} (by content) that have no answer in the run, without
   * registering anything: what a run would send (for estimates and dry runs).
   */
  public synchronized List<ChatRequest> missing(String run, List<ChatRequest> requests) {
    java.util.Set<String> answered = new java.util.HashSet<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT content_key FROM requests WHERE run=? AND status='DONE'")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) answered.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw sqlFailure("list the answered requests of run " + run, e);
    }
    List<String> keys = ContentKeys.of(requests);
    List<ChatRequest> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) if (!answered.contains(keys.get(i))) out.add(requests.get(i));
    return out;
  }

  private Map<String, Status> statuses(String run) throws SQLException {
    Map<String, Status> out = new HashMap<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT custom_id, status FROM requests WHERE run=?")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), Status.valueOf(rs.getString(2)));
      }
    }
    return out;
  }

  /**
   * Of the stored requests {@code ids}, those without an answer that are not waiting in a batch,
   * in the order of {@code ids}.
   */
  public synchronized List<ChatRequest> pending(String run, List<String> ids) {
    Map<String, ChatRequest> open = new HashMap<>();
    for (ChatRequest r : pending(run)) open.put(r.customId(), r);
    List<ChatRequest> out = new ArrayList<>();
    for (String id : ids) {
      ChatRequest r = open.remove(id);
      if (r != null) out.add(r);
    }
    return out;
  }

  /** How many of the stored requests {@code ids} have an answer. */
  public synchronized int countDone(String run, List<String> ids) {
    try {
      Map<String, Status> st = statuses(run);
      int n = 0;
      for (String id : ids) if (st.get(id) == Status.DONE) n++;
      return n;
    } catch (SQLException e) {
      throw sqlFailure("count the answers of run " + run, e);
    }
  }

  /** Failures among the stored requests {@code ids}: custom_id → last error, in the order of {@code ids}. */
  public synchronized Map<String, String> failures(String run, List<String> ids) {
    Map<String, String> all = failures(run);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String id : ids) if (all.containsKey(id)) out.put(id, all.get(id));
    return out;
  }

  /** The stored answers of {@code ids} (custom_ids of the store, as {@link Registered#ids}), in order; null where none. */
  public synchronized List<ChatResponse> answersOf(String run, List<String> ids) {
    Map<String, String> json = new HashMap<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT custom_id, response FROM requests WHERE run=? AND status='DONE'")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) json.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw sqlFailure("read the answers of run " + run, e);
    }
    List<ChatResponse> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      String j = json.get(id);
      out.add(j == null ? null : ChatResponse.parse(id, j));
    }
    return out;
  }

  /**
   * Answers of the run cut off at their token limit ({@code finish_reason = length}) among
   * {@code ids} (all of the run when null), per model as requested.
   */
  public synchronized Map<String, List<String>> cutShort(String run, List<String> ids) {
    java.util.Set<String> wanted = ids == null ? null : new java.util.HashSet<>(ids);
    Map<String, List<String>> out = new java.util.TreeMap<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT custom_id, model FROM requests WHERE run=? AND status='DONE'"
        + " AND json_extract(response, '$.choices[0].finish_reason') = 'length' ORDER BY seq")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (wanted == null || wanted.contains(rs.getString(1))) out.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw sqlFailure("count the answers cut short in run " + run, e);
    }
  }

  /** The request stored under {@code customId}, as sent. */
  public synchronized Optional<ChatRequest> request(String run, String customId) {
    try (PreparedStatement q = conn.prepareStatement("SELECT body FROM requests WHERE run=? AND custom_id=?")) {
      q.setString(1, run);
      q.setString(2, customId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(ChatRequest.of(customId, rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw sqlFailure("read request " + customId, e);
    }
  }

  /** A finished direct run's throughput, kept for the GPU-time estimates of later dry runs. */
  public record RunRate(String model, int endpoints, int concurrency, int answered, long completionTokens, double seconds) {
    public double answersPerSecond() {
      return seconds > 0 ? answered / seconds : 0;
    }

    public double tokensPerSecond() {
      return seconds > 0 ? completionTokens / seconds : 0;
    }
  }

  /** Records a finished direct run's throughput (runs of fewer than 20 answers say little and are skipped). */
  public synchronized void recordRate(String run, RunRate rate) {
    if (rate.answered() < 20 || rate.seconds() <= 0) return;
    try (PreparedStatement ins = conn.prepareStatement("INSERT INTO run_log (run, model, endpoints, concurrency, answered,"
        + " completion_tokens, seconds, finished_at) VALUES (?,?,?,?,?,?,?,?)")) {
      ins.setString(1, run);
      ins.setString(2, rate.model());
      ins.setInt(3, rate.endpoints());
      ins.setInt(4, rate.concurrency());
      ins.setInt(5, rate.answered());
      ins.setLong(6, rate.completionTokens());
      ins.setDouble(7, rate.seconds());
      ins.setString(8, Instant.now().toString());
      ins.executeUpdate();
    } catch (SQLException e) {
      throw sqlFailure("record the rate of run " + run, e);
    }
  }

  /** The most recent measured rate of {@code model} in this store, if a run of it was logged. */
  public synchronized Optional<RunRate> measuredRate(String model) {
    try (PreparedStatement q = conn.prepareStatement("SELECT model, endpoints, concurrency, answered, completion_tokens, seconds"
        + " FROM run_log WHERE model=? ORDER BY finished_at DESC LIMIT 1")) {
      q.setString(1, model);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(new RunRate(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
            rs.getDouble(6))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw sqlFailure("read the measured rate of " + model, e);
    }
  }

  /** Mean completion tokens of the run's answers by {@code model}, if it has any. */
  public synchronized java.util.OptionalDouble meanCompletionTokens(String run, String model) {
    try (PreparedStatement q = conn.prepareStatement("SELECT avg(completion_tokens) FROM requests WHERE run=? AND model=? AND status='DONE'")) {
      q.setString(1, run);
      q.setString(2, model);
      try (ResultSet rs = q.executeQuery()) {
        double v = rs.next() ? rs.getDouble(1) : 0;
        return rs.wasNull() || v <= 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v);
      }
    } catch (SQLException e) {
      throw sqlFailure("read the answer lengths of run " + run, e);
    }
  }

  /** Requests of the run without an answer that are not waiting in a batch, in file order. */
  public synchronized List<ChatRequest> pending(String run) {
    List<ChatRequest> out = new ArrayList<>();
    try (PreparedStatement q = conn.prepareStatement(
        "SELECT custom_id, body FROM requests WHERE run = ? AND status <> 'DONE' AND submission IS NULL ORDER BY seq")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) out.add(ChatRequest.of(rs.getString(1), rs.getString(2)));
      }
      return out;
    } catch (SQLException e) {
      throw sqlFailure("list pending requests of run " + run, e);
    }
  }

  /**
   * Stores an answer in its own transaction. Returns false (and keeps the first) when the
   * request was already answered.
   */
  public synchronized boolean recordAnswer(String run, ChatResponse response, String batchId) {
    try {
      ChatResponse.Usage u = response.usage();
      String now = Instant.now().toString();
      PreparedStatement up = cached("UPDATE requests SET status='DONE', response=?, error=NULL,"
          + " prompt_tokens=?, completion_tokens=?, attempts=attempts+1, batch_id=COALESCE(?, batch_id),"
          + " submission=NULL, updated_at=?, answered_at=? WHERE run=? AND custom_id=? AND status<>'DONE'");
      up.setString(1, response.json());
      up.setLong(2, u.promptTokens());
      up.setLong(3, u.completionTokens());
      up.setString(4, batchId);
      up.setString(5, now);
      up.setString(6, now);
      up.setString(7, run);
      up.setString(8, response.customId());
      int n = up.executeUpdate();
      if (n == 0) ensureKnown(run, response.customId());
      return n == 1;
    } catch (SQLException e) {
      throw sqlFailure("store the answer to " + response.customId() + " of run " + run, e);
    }
  }

  /** Marks a request as failed (a rerun, in any mode, asks it again) with the reason, redacted of keys. */
  public synchronized void recordFailure(String run, String customId, String error) {
    try {
      PreparedStatement up = cached("UPDATE requests SET status='FAILED', error=?, attempts=attempts+1,"
          + " submission=NULL, updated_at=? WHERE run=? AND custom_id=? AND status<>'DONE'");
      up.setString(1, Secret.redact(error));
      up.setString(2, Instant.now().toString());
      up.setString(3, run);
      up.setString(4, customId);
      up.executeUpdate();
    } catch (SQLException e) {
      throw sqlFailure("record the failure of " + customId + " of run " + run, e);
    }
  }

  private void ensureKnown(String run, String customId) throws SQLException {
    try (PreparedStatement q = conn.prepareStatement("SELECT 1 FROM requests WHERE run=? AND custom_id=?")) {
      q.setString(1, run);
      q.setString(2, customId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) throw new LlmException("answer for unknown request " + customId + " in run " + run + " of " + file);
      }
    }
  }

  /** The stored answer to one request, if any. */
  public synchronized Optional<ChatResponse> answer(String run, String customId) {
    try (PreparedStatement q = conn.prepareStatement("SELECT response FROM requests WHERE run=? AND custom_id=? AND status='DONE'")) {
      q.setString(1, run);
      q.setString(2, customId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(ChatResponse.parse(customId, rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw sqlFailure("read the answer to " + customId, e);
    }
  }

  /** All answers of a run in request-file order. */
  public synchronized List<StoredAnswer> answers(String run) {
    List<StoredAnswer> out = new ArrayList<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT custom_id, model, body, response, prompt_tokens,"
        + " completion_tokens, answered_at, batch_id FROM requests WHERE run=? AND status='DONE' ORDER BY seq")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw sqlFailure("read the answers of run " + run, e);
    }
  }

  /**
   * A run's answers as a table for notebooks: {@code custom_id, model, prompt, response}
   * (the text, or the first tool call's arguments), token counts and {@code answered_at}.
   */
  public tech.tablesaw.api.Table table(String run) {
    List<StoredAnswer> answers = answers(run);
    tech.tablesaw.api.StringColumn id = tech.tablesaw.api.StringColumn.create("custom_id");
    tech.tablesaw.api.StringColumn model = tech.tablesaw.api.StringColumn.create("model");
    tech.tablesaw.api.StringColumn prompt = tech.tablesaw.api.StringColumn.create("prompt");
    tech.tablesaw.api.StringColumn response = tech.tablesaw.api.StringColumn.create("response");
    tech.tablesaw.api.LongColumn in = tech.tablesaw.api.LongColumn.create("prompt_tokens");
    tech.tablesaw.api.LongColumn out = tech.tablesaw.api.LongColumn.create("completion_tokens");
    tech.tablesaw.api.StringColumn at = tech.tablesaw.api.StringColumn.create("answered_at");
    for (StoredAnswer a : answers) {
      ChatResponse r = a.response();
      id.append(a.customId());
      model.append(a.model());
      prompt.append(ChatRequest.of(a.customId(), a.bodyJson()).prompt());
      response.append(r.content().orElseGet(() -> r.toolCalls().isEmpty() ? "" : r.toolCalls().get(0).argumentsJson()));
      in.append(a.promptTokens());
      out.append(a.completionTokens());
      at.append(a.answeredAt());
    }
    return tech.tablesaw.api.Table.create(run, id, model, prompt, response, in, out, at);
  }

  /** Failures of a run: custom_id → last error. */
  public synchronized Map<String, String> failures(String run) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT custom_id, error FROM requests WHERE run=? AND status='FAILED' ORDER BY seq")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getString(2));
      }
      return out;
    } catch (SQLException e) {
      throw sqlFailure("read the failures of run " + run, e);
    }
  }

  public synchronized RunStatus status(String run) {
    try (PreparedStatement q = conn.prepareStatement("SELECT count(*), sum(status='DONE'), sum(status='FAILED'),"
        + " sum(status='PENDING'), coalesce(sum(prompt_tokens),0), coalesce(sum(completion_tokens),0) FROM requests WHERE run=?")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return new RunStatus(run, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getLong(6));
      }
    } catch (SQLException e) {
      throw sqlFailure("read the status of run " + run, e);
    }
  }

  /** Names of the runs in this store. */
  public synchronized List<String> runs() {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT run FROM requests ORDER BY run")) {
      while (rs.next()) out.add(rs.getString(1));
      return out;
    } catch (SQLException e) {
      throw sqlFailure("list runs", e);
    }
  }

  // ---- batch submissions (used by BatchRun) ----

  /** A batch submission: a set of request lines sent as one batch. */
  record Submission(String key, String run, String model, String state, String inputFileId, String batchId,
      String batchStatus, int lineCount, String createdAt) {}

  /** Records a new submission and claims its requests, in one transaction (before anything is uploaded). */
  synchronized void createSubmission(String key, String run, String model, List<ChatRequest> lines) {
    try {
      String now = Instant.now().toString();
      inTransaction(() -> {
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO submissions"
            + " (key, run, model, state, line_count, created_at, updated_at) VALUES (?,?,?,'preparing',?,?,?)");
             PreparedStatement claim = conn.prepareStatement(
                 "UPDATE requests SET submission=?, updated_at=? WHERE run=? AND custom_id=? AND status<>'DONE'")) {
          ins.setString(1, key);
          ins.setString(2, run);
          ins.setString(3, model);
          ins.setInt(4, lines.size());
          ins.setString(5, now);
          ins.setString(6, now);
          ins.executeUpdate();
          for (ChatRequest r : lines) {
            claim.setString(1, key);
            claim.setString(2, now);
            claim.setString(3, run);
            claim.setString(4, r.customId());
            claim.addBatch();
          }
          claim.executeBatch();
        }
      });
    } catch (SQLException e) {
      throw sqlFailure("record batch submission " + key, e);
    }
  }

  synchronized void updateSubmission(String key, String state, String inputFileId, String batchId, String batchStatus) {
    try (PreparedStatement up = conn.prepareStatement("UPDATE submissions SET state=?, input_file_id=COALESCE(?, input_file_id),"
        + " batch_id=COALESCE(?, batch_id), batch_status=COALESCE(?, batch_status), updated_at=? WHERE key=?")) {
      up.setString(1, state);
      up.setString(2, inputFileId);
      up.setString(3, batchId);
      up.setString(4, batchStatus);
      up.setString(5, Instant.now().toString());
      up.setString(6, key);
      up.executeUpdate();
    } catch (SQLException e) {
      throw sqlFailure("update batch submission " + key, e);
    }
  }

  /** Submissions of a run that are not finished (to reattach after a crash). */
  synchronized List<Submission> openSubmissions(String run) {
    return submissions(run, "state NOT IN ('finished', 'abandoned')");
  }

  /**
   * Gives up a submission whose batch does not exist (never uploaded, or refused by the server):
   * its requests become failed with {@code why} and any mode asks them again. Returns how many.
   */
  synchronized int abandonSubmission(String key, String why) {
    try {
      int[] n = {0};
      inTransaction(() -> {
        try (PreparedStatement rel = conn.prepareStatement("UPDATE requests SET status='FAILED', error=?, submission=NULL,"
            + " updated_at=? WHERE submission=? AND status<>'DONE'")) {
          rel.setString(1, Secret.redact(why));
          rel.setString(2, Instant.now().toString());
          rel.setString(3, key);
          n[0] = rel.executeUpdate();
        }
        updateSubmission(key, "abandoned", null, null, null);
      });
      return n[0];
    } catch (SQLException e) {
      throw sqlFailure("abandon batch submission " + key, e);
    }
  }

  /**
   * Releases the run's submissions that a killed or failed batch run recorded but never uploaded
   * (nothing of them was sent, so nothing can be paid twice). Returns how many requests.
   */
  synchronized int releaseUnsent(String run) {
    int n = 0;
    for (Submission s : openSubmissions(run)) {
      if (s.state().equals("preparing")) {
        n += abandonSubmission(s.key(), "batch part " + s.key() + " was recorded by a batch run that stopped before uploading it");
      }
    }
    return n;
  }

  /** All submissions of a run (for reports). */
  public synchronized List<String> batchIds(String run) {
    List<String> out = new ArrayList<>();
    for (Submission s : submissions(run, "batch_id IS NOT NULL")) out.add(s.batchId());
    return out;
  }

  private List<Submission> submissions(String run, String where) {
    List<Submission> out = new ArrayList<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT key, run, model, state, input_file_id, batch_id, batch_status,"
        + " line_count, created_at FROM submissions WHERE run=? AND " + where + " ORDER BY created_at, key")) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new Submission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw sqlFailure("list batch submissions of run " + run, e);
    }
  }

  /** Requests claimed by a submission. */
  synchronized List<ChatRequest> submissionRequests(String key) {
    List<ChatRequest> out = new ArrayList<>();
    try (PreparedStatement q = conn.prepareStatement("SELECT custom_id, body FROM requests WHERE submission=? ORDER BY seq")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) out.add(ChatRequest.of(rs.getString(1), rs.getString(2)));
      }
      return out;
    } catch (SQLException e) {
      throw sqlFailure("list requests of batch submission " + key, e);
    }
  }

  /**
   * Stores the results of a finished batch in one transaction: answers, failures, and the
   * submission marked finished (so a crash in the middle leaves it to be read again).
   * Requests of the submission without a result are released to be asked again.
   */
  synchronized void finishSubmission(String key, String run, String batchId, String batchStatus,
      List<ChatResponse> answers, Map<String, String> failures) {
    try {
      inTransaction(() -> {
        for (ChatResponse a : answers) recordAnswer(run, a, batchId);
        for (Map.Entry<String, String> f : failures.entrySet()) recordFailure(run, f.getKey(), f.getValue());
        try (PreparedStatement rel = conn.prepareStatement("UPDATE requests SET status='FAILED', attempts=attempts+1,"
            + " error=?, submission=NULL, batch_id=?, updated_at=? WHERE submission=?")) {
          rel.setString(1, "no result for this line in batch " + batchId + " (status " + batchStatus + ")");
          rel.setString(2, batchId);
          rel.setString(3, Instant.now().toString());
          rel.setString(4, key);
          rel.executeUpdate();
        }
        updateSubmission(key, "finished", null, batchId, batchStatus);
      });
    } catch (SQLException e) {
      throw sqlFailure("store the results of batch " + batchId, e);
    }
  }

  // ----

  /** A prepared statement kept for the connection's life (the per-answer path prepares nothing). */
  private PreparedStatement cached(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  @FunctionalInterface
  private interface SqlBody {
    void run() throws SQLException;
  }

  private void inTransaction(SqlBody body) throws SQLException {
    boolean outer = conn.getAutoCommit();
    if (!outer) {
      body.run();
      return;
    }
    conn.setAutoCommit(false);
    try {
      body.run();
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(true);
    }
  }

  private LlmException sqlFailure(String what, SQLException e) {
    return new LlmException("response store " + file + ": could not " + what + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    if (lease != null) {
      lease.close();
      lease = null;
      leaseHolds = 0;
    }
    try {
      for (PreparedStatement ps : statements.values()) ps.close();
      statements.clear();
      conn.close();
    } catch (SQLException e) {
      throw sqlFailure("close", e);
    }
  }

  @Override
  public String toString() {
    return "ResponseStore[" + file + "]";
  }
}
