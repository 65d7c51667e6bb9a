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
 * {@code classify run} at a vLLM server (the simulated server in vLLM mode) as {@code respond}:
 * the /v1/models check refuses a classifier name the server does not serve before any chat
 * request, and answers cut off at max_tokens are counted at the end.
 */
class ClassifyVllmTest {
  @TempDir Path dir;

  static final String SERVED = "google/gemma-2-27b-it";
  static final String CLASSIFIER = "gpt-4.1";

  Path responses(SimulatedServer s) {
    List<PromptRow> rows = PromptTable.ofType(
        PromptTable.read(PaperData.dir().resolve("translated_prompts_with_english_no_controversy.csv")), "survey_hypothetical");
    Path prompts = PromptTable.write(rows.subList(0, 12), dir.resolve("prompts.csv"));
    Path out = dir.resolve("responses.csv");
    CliRun r = CliRun.of("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it", "--base-url", s.baseUrl(),
        "--store", dir.resolve("r.db").toString(), "--out", out.toString(), "--progress-seconds", "60");
    assertEquals(0, r.code(), r.err());
    return out;
  }

  CliRun classify(SimulatedServer s, Path responses, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("classify", "run", "--responses", responses.toString(), "--stances",
        PaperData.dir().resolve("stance_labels.json").toString(), "--base-url", s.baseUrl(), "--store", dir.resolve("r.db").toString(),
        "--out", dir.resolve("classified.jsonl").toString(), "--progress-seconds", "60"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aClassifierNameTheServerDoesNotServeIsRefusedBeforeAnyChatRequest() {
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of(SERVED, CLASSIFIER), 4096).start()) {
      Path responses = responses(s);
      long chats = s.ledger().events("chat");
      CliRun wrong = classify(s, responses, "--model", "gpt-4.1-mini");
      assertEquals(Sending.SERVER_REFUSED, wrong.code(), wrong.err());
      assertEquals(chats, s.ledger().events("chat"), "no chat request after the server check");
      assertTrue(wrong.err().contains("does not exist") && wrong.err().contains(CLASSIFIER), wrong.err());
      assertFalse(Files.exists(dir.resolve("classified.jsonl")));
      CliRun dry = classify(s, responses, "--model", "gpt-4.1-mini", "--dry-run");
      assertEquals(Sending.SERVER_REFUSED, dry.code(), "the dry run says the server check refuses: " + dry.err());
      CliRun right = classify(s, responses, "--model", CLASSIFIER);
      assertEquals(0, right.code(), right.err());
      assertTrue(right.err().contains("serves " + CLASSIFIER) || right.err().contains(CLASSIFIER), right.err());
      assertFalse(right.err().contains("cut off"), right.err());
    }
  }

  @Test
  void answersCutOffAtMaxTokensAreCounted() {
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of(SERVED, CLASSIFIER), 4096).start()) {
      Path responses = responses(s);
      CliRun few = classify(s, responses, "--model", CLASSIFIER, "--max-tokens", "3", "--run", "short");
      assertTrue(few.err().contains("12 answers of " + CLASSIFIER + " cut off at max_tokens (finish_reason = length)"), few.err());
      assertEquals(1, few.code(), "cut-off tool calls do not parse: " + few.err());
      assertTrue(few.err().contains("no usable") || few.err().contains("unparsed") || few.err().contains("pars"), few.err());
    }
  }
}
