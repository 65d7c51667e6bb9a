package org.mcalign.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.mcalign.data.DataFormatException;
import org.mcalign.data.Dataset;
import org.mcalign.data.DatasetUnavailableException;
import org.mcalign.data.Manifest;
import org.mcalign.data.PaperDownload;
import org.mcalign.data.PaperFiles;
import org.mcalign.data.Paper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign data}: find, fetch and check the paper's published data. */
@Command(name = "data", description = "Find, download and verify the paper's published data.",
    mixinStandardHelpOptions = true,
    subcommands = {DataCommand.Info.class, DataCommand.Verify.class, DataCommand.Fetch.class})
final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The dataset named by --data, else MCA_DATA or a complete data/paper/ (never a download). */
  static Optional<Dataset> dataset(Path data) {
    return data != null ? Optional.of(Dataset.at(data)) : Dataset.find();
  }

  static Path projectRoot() {
    return Dataset.findProjectRoot(Path.of("")).orElseThrow(() -> new DatasetUnavailableException(
        "the working directory is not inside the mcalign project (no ancestor folder holds " + Dataset.MANIFEST + ")"));
  }

  @Command(name = "info", mixinStandardHelpOptions = true,
      description = "Show where the data comes from and each file's record count (validating every file).")
  static final class Info implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Use this folder instead of MCA_DATA or data/paper/.")
    Path data;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<Dataset> found = dataset(data);
      if (found.isEmpty()) {
        out.println("source: none (MCA_DATA is not set and " + Dataset.LOCAL_FOLDER + "/ is missing or incomplete)");
        out.println("Run `mcalign data fetch` to download the paper's files. " + Dataset.class.getSimpleName()
            + " resolution: MCA_DATA, then " + Dataset.LOCAL_FOLDER + "/, then a download.");
        return 1;
      }
      Dataset d = found.get();
      Manifest manifest = Manifest.load(projectRoot());
      PaperFiles files = PaperFiles.of(d);
      out.println("source: " + d.describe() + " [" + d.kind() + "]");
      out.println("upstream: " + Paper.UPSTREAM_REPOSITORY + " @ " + Paper.UPSTREAM_COMMIT);
      int w = manifest.entries().stream().mapToInt(e -> e.localPath().length()).max().orElse(10);
      String row = "%-" + w + "s %8s %10s%n";
      out.printf(row, "file", "records", "bytes");
      List<String> problems = new ArrayList<>();
      int missing = 0;
      for (Manifest.Entry e : manifest.entries()) {
        if (!d.path(e.localPath()).toFile().isFile()) {
          out.printf(row, e.localPath(), "missing", "");
          missing++;
          continue;
        }
        String records;
        try {
          OptionalInt n = files.rowCount(e.localPath());
          records = n.isPresent() ? String.format("%,d", n.getAsInt()) : "-";
        } catch (DataFormatException ex) {
          records = "INVALID";
          problems.add(ex.getMessage());
        }
        out.printf(row, e.localPath(), records, String.format("%,d", e.bytes()));
      }
      out.printf("%d files in the manifest, %d missing, %d invalid%n", manifest.entries().size(), missing, problems.size());
      for (String p : problems) out.println(p);
      return missing == 0 && problems.isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check the SHA-256 of every file of " + Dataset.MANIFEST + "; exit 1 naming missing or changed files.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Check this folder instead of MCA_DATA or data/paper/.")
    Path data;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path root = projectRoot();
      Optional<Dataset> d = dataset(data);
      // without MCA_DATA or a complete data/paper/, check data/paper/ itself (reporting what is missing)
      Path folder = d.map(Dataset::folder).orElse(root.resolve(Dataset.LOCAL_FOLDER));
      String described = d.map(Dataset::describe).orElse(Dataset.LOCAL_FOLDER + "/");
      Manifest manifest = Manifest.load(root);
      List<Manifest.FileCheck> checks = manifest.verify(folder);
      int ok = 0;
      List<String> missing = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      for (Manifest.FileCheck c : checks) {
        switch (c.status()) {
          case OK -> ok++;
          case MISSING -> missing.add(c.entry().localPath());
          case MISMATCH -> changed.add(c.entry().localPath());
        }
        String line = switch (c.status()) {
          case OK -> "ok        ";
          case MISSING -> "MISSING   ";
          case MISMATCH -> "MISMATCH  ";
        };
        out.print(line + c.entry().localPath());
        if (c.status() == Manifest.Status.MISMATCH) {
          out.print("  (sha256 " + c.actualSha256() + ", manifest " + c.entry().sha256() + ")");
        }
        out.println();
      }
      out.println("verified " + described + " against " + Dataset.MANIFEST + ": " + ok + " of " + checks.size()
          + " files match" + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
          + (changed.isEmpty() ? "" : "; checksum mismatch: " + String.join(", ", changed)));
      return missing.isEmpty() && changed.isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = "Download the paper's files listed in " + Dataset.MANIFEST + " into " + Dataset.LOCAL_FOLDER
          + "/ (SHA-256 checked; files already present and correct are kept).")
  static final class Fetch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--base-url", paramLabel = "URL",
        description = "Fetch from this URL instead of the upstream repository's raw files (default: ${DEFAULT-VALUE}).")
    String baseUrl = PaperDownload.defaultBaseUrl();

    @Override
    public Integer call() {
      Dataset d = PaperDownload.into(projectRoot()).baseUrl(baseUrl).progress(System.err).run();
      spec.commandLine().getOut().println("source: " + d.describe() + " [" + d.kind() + "]");
      return 0;
    }
  }
}
