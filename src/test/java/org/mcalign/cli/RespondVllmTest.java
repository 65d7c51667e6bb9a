package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.PaperData;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;

/**
 * {@code respond} at a vLLM server as a user meets it (the simulated server in vLLM mode): the
 * dry run's server check, a wrong served name refused before any chat request, subsets of the
 * prompt file, and answers reused by content when the file is reordered.
 */
class RespondVllmTest {
  @TempDir Path dir;

  static final String SERVED = "google/gemma-2-27b-it";

  Path prompts(int n) {
    List<PromptRow> rows = PromptTable.read(PaperData.dir().resolve("translated_prompts_with_english_no_controversy.csv"));
    return PromptTable.write(rows.subList(0, n), dir.resolve("prompts.csv"));
  }

  CliRun respond(SimulatedServer s, Path prompts, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it",
        "--base-url", s.baseUrl(), "--store", dir.resolve("r.db").toString(), "--out", dir.resolve("out.csv").toString(),
        "--progress-seconds", "60"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void theDryRunReportsPromptsOverTheContextAndSendsNothing() {
    Path p = prompts(60);
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of(SERVED), 640).start()) {
      CliRun r = respond(s, p, "--dry-run");
      assertEquals(0, r.code(), r.err());
      assertEquals(0, s.ledger().events("chat"), "a dry run sends no chat request");
      assertTrue(r.err().contains("served with a context of 640 tokens"), r.err());
      // 600 answer tokens leave 40 for the prompt: the longer prompts cannot fit
      assertTrue(r.err().matches("(?s).*\\d+ of 60 prompts do not fit the context.*"), r.err());
      assertTrue(r.err().contains("may not fit: gemma-2-27b-it-answers-"), r.err());
      assertFalse(Files.exists(dir.resolve("r.db")), "a dry run creates no store");
      // with a smaller answer limit all fit
      CliRun smaller = respond(s, p, "--dry-run", "--max-tokens", "100");
      assertEquals(0, smaller.code());
      assertFalse(smaller.err().contains("do not fit"), smaller.err());
    }
  }

  @Test
  void aWrongServedNameIsRefusedWithVllmsMessageBeforeAnyChatRequest() {
    Path p = prompts(20);
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of(SERVED), 4096).start()) {
      CliRun r = respond(s, p, "--served-model", "gemma-2-27b-it");
      assertEquals(Sending.SERVER_REFUSED, r.code(), r.err());
      assertEquals(0, s.ledger().events("chat"));
      assertTrue(r.err().contains("The model `gemma-2-27b-it` does not exist") && r.err().contains("[" + SERVED + "]"), r.err());
      assertFalse(Files.exists(dir.resolve("out.csv")));
    }
  }

  @Test
  void subsetsThenTheWholeFileInAnotherOrderAskOnlyWhatIsMissing() throws Exception {
    Path p = prompts(40);
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of(SERVED), 4096).start()) {
      CliRun pt = respond(s, p, "--languages", "da", "--template-type", "argument", "--limit", "5");
      assertEquals(0, pt.code(), pt.err());
      assertEquals(5, s.ledger().paidTotal());
      assertEquals(5, CsvRecords.read(dir.resolve("out.csv")).size());
      CliRun unknown = respond(s, p, "--languages", "Danish");
      assertEquals(1, unknown.code());
      assertTrue(unknown.err().contains("--languages: no prompt in") && unknown.err().contains("'Danish'"), unknown.err());
      List<PromptRow> rows = new java.util.ArrayList<>(PromptTable.read(p));
      java.util.Collections.reverse(rows);
      Path reversed = PromptTable.write(rows, dir.resolve("reversed.csv"));
      CliRun whole = respond(s, reversed);
      assertEquals(0, whole.code(), whole.err());
      assertTrue(whole.err().contains("40 requests, 5 already answered in the store (found by content), 35 to send"), whole.err());
      assertEquals(40, s.ledger().paidTotal(), "the five answers are reused, the rest asked once");
      CliRun again = respond(s, p);
      assertEquals(0, again.code());
      assertEquals(40, s.ledger().paidTotal());
    }
  }

  @Test
  void answersCutOffAtMaxTokensAreCountedPerModel() {
    Path p = prompts(12);
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of(SERVED), 4096).start()) {
      CliRun few = respond(s, p, "--max-tokens", "5", "--run", "short");
      assertEquals(0, few.code(), few.err());
      assertTrue(few.err().contains("12 answers of " + SERVED + " cut off at max_tokens (finish_reason = length)"), few.err());
      CliRun enough = respond(s, p, "--run", "long");
      assertEquals(0, enough.code(), enough.err());
      assertFalse(enough.err().contains("cut off"), enough.err());
    }
  }
}
