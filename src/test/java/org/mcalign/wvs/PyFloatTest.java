package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are Python's {@code repr} of the same doubles. */
class PyFloatTest {
  @Test
  void printsAsPython() {
    assertEquals("0.1", PyFloat.repr(0.1));
    assertEquals("1.0", PyFloat.repr(1.0));
    assertEquals("0.0", PyFloat.repr(0.0));
    assertEquals("0.6666666666666666", PyFloat.repr(2.0 / 3));
    assertEquals("0.30000000000000004", PyFloat.repr(0.1 + 0.2));
    assertEquals("0.0001", PyFloat.repr(1e-4));
    assertEquals("1e-05", PyFloat.repr(1e-5));
    assertEquals("1.5e-07", PyFloat.repr(1.5e-7));
    assertEquals("123.0", PyFloat.repr(123.0));
    assertEquals("1e+16", PyFloat.repr(1e16));
    assertEquals("1234567890123456.8", PyFloat.repr(1234567890123456.8));
    assertEquals("-0.25", PyFloat.repr(-0.25));
    assertEquals("NaN", PyFloat.repr(Double.NaN));
    assertEquals("2e-323", PyFloat.repr(2e-323));
  }

  @Test
  void roundTripsEveryValue() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double d = rng.nextDouble() * Math.pow(10, rng.nextInt(-8, 8));
      assertEquals(d, Double.parseDouble(PyFloat.repr(d)));
    }
  }
}
