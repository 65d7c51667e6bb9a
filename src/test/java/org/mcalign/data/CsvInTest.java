package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * {@link CsvIn} reads as {@code pandas.read_csv} (pandas 1.5.3, default options) does. Each
 * expectation below is what pandas 1.5.3 returned for the same text (checked by hand with
 * /usr/bin/python3; the differential test compares the types of ~180 more files with pandas).
 */
class CsvInTest {
  private static CsvIn.Result read(String text) {
    return CsvIn.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv");
  }

  private static Column<?> column(String text, String name) {
    for (Column<?> c : read(text).columns()) if (c.name().equals(name)) return c;
    throw new AssertionError("no column " + name);
  }

  @Test
  void naTokensAreMissingAndTheColumnStaysNumeric() {
    Column<?> x = column("x,z\n1.5,1\nN/A,2\nNULL,3\nnan,4\n,5\n#N/A,6\n<NA>,7\n-nan,8\n2,9\n", "x");
    assertTrue(x instanceof DoubleColumn, x.type().name());
    assertEquals(7, x.countMissing());
    assertEquals(2.0, ((DoubleColumn) x).get(8));
    // an int column with a missing value is float64
    assertTrue(column("a,z\n1,1\n,1\n3,1\n", "a") instanceof DoubleColumn);
    assertTrue(column("a,z\n1,1\n2,1\n", "a") instanceof LongColumn);
  }

  @Test
  void numbersAsPandasWritesAndReadsThem() {
    DoubleColumn inf = (DoubleColumn) column("a\ninf\n-Infinity\nINF\n+inf\n1\n", "a");
    assertEquals(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY, 1.0), inf.asList());
    assertEquals(List.of(1.5, 2.0), ((DoubleColumn) column("a\n 1.5 \n2\n", "a")).asList(), "white space around numbers");
    assertEquals(List.of(1.0, 0.5), ((DoubleColumn) column("a\n1.\n.5\n", "a")).asList());
    assertEquals(List.of(5L, 0L, 7L), ((LongColumn) column("a\n+5\n-0\n007\n", "a")).asList());
    assertEquals(0.0, ((DoubleColumn) column("a\n1e-400\n2\n", "a")).get(0), "underflow is zero");
    // not numbers for pandas (Java's parser would take some of them): the columns are text
    for (String v : new String[] {"1d", "2f", "0x10", "1_000", "1e400", "1e", "NAN", " inf", "1 2"})
      assertTrue(column("a\n" + v + "\n2\n", "a") instanceof StringColumn, v);
    // beyond int64 after a float: float64, correctly rounded (pandas' default parser gives 1.0000000000000002e20,
    // its float_precision="round_trip" 1e20)
    assertEquals(List.of(1.5, 1e20), ((DoubleColumn) column("a\n1.5\n99999999999999999999\n", "a")).asList());
    assertTrue(column("a\n99999999999999999999\n1.5\n", "a") instanceof StringColumn, "beyond uint64 first: text, as pandas");
    assertTrue(column("a\n10000000000000000000\n1\n", "a") instanceof DoubleColumn, "uint64 (read as float64)");
  }

  @Test
  void booleansTextAndWhiteSpace() {
    assertTrue(column("a\nTRUE\nfalse\nTrue\n", "a") instanceof BooleanColumn);
    BooleanColumn withNa = (BooleanColumn) column("a,z\nTrue,1\n,2\nFalse,3\n", "a");
    assertEquals(1, withNa.countMissing(), "pandas: object column of True/NaN/False");
    assertTrue(column("a\nTrue\nx\n", "a") instanceof StringColumn);
    assertTrue(column("a\n True\nFalse\n", "a") instanceof StringColumn, "booleans are not trimmed");
    StringColumn b = (StringColumn) column("a,b\n1, x \n2,y\n", "b");
    assertEquals(" x ", b.get(0), "text is never trimmed");
    assertTrue(column("a\nNone\n1\n", "a") instanceof StringColumn, "None is not an NA token in pandas 1.5");
    StringColumn quoted = (StringColumn) column("a,b\n1,\"a, \"quoted\" note\"\n2,x\"y\n3,\"p\"q\n", "b");
    assertEquals(List.of("a, quoted\" note\"", "x\"y", "pq"), quoted.asList(), "pandas' tokenizer on stray quotes");
  }

  @Test
  void headersAndShapes() {
    CsvIn.Result r = read("a,a,,b\n1,2,3,4\n");
    assertEquals(List.of("a", "a.1", "Unnamed: 2", "b"), r.table().columnNames());
    CsvIn.Result shortRow = read("a,b,c\n1,2\n3,4,5\n");
    assertTrue(((DoubleColumn) shortRow.table().column("c")).isMissing(0));
    assertTrue(shortRow.warnings().get(0).contains("line 2, 2 fields"), shortRow.warnings().toString());
    assertEquals(0, read("a,b\n").table().rowCount());
    String big = "x".repeat(100_000);
    assertEquals(big, ((StringColumn) read("a,b\n1,\"" + big + "\"\n").table().column("b")).get(0), "any field length");
    DataFormatException empty = assertThrows(DataFormatException.class, () -> read(""));
    assertTrue(empty.getMessage().startsWith("t.csv: the file is empty"), empty.getMessage());
  }

  @Test
  void invalidUtf8NamesLineAndColumn() {
    byte[] latin1 = "a,name\n1,ok\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    DataFormatException e = assertThrows(DataFormatException.class, () -> CsvIn.parse(latin1, "t.csv"));
    assertEquals(3, e.line());
    assertEquals("column 2 (name)", e.column());
    assertTrue(e.problem().contains("byte 0xE9 (character 6 of the line) is not valid UTF-8") && e.problem().contains("Latin-1"),
        e.problem());
  }

  @Test
  void aStrayValueIsNamedWithItsLine() {
    StringBuilder sb = new StringBuilder("x\n");
    for (int i = 0; i < 10; i++) sb.append(i == 4 ? "12;5" : Integer.toString(i)).append('\n');
    CsvIn.Result r = read(sb.toString());
    assertTrue(r.columns().get(0) instanceof StringColumn);
    assertEquals(List.of("t.csv: column 'x' is read as text, not numbers, because of '12;5' on line 6 (1 of 10 values); pandas "
        + "reads it the same way, so a formula treats it as categorical. Fix or remove that value if the column should be numbers."),
        r.warnings());
    assertEquals(List.of(), read("a\nx\ny\n1\n").warnings(), "a text column with a few numbers is not flagged");
  }
}
