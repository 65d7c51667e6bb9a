package org.mcalign.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How numbers read in notebook outputs and narrative: significant digits instead of Java's
 * 17, p-values as statsmodels' tables print them but never as a bare 0 ({@code <0.001}),
 * integral values without ".0", a real minus sign. Used by the table renderers and by the
 * sentences the notebooks compute.
 */
public final class Numbers {
  private Numbers() {}

  /** Significant digits of numbers in tables. */
  public static final int TABLE_DIGITS = 4;

  /** Below this a p-value prints as {@code <0.001}. */
  public static final double P_FLOOR = 0.001;

  private static final Pattern P_COLUMN = Pattern.compile("(?i)p|p_?values?|p_.+|.+_p|P>\\|[tz]\\|");

  /** Whether a column of this name holds p-values ({@code p_value}, {@code pvalue}, {@code paper_p}, {@code P>|z|}, ...). */
  public static boolean isPValueColumn(String name) {
    return name != null && P_COLUMN.matcher(name).matches();
  }

  /**
   * {@code x} to {@code digits} significant digits, without trailing zeros or exponent in
   * [1e-4, 1e9) (pandas' display), integral values without a decimal point, NaN as "NaN".
   */
  public static String sig(double x, int digits) {
    if (Double.isNaN(x)) return "NaN";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return "0";
    double a = Math.abs(x);
    if (a >= 1e-4 && a < 1e9) {
      return BigDecimal.valueOf(x).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
  }

  /** A table cell's number: {@value #TABLE_DIGITS} significant digits. */
  public static String cell(double x) {
    return sig(x, TABLE_DIGITS);
  }

  /** A p-value: {@code <0.001} below {@value #P_FLOOR}, else three decimals (as statsmodels prints them). */
  public static String pValue(double p) {
    if (Double.isNaN(p)) return "NaN";
    if (p < P_FLOOR) return "<0.001";
    return String.format(Locale.ROOT, "%.3f", p);
  }

  /** "p < 0.001" or "p = 0.062": a p-value inside a sentence. */
  public static String pInText(double p) {
    String s = pValue(p);
    return s.startsWith("<") ? "p < " + s.substring(1) : "p = " + s;
  }

  /** {@code x} with {@code decimals} decimals and a typographic minus (for sentences). */
  public static String fixed(double x, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
    if (s.matches("-0\\.?0*")) s = s.substring(1);
    return s.replace('-', '\u2212');
  }

  /**
   * "0.55–0.98", or "−0.19 to 0.11" when a bound is negative (a dash beside a minus misreads),
   * or a single value when both ends print the same; {@code decimals} decimals.
   */
  public static String range(double lo, double hi, int decimals) {
    String a = fixed(lo, decimals), b = fixed(hi, decimals);
    if (a.equals(b)) return a;
    return a.startsWith("\u2212") || b.startsWith("\u2212") ? a + " to " + b : a + "\u2013" + b;
  }

  /** An integer with thousands separators: 16,000. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
