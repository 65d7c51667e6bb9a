package org.mcalign.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.Dataset;
import org.mcalign.data.Study;
import org.mcalign.analysis.demo.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcalign study show|init}: the study in use (models, languages, countries) as data. */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = {"The study the analyses compare: its models (family, display name, benchmark spellings, served name), "
        + "prompt languages, countries with their main language and the reference country. The paper's is built in; "
        + "study.json in a dataset folder (or --study FILE) replaces the keys it has. Baselines are built in.",
        "A value in the data that the study does not declare is refused, naming the value, the file and study.json."},
    subcommands = {StudyCommand.Show.class, StudyCommand.Init.class})
final class StudyCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("study: subcommands show, init (see --help)");
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print the study in use: a summary on stderr, the study as JSON (every key) on stdout.")
  static final class Show implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder (default: MCA_DATA, then data/paper, then the DEMO).")
    Path data;

    @Mixin StudyOption study;

    @Override
    public Integer call() {
      Dataset d = study.apply(data != null ? Dataset.at(data) : Datasets.paperOrDemo());
      System.err.println("dataset: " + d.describe());
      System.err.println(d.study().describe());
      System.out.println(d.study().toJson());
      return 0;
    }
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Write the paper's study (or the one of --study) as a starting file to edit: add a model to \"models\", "
          + "a language to \"languages\", its countries to \"countries\".")
  static final class Init implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "study.json", description = "File to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Mixin StudyOption study;

    @Override
    public Integer call() {
      if (java.nio.file.Files.exists(out) && !force)
        throw new IllegalArgumentException(out + " exists: edit it, or give --force to replace it with the paper's study");
      new PathGuard().input("--study", study.file).output("--out", out).check();
      Study s = study.orElse(Study.paper());
      AtomicFiles.writeString(out, s.toJson() + "\n");
      System.err.println(s.describe());
      System.out.println(out);
      return 0;
    }
  }
}
