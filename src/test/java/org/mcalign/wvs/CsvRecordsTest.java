package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  static List<List<String>> parse(String text, int buffer) throws IOException {
    CsvRecords csv = new CsvRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), buffer);
    List<List<String>> rows = new ArrayList<>();
    while (csv.next()) {
      List<String> r = new ArrayList<>();
      r.add("@" + csv.line());
      for (int f = 0; f < csv.fieldCount(); f++) r.add(csv.text(f));
      rows.add(r);
    }
    return rows;
  }

  @Test
  void quotesEscapesLineBreaksAndCrlf() throws IOException {
    String text = "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\r\n\"two\nlines\",2,3\n\n4,,\"\"\n5,6,7";
    List<List<String>> expected = List.of(
        List.of("@1", "a", "b", "c"),
        List.of("@2", "x,1", "say \"hi\"", ""),
        List.of("@3", "two\nlines", "2", "3"),
        List.of("@6", "4", "", ""),
        List.of("@7", "5", "6", "7"));
    for (int buffer : new int[] {1, 2, 3, 5, 7, 64, 1 << 16}) {
      assertEquals(expected, parse(text, buffer), "buffer " + buffer);
    }
  }

  @Test
  void unterminatedQuoteNamesTheLine() {
    CsvRecords.CsvSyntaxException e = assertThrows(CsvRecords.CsvSyntaxException.class,
        () -> parse("a,b\n1,2\n3,\"open\n", 4));
    assertEquals(3, e.line);
    assertTrue(e.getMessage().contains("unterminated"));
  }

  @Test
  void textAfterClosingQuoteIsAnError() {
    CsvRecords.CsvSyntaxException e = assertThrows(CsvRecords.CsvSyntaxException.class,
        () -> parse("a,b\n\"1\"x,2\n", 1 << 10));
    assertEquals(2, e.line);
  }

  @Test
  void integerCodes() {
    assertEquals(4, code("4"));
    assertEquals(-3, code("-3"));
    assertEquals(10, code("10.0"));
    assertEquals(7, code("+7"));
    assertEquals(Microdata.BAD, code("x"));
    assertEquals(Microdata.BAD, code("4.5"));
    assertEquals(Microdata.BAD, code("-"));
    assertEquals(Microdata.BAD, code("NA"));
    assertEquals(Microdata.BAD, code("1e3"));
  }

  private static long code(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return Microdata.parseCode(b, 0, b.length);
  }

  @Test
  void plainDecimalWeightsAreExactlyWhatParseDoubleReads() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(19);
    List<String> texts = new java.util.ArrayList<>(List.of("1.0", "0", "007.50", "1.", ".5", "123456789012345",
        "0.0000000000000000000001", "0.1", "0.873468", "999999999999999"));
    for (int i = 0; i < 20_000; i++) {
      String digits = Long.toString(rng.nextLong(100_000_000_000_000L, 1_000_000_000_000_000L)).substring(0, 1 + rng.nextInt(15));
      int point = rng.nextInt(digits.length() + 1);
      texts.add(digits.substring(0, point) + "." + digits.substring(point));
    }
    for (String t : texts) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(t)), Double.doubleToRawLongBits(Microdata.plainDecimal(b, 0, b.length)), t);
    }
    for (String t : List.of("1234567890123456", "2.9999999999999996", "0.00000000000000000000001", "1e3", "-1", "+1", " 1", "1.2.3", ".", "", "NaN", "1,5")) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertEquals(-1, Microdata.plainDecimal(b, 0, b.length), t + ": left to Double.parseDouble");
    }
  }
}
