package org.mcalign.prompts;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSetTest {
  @TempDir Path tmp;

  @Test
  void paperTableRoundTripsByteForByte() throws Exception {
    Path src = PaperData.dir().resolve("translated_prompts_with_english_no_controversy.csv");
    List<PromptRow> rows = PromptTable.read(src);
    assertEquals(3600, rows.size());
    Path out = PromptTable.write(rows, tmp.resolve("p.csv"));
    assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(out));
  }

  @Test
  void filledPromptsEqualThePapersBatchRequests() throws Exception {
    Path dir = PaperData.dir();
    List<PromptRow> rows = PromptTable.read(dir.resolve("translated_prompts_with_english_no_controversy.csv"));
    List<String> lines = Files.readAllLines(dir.resolve("all-language-requests.jsonl"));
    ObjectMapper om = new ObjectMapper();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode req = om.readTree(lines.get(i));
      assertEquals(String.format("gpt-3.5-turbo-0125-answers-%05d", i), req.get("custom_id").asText());
      assertEquals(req.at("/body/messages/0/content").asText(), rows.get(i).filledPrompt(), "row " + i);
    }
  }

  @Test
  void batchLinesAreWrittenAsPythonWroteThem() throws Exception {
    Path dir = PaperData.dir();
    List<PromptRow> rows = PromptTable.read(dir.resolve("translated_prompts_with_english_no_controversy.csv"));
    List<String> lines = Files.readAllLines(dir.resolve("all-language-requests.jsonl"));
    for (int i : new int[] {0, 1, 1234, 3599}) {
      BatchRequestLine l =
          new BatchRequestLine(String.format("gpt-3.5-turbo-0125-answers-%05d", i), "gpt-3.5-turbo-0125",
              List.of(BatchRequestLine.message("user", rows.get(i).filledPrompt())));
      assertEquals(lines.get(i), l.toJsonLine());
    }
  }

  @Test
  void paperPromptMaterialLoads() {
    PromptSet set = PromptSet.fromPaperFiles(PaperData.dir());
    assertEquals(Set.of("argument", "headlines", "survey_hypothetical"), set.templates().keySet());
    // prompt_templates.txt has 11 lines, 2 of them repeated
    assertEquals(9, set.templates().get("survey_hypothetical").size());
    assertEquals(35, set.topics().size());
    set.templates().values().forEach(ts -> ts.forEach(t -> assertTrue(t.contains("{topic}"))));
  }

  @Test
  void buildIsSeededAndDrawsOnlyValidCombinations() {
    PromptSet set = PromptSet.fromPaperFiles(PaperData.dir());
    List<PromptRow> a = set.build(PromptSet.PAPER_PROMPTS_PER_TYPE, 7);
    List<PromptRow> b = set.build(PromptSet.PAPER_PROMPTS_PER_TYPE, 7);
    List<PromptRow> c = set.build(PromptSet.PAPER_PROMPTS_PER_TYPE, 8);
    assertEquals(900, a.size());
    assertEquals(a, b);
    assertNotEquals(a, c);
    Map<String, Long> perType = a.stream().collect(Collectors.groupingBy(PromptRow::templateType, Collectors.counting()));
    assertEquals(Map.of("argument", 300L, "headlines", 300L, "survey_hypothetical", 300L), perType);
    for (PromptRow r : a) {
      assertTrue(set.topics().get(r.questionKey()).contains(r.topic()));
      assertTrue(set.templates().get(r.templateType()).contains(r.prompt()));
    }
    // no combination drawn twice
    assertEquals(900, new HashSet<>(a.stream().map(r -> List.of(r.templateType(), r.prompt(), r.topic())).toList()).size());
  }

  @Test
  void addingAnItemIsConfiguration() {
    PromptSet set =
        PromptSet.fromPaperFiles(PaperData.dir()).withItem("x999", "New item", List.of("a new topic", "another"));
    List<PromptRow> rows = set.build(100_000, 1);
    assertTrue(rows.stream().anyMatch(r -> r.questionKey().equals("x999") && r.topic().equals("another")));
    assertThrows(StageInputException.class, () -> set.withTemplates("argument", List.of("no slot here")));
  }

  @Test
  void pythonFloatRepr() {
    assertEquals("0.5714285714285714", PythonFormat.repr(4.0 / 7));
    assertEquals("1.0", PythonFormat.repr(1.0));
    assertEquals("0.0001", PythonFormat.repr(1e-4));
    assertEquals("1e-05", PythonFormat.repr(1e-5));
    assertEquals("0.001", PythonFormat.repr(0.001));
    assertEquals("123456789.0", PythonFormat.repr(123456789.0));
    assertEquals("1e+16", PythonFormat.repr(1e16));
  }
}
