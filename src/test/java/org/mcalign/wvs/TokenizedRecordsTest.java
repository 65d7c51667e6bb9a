package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The records split on a background thread are exactly {@link CsvRecords}' records, errors included. */
class TokenizedRecordsTest {
  /** Each record as "@line", its fields, and "!" when it ended the input without a line break. */
  static List<List<String>> viaThread(String text) throws IOException {
    try (TokenizedRecords csv = new TokenizedRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t")) {
      List<List<String>> rows = new ArrayList<>();
      while (csv.next()) {
        List<String> r = new ArrayList<>();
        r.add("@" + csv.line());
        for (int f = 0; f < csv.fieldCount(); f++) {
          r.add(csv.text(f));
          // the offsets the pass reads directly must agree with text()
          String raw = new String(csv.buffer(), csv.starts()[csv.base() + f], csv.ends()[csv.base() + f] - csv.starts()[csv.base() + f],
              StandardCharsets.UTF_8);
          assertEquals(csv.text(f), raw.replace("\"\"", "\""));
        }
        if (csv.endedWithoutNewline()) r.add("!");
        rows.add(r);
      }
      assertFalse(csv.next(), "the end stays the end");
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, csv.bytesRead());
      return rows;
    }
  }

  static List<List<String>> direct(String text) throws IOException {
    CsvRecords csv = new CsvRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    List<List<String>> rows = new ArrayList<>();
    while (csv.next()) {
      List<String> r = new ArrayList<>();
      r.add("@" + csv.line());
      for (int f = 0; f < csv.fieldCount(); f++) r.add(csv.text(f));
      if (csv.endedWithoutNewline()) r.add("!");
      rows.add(r);
    }
    return rows;
  }

  @Test
  void quotesEscapesLineBreaksCrlfAndBlankLines() throws IOException {
    String text = "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\r\n\"two\nlines\",2,3\n\n4,,\"\"\n5,6,7";
    assertEquals(direct(text), viaThread(text));
    assertEquals(List.of("@7", "5", "6", "7", "!"), viaThread(text).get(4));
  }

  /** Many batches, records longer than a batch, every field shape, with and without a final line break. */
  @Test
  void randomFilesOverManyBatches() throws IOException {
    SplittableRandom rng = new SplittableRandom(19);
    for (int file = 0; file < 6; file++) {
      StringBuilder sb = new StringBuilder();
      int records = file == 0 ? 3 : 20_000;
      for (int r = 0; r < records; r++) {
        int fields = file == 0 ? 600_000 + r : 1 + rng.nextInt(40); // file 0: records longer than a batch, in bytes and fields
        for (int f = 0; f < fields; f++) {
          if (f > 0) sb.append(',');
          switch (rng.nextInt(8)) {
            case 0 -> sb.append("\"q,\"\"").append(rng.nextInt(100)).append("\"\"\n\"");
            case 1 -> { } // empty
            case 2 -> sb.append("-").append(rng.nextInt(6));
            default -> sb.append(rng.nextInt(12));
          }
        }
        sb.append(rng.nextInt(5) == 0 ? "\r\n" : "\n");
        if (rng.nextInt(50) == 0) sb.append('\n'); // a blank line
      }
      if (file % 2 == 1) sb.setLength(sb.length() - 1); // no final line break
      String text = sb.toString();
      assertEquals(direct(text), viaThread(text), "file " + file);
    }
  }

  @Test
  void aSyntaxErrorComesAfterTheRecordsBeforeIt() throws IOException {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 50_000; i++) sb.append(i).append(",x\n");
    sb.append("1,\"open\n");
    try (TokenizedRecords csv = new TokenizedRecords(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "t")) {
      int records = 0;
      CsvRecords.CsvSyntaxException e = null;
      try {
        while (csv.next()) records++;
      } catch (CsvRecords.CsvSyntaxException x) {
        e = x;
      }
      assertEquals(50_001, records);
      assertEquals(50_002, e.line);
    }
  }

  @Test
  void aReadErrorComesAfterTheRecordsBeforeIt() throws IOException {
    byte[] good = "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);
    try (TokenizedRecords csv = new TokenizedRecords(ReadAheadTest.failingAfter(good), "t")) {
      IOException e = assertThrows(IOException.class, () -> {
        while (csv.next()) {
          // records before the error
        }
      });
      assertEquals("disk on fire", e.getMessage());
    }
  }
}
