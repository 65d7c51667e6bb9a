package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.PaperData;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;

/**
 * {@code translate run} (issue 18, Deliver 1): the options, exit codes and server check of every command
 * that sends requests; against a simulated server whose "model" returns the text to translate as it is.
 */
class TranslateRunTest {
  @TempDir Path dir;

  static final String MODEL = "gpt-3.5-turbo-0125";

  Path english() {
    List<PromptRow> en = PromptTable.read(PaperData.dir().resolve("translated_prompts_with_english_no_controversy.csv")).stream()
        .filter(r -> r.language().equals("en")).limit(6).toList();
    return PromptTable.write(en, dir.resolve("en.csv"));
  }

  CliRun translate(SimulatedServer s, Path prompts, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("translate", "run", "--prompts", prompts.toString(), "--languages", "da=Danish",
        "--base-url", s.baseUrl(), "--store", dir.resolve("t.db").toString(), "--out", dir.resolve("translated.csv").toString(),
        "--progress-seconds", "60"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** Answers with the text inside the request's ``` fence: a translation that keeps every placeholder. */
  static SimulatedServer.Builder echo() {
    return SimulatedServer.builder().model((p, rng) -> p.text());
  }

  @Test
  void sendsCleansAndPairsThenReusesEveryAnswer() {
    Path en = english();
    try (SimulatedServer s = echo().start()) {
      CliRun dry = translate(s, en, "--dry-run");
      assertEquals(0, dry.code(), dry.err());
      assertEquals(0, s.ledger().events("chat"));
      assertFalse(Files.exists(dir.resolve("t.db")), "a dry run creates no store");
      CliRun r = translate(s, en);
      assertEquals(0, r.code(), r.err());
      long sent = s.ledger().events("chat");
      assertTrue(sent > 0);
      List<PromptRow> out = PromptTable.read(dir.resolve("translated.csv"));
      assertEquals(12, out.size(), "6 English rows and 6 Danish ones");
      assertEquals(6, out.stream().filter(x -> x.language().equals("da")).count());
      assertTrue(r.out().contains("0 translations flagged"), r.out());
      CliRun again = translate(s, en);
      assertEquals(0, again.code(), again.err());
      assertEquals(sent, s.ledger().events("chat"), "a rerun finds every answer in the store");
      assertTrue(again.err().contains(sent + " already answered in the store"), again.err());
    }
  }

  @Test
  void aModelTheServerDoesNotServeIsRefusedAndTheHelpHasTheSharedOptions() {
    try (SimulatedServer s = echo().vllm(List.of("Qwen/Qwen2.5-7B-Instruct"), 4096).start()) {
      CliRun r = translate(s, english());
      assertEquals(Sending.SERVER_REFUSED, r.code(), r.err());
      assertEquals(0, s.ledger().events("chat"));
      assertTrue(r.err().contains("does not exist") && r.err().contains(MODEL), r.err());
    }
    String help = CliRun.of("translate", "run", "--help").out();
    for (String o : List.of("--base-url", "--api-key-env", "--concurrency", "--max-tokens", "--timeout", "--max-attempts",
        "--progress-seconds", "--run", "--dry-run", "--max-cost", "--yes", "Exit code: 0"))
      assertTrue(help.contains(o), o + " in translate run --help");
  }
}
