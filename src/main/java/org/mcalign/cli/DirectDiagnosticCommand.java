package org.mcalign.cli;

import java.lang.reflect.Method;

/**
 * A diagnostic command ({@code jcmd}'s) run on this JVM without the platform MBean server: the
 * private native method that {@code com.sun.management:type=DiagnosticCommand} itself calls.
 * It is reachable only where {@code jdk.management/com.sun.management.internal} is open to this
 * code (the jar's manifest opens it); elsewhere {@link #run} answers null and the caller takes
 * the MBean route.
 */
final class DirectDiagnosticCommand {
  private DirectDiagnosticCommand() {}

  private static final String IMPL = "com.sun.management.internal.DiagnosticCommandImpl";

  /** The command's answer (e.g. {@code "Compiler.directives_add /tmp/d.json"}), or null if it cannot be run this way. */
  static String run(String command) {
    try {
      if (!Object.class.getModule().getLayer().findModule("jdk.management")
          .map(m -> m.isOpen("com.sun.management.internal", DirectDiagnosticCommand.class.getModule())).orElse(false))
        return null; // not open: setAccessible would fail (and warn nothing), so do not try
      // loads libmanagement_ext, whose natives the implementation class declares
      Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
      Class<?> impl = Class.forName(IMPL);
      Method instance = impl.getDeclaredMethod("getDiagnosticCommandMBean");
      instance.setAccessible(true);
      Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
      execute.setAccessible(true);
      return String.valueOf(execute.invoke(instance.invoke(null), command)).trim();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
