package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvOutTest {
  @TempDir Path dir;

  /** Python's repr of the same doubles, from CPython (src/test/resources/.../python-float-repr.tsv). */
  @Test
  void doublesPrintLikePythonRepr() throws IOException {
    List<String> lines;
    try (var in = CsvOutTest.class.getResourceAsStream("python-float-repr.tsv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
    assertTrue(lines.size() > 3000);
    for (String line : lines) {
      String[] f = line.split("\t");
      double x = Double.parseDouble(f[0]); // Java reads Python's float.hex() exactly
      assertEquals(f[1], CsvOut.formatDouble(x), () -> "repr of " + f[0]);
    }
  }

  @Test
  void handPickedDoubles() {
    assertEquals("0.1", CsvOut.formatDouble(0.1));
    assertEquals("3.0", CsvOut.formatDouble(3.0));
    assertEquals("0.0001", CsvOut.formatDouble(1e-4));
    assertEquals("1e-05", CsvOut.formatDouble(1e-5));
    assertEquals("1e+16", CsvOut.formatDouble(1e16));
    assertEquals("1000000000000000.0", CsvOut.formatDouble(1e15));
    assertEquals("-0.0", CsvOut.formatDouble(-0.0));
    assertEquals("0.30000000000000004", CsvOut.formatDouble(0.1 + 0.2));
    assertEquals("2e+23", CsvOut.formatDouble(2e23));
    assertEquals("4.8726570057e+288", CsvOut.formatDouble(4.8726570057E288)); // Java 17: 4.8726570056999995E288
    assertEquals("nan", CsvOut.formatDouble(Double.NaN));
  }

  @Test
  void floatsRoundTrip() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      float f = Float.intBitsToFloat(rng.nextInt());
      if (Float.isNaN(f) || Float.isInfinite(f)) continue;
      String s = PythonFloats.repr(f);
      assertEquals(f, Float.parseFloat(s), s);
    }
    assertEquals("0.1", PythonFloats.repr(0.1f));
  }

  @Test
  void writesThePandasFormat() throws IOException {
    Table t = Table.create("t",
        StringColumn.create("name", "plain", "with,comma", "with \"quote\"", "two\nlines", ""),
        DoubleColumn.create("x", 0.1, 1e-5, Double.NaN, 3.0, 0.30000000000000004),
        IntColumn.create("n", 1, -2, 3, 4, 5),
        BooleanColumn.create("b", true, false, true, false, true));
    Path out = CsvOut.write(t, dir.resolve("sub/out.csv"));
    assertEquals("name,x,n,b\n"
        + "plain,0.1,1,True\n"
        + "\"with,comma\",1e-05,-2,False\n"
        + "\"with \"\"quote\"\"\",,3,True\n"
        + "\"two\nlines\",3.0,4,False\n"
        + ",0.30000000000000004,5,True\n", Files.readString(out));
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertEquals(List.of("out.csv"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }
  }

  /**
   * The paper's own files, read and written again, come out byte for byte (pandas wrote them).
   * The two demographic CSVs are left out: polars wrote them (booleans as true/false).
   */
  @Test
  void paperFilesRoundTripByteForByte() throws IOException {
    PaperFiles files = RealData.files();
    for (String name : List.of("all_lang_model_responses_with_scores.csv", "ground_truth_global.csv",
        "ground_truth_per_language.csv", "ground_truth_every_country.csv", "gt_self_consistency.csv",
        "multilingual_benchmarks.csv", "translated_prompts_with_english_no_controversy.csv", "ground_truth.csv", "ground_truth_all_countries.csv", "country_languages.csv", "prompts/clean_english_prompts.csv")) {
      Table t = files.csv(name);
      String original = Files.readString(RealData.folder().resolve(name));
      assertEquals(original, CsvOut.toCsv(t), name);
    }
  }

  /** The byte writer against the cell-by-cell reference on generated tables: every column type, missing values, quoting, UTF-8. */
  @Test
  void byteWriterEqualsCellByCellText() throws IOException {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(20261203);
    String[] words = {"en", "da", "a,b", "say \"no\"", "two\nlines", "São Paulo", "日本", "", "x\ry"};
    for (int t = 0; t < 40; t++) {
      int rows = rng.nextInt(0, 300);
      DoubleColumn d = DoubleColumn.create("value");
      IntColumn i = IntColumn.create("round, n");
      StringColumn s = StringColumn.create("name");
      BooleanColumn b = BooleanColumn.create("kept");
      for (int r = 0; r < rows; r++) {
        double x = switch (rng.nextInt(8)) {
          case 0 -> Double.NaN;
          case 1 -> Double.longBitsToDouble(rng.nextLong()); // any bit pattern: tiny, huge, subnormal, inf
          case 2 -> -0.0;
          case 3 -> rng.nextInt(-1000, 1000);
          default -> rng.nextGaussian() * Math.pow(10, rng.nextInt(-8, 20));
        };
        d.append(x);
        if (rng.nextInt(10) == 0) i.appendMissing();
        else i.append(rng.nextInt(6) == 0 ? (rng.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE) : rng.nextInt(-100000, 100000));
        if (rng.nextInt(12) == 0) s.appendMissing();
        else s.append(words[rng.nextInt(words.length)]);
        if (rng.nextInt(9) == 0) b.appendMissing();
        else b.append(rng.nextBoolean());
      }
      Table table = Table.create("t" + t, d, i, s, b);
      for (CsvOut.Style style : CsvOut.Style.values()) {
        String expected = CsvOut.toCsvByCells(table, style);
        assertEquals(expected, CsvOut.toCsv(table, style), "table " + t + ", " + style);
        Path f = CsvOut.write(table, dir.resolve("t" + t + style + ".csv"), style);
        assertEquals(expected, Files.readString(f, StandardCharsets.UTF_8), "file of table " + t + ", " + style);
      }
    }
  }
}
