package org.mcalign.scoring;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.PaperData;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.StageInputException;

class ScoringTest {
  @TempDir Path tmp;
  private static final ObjectMapper OM = new ObjectMapper();

  @Test
  void proScoreIsProOverProPlusCon() {
    assertEquals(4.0 / 7, ProScore.of(4, 3));
    assertTrue(Double.isNaN(ProScore.of(0, 0)));
    assertEquals(1.0, ProScore.of(2, 0));
    assertEquals(0.5, ProScore.ofOpinions(List.of("PRO", "con", "NULL", "null")));
    assertTrue(Double.isNaN(ProScore.ofOpinions(List.of("NULL"))));
    assertTrue(Double.isNaN(ProScore.ofOpinions(null)));
  }

  private static String batchLine(String id, String arguments) throws Exception {
    var fn = Map.of("name", "ProcessOpinions", "arguments", arguments);
    var msg = Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", "c", "type", "function", "function", fn)));
    var body = Map.of("choices", List.of(Map.of("index", 0, "message", msg)));
    return OM.writeValueAsString(Map.of("custom_id", id, "response", Map.of("status_code", 200, "body", body)));
  }

  @Test
  void toolArgumentsParseOrGiveNulls() throws Exception {
    var ok = ClassifierOutputs.parseLine(batchLine("analyze-opinions-000003", "{\"language\": \"nl\", \"opinions\": [\"pro\", \"NULL\", \"con\", \"pro\"]}"), "t");
    assertEquals("nl", ok.language());
    assertEquals(List.of("pro", "NULL", "con", "pro"), ok.opinions());
    assertEquals(2.0 / 3, ok.proScore());
    assertEquals("pro;null;con;pro", ok.proCon());
    var bad = ClassifierOutputs.parseLine(batchLine("analyze-opinions-000004", "{\"language\": \"nl\", \"opin"), "t");
    assertNull(bad.language());
    assertNull(bad.opinions());
    assertTrue(Double.isNaN(bad.proScore()));
    var noCall = ClassifierOutputs.parseLine("{\"custom_id\": \"x-1\", \"response\": {\"body\": {\"choices\": []}}}", "t");
    assertFalse(noCall.parsed());
    var e = assertThrows(StageInputException.class, () -> ClassifierOutputs.parseLine("{oops", "answers.jsonl line 7"));
    assertTrue(e.getMessage().contains("answers.jsonl line 7"));
    assertThrows(StageInputException.class, () -> ClassifierOutputs.parseLine("{\"language\": \"en\"}", "f line 1"));
  }

  @Test
  void olmoClassifierOutputsParseAndScore() {
    List<ClassifiedOpinions> a = ClassifierOutputs.read(PaperData.dir().resolve("olmo-analysis-responses.jsonl"));
    assertEquals(950, a.size());
    for (int i = 0; i < a.size(); i++) assertEquals("response-" + i, a.get(i).customId());
    // first line, by hand: pro pro pro con con pro con → 4 / 7
    assertEquals(4.0 / 7, a.get(0).proScore());
    assertEquals("da", a.get(0).language());
  }

