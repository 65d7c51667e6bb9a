package org.mcalign.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads the paper's files listed in {@code data/manifest.tsv} into {@code data/paper/}: each
 * file streams into a temporary file in its target folder while its SHA-256 is computed, and is
 * renamed into place only when checksum and size match the manifest. Files already present with
 * the right checksum are kept; a present file with a wrong checksum is removed and fetched again.
 * A progress bar (bytes and files) goes to stderr.
 */
public final class PaperDownload {
  /** System property naming the base URL files are fetched from (tests point it at a local server). */
  public static final String BASE_URL_PROPERTY = "mca.data.baseUrl";

  /** Environment variable naming the base URL (the system property wins). */
  public static final String BASE_URL_ENV = "MCA_DATA_BASE_URL";

  private final Path projectRoot;
  private String baseUrl = defaultBaseUrl();
  private PrintStream progress = System.err;
  private Duration connectTimeout = Duration.ofSeconds(15);
  private Duration timeout = Duration.ofSeconds(60);

  private PaperDownload(Path projectRoot) {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
  }

  /** A download into {@code data/paper/} of the project at {@code projectRoot}. */
  public static PaperDownload into(Path projectRoot) {
    return new PaperDownload(projectRoot);
  }

  /** The URL that upstream paths are appended to. */
  public PaperDownload baseUrl(String url) {
    this.baseUrl = url.endsWith("/") ? url : url + "/";
    return this;
  }

  /** Where the progress bar goes (null: nowhere). */
  public PaperDownload progress(PrintStream out) {
    this.progress = out;
    return this;
  }

  /** Time allowed to connect, and to wait for each file's response to start. */
  public PaperDownload timeouts(Duration connect, Duration response) {
    this.connectTimeout = connect;
    this.timeout = response;
    return this;
  }

  /**
   * Raw file URLs of the pinned upstream commit, unless the system property
   * {@value #BASE_URL_PROPERTY} or the environment variable {@value #BASE_URL_ENV} names another.
   */
  public static String defaultBaseUrl() {
    String p = System.getProperty(BASE_URL_PROPERTY);
    if (p != null && !p.isBlank()) return p;
    String e = System.getenv(BASE_URL_ENV);
    if (e != null && !e.isBlank()) return e;
    return "https://raw.githubusercontent.com/" + Paper.UPSTREAM_REPOSITORY + "/" + Paper.UPSTREAM_COMMIT + "/";
  }

  /**
   * Fetches every file that is missing or wrong and returns the dataset in {@code data/paper/}.
   *
   * @throws DatasetUnavailableException when the server cannot be reached (with a how-to), or
   *     when files could not be fetched or failed their checksum (each named; none is kept)
   */
  public Dataset run() {
    Manifest manifest = Manifest.load(projectRoot);
    Path local = projectRoot.resolve(Dataset.LOCAL_FOLDER);
    removeStaleTemporaryFiles(local);
    List<Manifest.Entry> todo = new ArrayList<>();
    for (Manifest.FileCheck c : manifest.verify(local)) {
      if (c.status() == Manifest.Status.OK) continue;
      if (c.status() == Manifest.Status.MISMATCH) {
        note("data/paper/" + c.entry().localPath() + " does not match the manifest; fetching it again");
        try {
          Files.delete(local.resolve(c.entry().localPath()));
        } catch (IOException e) {
          throw new UncheckedIOException("could not remove the corrupt data/paper/" + c.entry().localPath(), e);
        }
      }
      todo.add(c.entry());
    }
    if (todo.isEmpty()) return new Dataset(local, Dataset.Kind.LOCAL, "paper data (" + Dataset.LOCAL_FOLDER + "/)");

    HttpClient client =
        HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    ProgressBar bar = new ProgressBar(progress, "downloading paper data",
        todo.stream().mapToLong(Manifest.Entry::bytes).sum(), todo.size());
    List<String> failures = new ArrayList<>();
    try {
      for (Manifest.Entry e : todo) {
        String failure = fetch(client, e, local.resolve(e.localPath()), bar);
        if (failure != null) failures.add(failure);
        bar.fileDone();
      }
    } finally {
      bar.finish();
    }
    if (!failures.isEmpty()) {
      throw new DatasetUnavailableException(
          failures.size() + " of " + todo.size() + " files could not be downloaded into " + Dataset.LOCAL_FOLDER
              + "/ (none of them was kept):\n  " + String.join("\n  ", failures) + "\n" + Dataset.HowTo.TEXT);
    }
    return new Dataset(local, Dataset.Kind.DOWNLOADED, "paper data (downloaded into " + Dataset.LOCAL_FOLDER + "/ from "
        + Paper.UPSTREAM_REPOSITORY + "@" + Paper.UPSTREAM_COMMIT.substring(0, 7) + ")");
  }

