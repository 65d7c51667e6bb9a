package org.mcalign.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Python/C printf formats the summaries use, with Java's missing {@code %#g}. */
final class Fmt {
  private Fmt() {}

  static String f(double v, int decimals) {
    if (!Double.isFinite(v)) return nonFinite(v);
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** C's {@code %#.Pg}: P significant digits, trailing zeros and the point kept. */
  static String g(double v, int precision) {
    if (!Double.isFinite(v)) return nonFinite(v);
    int p = Math.max(precision, 1);
    if (v == 0) return (1 / v < 0 ? "-" : "") + (p == 1 ? "0." : "0." + "0".repeat(p - 1));
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exp = rounded.precision() - rounded.scale() - 1;
    if (exp < -4 || exp >= p) {
      String mant = rounded.movePointLeft(exp).setScale(p - 1, RoundingMode.HALF_EVEN).toPlainString();
      if (p == 1) mant += ".";
      return mant + (exp < 0 ? "e-" : "e+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    String s = rounded.setScale(Math.max(p - 1 - exp, 0), RoundingMode.HALF_EVEN).toPlainString();
    return s.contains(".") ? s : s + ".";
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  }

  static String lpad(String s, int w) {
    return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
  }

  static String rpad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }

  /** Python's str.center: extra space goes to the right when the padding is odd... as CPython does. */
  static String center(String s, int w) {
    int pad = w - s.length();
    if (pad <= 0) return s;
    // CPython: left = pad/2 + (pad & w & 1)
    int left = pad / 2 + (pad & w & 1);
    return " ".repeat(left) + s + " ".repeat(pad - left);
  }

  static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
