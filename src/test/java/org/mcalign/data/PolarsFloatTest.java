package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Doubles as polars writes them to CSV: Python's {@code repr} of the same doubles, NaN as {@code NaN}. */
class PolarsFloatTest {
  @Test
  void printsAsPython() {
    assertEquals("0.1", CsvOut.Style.POLARS.formatDouble(0.1));
    assertEquals("1.0", CsvOut.Style.POLARS.formatDouble(1.0));
    assertEquals("0.0", CsvOut.Style.POLARS.formatDouble(0.0));
    assertEquals("0.6666666666666666", CsvOut.Style.POLARS.formatDouble(2.0 / 3));
    assertEquals("0.30000000000000004", CsvOut.Style.POLARS.formatDouble(0.1 + 0.2));
    assertEquals("0.0001", CsvOut.Style.POLARS.formatDouble(1e-4));
    assertEquals("1e-05", CsvOut.Style.POLARS.formatDouble(1e-5));
    assertEquals("1.5e-07", CsvOut.Style.POLARS.formatDouble(1.5e-7));
    assertEquals("123.0", CsvOut.Style.POLARS.formatDouble(123.0));
    assertEquals("1e+16", CsvOut.Style.POLARS.formatDouble(1e16));
    assertEquals("1234567890123456.8", CsvOut.Style.POLARS.formatDouble(1234567890123456.8));
    assertEquals("-0.25", CsvOut.Style.POLARS.formatDouble(-0.25));
    assertEquals("NaN", CsvOut.Style.POLARS.formatDouble(Double.NaN));
    assertEquals("2e-323", CsvOut.Style.POLARS.formatDouble(2e-323));
  }

  @Test
  void roundTripsEveryValue() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double d = rng.nextDouble() * Math.pow(10, rng.nextInt(-8, 8));
      assertEquals(d, Double.parseDouble(CsvOut.Style.POLARS.formatDouble(d)));
    }
  }
}