  /** Downloads one file; returns a failure description, or null on success. */
  private String fetch(HttpClient client, Manifest.Entry e, Path target, ProgressBar bar) {
    URI uri = URI.create(baseUrl + encodePath(e.upstreamPath()));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException ex) {
      throw unreachable(uri, ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new DatasetUnavailableException("download interrupted");
    }
    if (response.statusCode() != 200) {
      try (InputStream ignored = response.body()) {
        // drain nothing; close the connection
      } catch (IOException ignored) {
        // closing a failed response is best effort
      }
      return e.localPath() + ": HTTP " + response.statusCode() + " from " + uri;
    }
    try {
      AtomicFiles.write(target, out -> {
        MessageDigest md = Checksums.sha256();
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = response.body()) {
          for (int k; (k = in.read(buf)) > 0; ) {
            md.update(buf, 0, k);
            out.write(buf, 0, k);
            n += k;
            bar.add(k);
          }
        }
        String sha = Checksums.hex(md);
        if (!sha.equals(e.sha256()) || n != e.bytes()) {
          throw new Corrupt(e.localPath() + ": the downloaded file does not match the manifest (sha256 " + sha
              + ", " + n + " bytes; expected " + e.sha256() + ", " + e.bytes() + " bytes); it was discarded");
        }
      });
      return null;
    } catch (Corrupt c) {
      return c.getMessage();
    } catch (UncheckedIOException ex) {
      throw unreachable(uri, ex.getCause());
    }
  }

  private DatasetUnavailableException unreachable(URI uri, Throwable cause) {
    StringBuilder why = new StringBuilder();
    for (Throwable t = cause; t != null && why.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
      if (why.length() > 0) why.append(" <- ");
      why.append(t.getClass().getSimpleName());
      if (t.getMessage() != null && !t.getMessage().isBlank()) why.append(": ").append(t.getMessage());
    }
    return new DatasetUnavailableException(
        "Could not download the paper's data from " + uri.getScheme() + "://" + uri.getAuthority() + " (" + why
            + "); no network? " + Dataset.HowTo.TEXT, cause);
  }

  private static String encodePath(String path) {
    StringBuilder sb = new StringBuilder();
    for (String seg : path.split("/")) {
      if (sb.length() > 0) sb.append('/');
      sb.append(java.net.URLEncoder.encode(seg, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }

  /** Temporary files left by a download that was killed (AtomicFiles names them .NAME.*.tmp). */
  private static void removeStaleTemporaryFiles(Path local) {
    if (!Files.isDirectory(local)) return;
    try (java.util.stream.Stream<Path> s = Files.walk(local)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(".") && n.endsWith(".tmp")) Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clean " + Dataset.LOCAL_FOLDER + "/: " + e.getMessage(), e);
    }
  }

  private void note(String s) {
    if (progress != null) progress.println(s);
  }

  /** A downloaded file failed its checksum; thrown through AtomicFiles so the temporary file is deleted. */
  private static final class Corrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Corrupt(String message) {
      super(message, null, false, false);
    }
  }
}
