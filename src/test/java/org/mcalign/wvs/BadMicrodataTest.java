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

  /** NaN or infinite weights would turn every sum into NaN, negative ones into nonsense: refused with file, line and column. */
  @Test
  void weightsMustBeFiniteAndNonNegative() throws Exception {
    for (String bad : List.of("NaN", "Infinity", "-Infinity", "-1.5", "nan")) {
      for (String column : List.of("gwght", "pwght")) {
        String[] rows = GroundTruthTest.ROWS.clone();
        rows[1] = column.equals("gwght") ? rows[1].replace("DK,da,0.5,2.0", "DK,da," + bad + ",2.0")
            : rows[1].replace("DK,da,0.5,2.0", "DK,da,0.5," + bad);
        MicrodataFormatException e = fails(GroundTruthTest.HEADER + "\n" + String.join("\n", rows) + "\n");
        assertEquals(3, e.line(), e.getMessage());
        int field = column.equals("gwght") ? 3 : 4;
        assertEquals("bad.csv, line 3: column '" + column + "' (field " + field + "): a weight must be a finite number >= 0, found '"
            + bad + "'; correct that respondent's weight or remove the row", e.getMessage());
      }
    }
  }

  @Test
  void aHeaderWithoutRespondentsIsRefused() throws Exception {
    MicrodataFormatException e = fails(GroundTruthTest.HEADER + "\n");
    assertEquals("bad.csv: no respondents: the file has a header row but no data rows", e.getMessage());
  }

  @Test
  void testedLanguagesThatNoRespondentSpeaksAreRefused() throws Exception {
    Path f = dir.resolve("hand.csv");
    Files.writeString(f, GroundTruthTest.file());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroundTruth.compute(f,
        GroundTruthSettings.paper().withLanguages(List.of("xx", "zz")), Microdata.Progress.NONE));
    assertEquals("tested languages [xx, zz]: no respondent of hand.csv was interviewed in any of them (its lnge_iso values:"
        + " [da, en, es, fr, nl]); choose tested languages among those", e.getMessage());
  }

  @Test
  void aFolderIsNotAMicrodataFile() {
    MicrodataFormatException e = assertThrows(MicrodataFormatException.class, () -> Microdata.read(dir));
    assertTrue(e.getMessage().endsWith(dir + " is a folder, expected the microdata CSV file"), e.getMessage());
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
      assertEquals(6, s.filter(p -> !p.getFileName().toString().startsWith(".")).count());
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
      List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
      assertEquals(List.of(GroundTruth.SELF_CONSISTENCY, "marker"), names);
    }
  }
}
