package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProRuleTest {
  @Test
  void candidatesStartWithBCDEFHAndAreNotExcluded() {
    for (String c : new String[] {"B001", "C001", "D054", "E035", "F120", "H009", "E224_01", "E2240", "E233A", "B0081"}) {
      assertTrue(ProRule.isCandidate(c), c);
    }
    for (String c : new String[] {"A001", "G006", "X001", "S003", "cntry_AN", "e114", "gwght", "lnge_iso", "",
        "C002_EVS5", "E179_WVS7", "F028B_WVS7", "F025", "F034", "E028", "B008", "E224", "E229", "E234"}) {
      assertFalse(ProRule.isCandidate(c), c);
    }
  }

  @Test
  void keptWhenMaximumIsBetween2And11() {
    assertFalse(ProRule.isKept(1));
    assertTrue(ProRule.isKept(2));
    assertTrue(ProRule.isKept(11));
    assertFalse(ProRule.isKept(12));
    assertFalse(ProRule.isKept(-1));
  }

  @Test
  void proRuleByMaximum() {
    // maximum 3: only code 1
    assertTrue(ProRule.isPro("C001", 3, 1));
    assertFalse(ProRule.isPro("C001", 3, 2));
    assertFalse(ProRule.isPro("C001", 3, 3));
    // maximum 10: codes 6..10
    assertFalse(ProRule.isPro("F120", 10, 5));
    assertTrue(ProRule.isPro("F120", 10, 6));
    assertTrue(ProRule.isPro("F120", 10, 10));
    // otherwise code <= maximum / 2 (integer division)
    assertTrue(ProRule.isPro("D054", 4, 2));
    assertFalse(ProRule.isPro("D054", 4, 3));
    assertTrue(ProRule.isPro("X", 5, 2));
    assertFalse(ProRule.isPro("X", 5, 3));
    assertTrue(ProRule.isPro("X", 2, 1));
    assertFalse(ProRule.isPro("X", 2, 2));
    assertTrue(ProRule.isPro("X", 11, 5));
    assertFalse(ProRule.isPro("X", 11, 6));
    assertTrue(ProRule.isPro("X", 7, 3));
    assertFalse(ProRule.isPro("X", 7, 4));
  }

  @Test
  void e035ItemsAreReversed() {
    assertFalse(ProRule.isPro("E035", 10, 6));
    assertTrue(ProRule.isPro("E035", 10, 5));
    assertTrue(ProRule.isPro("E035_01", 4, 3));
    assertFalse(ProRule.isPro("E035_01", 4, 1));
    assertTrue(ProRule.isPro("E0350", 3, 2)); // prefix rule, as str.starts_with
  }

  @Test
  void missingCodesAreNotAnswers() {
    assertThrows(IllegalArgumentException.class, () -> ProRule.isPro("F120", 10, 0));
    assertThrows(IllegalArgumentException.class, () -> ProRule.isPro("F120", 10, -2));
  }

  @Test
  void synthesizerCodesReadBackAsIntended() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    for (int max : new int[] {2, 3, 4, 5, 10}) {
      for (String item : new String[] {"F120", "E035"}) {
        for (boolean pro : new boolean[] {true, false}) {
          for (int i = 0; i < 200; i++) {
            int code = MicrodataSynthesizer.code(item, max, pro, rng);
            assertTrue(code >= 1 && code <= max, "code " + code + " within 1.." + max);
            assertEquals(pro, ProRule.isPro(item, max, code), item + " max " + max + " code " + code);
          }
        }
      }
    }
  }
}
