package org.mcalign.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.ObjectName;

/**
 * Which methods HotSpot's optimising compiler (C2) may compile in a short batch run such as
 * {@code analyze all}: only the bootstrap kernels, CSV number formatting and the few other
 * loops that run for seconds ({@code jit-directives.json}); everything else stays with the
 * quick compiler (C1). A whole {@code analyze all} runs a few hundred distinct hot methods once
 * each for a fraction of a second, and compiling them with C2 cost more CPU (3–4 s of the
 * 12 s on 2 cores, issue 19) than the faster code saves. The directives are added at start-up
 * through the DiagnosticCommand MBean ({@code jcmd Compiler.directives_add}), so the command
 * users run, {@code java -jar target/mcalign.jar analyze ...}, needs no JVM flag. Compiled code
 * computes the same numbers at every tier; only the time changes. {@code -Dmcalign.jit=default}
 * keeps the JVM's default policy; a JVM without the MBean keeps it too.
 *
 * <p>Starting the platform MBean server costs about 0.17 s (wall and CPU), more than half of a
 * small {@code fit}. So {@code fit} hands the directives straight to the diagnostic command
 * behind that MBean ({@code DiagnosticCommandImpl.executeDiagnosticCommand}, about 6 ms), which
 * the jar's manifest opens to it ({@code Add-Opens: jdk.management/com.sun.management.internal});
 * see {@link #applyAtStart} for the other commands.
 */
final class JitPolicy {
  private JitPolicy() {}

  static final String RESOURCE = "jit-directives.json";

  /**
   * For {@code wvs-ground-truth}: C2 compiles only the tokenizer, the code and weight parsers,
   * the SHA-256 and CRC-32C of the input and the self-consistency draws; the rest, including the
   * loop of the pass over the microdata ({@code Microdata.pass}), stays with C1. That loop met a
   * branch its profile had never seen (a new country or language, a flush of the row file) a
   * few hundred rows after each C2 compilation, which threw the compiled code away: two to five
   * compilations of 50–150 ms each, with the pass running profiled C1 code in between. 12
   * alternating runs against the previous directive (which only kept ASM and the method-handle
   * runtime from C2): 1.37 s against 1.52 s median wall time, 1.8 s against 2.5 s CPU.
   */
  static final String STARTUP_RESOURCE = "jit-startup.json";

  /** The subcommands that are short batch runs dominated by compilation. */
  static boolean appliesTo(String[] args) {
    return args.length > 0 && (args[0].equals("analyze") || args[0].equals("evaluate") || args[0].equals("fit")
        || args[0].equals("wvs-ground-truth")) && !"default".equals(System.getProperty("mcalign.jit"));
  }

  /**
   * {@code fit}: adds the directives at once, straight to the diagnostic command (a fit lasts
   * 0.3–1 s, and the MBean route's directives came too late to help it). {@code analyze} and
   * {@code evaluate}, and {@code fit} where the package is not open: from a daemon thread
   * through the MBean server, beside the start-up work, as their directive list was tuned
   * (added at once, {@code analyze all} measured about 0.1 s slower: C2's early compilations of
   * start-up code pay off over its 5 s).
   */
  static void applyAtStart(String[] args) {
    if (args[0].equals("wvs-ground-truth")) {
      apply(STARTUP_RESOURCE, true);
      return;
    }
    if (args[0].equals("fit") && apply(true) != null) return;
    Thread jit = new Thread(() -> apply(false), "jit-policy");
    jit.setDaemon(true);
    jit.start();
  }

  /** Adds the directives by either route; returns the diagnostic command's answer, or null if it could not run. */
  static String apply() {
    String direct = apply(true);
    return direct != null ? direct : apply(false);
  }

  /** Adds the directives directly ({@code direct}) or through the MBean server. */
  static String apply(boolean direct) {
    return apply(RESOURCE, direct);
  }

  /** Adds the directives of {@code resource} (a file beside this class) directly or through the MBean server. */
  static String apply(String resource, boolean direct) {
    Path tmp = null;
    try (InputStream in = JitPolicy.class.getResourceAsStream(resource)) {
      if (in == null) return null;
      tmp = Files.createTempFile("mcalign-jit", ".json");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      return direct ? DirectDiagnosticCommand.run("Compiler.directives_add " + tmp) : dcmd("compilerDirectivesAdd", tmp.toString());
    } catch (IOException | RuntimeException e) {
      return null;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file in the temporary folder
        }
      }
    }
  }

  /** Runs a diagnostic command on this JVM (as {@code jcmd} would); null if unavailable. */
  static String dcmd(String operation, String... args) {
    try {
      Object r = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
          new Object[] {args}, new String[] {String[].class.getName()});
      return String.valueOf(r).trim();
    } catch (Exception | LinkageError e) {
      return null;
    }
  }
}
