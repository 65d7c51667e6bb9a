package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers found by the content of their request: a prompt file reordered, filtered or extended
 * (its custom_ids are row numbers, so every id changes) reuses every stored answer, in stores
 * written now and in stores of the row-number era (migrated on open). Prompts repeated on
 * purpose keep one answer per repeat.
 */
class ContentReuseTest {
  @TempDir Path dir;

  static final RetryPolicy FAST = RetryPolicy.defaults().withDelays(Duration.ofMillis(2), Duration.ofMillis(20));

  /** {@code prompts} as a prompt file gives them: ids are row numbers, so reordering changes every id. */
  static List<ChatRequest> asRows(List<String> prompts) {
    List<ChatRequest> out = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      out.add(ChatRequest.builder("answers-" + i).model("olmo").user(prompts.get(i)).temperature(0.7).maxTokens(600).build());
    }
    return out;
  }

  static List<String> prompts(int n) {
    List<String> p = new ArrayList<>();
    for (int i = 0; i < n; i++) p.add("List the most common arguments about topic " + i + ".");
    // repeats on purpose, as the paper's prompt table holds: each is sampled again
    for (int i = 0; i < 10; i++) p.add("List the most common arguments about topic " + i + ".");
    return p;
  }

  RunResult run(SimulatedServer s, ResponseStore store, List<ChatRequest> reqs) {
    return DirectRun.builder(Endpoint.of(s.baseUrl()).withRetry(FAST), store, "answers-olmo").concurrency(8).progressStream(null)
        .build().run(reqs);
  }

  @Test
  void reorderingFilteringAndExtendingThePromptFileReusesEveryStoredAnswer() {
    List<String> prompts = prompts(200);
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of("olmo"), 4096).start();
         ResponseStore store = ResponseStore.open(dir.resolve("r.db"))) {
      assertTrue(run(s, store, asRows(prompts)).complete());
      assertEquals(210, s.ledger().paidTotal());
      List<String> shuffled = new ArrayList<>(prompts);
      Collections.shuffle(shuffled, new Random(18));
      RunResult reordered = run(s, store, asRows(shuffled));
      assertEquals(210, reordered.alreadyDone(), "100 % of the stored answers reused");
      assertEquals(0, reordered.answered());
      RunResult subset = run(s, store, asRows(shuffled.subList(0, 70)));
      assertEquals(70, subset.alreadyDone());
      List<String> extended = new ArrayList<>(shuffled);
      extended.add("a new prompt");
      extended.add("a new prompt");
      RunPlan plan = RunPlan.of(store, "answers-olmo", asRows(extended), false, 600);
      assertEquals(2, plan.missing().size(), "the estimate counts only what is missing");
      assertEquals(210, plan.answered());
      RunResult more = run(s, store, asRows(extended));
      assertEquals(210, more.alreadyDone());
      assertEquals(2, more.answered());
      assertEquals(212, s.ledger().paidTotal(), "nothing stored was asked twice");
      // each repeat of a prompt has its own answer, whichever row it comes from
      List<ChatResponse> answers = store.answersOf("answers-olmo", more.ids());
      assertEquals(212, answers.stream().map(ChatResponse::customId).distinct().count());
    }
  }

  @Test
  void aStoreOfTheRowNumberEraIsMigratedAndThenReusedWhateverTheOrder() throws Exception {
    List<String> prompts = prompts(100);
    Path file = dir.resolve("old.db");
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of("olmo"), 4096).start();
         ResponseStore store = ResponseStore.open(file)) {
      assertTrue(run(s, store, asRows(prompts)).complete());
    }
    // make it a store as written before content keys: no column, no index
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      st.execute("DROP INDEX requests_content");
      st.execute("ALTER TABLE requests DROP COLUMN content_key");
    }
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of("olmo"), 4096).start();
         ResponseStore store = ResponseStore.open(file)) {
      List<String> reversed = new ArrayList<>(prompts);
      Collections.reverse(reversed);
      RunResult r = run(s, store, asRows(reversed));
      assertEquals(110, r.alreadyDone(), "every answer of the old store reused");
      assertEquals(0, s.ledger().paidTotal());
      // the old ids still find their answers
      assertTrue(store.answer("answers-olmo", "answers-0").isPresent());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT content_key) FROM requests")) {
      assertTrue(rs.next());
      assertEquals(110, rs.getInt(1));
      assertEquals(110, rs.getInt(2), "the repeats are told apart by their occurrence");
    }
  }
}
