package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseStoreTest {
  @TempDir Path dir;

  static ChatResponse answer(String id, String text) {
    return ChatResponse.parse(id, "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":" + Json.write(text) + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}");
  }

  @Test
  void storesAnswersDurablyInWalModeWithUsageAndTimestamps() throws Exception {
    Path db = dir.resolve("s.db");
    List<ChatRequest> reqs = TestRequests.answers(3, "m");
    try (ResponseStore s = ResponseStore.open(db)) {
      assertEquals(3, s.register("r", reqs).pending());
      assertTrue(s.recordAnswer("r", answer(reqs.get(1).customId(), "first"), null));
      assertFalse(s.recordAnswer("r", answer(reqs.get(1).customId(), "second"), null), "the first answer is kept");
      s.recordFailure("r", reqs.get(2).customId(), "HTTP 500");
      s.recordFailure("r", reqs.get(1).customId(), "late failure must not undo an answer");
      ResponseStore.RunStatus st = s.status("r");
      assertEquals(new ResponseStore.RunStatus("r", 3, 1, 1, 1, 5, 7), st);
      assertEquals(List.of(reqs.get(0).customId(), reqs.get(2).customId()),
          s.pending("r").stream().map(ChatRequest::customId).toList());
      LlmException unknown = assertThrows(LlmException.class, () -> s.recordAnswer("r", answer("nope", "x"), null));
      assertTrue(unknown.getMessage().contains("nope"));
    }
    // another connection (as after a crash) sees everything, and the database is in WAL mode
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
         ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertEquals("wal", rs.getString(1));
      ResultSet row = c.createStatement().executeQuery(
          "SELECT status, response, prompt_tokens, completion_tokens, attempts, created_at, answered_at FROM requests WHERE custom_id='m-answers-00001'");
      row.next();
      assertEquals("DONE", row.getString(1));
      assertTrue(row.getString(2).contains("first"));
      assertEquals(5, row.getInt(3));
      assertEquals(7, row.getInt(4));
      assertEquals(1, row.getInt(5));
      assertNotNull(row.getString(6));
      assertNotNull(row.getString(7));
    }
    try (ResponseStore s = ResponseStore.open(db)) {
      assertEquals("first", s.answer("r", "m-answers-00001").orElseThrow().text());
      assertEquals(List.of("r"), s.runs());
      // runs are separate namespaces: the same custom_id with another body is fine in another run
      ChatRequest other = ChatRequest.builder("m-answers-00001").model("m").user("other").build();
      assertEquals(1, s.register("r2", List.of(other)).pending());
      // in the same run, other content under a used id is a new request, stored under a free id; the old answer stays
      ResponseStore.Registered again = s.register("r", List.of(other));
      assertEquals(1, again.pending());
      assertTrue(again.ids().get(0).startsWith("m-answers-00001~"), again.ids().toString());
      assertEquals("first", s.answer("r", "m-answers-00001").orElseThrow().text());
    }
  }

  @Test
  void concurrentWritersAreSerialised() throws Exception {
    List<ChatRequest> reqs = TestRequests.answers(400, "m");
    try (ResponseStore s = ResponseStore.open(dir.resolve("c.db"))) {
      s.register("r", reqs);
      reqs.parallelStream().forEach(q -> s.recordAnswer("r", answer(q.customId(), "a " + q.customId()), null));
      assertEquals(400, s.status("r").done());
      assertEquals("a m-answers-00399", s.answers("r").get(399).response().text());
      tech.tablesaw.api.Table t = s.table("r");
      assertEquals(400, t.rowCount());
      assertEquals(List.of("custom_id", "model", "prompt", "response", "prompt_tokens", "completion_tokens", "answered_at"), t.columnNames());
      assertEquals("a m-answers-00000", t.stringColumn("response").get(0));
      assertEquals(reqs.get(0).prompt(), t.stringColumn("prompt").get(0));
    }
  }
}
