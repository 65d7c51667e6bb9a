package org.mcalign.cli;

import java.nio.file.Path;
import org.mcalign.data.Dataset;
import org.mcalign.data.Study;
import picocli.CommandLine.Option;

/** {@code --study FILE}, the option of every command that reads data: the study the data is read and checked against. */
final class StudyOption {
  @Option(names = "--study", paramLabel = "FILE",
      description = "Study definition (models, languages, countries, reference country; JSON) read over the paper's: each key it "
          + "has replaces the paper's. Default: study.json in the dataset folder, else the paper's study. `mcalign study init` "
          + "writes a starting file.")
  Path file;

  /** The dataset read with the given study, or as it is (its folder's study.json, else the paper's). */
  Dataset apply(Dataset d) {
    return file == null ? d : d.withStudy(read());
  }

  /** The study given, or {@code fallback}. */
  Study orElse(Study fallback) {
    return file == null ? fallback : read();
  }

  private Study read() {
    return Study.read(file);
  }
}
