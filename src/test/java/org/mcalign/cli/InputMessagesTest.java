package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.PaperData;

/**
 * Bad inputs and settings are refused with one clear line naming the file (and line) and what
 * to do, before anything is created; results nobody can use are errors, not exit 0.
 */
class InputMessagesTest {
  @TempDir Path dir;

  private static final String LINE = "{\"custom_id\":\"%s\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
      + "\"body\":{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}}\n";

  @Test
  void exportOfAMissingStoreCreatesNothing() {
    Path missing = dir.resolve("typo.db");
    CliRun r = CliRun.of("export", "--store", missing.toString(), "--out", dir.resolve("a.jsonl").toString());
    assertEquals(1, r.code());
    assertEquals("mcalign export: no response store at " + missing + ": nothing has been collected into it (check --store)",
        r.err().strip());
    assertFalse(Files.exists(missing));
    assertFalse(Files.exists(dir.resolve("a.jsonl")));
  }

  @Test
  void settingsAreCheckedBeforeTheStoreIsCreated() throws Exception {
    Path req = Files.writeString(dir.resolve("r.jsonl"), String.format(LINE, "a", "hi"));
    for (String[] bad : List.of(new String[] {"--concurrency", "0"}, new String[] {"--timeout", "0"},
        new String[] {"--max-attempts", "-1"}, new String[] {"--poll-seconds", "0"})) {
      CliRun r = CliRun.of("collect", "--requests", req.toString(), "--base-url", "http://127.0.0.1:9/v1", "--store",
          dir.resolve("s.db").toString(), bad[0], bad[1]);
      assertEquals(1, r.code());
      assertTrue(r.err().contains(bad[0] + " must be a number > 0, got " + bad[1]), r.err());
      assertFalse(Files.exists(dir.resolve("s.db")), "no store made for a refused run");
    }
  }

  @Test
  void requestFilesLatin1BomMissingFolderEmpty() throws Exception {
    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, (String.format(LINE, "a", "hello") + String.format(LINE, "b", "caf\u00e9"))
        .getBytes(StandardCharsets.ISO_8859_1));
    CliRun r = collect(latin1, "http://127.0.0.1:9/v1");
    assertEquals(1, r.code());
    assertEquals("mcalign collect: request file " + latin1 + ", line 2: byte 0xE9 is not valid UTF-8 (the file must be UTF-8)",
        r.err().strip());
    assertFalse(r.err().contains("Input length"), r.err());

    Path missing = dir.resolve("nope.jsonl");
    r = collect(missing, "http://127.0.0.1:9/v1");
    assertEquals("mcalign collect: --requests " + missing + " does not exist", r.err().strip());
    r = collect(dir, "http://127.0.0.1:9/v1");
    assertEquals("mcalign collect: --requests " + dir + " is a folder, expected a file", r.err().strip());
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
    r = collect(empty, "http://127.0.0.1:9/v1");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("holds no request lines"), r.err());

    Path bom = dir.resolve("bom.jsonl");
    Files.writeString(bom, "\uFEFF" + String.format(LINE, "a", "hello") + String.format(LINE, "b", "caf\u00e9"));
    try (SimulatedServer s = SimulatedServer.start()) {
      r = collect(bom, s.baseUrl());
      assertEquals(0, r.code(), r.err());
      assertEquals(2, s.ledger().paidTotal());
    }
  }

  @Test
  void aRefusedWriteNamesTheFolder() {
    Path target = Path.of("/sys/mcalign-test-microdata.csv");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(target.getParent()), "needs Linux /sys");
    CliRun r = CliRun.of("wvs-synthesize", "--respondents", "50", "--out", target.toString());
    assertEquals(1, r.code());
    assertEquals("mcalign wvs-synthesize: could not write " + target + ": permission denied (folder /sys is not writable, or the"
        + " file is read-only)", r.err().strip());
  }

  @Test
  void classifierAnswersWithoutToolCallsAreAnErrorAndZeroScoredRowsToo() throws Exception {
    Path data = PaperData.dir();
    Path prompts = PaperData.surveyPrompts(6, dir.resolve("prompts.csv"));
    Path responses = dir.resolve("responses.csv"), answers = dir.resolve("answers.jsonl"), scored = dir.resolve("scored.csv");
    try (SimulatedServer s = SimulatedServer.builder().toolCalls(false).start()) {
      assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it", "--base-url",
          s.baseUrl(), "--store", dir.resolve("s.db").toString(), "--yes", "--out", responses.toString()));
      CliRun r = CliRun.of("classify", "run", "--responses", responses.toString(), "--stances",
          data.resolve("stance_labels.json").toString(), "--base-url", s.baseUrl(), "--store", dir.resolve("s.db").toString(),
          "--yes", "--out", answers.toString());
      assertEquals(1, r.code());
      assertTrue(r.err().contains("every one of the 6 classifier answers of run 'classify-responses.csv'") && r.err().contains(
          "is unusable") && r.err().contains("tool call"), r.err());
      assertFalse(Files.exists(answers));
    }
    // classifier lines that did not parse: nothing can be scored
    StringBuilder unparsed = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      unparsed.append(String.format("{\"custom_id\": \"analyze-opinions-%06d\", \"language\": null, \"opinions\": null}%n", i));
    }
    Files.writeString(answers, unparsed);
    CliRun r = CliRun.of("score", "--responses", responses.toString(), "--answers", answers.toString(), "--ground-truth",
        data.resolve("ground_truth.csv").toString(), "--out", scored.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("no response kept (responses 6, unparsed 6"), r.err());
    assertFalse(Files.exists(scored));
  }

  private static CliRun collect(Path requests, String url) {
    return CliRun.of("collect", "--requests", requests.toString(), "--base-url", url, "--store",
        requests.resolveSibling("s-" + requests.getFileName() + ".db").toString());
  }
}
