package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast {@link PythonFloats#repr(double)} against the search it replaced, on the values analyses write. */
class PythonFloatsTest {
  private static void same(double x) {
    assertEquals(PythonFloats.reprBySearch(x), PythonFloats.repr(x), () -> "repr of " + Double.toHexString(x));
  }

  @Test
  void randomBitPatterns() {
    SplittableRandom rng = new SplittableRandom(19);
    for (int i = 0; i < 100_000; i++) same(Double.longBitsToDouble(rng.nextLong()));
  }

  @Test
  void valuesLikeTheAnalyses() {
    SplittableRandom rng = new SplittableRandom(20);
    for (int i = 0; i < 40_000; i++) {
      same(rng.nextDouble());
      same(1 - rng.nextDouble() * 1e-3);
      same(rng.nextDouble() - rng.nextDouble());
      same(rng.nextInt(1000) / 40.0 - 3);
      same(rng.nextInt(101) / 100.0);
      same(Math.scalb(1.0, rng.nextInt(2098) - 1074));
    }
  }

  @Test
  void shortDecimalsAndTheirNeighbours() {
    for (int e = -325; e <= 308; e++)
      for (int dgt = 1; dgt <= 99; dgt++) {
        double v = Double.parseDouble(dgt + "E" + e);
        same(v);
        same(Math.nextUp(v));
        same(Math.nextDown(v));
      }
  }

  @Test
  void extremes() {
    for (double x : new double[] {Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        Math.nextDown(Double.MIN_NORMAL), 9007199254740993.0, 1e15, 1e16, 1e-4, 1e-5, 5e-324, 1e23, 2e23, 8.41e21})
      same(x);
    assertEquals("5e-324", PythonFloats.repr(Double.MIN_VALUE));
    assertEquals("1e+23", PythonFloats.repr(1e23));
  }
  /** The layout as it was written before it built its chars directly (StringBuilder over the digit string). */
  private static String layoutReference(boolean negative, String digits, int exp10) {
    int decpt = digits.length() + exp10;
    int exponent = decpt - 1;
    StringBuilder sb = new StringBuilder(24);
    if (negative) sb.append('-');
    if (exponent < -4 || exponent >= 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
      sb.append('e').append(exponent < 0 ? '-' : '+');
      int a = Math.abs(exponent);
      if (a < 10) sb.append('0');
      sb.append(a);
    } else if (decpt <= 0) {
      sb.append("0.").append("0".repeat(-decpt)).append(digits);
    } else if (decpt < digits.length()) {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    } else {
      sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
    }
    return sb.toString();
  }

  @Test
  void layoutOfEveryDigitCountAndExponent() {
    SplittableRandom rng = new SplittableRandom(21);
    for (int n = 1; n <= 17; n++)
      for (int exp = -345; exp <= 310; exp++)
        for (int k = 0; k < 3; k++) {
          long d = (long) Math.pow(10, n - 1) + (long) (rng.nextDouble() * 9 * Math.pow(10, n - 1));
          if (d % 10 == 0) d++;
          boolean negative = rng.nextBoolean();
          assertEquals(layoutReference(negative, Long.toString(d), exp), PythonFloats.format(negative, d, exp), d + "e" + exp);
        }
  }
}
