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

  /** The jar's route (surefire opens the package as the jar's manifest does): no MBean server. */
  @Test
  void theDirectivesAreAddedWithoutTheMBeanServerWhereThePackageIsOpen() {
    String answer = DirectDiagnosticCommand.run("Compiler.directives_print");
    assertTrue(String.valueOf(answer).contains("Directive"), "answer: " + answer);
    try {
      assertTrue(String.valueOf(JitPolicy.apply(true)).contains("2 compiler directives added"));
      assertTrue(DirectDiagnosticCommand.run("Compiler.directives_print").contains("org/mcalign/analysis/MetricGroup.spearman"));
    } finally {
      DirectDiagnosticCommand.run("Compiler.directives_clear");
    }
  }

  /** Stage 1's start-up directive: C2 leaves ASM and the method-handle runtime to C1. */
  @Test
  void theStartupDirectiveParsesAndExcludesTheJdksClassSpinningFromC2() {
    try {
      assertTrue(String.valueOf(JitPolicy.apply(JitPolicy.STARTUP_RESOURCE, true)).contains("1 compiler directives added"));
      String printed = DirectDiagnosticCommand.run("Compiler.directives_print");
      assertTrue(printed.contains("jdk/internal/org/objectweb/asm/*.*") && printed.contains("java/lang/invoke/*.*"), printed);
    } finally {
      DirectDiagnosticCommand.run("Compiler.directives_clear");
    }
  }

  @Test
  void onlyTheBatchRunsTakeThePolicy() {
    assertTrue(JitPolicy.appliesTo(new String[] {"analyze", "all"}));
    assertTrue(JitPolicy.appliesTo(new String[] {"evaluate", "--model", "m"}));
    assertTrue(JitPolicy.appliesTo(new String[] {"fit", "--data", "d.csv"}));
    assertTrue(JitPolicy.appliesTo(new String[] {"wvs-ground-truth", "--microdata", "m.csv"}));
    assertFalse(JitPolicy.appliesTo(new String[] {"kernel"}));
    assertFalse(JitPolicy.appliesTo(new String[] {"bench", "analyze"}));
    assertFalse(JitPolicy.appliesTo(new String[0]));
  }
}
