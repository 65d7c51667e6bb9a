package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets an error naming the file and line, and nothing is written. */
class BadMicrodataTest {
  @TempDir Path dir;

  private MicrodataFormatException fails(String content) throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, content);
    Path out = dir.resolve("out");
    MicrodataFormatException e = assertThrows(MicrodataFormatException.class,
        () -> GroundTruth.compute(f, GroundTruthSettings.paper(), Microdata.Progress.NONE).writeTo(out));
    assertTrue(e.getMessage().startsWith("bad.csv"), e.getMessage());
    assertTrue(!Files.exists(out), "no output folder after an error");
    return e;
  }

  @Test
  void missingRequiredColumns() throws Exception {
    String good = GroundTruthTest.HEADER;
    for (String col : Microdata.REQUIRED) {
      String header = String.join(",", java.util.Arrays.stream(good.split(",")).filter(c -> !c.equals(col)).toList());
      MicrodataFormatException e = fails(header + "\n");
      assertEquals(1, e.line());
      assertTrue(e.getMessage().contains("[" + col + "]"), e.getMessage());
    }
  }

  @Test
  void nonNumericCode() throws Exception {
    String[] rows = GroundTruthTest.ROWS.clone();
    rows[2] = rows[2].replace(",10,1,", ",ten,1,"); // F120 of r3 (line 4)
    MicrodataFormatException e = fails(GroundTruthTest.HEADER + "\n" + String.join("\n", rows) + "\n");
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    assertTrue(e.getMessage().contains("'F120'") && e.getMessage().contains("'ten'"), e.getMessage());
  }

  @Test
  void nonNumericWeight() throws Exception {
    String[] rows = GroundTruthTest.ROWS.clone();
    rows[0] = rows[0].replace("DK,da,1.0,2.0", "DK,da,1.0,heavy");
    MicrodataFormatException e = fails(GroundTruthTest.HEADER + "\n" + String.join("\n", rows) + "\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("'pwght'"), e.getMessage());
  }

  @Test
  void truncatedLastLine() throws Exception {
    String text = GroundTruthTest.file();
    String cut = text.substring(0, text.length() - 12); // last row loses its last fields and newline
    MicrodataFormatException e = fails(cut);
    assertEquals(10, e.line());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void unterminatedQuote() throws Exception {
    MicrodataFormatException e = fails(GroundTruthTest.HEADER + "\n" + GroundTruthTest.ROWS[0] + "\n\"DK,da,1\n");
    assertEquals(3, e.line());
  }

  @Test
  void emptyFileAndMissingFile() throws Exception {
    assertEquals(1, fails("").line());
    MicrodataFormatException e = assertThrows(MicrodataFormatException.class,
        () -> Microdata.read(dir.resolve("absent.csv")));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void earlierOutputsSurviveAFailedRun() throws Exception {
    Path out = dir.resolve("kept");
    Path good = dir.resolve("good.csv");
    Files.writeString(good, GroundTruthTest.file());
    GroundTruth.compute(good, GroundTruthSettings.paper(), Microdata.Progress.NONE).writeTo(out);
    String before = Files.readString(out.resolve(GroundTruth.GLOBAL));
    Path bad = dir.resolve("bad2.csv");
    Files.writeString(bad, GroundTruthTest.file() + "DK,da,1\n");
    assertThrows(MicrodataFormatException.class,
        () -> GroundTruth.compute(bad, GroundTruthSettings.paper(), Microdata.Progress.NONE).writeTo(out));
    assertEquals(before, Files.readString(out.resolve(GroundTruth.GLOBAL)));
    try (var s = Files.list(out)) {
      assertEquals(6, s.count());
    }
  }

  @Test
  void aFailedWriteLeavesNothing() throws Exception {
    Path good = dir.resolve("good.csv");
    Files.writeString(good, GroundTruthTest.file());
    GroundTruth gt = GroundTruth.compute(good, GroundTruthSettings.paper(), Microdata.Progress.NONE);
    Path out = dir.resolve("blocked");
    Files.createDirectories(out.resolve(GroundTruth.SELF_CONSISTENCY)); // a folder where a file must go
    Files.writeString(out.resolve("marker"), "x");
    assertThrows(RuntimeException.class, () -> gt.writeTo(out));
    try (var s = Files.list(out)) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of(GroundTruth.SELF_CONSISTENCY, "marker"), names);
    }
  }
}
