package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key, read from a {@code .env} file by a real {@code mcalign} process, reaches the server
 * (which insists on it) and nowhere else: not the store, exports, logs, or error messages,
 * including those of refused keys and failed requests. The OpenAI key in the same file is
 * not sent to this server (it is not OpenAI's host).
 */
class SecretLeakTest {
  static final String KEY = "fake-proj-LEAKCHECK-0f9e8d7c6b5a4321";
  static final String WRONG = "fake-proj-WRONGKEY-1122334455667788";
  static final String OPENAI = "fake-proj-OPENAIONLY-99aa88bb77cc";

  @TempDir Path dir;

  @Test
  void theKeyIsInNoFileLogOrMessage() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve(".env"), "# keys for the test\n" + Endpoint.VLLM_KEY_NAME + "=\"" + KEY + "\"\n"
        + "OPENAI_API_KEY=" + OPENAI + "\n");
    Path req = work.resolve("requests.jsonl");
    BatchResults.writeInput(req, TestRequests.answers(60, "gpt-4o"));
    Path log = dir.resolve("mcalign.log");
    try (SimulatedServer server = SimulatedServer.builder().requireKey(Secret.of(KEY, "test"))
        .faults(Faults.parse("429=0.1,retry-after=5ms,500=0.1,malformed=0.05,truncated=0.05,batch-line-fail=0.2"))
        .batchTiming(Duration.ofMillis(10), Duration.ofMillis(30), Duration.ofMillis(10)).start()) {
      String[] direct = {"collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", "s.db",
          "--retry-base-ms", "2", "--max-attempts", "30", "--progress-seconds", "0.05"};
      // OPENAI_LOG=debug turns on the SDK's HTTP logging in its own transport; ours logs nothing either way
      assertEquals(0, runChild(work, log, Map.of("OPENAI_LOG", "debug"), direct));
      String[] batch = {"collect", "--requests", req.toString(), "--base-url", server.baseUrl(), "--store", "s.db",
          "--run", "batch", "--mode", "batch", "--poll-seconds", "0.01", "--retry-base-ms", "2", "--max-rounds", "20"};
      assertEquals(0, runChild(work, log, Map.of(), batch));
      // a wrong key from the environment (which wins over .env): refused, and named nowhere
      assertEquals(2, runChild(work, log, Map.of(Endpoint.VLLM_KEY_NAME, WRONG), "collect", "--requests", req.toString(),
          "--base-url", server.baseUrl(), "--store", "s.db", "--run", "wrong"));
      assertEquals(0, runChild(work, log, Map.of(), "export", "--store", "s.db", "--run", "requests", "--out", "a.jsonl", "--csv", "a.csv"));
      assertTrue(server.ledger().events("unauthorized") > 0);
      assertTrue(server.ledger().events("500") > 0);
      assertFalse(server.ledger().receivedBearer(OPENAI), "the OpenAI key goes to OpenAI only");
    }
    String logText = Files.readString(log);
    assertTrue(logText.contains("HTTP 401"), "the refused key is reported");
    assertTrue(logText.contains("redacted"), "the endpoint is printed with its key redacted");
    int scanned = SecretScan.assertAbsent(KEY, dir);
    SecretScan.assertAbsent(WRONG, dir);
    SecretScan.assertAbsent(OPENAI, dir);
    assertTrue(scanned >= 5, "scanned " + scanned + " files");
    assertTrue(Files.exists(work.resolve("s.db")));
  }

  private static int runChild(Path work, Path log, Map<String, String> env, String... args) throws Exception {
    Process p = ChildJvm.start(work, log, env, args);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "child did not finish (a guard against hanging, not a speed check)");
    return p.exitValue();
  }
}
