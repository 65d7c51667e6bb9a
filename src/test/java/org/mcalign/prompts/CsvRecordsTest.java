package org.mcalign.prompts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.DataFormatException;

class CsvRecordsTest {
  @TempDir Path tmp;

  @Test
  void quotesOnlyWhereNeededAndReadsBackTheSameRows() throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("id", "1");
    a.put("text", "line one\nsaid \"hi\", then left");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("id", "2"); // no text: written empty
    Path f = CsvRecords.write(tmp.resolve("r.csv"), List.of("id", "text"), List.of(a, b));
    // worked out by hand from pandas' rules: quote a value with a comma, quote or line break; double quotes
    assertEquals("id,text\n1,\"line one\nsaid \"\"hi\"\", then left\"\n2,\n", Files.readString(f));
    CsvRecords back = CsvRecords.read(f, "id", "text");
    assertEquals(List.of("id", "text"), back.columns());
    assertEquals(a, back.rows().get(0));
    assertEquals("", back.rows().get(1).get("text"));
    back.rows().get(1).put("text", "edited"); // rows stay editable for the stages
    assertEquals("edited", back.toTable("t").stringColumn("text").get(1));
  }

  @Test
  void paperFileRoundTripsByteForByte() throws Exception {
    Path paper = PaperData.dir().resolve("demographic-all_prompts_responses.csv");
    CsvRecords r = CsvRecords.read(paper, "question_key");
    assertTrue(r.size() > 0);
    assertArrayEquals(Files.readAllBytes(paper), Files.readAllBytes(r.write(tmp.resolve("copy.csv"))));
  }

  @Test
  void badInputNamesFileAndLine() throws Exception {
    Path f = tmp.resolve("bad.csv");
    Files.writeString(f, "a,b\n1,2\n3\n", StandardCharsets.UTF_8);
    DataFormatException width = assertThrows(DataFormatException.class, () -> CsvRecords.read(f));
    assertEquals("bad.csv", width.file());
    assertEquals(3, width.line());
    Files.writeString(f, "a,b\n1,2\n", StandardCharsets.UTF_8);
    DataFormatException missing = assertThrows(DataFormatException.class, () -> CsvRecords.read(f, "a", "topic"));
    assertTrue(missing.getMessage().startsWith("bad.csv, line 1: missing column topic"), missing.getMessage());
  }
}
