package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JitPolicyTest {
  @Test
  void theDirectivesParseAndAreAddedToTheRunningJvm() {
    String answer = JitPolicy.apply();
    try {
      Matcher m = Pattern.compile("(\\d+) compiler directives added").matcher(String.valueOf(answer));
      assertTrue(m.find(), "answer: " + answer);
      assertEquals(2, Integer.parseInt(m.group(1)));
      String printed = JitPolicy.dcmd("compilerDirectivesPrint");
      assertTrue(printed.contains("org/mcalign/analysis/MetricGroup.spearman"), printed);
    } finally {
      JitPolicy.dcmd("compilerDirectivesClear");
    }
    assertFalse(JitPolicy.dcmd("compilerDirectivesPrint").contains("MetricGroup.spearman"));
  }

  @Test
  void onlyTheBatchAnalysesTakeThePolicy() {
    assertTrue(JitPolicy.appliesTo(new String[] {"analyze", "all"}));
    assertTrue(JitPolicy.appliesTo(new String[] {"evaluate", "--model", "m"}));
    assertFalse(JitPolicy.appliesTo(new String[] {"kernel"}));
    assertFalse(JitPolicy.appliesTo(new String[] {"fit", "analyze"}));
    assertFalse(JitPolicy.appliesTo(new String[0]));
  }
}
