package org.mcalign.data;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;

/**
 * Floating-point numbers printed as Python's {@code repr} prints them (and so as pandas writes
 * them to CSV): the shortest decimal that reads back to the same value (the closest one when
 * several have that length), in fixed notation for decimal exponents from -4 to 15 and in
 * scientific notation otherwise: {@code 0.1}, {@code 3.0}, {@code 0.0001}, {@code 1e-05},
 * {@code 1.5e+16}.
 *
 * <p>Java 17's {@link Double#toString} always reads back to the same value but sometimes has a
 * digit more than needed (JDK-4511638) or not the closest last digit, so its digits are the
 * starting point of a search: for p digits, the candidates are Java's digits cut to p digits and
 * their two neighbours (they include the exact value rounded down and up to p digits, so if any
 * p-digit decimal reads back, one of them does); a length that has no candidate ends the search,
 * since a p-digit solution is also a (p+1)-digit one. Candidates are checked with the correctly
 * rounded {@link Double#parseDouble}; exact distances (BigDecimal) are needed only to choose
 * between two candidates that both read back. That search is now the reference
 * ({@link #reprBySearch}) and for floats; doubles take Schubfach's digits directly, which
 * writing the analyses' CSVs (millions of numbers) needs.
 */
public final class PythonFloats {
  private PythonFloats() {}

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
  }

  public static String repr(double x) {
    byte[] b = new byte[MAX_REPR];
    int n = repr(x, b, 0);
    return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Bytes {@link #repr(double, byte[], int)} may write (ASCII): sign, 17 digits, point, exponent, with room. */
  static final int MAX_REPR = 32;

  /**
   * {@link #repr(double)} as ASCII bytes into {@code out} from {@code at} (at least
   * {@link #MAX_REPR} free); returns the position after the last byte written.
   */
  static int repr(double x, byte[] out, int at) {
    if (Double.isNaN(x)) return ascii("nan", out, at);
    if (Double.isInfinite(x)) return ascii(x > 0 ? "inf" : "-inf", out, at);
    if (x == 0) return ascii(1 / x < 0 ? "-0.0" : "0.0", out, at);
    double a = Math.abs(x);
    // Schubfach (Java 19's Double.toString): the shortest decimal that reads back, the closest
    // of those, ties to even; except that where one digit would do it returns the closest
    // two-digit decimal, so a two-digit answer is checked against its one-digit neighbours
    String s = DoubleToDecimal.toString(a);
    long d = 0;
    int exp = 0, afterDot = -1, i = 0, len = s.length();
    for (; i < len; i++) {
      char ch = s.charAt(i);
      if (ch == '.') afterDot = 0;
      else if (ch == 'E') break;
      else {
        d = 10 * d + (ch - '0');
        if (afterDot >= 0) afterDot++;
      }
    }
    if (i < len) exp = Integer.parseInt(s, i + 1, len, 10);
    if (afterDot > 0) exp -= afterDot;
    while (d % 10 == 0) {
      d /= 10;
      exp++;
    }
    if (d >= 10 && d < 100) {
      long one = oneDigit(a, d, exp);
      if (one > 0) {
        d = one;
        exp++;
        if (d == 10) { // 99 × 10^e rounded up
          d = 1;
          exp++;
        }
      }
    }
    return format(x < 0, d, exp, out, at);
  }

  private static int ascii(String s, byte[] out, int at) {
    for (int i = 0; i < s.length(); i++) out[at++] = (byte) s.charAt(i);
    return at;
  }

  /** The closest one-digit c with c × 10^(exp+1) reading back to {@code a}, or 0 (a = d × 10^exp, d two digits). */
  private static long oneDigit(double a, long d, int exp) {
    long found = 0;
    for (long c = d / 10; c <= d / 10 + 1; c++) {
      if (Double.parseDouble(c + "E" + (exp + 1)) != a) continue;
      if (found == 0) {
        found = c;
        continue;
      }
      BigDecimal exact = new BigDecimal(a);
      int cmp = BigDecimal.valueOf(c, -(exp + 1)).subtract(exact).abs()
          .compareTo(BigDecimal.valueOf(found, -(exp + 1)).subtract(exact).abs());
      if (cmp < 0 || (cmp == 0 && c % 2 == 0)) found = c;
    }
    return found;
  }

  /**
   * The same as {@link #repr(double)} by search from Java 17's digits (see the class comment):
   * slower, kept as the independent reference the fast path is tested against.
   */
  static String reprBySearch(double x) {
    if (Double.isNaN(x)) return "nan";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return 1 / x < 0 ? "-0.0" : "0.0";
    return shortest(Double.toString(Math.abs(x)), x < 0,
        c -> Double.parseDouble(c) == Math.abs(x), () -> new BigDecimal(Math.abs(x)));
  }

  /** A float32 value as numpy prints it: the shortest decimal that reads back to the same float. */
  static String repr(float x) {
    if (Float.isNaN(x)) return "nan";
    if (Float.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return 1 / x < 0 ? "-0.0" : "0.0";
    return shortest(Float.toString(Math.abs(x)), x < 0, c -> Float.parseFloat(c) == Math.abs(x),
        () -> new BigDecimal(Math.abs(x)));
  }

  private interface ReadsBack {
    boolean test(String candidate);
  }

  private static String shortest(
      String javaString, boolean negative, ReadsBack readsBack, java.util.function.Supplier<BigDecimal> exactValue) {
    BigDecimal exact = null;
    // Java's digits as an integer d and a decimal exponent e: value = d × 10^e
    String mantissa = javaString;
    int exp = 0;
    int ePos = mantissa.indexOf('E');
    if (ePos >= 0) {
      exp = Integer.parseInt(mantissa.substring(ePos + 1));
      mantissa = mantissa.substring(0, ePos);
    }
    int dot = mantissa.indexOf('.');
    if (dot >= 0) {
      exp -= mantissa.length() - dot - 1;
      mantissa = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    }
    long d = Long.parseLong(mantissa);
    while (d % 10 == 0) {
      d /= 10;
      exp++;
    }
    int n = Long.toString(d).length();

    long bestDigits = d;
    int bestExp = exp;
    for (int p = n; p >= 1; p--) {
      int cut = n - p;
      long dp = d / POW10[cut];
      int e = exp + cut;
      long found = -1;
      BigDecimal foundDistance = null;
      for (long c = dp - 1; c <= dp + 1; c++) {
        if (c <= 0 || !readsBack.test(c + "E" + e)) continue;
        if (found < 0) {
          found = c;
        } else {
          // two candidates read back: keep the closer to the exact value (ties: the even one)
          if (exact == null) exact = exactValue.get();
          if (foundDistance == null) foundDistance = BigDecimal.valueOf(found, -e).subtract(exact).abs();
          BigDecimal dist = BigDecimal.valueOf(c, -e).subtract(exact).abs();
          int cmp = dist.compareTo(foundDistance);
          if (cmp < 0 || (cmp == 0 && c % 2 == 0)) {
            found = c;
            foundDistance = dist;
          }
        }
      }
      if (found < 0) break;
      bestDigits = found;
      bestExp = e;
    }
    while (bestDigits % 10 == 0) {
      bestDigits /= 10;
      bestExp++;
    }
    return format(negative, bestDigits, bestExp);
  }

  /** Python's layout of digits × 10^exp10 ({@code digits} > 0, no trailing zero). */
  static String format(boolean negative, long digits, int exp10) {
    int decpt = Long.toString(digits).length() + exp10;
    byte[] out = new byte[MAX_REPR + Math.max(0, Math.max(-decpt, decpt))];
    int n = format(negative, digits, exp10, out, 0);
    return new String(out, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * {@link #format(boolean, long, int)} as ASCII bytes into {@code out} from {@code at}; returns
   * the position after the last byte. Doubles in fixed notation (decimal exponents -4 to 15) need
   * at most {@link #MAX_REPR} bytes.
   */
  static int format(boolean negative, long digits, int exp10, byte[] out, int at) {
    byte[] dg = new byte[20];
    int n = 0;
    for (long v = digits; v > 0; v /= 10) dg[19 - n++] = (byte) ('0' + v % 10);
    int from = 20 - n; // the digits are dg[from .. 20)
    int decpt = n + exp10; // value = 0.digits × 10^decpt
    int exponent = decpt - 1;
    int p = at;
    if (negative) out[p++] = '-';
    if (exponent < -4 || exponent >= 16) {
      out[p++] = dg[from];
      if (n > 1) {
        out[p++] = '.';
        for (int i = from + 1; i < 20; i++) out[p++] = dg[i];
      }
      out[p++] = 'e';
      out[p++] = (byte) (exponent < 0 ? '-' : '+');
      int a = Math.abs(exponent);
      if (a >= 100) out[p++] = (byte) ('0' + a / 100);
      out[p++] = (byte) ('0' + a / 10 % 10);
      out[p++] = (byte) ('0' + a % 10);
    } else if (decpt <= 0) {
      out[p++] = '0';
      out[p++] = '.';
      for (int i = 0; i < -decpt; i++) out[p++] = '0';
      for (int i = from; i < 20; i++) out[p++] = dg[i];
    } else if (decpt < n) {
      for (int i = 0; i < decpt; i++) out[p++] = dg[from + i];
      out[p++] = '.';
      for (int i = from + decpt; i < 20; i++) out[p++] = dg[i];
    } else {
      for (int i = from; i < 20; i++) out[p++] = dg[i];
      for (int i = 0; i < decpt - n; i++) out[p++] = '0';
      out[p++] = '.';
      out[p++] = '0';
    }
    return p;
  }
}
