package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** Stage 1's directive: C2 for the tokenizer, the hashes and the draws; the pass's own loop stays with C1. */
  @Test
  void theStartupDirectiveParsesAndLeavesThePassToC1() {
    try {
      assertTrue(String.valueOf(JitPolicy.apply(JitPolicy.STARTUP_RESOURCE, true)).contains("2 compiler directives added"));
      String printed = DirectDiagnosticCommand.run("Compiler.directives_print");
      assertTrue(printed.contains("org/mcalign/wvs/CsvRecords.parse") && printed.contains("sun/security/provider/*.*"), printed);
      assertFalse(printed.contains("Microdata.pass"), printed);
    } finally {
      DirectDiagnosticCommand.run("Compiler.directives_clear");
    }
  }

  /**
   * A method named in a directive that no longer exists (renamed, moved) would silently lose
   * its compiler: every exact class.method pattern must name a method of this build.
   */
  @ParameterizedTest
  @ValueSource(strings = {JitPolicy.RESOURCE, JitPolicy.STARTUP_RESOURCE})
  void everyMethodNamedInADirectiveExists(String resource) throws Exception {
    String text;
    try (var in = JitPolicy.class.getResourceAsStream(resource)) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var m = java.util.regex.Pattern.compile("\"([A-Za-z0-9_/$]+)\\.([A-Za-z0-9_]+)\"").matcher(text);
    int checked = 0;
    while (m.find()) {
      Class<?> c = Class.forName(m.group(1).replace('/', '.'), false, getClass().getClassLoader());
      String method = m.group(2);
      boolean found = java.util.Arrays.stream(c.getDeclaredMethods()).anyMatch(x -> x.getName().equals(method));
      assertTrue(found, resource + " names " + m.group(1) + "." + method + ", which this build does not have");
      checked++;
    }
    assertTrue(checked >= 3, resource + ": only " + checked + " exact methods found");
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
