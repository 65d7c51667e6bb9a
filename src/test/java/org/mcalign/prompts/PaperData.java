package org.mcalign.prompts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The paper's data folder for tests: {@code MCA_DATA}, else {@code ../shared/paper-data}; required under CI. */
public final class PaperData {
  private PaperData() {}

  public static Path dir() {
    String env = System.getenv("MCA_DATA");
    Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "paper-data");
    boolean present = Files.isRegularFile(p.resolve("translated_prompts_with_english_no_controversy.csv"));
    if (System.getenv("CI") != null && !present) throw new IllegalStateException("paper data missing at " + p);
    assumeTrue(present, "paper data not found (set MCA_DATA)");
    return p;
  }

  /** The paper's first {@code n} survey_hypothetical prompts written as a prompt table to {@code file}. */
  public static Path surveyPrompts(int n, Path file) {
    java.util.List<PromptRow> survey = PromptTable.ofType(
        PromptTable.read(dir().resolve("translated_prompts_with_english_no_controversy.csv")), PromptTable.TEMPLATE_SURVEY);
    return PromptTable.write(survey.subList(0, n), file);
  }
}
