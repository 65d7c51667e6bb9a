package org.mcalign.wvs;

import java.util.Set;

/**
 * The paper's item and pro rules ({@code scripts/process_wvs.py}), in one place.
 *
 * <ul>
 *   <li>A column is a candidate item when its name starts with B, C, D, E, F or H (upper case,
 *       as Python's {@code str.startswith}) and it is not excluded: names ending in {@code EVS5}
 *       or {@code WVS7}, exactly {@code E224}…{@code E234}, {@code F028B_WVS7}, {@code F025},
 *       {@code F034}, {@code E028}, {@code B008}.
 *   <li>A candidate is kept when its maximum code over the whole file is in [2, 11].
 *   <li>Codes {@code <= 0} are missing. Pro: maximum 3 → code 1; maximum 10 → code &gt; 5;
 *       otherwise code &lt;= maximum / 2 (integer division). Items starting with {@code E035}
 *       are reversed.
 * </ul>
 */
public final class ProRule {
  private ProRule() {}

  /** Smallest and largest item maximum that keeps an item ({@code is_between(2, 11)}). */
  public static final int MIN_MAXIMUM = 2;

  public static final int MAX_MAXIMUM = 11;

  /** Names the paper leaves out as too difficult ({@code DIFFICULT_QUESTIONS}). */
  static final Set<String> DIFFICULT =
      Set.of(
          "E224", "E225", "E226", "E227", "E228", "E229", "E230", "E231", "E232", "E233", "E234",
          "F028B_WVS7", "F025", "F034", "E028", "B008");

  /** Whether a column is a candidate item (before its maximum is known). */
  public static boolean isCandidate(String column) {
    if (column.isEmpty() || "BCDEFH".indexOf(column.charAt(0)) < 0) return false;
    if (column.endsWith("EVS5") || column.endsWith("WVS7")) return false;
    return !DIFFICULT.contains(column);
  }

  /** Whether an item with this maximum code (over the whole file) is kept. */
  public static boolean isKept(long maximum) {
    return maximum >= MIN_MAXIMUM && maximum <= MAX_MAXIMUM;
  }

  /** Whether an item's answers are reversed (pro becomes con). */
  public static boolean isReversed(String item) {
    return item.startsWith("E035");
  }

  /** Whether a valid answer ({@code code > 0}) to an item with this maximum is pro. */
  public static boolean isPro(String item, int maximum, int code) {
    if (code <= 0) throw new IllegalArgumentException("code " + code + " is missing, not an answer");
    boolean pro;
    if (maximum == 3) pro = code == 1;
    else if (maximum == 10) pro = code > 5;
    else pro = code <= maximum / 2;
    return pro != isReversed(item);
  }
}
