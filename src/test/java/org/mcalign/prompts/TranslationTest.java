package org.mcalign.prompts;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TranslationTest {
  private static final Map<String, String> NAMES = Map.of("nl", "Dutch", "pt", "Portuguese", "da", "Danish");

  private static List<PromptRow> english() {
    return PromptTable.read(PaperData.dir().resolve("translated_prompts_with_english_no_controversy.csv")).stream()
        .filter(r -> r.language().equals("en"))
        .toList();
  }

  @Test
  void requestsCarryThePapersSystemPromptAndFence() {
    List<PromptRow> en = english();
    List<Translation.Unit> units = Translation.units(en, List.of("nl", "pt"));
    long topics = en.stream().map(r -> List.of(r.topic(), r.questionKey())).distinct().count();
    long templates = en.stream().map(r -> List.of(r.prompt(), r.templateType())).distinct().count();
    assertEquals(2 * (topics + templates), units.size());
    List<BatchRequestLine> req = Translation.requests(units, NAMES, Translation.MODEL);
    assertEquals("translate-request-0", req.get(0).customId());
    assertEquals("translate-request-" + (units.size() - 1), req.get(units.size() - 1).customId());
    BatchRequestLine first = req.get(0);
    assertEquals(
        "You are a perfect translation machine. You take any user message and translate it perfectly, idiomatically"
            + " and directly to Dutch. You leave anything in curly brackets exactly as it is. Do not write anything"
            + " but the translation.",
        first.systemContent());
    assertEquals("```translate\n" + en.get(0).topic() + "\n```", first.userContent());
    assertTrue(req.get(req.size() - 1).systemContent().contains("directly to Portuguese."));
    assertThrows(StageInputException.class, () -> Translation.requests(units, Map.of("nl", "Dutch"), "m"));
  }

  @Test
  void cleanUpExtractsFenceAndNormalisesBraces() {
    assertEquals("Wat vind je van {topic}?", Translation.clean("```translate\nWat vind je van {onderwerp}?\n```"));
    assertEquals("Hallo {topic}", Translation.clean("Sure:\n```\nHallo {topic}\n```\nanything after"));
    assertEquals("no fence {topic} here", Translation.clean("no fence {x y} here"));
    assertEquals("  kept as is  ", Translation.clean("  kept as is  "));
  }

  @Test
  void placeholderCheckFlagsLostSlots() {
    var tmpl = new Translation.Unit(Translation.Kind.TEMPLATE, "argument", "List arguments about {topic}.", "nl");
    var topic = new Translation.Unit(Translation.Kind.TOPIC, "e235", "Democracy", "nl");
    var ok = new Translation.Translated(tmpl, "", "Noem argumenten over {topic}.");
    var lost = new Translation.Translated(tmpl, "", "Noem argumenten over democratie.");
    var topicOk = new Translation.Translated(topic, "", "Democratie");
    var topicBraces = new Translation.Translated(topic, "", "{topic}");
    assertEquals(List.of(lost, topicBraces), Translation.placeholderProblems(List.of(ok, lost, topicOk, topicBraces)));
  }

  @Test
  void pairingDrawsTranslationsOfTheRowsTypeAndItem() {
    List<PromptRow> en = english();
    List<Translation.Unit> units = Translation.units(en, List.of("nl", "pt"));
    // a stand-in translator: tags the text, wraps it in a fence and renames the placeholder
    List<String> replies =
        units.stream()
            .map(u -> "```translate\n[" + u.language() + "] " + u.text().replace("{topic}", "{onderwerp}") + "\n```")
            .toList();
    List<Translation.Translated> tr = Translation.cleanAll(units, replies);
    assertTrue(Translation.placeholderProblems(tr).isEmpty());
    List<PromptRow> table = Translation.pair(en, tr, 42);
    assertEquals(3 * en.size(), table.size());
    assertEquals(table, Translation.pair(en, tr, 42));
    Map<String, Set<String>> templatesByType =
        en.stream().collect(Collectors.groupingBy(PromptRow::templateType, Collectors.mapping(PromptRow::prompt, Collectors.toSet())));
    Map<String, Set<String>> topicsByItem =
        en.stream().collect(Collectors.groupingBy(PromptRow::questionKey, Collectors.mapping(PromptRow::topic, Collectors.toSet())));
    for (int i = en.size(); i < table.size(); i++) {
      PromptRow r = table.get(i);
      PromptRow source = en.get(i % en.size());
      String tag = "[" + r.language() + "] ";
      assertEquals(i < 2 * en.size() ? "nl" : "pt", r.language());
      assertEquals(source.questionKey(), r.questionKey());
      assertEquals(source.templateType(), r.templateType());
      assertTrue(r.prompt().startsWith(tag) && templatesByType.get(r.templateType()).contains(r.prompt().substring(tag.length())));
      assertTrue(r.topic().startsWith(tag) && topicsByItem.get(r.questionKey()).contains(r.topic().substring(tag.length())));
      assertEquals(String.valueOf(i), r.index());
    }
  }

  @Test
  void templatesThatLostThePlaceholderAreNeverDrawn() {
    List<PromptRow> en = english();
    List<Translation.Unit> units = Translation.units(en, List.of("nl"));
    String victim = en.get(0).prompt();
    List<String> replies =
        units.stream().map(u -> u.text().equals(victim) ? "lost slot" : "[nl] " + u.text()).toList();
    List<PromptRow> table = Translation.pair(en, Translation.cleanAll(units, replies), 1);
    assertEquals(2 * en.size(), table.size(), "every English row still gets a Dutch row");
    String victimType = en.get(0).templateType();
    long victimTypeRows = 0;
    for (PromptRow r : table.subList(en.size(), table.size())) {
      assertEquals("nl", r.language());
      assertTrue(r.prompt().startsWith("[nl] ") && r.prompt().contains("{topic}"), "a translated template with its slot: " + r.prompt());
      assertNotEquals("[nl] " + victim, r.prompt());
      if (r.templateType().equals(victimType)) victimTypeRows++;
    }
    assertTrue(victimTypeRows > 0, "rows of the victim's type draw from its other templates");
  }
}
