package org.mcalign.data;

/**
 * Loads Tablesaw's {@code Table} class without its class-path scan. {@code Table}'s static
 * initialiser asks ClassGraph for every {@code DataReader}/{@code DataWriter} under
 * {@code tech.tablesaw.io} by reading the central directory of every jar on the class path; in
 * the shaded {@code mcalign.jar} (about 50,000 entries) that costs about 0.4 s of CPU and 0.6 s
 * of start-up for four classes that are known in advance. So the scan is shown an empty class
 * path and the four classes it would find are loaded by name (each registers itself), which
 * leaves Tablesaw's reader and writer registries exactly as the scan leaves them.
 */
public final class TablesawStart {
  private TablesawStart() {}

  /** The classes of tablesaw-core that implement {@code DataReader} or {@code DataWriter}. */
  static final String[] READERS_AND_WRITERS = {
    "tech.tablesaw.io.csv.CsvReader",
    "tech.tablesaw.io.csv.CsvWriter",
    "tech.tablesaw.io.fixed.FixedWidthReader",
    "tech.tablesaw.io.fixed.FixedWidthWriter",
  };

  private static boolean done;

  /**
   * Initialises {@code Table} without the scan; call it first thing in {@code main}, before
   * any other thread runs (it changes {@code java.class.path} for the duration of the call).
   * Does nothing (and costs nothing) when {@code Table} is already initialised.
   */
  public static synchronized void init() {
    if (done) return;
    done = true;
    String classPath = System.getProperty("java.class.path");
    try {
      System.setProperty("java.class.path", "");
      Class.forName("tech.tablesaw.api.Table");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("tablesaw-core is not on the class path", e);
    } finally {
      if (classPath == null) System.clearProperty("java.class.path");
      else System.setProperty("java.class.path", classPath);
    }
    for (String c : READERS_AND_WRITERS) {
      try {
        Class.forName(c);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("tablesaw-core lacks " + c, e);
      }
    }
  }
}
