package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaKernelTest {
  @Test
  void headerDatesOfPythonAndBrowserClientsParse() {
    long expected = java.time.Instant.parse("2026-11-27T20:25:01.123Z").toEpochMilli();
    assertEquals(expected, JavaKernel.sentMillis("2026-11-27T20:25:01.123456Z"));
    assertEquals(expected, JavaKernel.sentMillis("2026-11-27T20:25:01.123Z"));
    assertEquals(expected, JavaKernel.sentMillis("2026-11-27T21:25:01.123456+01:00"));
    assertEquals(expected, JavaKernel.sentMillis("2026-11-27T20:25:01.123456"));
    assertEquals(Long.MIN_VALUE, JavaKernel.sentMillis("yesterday"));
  }
}
