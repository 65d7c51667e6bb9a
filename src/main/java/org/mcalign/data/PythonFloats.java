package org.mcalign.data;

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
 * between two candidates that both read back.
 */
public final class PythonFloats {
  private PythonFloats() {}

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
  }

  public static String repr(double x) {
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
    return format(negative, Long.toString(bestDigits), bestExp);
  }

  /** Python's layout of digits × 10^exp10. */
  private static String format(boolean negative, String digits, int exp10) {
    int decpt = digits.length() + exp10; // value = 0.digits × 10^decpt
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
}
