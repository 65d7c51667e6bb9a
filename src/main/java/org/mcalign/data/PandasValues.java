package org.mcalign.data;

import java.util.Set;

/**
 * How {@code pandas.read_csv} (pandas 1.5, C engine, default options) reads one field: its NA
 * tokens, its integer grammar ({@code str_to_int64}), its float grammar ({@code precise_xstrtod}
 * plus the {@code inf}/{@code Infinity} spellings) and its boolean spellings. Checked against
 * pandas in {@code PandasValuesTest}.
 *
 * <p>Numbers are accepted exactly where pandas accepts them (ASCII white space around them is
 * allowed, {@code 1d}, {@code 0x10}, {@code 1_000}, {@code 1e400} and {@code NAN} are not) and
 * then rounded correctly. pandas' default float parser is not correctly rounded: about a third of
 * 17-digit values come out one unit in the last place away (its {@code float_precision="round_trip"}
 * agrees with this class); the difference is far below any statistic's precision.
 */
final class PandasValues {
  private PandasValues() {}

  /** pandas' default {@code na_values} (pandas._libs.parsers.STR_NA_VALUES, pandas 1.5). */
  static final Set<String> NA_TOKENS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
      "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null");

  static boolean isNa(String s) {
    return NA_TOKENS.contains(s);
  }

  /** pandas' default {@code true_values} of the C parser. */
  static boolean isTrue(String s) {
    return s.equals("True") || s.equals("TRUE") || s.equals("true");
  }

  static boolean isFalse(String s) {
    return s.equals("False") || s.equals("FALSE") || s.equals("false");
  }

  static boolean isBoolean(String s) {
    return isTrue(s) || isFalse(s);
  }

  /** C's isspace in the C locale, as pandas' isspace_ascii. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /** Result of {@link #scanInt64}: not an integer, an integer beyond int64, or an int64 (value in the out array). */
  static final int NOT_INTEGER = 0, OVERFLOW = 1, INT64 = 2;

  /**
   * pandas' str_to_int64: surrounding white space, an optional sign, decimal digits. Returns
   * {@link #INT64} with the value in {@code out[0]}, {@link #OVERFLOW} for an integer beyond
   * int64, else {@link #NOT_INTEGER}.
   */
  static int scanInt64(String s, long[] out) {
    int n = s.length(), i = 0;
    while (i < n && isSpace(s.charAt(i))) i++;
    int end = n;
    while (end > i && isSpace(s.charAt(end - 1))) end--;
    boolean neg = false;
    if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
    if (i == end) return NOT_INTEGER;
    long v = 0; // accumulated negatively, so that Long.MIN_VALUE fits
    boolean overflow = false;
    for (int k = i; k < end; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') return NOT_INTEGER;
      int digit = c - '0';
      if (v < (Long.MIN_VALUE + digit) / 10) overflow = true;
      else v = v * 10 - digit;
    }
    if (overflow || (!neg && v == Long.MIN_VALUE)) return OVERFLOW;
    out[0] = neg ? v : -v;
    return INT64;
  }

  /** The int64 value of {@code s} as pandas reads it, or null when pandas would not read it as int64. */
  static Long parseInt64(String s) {
    long[] out = new long[1];
    return scanInt64(s, out) == INT64 ? out[0] : null;
  }

  static boolean isInt64(String s) {
    return scanInt64(s, new long[1]) == INT64;
  }

  /** Whether {@code s} is a non-negative integer that overflows int64 but fits uint64 (pandas: uint64). */
  static boolean isUint64Only(String s) {
    String t = strip(s);
    if (t.startsWith("+")) t = t.substring(1);
    if (t.isEmpty() || t.startsWith("-")) return false;
    for (int k = 0; k < t.length(); k++) if (t.charAt(k) < '0' || t.charAt(k) > '9') return false;
    java.math.BigInteger v = new java.math.BigInteger(t);
    return v.bitLength() > 63 && v.bitLength() <= 64;
  }

  /**
   * The float64 value of {@code s} as pandas reads it, or NaN when pandas would not read it as a
   * float (the NA tokens are not numbers here; check {@link #isNa} first).
   */
  static double parseFloat(String s) {
    int n = s.length();
    if (n >= 3 && n <= 9) {
      double inf = infinity(s);
      if (inf != 0) return inf;
    }
    int i = 0;
    while (i < n && isSpace(s.charAt(i))) i++;
    int end = n;
    while (end > i && isSpace(s.charAt(end - 1))) end--;
    int start = i;
    if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
    int digits = 0;
    while (i < end && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < end && s.charAt(i) == '.') {
      i++;
      while (i < end && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) return Double.NaN;
    if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
      int expDigits = 0;
      while (i < end && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) return Double.NaN; // pandas un-reads the 'e', which then trails
    }
    if (i != end) return Double.NaN;
    double v = ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(s, start, end - start);
    return Double.isInfinite(v) ? Double.NaN : v; // pandas: overflow is ERANGE, not a number
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** ±infinity for pandas' spellings (case-insensitive, no white space), else 0. */
  private static double infinity(String s) {
    boolean neg = s.charAt(0) == '-';
    String body = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
    if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity"))
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    return 0;
  }

  private static String strip(String s) {
    int i = 0, end = s.length();
    while (i < end && isSpace(s.charAt(i))) i++;
    while (end > i && isSpace(s.charAt(end - 1))) end--;
    return s.substring(i, end);
  }
}
