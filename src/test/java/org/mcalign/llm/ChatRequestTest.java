package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatRequestTest {
  @TempDir Path dir;

  @Test
  void readsThePapersRequestFile() throws Exception {
    Path f = PaperData.file("all-language-requests.jsonl");
    List<ChatRequest> reqs = ChatRequest.readJsonl(f);
    assertEquals(7200, reqs.size());
    assertEquals("gpt-3.5-turbo-0125-answers-00000", reqs.get(0).customId());
    assertEquals("gpt-4-turbo-2024-04-09", reqs.get(3600).model());
    assertTrue(reqs.get(0).prompt().startsWith("Opgør de primære argumenter"));
    // the body is kept byte for byte as it stands in the line
    String firstLine = Files.readAllLines(f).get(0);
    assertTrue(firstLine.contains("\"body\": " + reqs.get(0).bodyJson()), reqs.get(0).bodyJson());
    // the paper repeats identical prompts under different ids: same hash, different ids
    Set<String> hashes = new HashSet<>();
    for (ChatRequest r : reqs) hashes.add(r.bodyHash());
    assertTrue(hashes.size() < reqs.size());
  }

  @Test
  void badLinesNameFileLineAndWhatWasExpected() throws Exception {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}\n"
        + "{\"custom_id\":\"b\",\"body\":{\"model\":\"m\"}}\n");
    RequestFormatException e = assertThrows(RequestFormatException.class, () -> ChatRequest.readJsonl(f));
    assertTrue(e.getMessage().contains("bad.jsonl:2") && e.getMessage().contains("messages"), e.getMessage());

    Files.writeString(f, "{\"custom_id\":\"a\",\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}\n"
        + "{\"custom_id\":\"a\",\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"y\"}]}}\n");
    e = assertThrows(RequestFormatException.class, () -> ChatRequest.readJsonl(f));
    assertTrue(e.getMessage().contains(":2") && e.getMessage().contains("already used on line 1"), e.getMessage());

    Files.writeString(f, "not json\n");
    e = assertThrows(RequestFormatException.class, () -> ChatRequest.readJsonl(f));
    assertTrue(e.getMessage().contains("bad.jsonl:1"), e.getMessage());

    Files.writeString(f, "{\"custom_id\":\"a\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}\n");
    e = assertThrows(RequestFormatException.class, () -> ChatRequest.readJsonl(f));
    assertTrue(e.getMessage().contains("/v1/chat/completions"), e.getMessage());
  }

  @Test
  void typedAccessToTheSamplingParametersAndTools() {
    ChatRequest r = ChatRequest.builder("x").model("google/gemma-2-9b-it").system("sys").user("prompt")
        .temperature(0.7).topP(0.95).maxTokens(600).stop("11.").seed(5)
        .tool("ProcessOpinions", "labels", "{\"type\":\"object\"}").toolChoice("ProcessOpinions").build();
    assertEquals(0.7, r.temperature().getAsDouble());
    assertEquals(0.95, r.topP().getAsDouble());
    assertEquals(600, r.maxTokens().getAsInt());
    assertEquals(List.of("11."), r.stop());
    assertEquals(5, r.seed().getAsLong());
    assertEquals(List.of("ProcessOpinions"), r.toolNames());
    assertEquals("ProcessOpinions", r.toolChoice().orElseThrow());
    assertEquals("prompt", r.prompt());
    ChatRequest other = r.withModel("allenai/OLMo-2-1124-7B-Instruct");
    assertEquals("allenai/OLMo-2-1124-7B-Instruct", other.model());
    assertNotEquals(r.bodyHash(), other.bodyHash());
    assertEquals(r.messages(), other.messages());
    // a line round-trips
    ChatRequest back = ChatRequest.fromLine(r.toLine(), "mem", 1);
    assertEquals(r.bodyJson(), back.bodyJson());
    assertEquals(r.bodyHash(), back.bodyHash());
  }

  @Test
  void responseGivesTextToolCallsAndUsage() {
    ChatResponse resp = ChatResponse.parse("c1", "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4.1\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
        + "\"type\":\"function\",\"function\":{\"name\":\"ProcessOpinions\",\"arguments\":\"{\\\"language\\\":\\\"da\\\",\\\"opinions\\\":[\\\"pro\\\",\\\"NULL\\\"]}\"}}]},"
        + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}}");
    record Opinions(String language, List<String> opinions) {}
    Opinions o = resp.toolArguments("ProcessOpinions", Opinions.class);
    assertEquals("da", o.language());
    assertEquals(List.of("pro", "NULL"), o.opinions());
    assertTrue(resp.content().isEmpty());
    assertEquals(19, resp.usage().totalTokens());
    assertEquals("gpt-4.1", resp.completion().model());
    assertThrows(LlmException.class, () -> resp.toolArguments("Other", Opinions.class));
    LlmException bad = assertThrows(LlmException.class, () -> ChatResponse.parse("c2", "{\"id\": \"x\", \"choi"));
    assertTrue(bad.getMessage().contains("c2"));
  }
}