  @Test
  void classifierRequestsCarryResponseAndStances() throws Exception {
    Path dir = PaperData.dir();
    Map<String, List<String>> stances =
        OM.readValue(dir.resolve("stance_labels.json").toFile(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, List<String>>>() {});
    List<String> lines = Files.readAllLines(dir.resolve("example-json-prompts.jsonl"));
    List<OpinionClassifier.Input> inputs = new ArrayList<>();
    for (String l : lines) inputs.add(new OpinionClassifier.Input("E069_20", OM.readTree(l).get("response").asText()));
    var req = OpinionClassifier.requests(inputs, stances, OpinionClassifier.MODEL);
    assertEquals(lines.size(), req.size());
    assertEquals("analyze-opinions-000000", req.get(0).customId());
    assertEquals("analyze-opinions-000198", req.get(198).customId());
    JsonNode line = OM.readTree(req.get(5).toJsonLine());
    assertEquals("gpt-4.1", line.at("/body/model").asText());
    assertEquals("ProcessOpinions", line.at("/body/tool_choice/function/name").asText());
    assertEquals(List.of("en", "da", "nl", "pt"),
        OM.convertValue(line.at("/body/tools/0/function/parameters/properties/language/enum"), List.class));
    assertTrue(line.at("/body/messages/0/content").asText().startsWith("You are an expert in analyzing opinions in text."));
    String user = req.get(5).userContent();
    JsonNode content = OM.readTree(user);
    assertEquals(List.of("response", "pro", "con"), List.copyOf(iter(content.fieldNames())));
    assertEquals(OM.readTree(lines.get(5)).get("response").asText(), content.get("response").asText());
    assertEquals(stances.get("e069_20").get(0), content.get("pro").asText());
    assertTrue(user.startsWith("{\"response\": \""));
    // Python's ensure_ascii=False keeps Danish letters, escapes newlines
    String danish = req.stream().map(r -> r.userContent()).filter(u -> u.contains("ø")).findFirst().orElseThrow();
    assertFalse(danish.contains("\\u00f8"));
    assertThrows(StageInputException.class,
        () -> OpinionClassifier.requests(List.of(new OpinionClassifier.Input("nokey", "x")), stances, "m"));
  }

  private static List<String> iter(java.util.Iterator<String> it) {
    List<String> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  @Test
  void demographicMergeReproducesThePapersResults() {
    Path dir = PaperData.dir();
    CsvRecords prompts = CsvRecords.read(dir.resolve("demographic-all_prompts_responses.csv"));
    var answers = ClassifierOutputs.read(dir.resolve("demographic-analysis-responses.jsonl"));
    var gt = GroundTruthLookup.read(dir.resolve("ground_truth.csv"));
    var merged = ScoreMerge.demographic(prompts, answers, gt, "gemma-2-27b-it");
    CsvRecords paper = CsvRecords.read(dir.resolve("demographic-gemma-results.csv"));
    assertEquals(paper.columns(), merged.columns());
    assertEquals(paper.size(), merged.rows().size());
    for (int i = 0; i < paper.size(); i++) {
      Map<String, String> p = paper.rows().get(i);
      Map<String, String> m = merged.rows().get(i);
      for (String c : List.of("index", "language", "question_key", "country", "is_congruent", "model", "model_family",
          "response_language", "response_pro_con", "prompt", "topic")) {
        assertEquals(p.get(c), m.get(c), "row " + i + " column " + c);
      }
      assertEquals(Double.parseDouble(p.get("response_pro_score")), Double.parseDouble(m.get("response_pro_score")), 1e-15);
      assertEquals(Double.parseDouble(p.get("ground_truth_pro_score")), Double.parseDouble(m.get("ground_truth_pro_score")), 1e-15);
    }
    var c = merged.counts();
    assertEquals(2400, c.responses());
    assertEquals(2400 - paper.size(), c.undefinedScore() + c.noGroundTruth() + c.languageMismatch());
  }

  @Test
  void olmoMergeKeepsOnlyScoredRowsInThePromptLanguage() {
    Path dir = PaperData.dir();
    List<PromptRow> survey =
        PromptTable.ofType(PromptTable.read(dir.resolve("translated_prompts_with_english_no_controversy.csv")), "survey_hypothetical");
    var answers = ClassifierOutputs.read(dir.resolve("olmo-analysis-responses.jsonl"));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      PromptRow r = survey.get(i);
      rows.add(Map.of("model", "allenai/OLMo-2-1124-7B-Instruct", "language", r.language(), "question_key", r.questionKey(),
          "template_type", r.templateType()));
    }
    var responses = new CsvRecords(List.of("model", "language", "question_key", "template_type"), rows);
    var merged = ScoreMerge.merge(responses, answers, GroundTruthLookup.read(dir.resolve("ground_truth.csv")));
    CsvRecords scored = merged.scored();
    assertEquals(ScoreMerge.SCORED_COLUMNS, scored.columns());
    assertTrue(scored.size() > 800);
    for (Map<String, String> r : scored.rows()) {
      assertEquals(r.get("language"), r.get("response_language"));
      assertEquals("OLMo-2-1124-7B-Instruct", r.get("model_name"));
      assertEquals("olmo", r.get("model_family"));
      double s = Double.parseDouble(r.get("response_pro_score"));
      assertTrue(s >= 0 && s <= 1);
    }
    var c = merged.counts();
    assertEquals(950, c.kept() + c.undefinedScore() + c.noGroundTruth() + c.languageMismatch());
    scored.write(tmp.resolve("s.csv"));
    assertEquals(scored.size(), CsvRecords.read(tmp.resolve("s.csv"), ScoreMerge.SCORED_COLUMNS.toArray(String[]::new)).size());
    assertThrows(StageInputException.class, () -> ScoreMerge.merge(responses, answers.subList(0, 10), GroundTruthLookup.read(dir.resolve("ground_truth.csv"))));
  }
}
