package org.mcalign.scoring;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.DataFormatException;
import org.mcalign.prompts.CsvRecords;

class LabellingSheetTest {
  @TempDir Path dir;

  @Test
  void statementsAreTheNumberedItemsElseTheParagraphs() {
    assertEquals(List.of("Citizen 1 agrees.", "Citizen 2 disagrees,\nstrongly.", "Citizen 3 is unsure."),
        Statements.split("Here are the summaries:\n\n1. Citizen 1 agrees.\n2. Citizen 2 disagrees,\nstrongly.\n\n3) Citizen 3 is unsure."));
    assertEquals(List.of("One view.", "Another view."), Statements.split("One view.\n\n  \nAnother view."));
    assertEquals(List.of("**Citizen A** is for it.", "Against."), Statements.split("**1.** **Citizen A** is for it.\n**2.** Against."));
    assertEquals(List.of(), Statements.split("  "));
  }

  @Test
  void sheetRoundTripsAndRejectsUnknownLabels() throws Exception {
    CsvRecords sheet = LabellingSheet.of(List.of(new OpinionAnnotator.Input("divorce", "1. For it.\n2. Against it."),
        new OpinionAnnotator.Input("abortion", "No numbered list here.")));
    assertEquals(LabellingSheet.COLUMNS, sheet.columns());
    assertEquals(List.of("0-0", "0-1", "1-0"), sheet.rows().stream().map(r -> r.get("item")).toList());
    Path f = dir.resolve("sheet.csv");
    Files.writeString(f, "item,response_id,position,topic,statement,label\n0-0,0,0,divorce,For it.,PRO\n0-1,0,1,divorce,Against it.,\n"
        + "1-0,1,0,abortion,No list.,neither\n");
    assertEquals(Map.of("0-0", "pro", "1-0", "NULL"), LabellingSheet.read(f));
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "item,label\n0-0,pro\n0-1,maybe\n");
    var e = assertThrows(DataFormatException.class, () -> LabellingSheet.read(bad));
    assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("3") && e.getMessage().contains("maybe"), e.getMessage());
    Path dup = dir.resolve("dup.csv");
    Files.writeString(dup, "item,label\n0-0,pro\n0-0,con\n");
    assertThrows(DataFormatException.class, () -> LabellingSheet.read(dup));
  }

  @Test
  void annotatorRequestsAreThePapers() {
    var r = OpinionAnnotator.requests(List.of(new OpinionAnnotator.Input("Skilsmisse", "1. For.")), "gpt-4o-mini");
    assertEquals("response-0", r.get(0).customId());
    assertEquals(OpinionAnnotator.SYSTEM_MESSAGE, r.get(0).systemContent());
    assertEquals("{\"topic\": \"Skilsmisse\", \"response\": \"1. For.\"}", r.get(0).userContent());
    String line = r.get(0).toJsonLine();
    assertTrue(line.contains("\"model\": \"gpt-4o-mini\"") && line.contains("\"ProcessOpinions\"") && line.contains("\"temperature\": 0.0"), line);
  }
}
