package org.mcalign.data;

import java.nio.file.Path;

/** Downloads the paper's files listed in the manifest into {@code data/paper/} (filled in next). */
public final class PaperDownload {
  /** System property naming the base URL files are fetched from (tests point it at a local server). */
  public static final String BASE_URL_PROPERTY = "mca.data.baseUrl";

  /** Environment variable naming the base URL (the system property wins). */
  public static final String BASE_URL_ENV = "MCA_DATA_BASE_URL";

  private final Path projectRoot;
  private String baseUrl = defaultBaseUrl();

  private PaperDownload(Path projectRoot) {
    this.projectRoot = projectRoot;
  }

  public static PaperDownload into(Path projectRoot) {
    return new PaperDownload(projectRoot);
  }

  public PaperDownload baseUrl(String url) {
    this.baseUrl = url;
    return this;
  }

  /** Raw file URLs of the pinned upstream commit, unless overridden. */
  public static String defaultBaseUrl() {
    String p = System.getProperty(BASE_URL_PROPERTY);
    if (p != null && !p.isBlank()) return p;
    String e = System.getenv(BASE_URL_ENV);
    if (e != null && !e.isBlank()) return e;
    return "https://raw.githubusercontent.com/" + Paper.UPSTREAM_REPOSITORY + "/" + Paper.UPSTREAM_COMMIT + "/";
  }

  public Dataset run() {
    throw new DatasetUnavailableException("download not implemented yet. " + Dataset.HowTo.TEXT);
  }
}
