package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.files.FileContentParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedServerTest {
  @TempDir Path dir;

  record Opinions(String language, List<String> opinions) {}

  static final String OPINION_SCHEMA = "{\"type\":\"object\",\"properties\":{\"language\":{\"type\":\"string\",\"enum\":[\"en\",\"da\",\"nl\",\"pt\"]},"
      + "\"opinions\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[\"pro\",\"con\",\"NULL\"]}}},\"required\":[\"language\",\"opinions\"]}";

  /** A classifier request as the paper's batch_analyse_responses.py builds it. */
  static ChatRequest classifierRequest(String id, String response) {
    String user = Json.write(Json.object().put("response", response)
        .put("pro", "Democracy is important.").put("con", "Democracy is not important."));
    return ChatRequest.builder(id).model("gpt-4.1").system("You are an expert in analyzing opinions in text.").user(user)
        .tool("ProcessOpinions", "Processes a list of 'pro' and 'con' opinions", OPINION_SCHEMA).toolChoice("ProcessOpinions").build();
  }

  @Test
  void classifierReturnsTheProcessOpinionsToolCall() {
    List<SimulatedText.Stance> stances = List.of(SimulatedText.Stance.PRO, SimulatedText.Stance.CON, SimulatedText.Stance.NEUTRAL,
        SimulatedText.Stance.PRO, SimulatedText.Stance.PRO);
    String answer = SimulatedText.numberedList("da", stances, "Værdien af demokrati");
    try (SimulatedServer server = SimulatedServer.start(); EndpointClient c = new EndpointClient(Endpoint.of(server.baseUrl()))) {
      ChatResponse r = c.complete(classifierRequest("analyze-opinions-000000", answer));
      assertEquals("tool_calls", r.finishReason());
      Opinions o = r.toolArguments("ProcessOpinions", Opinions.class);
      assertEquals("da", o.language());
      assertEquals(List.of("pro", "con", "NULL", "pro", "pro"), o.opinions());
      // the typed SDK view agrees
      assertEquals("ProcessOpinions", r.completion().choices().get(0).message().toolCalls().orElseThrow().get(0)
          .asFunction().function().name());
    }
  }

  @Test
  void statementsFollowTheTargetPerQuestionAndLanguage() {
    Map<String, String> seenLanguage = new ConcurrentHashMap<>();
    StanceMixModel inner = StanceMixModel.following((m, q, l) -> q.equals("e235") ? 0.8 : l.equals("da") ? 0.3 : 0.1);
    SimulatedModel recording = (p, rng) -> {
      seenLanguage.put(p.text(), p.language().orElse("?") + "/" + p.questionKey().orElse("?"));
      return inner.answer(p, rng);
    };
    Path csv = dir.resolve("prompts.csv");
    org.mcalign.data.AtomicFiles.writeString(csv, "index,language,template_type,prompt,topic,question_key\n"
        + "0,da,argument,\"List arguments about {topic}, please.\",Værdien af demokrati,E235\n"
        + "1,da,argument,List arguments about {topic}.,Homoseksualitet,f118\n"
        + "2,en,argument,List arguments about {topic}.,Homosexuality,f118\n");
    List<ChatRequest> reqs = new ArrayList<>();
    String[] prompts = {"List arguments about Værdien af demokrati, please.", "List arguments about Homoseksualitet.",
        "List arguments about Homosexuality."};
    for (int i = 0; i < 300; i++) reqs.add(ChatRequest.builder("q-" + i).model("m").user(prompts[i % 3]).build());
    try (SimulatedServer server = SimulatedServer.builder().model(recording).prompts(PromptCatalog.fromCsv(csv)).start();
         ResponseStore store = ResponseStore.open(dir.resolve("s.db"))) {
      DirectRun.builder(Endpoint.of(server.baseUrl()), store, "r").progressStream(null).build().run(reqs);
      assertEquals("da/e235", seenLanguage.get(prompts[0]));
      assertEquals("en/f118", seenLanguage.get(prompts[2]));
      double[] pro = new double[3];
      double[] all = new double[3];
      for (ResponseStore.StoredAnswer a : store.answers("r")) {
        int k = Integer.parseInt(a.customId().substring(2)) % 3;
        SimulatedText.Classification c = SimulatedText.classify(a.response().text(), "en");
        assertEquals(10, c.opinions().size());
        assertEquals(k == 2 ? "en" : "da", c.language());
        for (String o : c.opinions()) {
          all[k]++;
          if (o.equals("pro")) pro[k]++;
        }
      }
      // 1,000 statements each: binomial sd <= 0.016
      assertEquals(0.8, pro[0] / all[0], 0.05);
      assertEquals(0.3, pro[1] / all[1], 0.05);
      assertEquals(0.1, pro[2] / all[2], 0.05);
    }
  }

  @Test
  void refusalsWrongLanguageAndMalformedLists() {
    var rng = new java.util.SplittableRandom(1);
    SimulatedModel.Prompt p = new SimulatedModel.Prompt("m", "x", java.util.Optional.of("e235"), java.util.Optional.of("nl"),
        java.util.Optional.empty(), java.util.Optional.of("democratie"));
    String refusal = StanceMixModel.fair().withDefects(1, 0, 0).answer(p, rng);
    assertEquals(new SimulatedText.Classification("nl", List.of("NULL")), SimulatedText.classify(refusal, "en"));
    String wrong = StanceMixModel.fair().withDefects(0, 1, 0).answer(p, rng);
    assertEquals("en", SimulatedText.classify(wrong, "nl").language());
    String malformed = StanceMixModel.fair().withDefects(0, 0, 1).answer(p, rng);
    assertFalse(malformed.contains("\n"));
    assertFalse(malformed.matches("(?s)^\\d+\\..*"));
    assertEquals(10, SimulatedText.classify(malformed, "en").opinions().size());
    String noisy = StanceMixModel.following((m, q, l) -> 0.5).withNoise(0.3).withStatements(7).answer(p, rng);
    assertEquals(7, noisy.lines().count());
  }

  @Test
  void classifierErrorRateSwapsLabels() {
    String answer = SimulatedText.numberedList("en", java.util.Collections.nCopies(10, SimulatedText.Stance.PRO), "");
    try (SimulatedServer server = SimulatedServer.builder().classifierErrorRate(0.2).start();
         EndpointClient c = new EndpointClient(Endpoint.of(server.baseUrl()))) {
      int con = 0;
      for (int i = 0; i < 100; i++) {
        con += (int) c.complete(classifierRequest("c" + i, answer)).toolArguments("ProcessOpinions", Opinions.class)
            .opinions().stream().filter("con"::equals).count();
      }
      assertEquals(0.2, con / 1000.0, 0.05);
    }
  }

  @Test
  void stopSequencesCutTheAnswer() {
    SimulatedModel eleven = (p, rng) -> "1. a\n2. b\n11. c";
    try (SimulatedServer server = SimulatedServer.builder().model(eleven).start();
         EndpointClient c = new EndpointClient(Endpoint.of(server.baseUrl()))) {
      ChatResponse r = c.complete(ChatRequest.builder("s").model("m").user("x").stop("11.").build());
      assertEquals("1. a\n2. b\n", r.text());
      assertEquals("1. a\n2. b\n11. c", c.complete(ChatRequest.builder("t").model("m").user("x").build()).text());
    }
  }

  @Test
  void filesUploadAndDownloadByteForByte() throws Exception {
    try (SimulatedServer server = SimulatedServer.start()) {
      var api = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("none").build();
      byte[] content = "{\"custom_id\":\"a\"}\nÆøå ü\n".getBytes(StandardCharsets.UTF_8);
      var file = api.files().create(FileCreateParams.builder().file(content).purpose(FilePurpose.BATCH).build());
      assertEquals(content.length, file.bytes());
      try (HttpResponse r = api.files().content(FileContentParams.builder().fileId(file.id()).build()); InputStream in = r.body()) {
        assertArrayEquals(content, in.readAllBytes());
      }
      api.close();
    }
  }

  @Test
  void unknownRoutesAndBadBodiesGetApiErrors() {
    try (SimulatedServer server = SimulatedServer.start();
         EndpointClient c = new EndpointClient(Endpoint.of(server.baseUrl() + "/nowhere").withRetry(RetryPolicy.defaults().withMaxAttempts(1)))) {
      LlmException e = assertThrows(LlmException.class, () -> c.complete(ChatRequest.builder("x").model("m").user("u").build()));
      assertEquals(404, e.statusCode());
      assertTrue(e.getMessage().contains("request x"), e.getMessage());
    }
  }

  @Test
  void faultSpecificationsParse() {
    Faults f = Faults.parse("429=0.1,retry-after=2s,500=0.2,slow=0.3,slow-delay=150ms,malformed=0.4,truncated=0.5,batch-line-fail=0.6,batch-expire=0.7,capacity=8");
    assertEquals(new Faults(0.1, Duration.ofSeconds(2), 0.2, 0.3, Duration.ofMillis(150), 0.4, 0.5, 0.6, 0.7, 8), f);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("capacity=-1")).getMessage().contains("whole number"));
    assertEquals(Faults.none(), Faults.parse("none"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("404=0.1")).getMessage().contains("known:"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("500=2")).getMessage().contains("[0, 1]"));
  }

  @Test
  void paperPromptCatalogKnowsEveryRequestPrompt() {
    PromptCatalog cat = PromptCatalog.fromCsv(PaperData.file("translated_prompts_with_english_no_controversy.csv"));
    List<ChatRequest> reqs = ChatRequest.readJsonl(PaperData.file("all-language-requests.jsonl"));
    int known = 0;
    for (ChatRequest r : reqs) if (cat.lookup(r.prompt()).isPresent()) known++;
    assertEquals(reqs.size(), known);
    PromptCatalog.Entry first = cat.lookup(reqs.get(0).prompt()).orElseThrow();
    assertEquals("da", first.language());
    assertEquals("e235", first.questionKey());
    assertEquals("argument", first.templateType());
  }

  @Test
  void aSeedMakesTheAnswerRepeatable() {
    try (SimulatedServer server = SimulatedServer.start(); EndpointClient c = new EndpointClient(Endpoint.of(server.baseUrl()))) {
      String a = c.complete(ChatRequest.builder("a").model("m").user("x").seed(7).build()).text();
      String b = c.complete(ChatRequest.builder("b").model("m").user("x").seed(7).build()).text();
      assertEquals(a, b);
      java.util.Set<String> unseeded = new java.util.HashSet<>();
      for (int i = 0; i < 5; i++) unseeded.add(c.complete(ChatRequest.builder("u" + i).model("m").user("x").build()).text());
      assertTrue(unseeded.size() > 1, "without a seed answers vary");
    }
  }
}
