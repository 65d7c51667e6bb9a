package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {
  @TempDir Path dir;

  @Test
  void thePapersStudyIsTheUpstreamConstants() {
    Study p = Study.paper();
    // models.py and constants.py of jhrystrom/multicultural-alignment@f550348
    assertEquals(List.of("gpt-3.5-turbo-0125", "gpt-4-turbo-2024-04-09", "gpt-4o", "gemma-2-2b-it", "gemma-2-9b-it", "gemma-2-27b-it",
        "OLMo-2-1124-7B-Instruct", "OLMo-2-1124-13B-Instruct", "OLMo-2-0325-32B-Instruct"), p.modelNames());
    assertEquals(List.of("openai", "gemma", "olmo"), p.families());
    assertEquals(Set.of("da", "nl", "en", "pt"), Set.copyOf(p.languageCodes()));
    assertEquals("US", p.referenceCountry());
    assertEquals("en", p.referenceLanguage());
    assertEquals(Set.of("US", "NZ", "CA", "AU", "GB", "KE", "ZW"), p.referenceSpeakingCountries(), "ENGLISH_SPEAKING_COUNTRIES");
    assertEquals(Set.of("US", "GB", "CA", "AU", "NZ", "SG", "KE", "NG", "NIR", "ZW"), p.countriesSpeaking("en"));
    assertEquals("GPT-4o", p.displayName("gpt-4o"));
    assertEquals("gpt-4o", p.modelOfBenchmarkName("gpt-4o-2024-05-13").orElseThrow());
    assertEquals("google/gemma-2-9b-it", p.servedName("gemma-2-9b-it"));
    assertTrue(p.isPaper());
  }

  @Test
  void aFileReplacesTheKeysItHasAndKeepsTheOthers() throws Exception {
    Path f = dir.resolve(Study.FILE_NAME);
    Files.writeString(f, """
        {"models": [{"name": "my-model", "family": "mine"}], "notes": "kept"}
        """);
    Study s = Study.read(f);
    assertEquals(List.of("my-model"), s.modelNames());
    assertEquals(List.of(Study.BASELINE_FAMILY, "mine"), s.allFamilies());
    assertEquals("my-model", s.displayName("my-model"), "display name defaults to the name");
    assertEquals(Study.paper().languageCodes(), s.languageCodes(), "languages not given: the paper's");
    assertTrue(s.toJson().contains("\"notes\" : \"kept\""), s.toJson());
    assertTrue(s.source().contains("study.json"), s.source());
    assertEquals(s.modelNames(), Study.parse(s.toJson(), "again.json", Study.paper()).modelNames(), "toJson reads back");
  }

  @Test
  void addingALanguageAndCountryDerivesTheLanguageSets() {
    Study s = Study.paper().withLanguage(new Study.Language("de", "German", null))
        .withCountry(new Study.Country("DE", "Germany", "de"));
    assertTrue(s.languageCodes().contains("de"));
    assertEquals(Set.of("DE"), s.countriesSpeaking("de"));
    assertTrue(s.monoculturalLanguages().contains("de"), s.monoculturalLanguages().toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.demographicSentence("de"));
    assertTrue(e.getMessage().contains("demographic_sentence") && e.getMessage().contains("German"), e.getMessage());
  }

  @Test
  void badStudiesAreRefusedNamingTheFileAndField() {
    String[][] cases = {
        {"[1, 2]", "not a JSON object"},
        {"{\"models\": [{\"name\": \"a\", \"family\": \"x\"}, {\"name\": \"a\", \"family\": \"y\"}]}", "declared twice"},
        {"{\"models\": [{\"name\": \"a\", \"family\": \"Baseline\"}]}", "models[0].family"},
        {"{\"countries\": [{\"code\": \"DE\", \"name\": \"Germany\", \"language\": \"de\"}]}", "language 'de' of country DE"},
        {"{\"reference_country\": \"XX\"}", "reference_country"},
        {"{\"languages\": [{\"code\": \"German\", \"name\": \"German\"}]}", "not a language code"},
        {"{\"models\": [{\"name\": \"a\"}]}", "family"},
        {"{\"models\": ", "s.json"},
    };
    for (String[] c : cases) {
      DataFormatException e = assertThrows(DataFormatException.class, () -> Study.parse(c[0], "s.json", Study.paper()), c[0]);
      assertTrue(e.getMessage().contains("s.json") && e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
  }

  @Test
  void undeclaredValuesNameThemTheFileAndStudyJson() {
    String m = Study.paper().undeclared("model", List.of("my-model"), "scores.csv");
    assertTrue(m.contains("'my-model'") && m.contains("scores.csv") && m.contains(Study.FILE_NAME) && m.contains("study init"), m);
  }
}
