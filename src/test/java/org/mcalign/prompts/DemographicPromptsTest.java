package org.mcalign.prompts;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemographicPromptsTest {
  @Test
  void sentenceGoesAfterTheFirstFullStop() {
    assertEquals(
        "Imagine a survey. The respondents are from Kenya. Summarise {x}.",
        DemographicPrompts.insert("Imagine a survey. Summarise {x}.", "en", "Kenya"));
    assertEquals("A. Respondenterne er fra Denmark.", DemographicPrompts.insert("A.", "da", "Denmark"));
    assertThrows(StageInputException.class, () -> DemographicPrompts.insert("no stop", "en", "Kenya"));
  }

  @Test
  void variantsMatchThePapersExperimentDesign() {
    var dir = PaperData.dir();
    List<PromptRow> survey =
        PromptTable.ofType(PromptTable.read(dir.resolve("translated_prompts_with_english_no_controversy.csv")), "survey_hypothetical");
    var variants = DemographicPrompts.variants(survey, DemographicPrompts.countriesByLanguage(org.mcalign.data.Study.paper()), 3);
    assertEquals(2 * survey.size(), variants.size());
    // the paper's file: which countries appeared per (language, congruent)
    CsvRecords paper = CsvRecords.read(dir.resolve("demographic-all_prompts_responses.csv"));
    assertEquals(paper.size(), variants.size());
    Map<String, Set<String>> paperSets =
        paper.rows().stream().collect(Collectors.groupingBy(r -> r.get("language") + r.get("is_congruent"),
            Collectors.mapping(r -> r.get("country"), Collectors.toCollection(TreeSet::new))));
    Map<String, Set<String>> ours =
        variants.stream().collect(Collectors.groupingBy(v -> v.row().language() + v.congruent(),
            Collectors.mapping(DemographicPrompts.Variant::country, Collectors.toCollection(TreeSet::new))));
    assertEquals(paperSets, ours);
    for (int i = 0; i < variants.size(); i++) {
      var v = variants.get(i);
      assertEquals(i < survey.size(), v.congruent());
      assertEquals(paper.rows().get(i).get("index"), v.row().index());
      assertEquals(paper.rows().get(i).get("is_congruent"), DemographicPrompts.toMap(v).get("is_congruent"));
      assertTrue(v.text().contains(v.country()));
      assertTrue(v.text().contains(v.row().topic()));
    }
  }
}
