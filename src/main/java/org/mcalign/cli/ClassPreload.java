package org.mcalign.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads, on a background thread at start-up, the classes of this jar that {@code analyze all}
 * needs ({@value #RESOURCE}, in the order the JVM first loaded them), so that reading and
 * parsing them from the jar happens on the processor the single-threaded start-up leaves idle
 * rather than on the main thread as each is first used: about 0.15 s less wall time of a
 * 4.7 s {@code analyze all} on 2 cores (issue 19). Classes are loaded, never initialised: no
 * static initialiser runs early or on this thread. A name this build no longer has is skipped
 * (the list is a hint; {@code environment/update-classlist.sh} writes it again).
 * {@code -Dmcalign.preload=false} turns it off.
 */
final class ClassPreload {
  private ClassPreload() {}

  static final String RESOURCE = "analyze-classes.txt";

  /** The batch runs whose start-up it shortens. */
  static boolean appliesTo(String[] args) {
    return args.length > 0 && (args[0].equals("analyze") || args[0].equals("evaluate"))
        && !"false".equals(System.getProperty("mcalign.preload"));
  }

  /** Starts loading the listed classes on a daemon thread. */
  static Thread start() {
    Thread t = new Thread(() -> load(names(), ClassPreload.class.getClassLoader()), "class-preload");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /** Loads (without initialising) each class that {@code loader} can find; returns how many it loaded. */
  static int load(List<String> names, ClassLoader loader) {
    int loaded = 0;
    for (String n : names) {
      try {
        Class.forName(n, false, loader);
        loaded++;
      } catch (ClassNotFoundException | LinkageError e) {
        // not in this build: the list is only a hint
      }
    }
    return loaded;
  }

  /** The listed class names (empty when the resource is missing). */
  static List<String> names() {
    try (InputStream in = ClassPreload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return List.of();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
