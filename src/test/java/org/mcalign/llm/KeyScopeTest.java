package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.cli.Main;
import org.mcalign.prompts.PaperData;

/**
 * Keys go where they belong, and nowhere else: real {@code mcalign} processes with
 * {@code OPENAI_API_KEY} and {@code MCA_VLLM_API_KEY} set talk to a server (not OpenAI's host)
 * that refuses them and echoes the request's headers, key included, in its error. The OpenAI
 * key never reaches that server; the vLLM key does, and appears in no message, log, store or file.
 */
class KeyScopeTest {
  static final String OPENAI = "fake-openai-SCOPE-5a4b3c2d1e0f9988";
  static final String VLLM = "fake-vllm-SCOPE-77aa66bb55cc44dd";
  static final String SERVER = "fake-server-only-key-0011223344";

  @TempDir Path dir;

  private int child(Path log, Map<String, String> env, String... args) throws Exception {
    Process p = ChildJvm.start(dir, log, env, args);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child did not finish");
    return p.exitValue();
  }

  @Test
  void theOpenAiKeyStaysWithOpenAiAndEchoedKeysAreRedactedEverywhere() throws Exception {
    Path data = PaperData.dir();
    Path prompts = PaperData.surveyPrompts(6, dir.resolve("prompts.csv"));
    Path responses = dir.resolve("responses.csv");
    try (SimulatedServer open = SimulatedServer.start()) { // inputs for classify, made without any key
      assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it", "--base-url",
          open.baseUrl(), "--store", dir.resolve("inputs.db").toString(), "--yes", "--out", responses.toString()));
    }
    Path req = dir.resolve("requests.jsonl");
    BatchResults.writeInput(req, TestRequests.answers(5, "gemma"));
    Path log = dir.resolve("mcalign.log");
    Map<String, String> env = Map.of("OPENAI_API_KEY", OPENAI, Endpoint.VLLM_KEY_NAME, VLLM);
    try (SimulatedServer server = SimulatedServer.builder().requireKey(Secret.of(SERVER, "test")).echoHeadersInErrors(true).start()) {
      assertEquals(2, child(log, env, "collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", "s.db"));
      // every sending command: exit 2 when requests are left without an answer (here: the key refused)
      assertEquals(2, child(log, env, "respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it", "--base-url",
          server.baseUrl(), "--store", "s.db", "--yes", "--out", "r.csv"));
      assertEquals(2, child(log, env, "classify", "run", "--responses", responses.toString(), "--stances",
          data.resolve("stance_labels.json").toString(), "--base-url", server.baseUrl(), "--store", "s.db", "--yes", "--out", "c.jsonl"));
      assertTrue(server.ledger().events("unauthorized") >= 3, server.ledger() + "\n" + Files.readString(log));
      assertTrue(server.ledger().receivedBearer(VLLM), "the vLLM key went to the vLLM server");
      assertFalse(server.ledger().receivedBearer(OPENAI), "the OpenAI key never left for another host");
    }
    String text = Files.readString(log);
    assertTrue(text.contains("HTTP 401") && text.contains("Authorization: Bearer [redacted]"), text);
    List<String> errors = storedErrors(dir.resolve("s.db"));
    assertFalse(errors.isEmpty());
    for (String e : errors) assertTrue(e.contains("Bearer [redacted]"), e);
    SecretScan.assertAbsent(VLLM, dir);
    SecretScan.assertAbsent(OPENAI, dir);
  }

  @Test
  void withoutAVllmKeyNoKeyIsSentAndAPastedKeyIsNeverRepeated() throws Exception {
    Path req = dir.resolve("requests.jsonl");
    BatchResults.writeInput(req, TestRequests.answers(5, "gemma"));
    Path log = dir.resolve("mcalign.log");
    try (SimulatedServer server = SimulatedServer.start()) {
      assertEquals(0, child(log, Map.of("OPENAI_API_KEY", OPENAI), "collect", "--requests", req.toString(), "--base-url",
          server.baseUrl(), "--store", "s.db"));
      assertFalse(server.ledger().receivedBearer(OPENAI));
      assertEquals(1, child(log, Map.of(), "collect", "--requests", req.toString(), "--base-url", server.baseUrl(),
          "--store", "t.db", "--api-key-env", OPENAI));
      assertFalse(Files.exists(dir.resolve("t.db")), "refused before the store is made");
    }
    String text = Files.readString(log);
    assertTrue(text.contains("--api-key-env expects the NAME of an environment variable"), text);
    SecretScan.assertAbsent(OPENAI, dir);
  }

  static List<String> storedErrors(Path db) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
         ResultSet rs = c.createStatement().executeQuery("SELECT error FROM requests WHERE error IS NOT NULL")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
