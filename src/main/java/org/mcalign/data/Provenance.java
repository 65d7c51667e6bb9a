package org.mcalign.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Where a result came from: data source and checksums, seed, project version, time. */
public final class Provenance {
  private Provenance() {}

  /** The project version baked into the jar at build time. */
  public static String projectVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("/org/mcalign/version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
