package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.BatchResults;
import org.mcalign.llm.ChatRequest;
import org.mcalign.llm.SimulatedServer;

class LlmCommandsTest {
  @TempDir Path dir;

  private record Out(int code, String stdout, String stderr) {}

  private static Out run(String... args) {
    CliRun r = CliRun.of(args);
    return new Out(r.code(), r.out(), r.err());
  }

  private Path requests(int n, String model, Integer maxTokens) {
    List<ChatRequest> reqs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ChatRequest.Builder b = ChatRequest.builder(model + "-answers-" + i).model(model).user("prompt number " + i);
      if (maxTokens != null) b.maxTokens(maxTokens);
      reqs.add(b.build());
    }
    Path f = dir.resolve(model + ".jsonl");
    BatchResults.writeInput(f, reqs);
    return f;
  }

  @Test
  void collectThenRerunThenExport() throws Exception {
    Path req = requests(50, "gpt-4o-mini", null);
    Path db = dir.resolve("s.db");
    try (SimulatedServer server = SimulatedServer.start()) {
      Out first = run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", db.toString(),
          "--concurrency", "4");
      assertEquals(0, first.code(), first.stderr());
      assertTrue(first.stdout().contains("50 answered"), first.stdout());
      assertTrue(first.stderr().contains("50 to send") && first.stderr().contains("cost USD"), first.stderr());
      Out again = run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", db.toString());
      assertEquals(0, again.code());
      assertTrue(again.stderr().contains("50 already answered in the store (found by content), 0 to send"), again.stderr());
      assertEquals(50, server.ledger().paidTotal());

      Path out = dir.resolve("answers.jsonl");
      Path csv = dir.resolve("answers.csv");
      Out ex = run("export", "--store", db.toString(), "--out", out.toString(), "--csv", csv.toString());
      assertEquals(0, ex.code(), ex.stderr());
      List<String> lines = Files.readAllLines(out);
      assertEquals(50, lines.size());
      assertTrue(lines.get(0).startsWith("{\"id\":\"mcalign-gpt-4o-mini-answers-0\",\"custom_id\":\"gpt-4o-mini-answers-0\",\"response\":{\"status_code\":200"));
      List<String> rows = Files.readAllLines(csv);
      assertEquals("prompt,model,response,custom_id", rows.get(0));
      assertTrue(rows.get(1).startsWith("prompt number 0,gpt-4o-mini,\"1. "), rows.get(1));
    }
  }

  @Test
  void batchModeThroughTheCommandLine() {
    Path req = requests(30, "gpt-4.1", null);
    try (SimulatedServer server = SimulatedServer.builder()
        .batchTiming(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(30), java.time.Duration.ofMillis(10)).start()) {
      Out o = run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", dir.resolve("b.db").toString(),
          "--mode", "batch", "--poll-seconds", "0.01", "--batch-max-lines", "10");
      assertEquals(0, o.code(), o.stderr());
      assertTrue(o.stderr().contains("Batch API"), o.stderr());
      assertEquals(3, server.ledger().events("batch-created"));
    }
  }

  /** A batch run at a server without the Batch API fails; the next direct run asks every request and says why. */
  @Test
  void requestsOfAFailedBatchRunAreAskedByTheNextDirectRun() {
    Path req = requests(20, "gpt-4.1", null);
    String db = dir.resolve("f.db").toString();
    try (SimulatedServer server = SimulatedServer.builder().batchApi(false).start()) {
      Out batch = run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", db, "--mode", "batch",
          "--poll-seconds", "0.01");
      assertEquals(1, batch.code(), batch.stderr());
      assertTrue(batch.stderr().contains("upload batch input") && batch.stderr().contains("HTTP 404"), batch.stderr());
      Out direct = run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", db);
      assertEquals(0, direct.code(), direct.stderr());
      assertTrue(direct.stderr().contains("asking again 20 requests that failed in an earlier run") && direct.stderr().contains(
          "batch input upload failed"), direct.stderr());
      assertTrue(direct.stdout().contains("20 answered"), direct.stdout());
      assertEquals(20, server.ledger().paidTotal());
    }
  }

  @Test
  void refusesAboveTheCostLimitAndSendsNothing() {
    Path req = requests(200, "gpt-4-turbo-2024-04-09", 1000);
    try (SimulatedServer server = SimulatedServer.start()) {
      Out o = run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", dir.resolve("c.db").toString(),
          "--max-cost", "1");
      assertEquals(3, o.code());
      assertTrue(o.stderr().contains("above the limit of $1.00"), o.stderr());
      assertEquals(0, server.ledger().events("chat"));
      Out yes = run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", dir.resolve("c.db").toString(),
          "--max-cost", "1", "--yes");
      assertEquals(0, yes.code(), yes.stderr());
    }
  }

  @Test
  void badRequestFileGivesOneClearLine() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"custom_id\":\"a\"}\n");
    Out o = run("collect", "--requests", bad.toString(), "--base-url", "http://127.0.0.1:9/v1", "--store", dir.resolve("x.db").toString());
    assertEquals(1, o.code());
    assertTrue(o.stderr().contains("bad.jsonl:1") && o.stderr().contains("body"), o.stderr());
  }

  @Test
  void exportJoinsThePapersPromptTable() throws Exception {
    Path data = Path.of(System.getenv().getOrDefault("MCA_DATA", "../shared/paper-data"));
    Path prompts = data.resolve("translated_prompts_with_english_no_controversy.csv");
    Path all = data.resolve("all-language-requests.jsonl");
    if (System.getenv("CI") == null) org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(prompts) && Files.exists(all));
    Path req = dir.resolve("paper.jsonl");
    Files.write(req, Files.readAllLines(all).subList(0, 12));
    try (SimulatedServer server = SimulatedServer.start()) {
      Path db = dir.resolve("p.db");
      assertEquals(0, run("collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", db.toString()).code());
      Path csv = dir.resolve("p.csv");
      Out o = run("export", "--store", db.toString(), "--csv", csv.toString(), "--prompts", prompts.toString());
      assertEquals(0, o.code(), o.stderr());
      List<Map<String, String>> rows = readCsv(csv);
      assertEquals(12, rows.size());
      List<String> header = new ArrayList<>(rows.get(0).keySet());
      assertEquals(List.of("index", "language", "template_type", "prompt", "topic", "question_key", "controversy", "cateogry",
          "question_name", "model", "response", "custom_id"), header);
      assertEquals("da", rows.get(0).get("language"));
      assertEquals("e235", rows.get(0).get("question_key"));
      assertEquals("0", rows.get(0).get("index"));
      assertEquals("11", rows.get(11).get("index"));
      assertEquals("gpt-3.5-turbo-0125", rows.get(0).get("model"));
    }
  }

  private static List<Map<String, String>> readCsv(Path f) throws Exception {
    // the export's own quoting is tested by reading it back with a separate minimal parser
    String text = Files.readString(f);
    List<List<String>> recs = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (q) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') q = false;
        else field.append(c);
      } else if (c == '"') q = true;
      else if (c == ',') {
        cur.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        cur.add(field.toString());
        field.setLength(0);
        recs.add(cur);
        cur = new ArrayList<>();
      } else field.append(c);
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (int r = 1; r < recs.size(); r++) {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int k = 0; k < recs.get(0).size(); k++) m.put(recs.get(0).get(k), recs.get(r).get(k));
      out.add(m);
    }
    return out;
  }
}
