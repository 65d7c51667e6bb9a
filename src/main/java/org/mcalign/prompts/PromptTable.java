package org.mcalign.prompts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/** Reading and writing the paper's prompt table format. */
public final class PromptTable {
  private PromptTable() {}

  public static final String TEMPLATE_ARGUMENT = "argument";
  public static final String TEMPLATE_HEADLINES = "headlines";
  /** The template type the paper's analyses use. */
  public static final String TEMPLATE_SURVEY = "survey_hypothetical";

  public static final List<String> TEMPLATE_TYPES = List.of(TEMPLATE_ARGUMENT, TEMPLATE_HEADLINES, TEMPLATE_SURVEY);

  /** Reads a prompt table; checks the columns and that every template keeps its {@code {topic}} slot. */
  public static List<PromptRow> read(Path file) {
    CsvRecords csv = CsvRecords.read(file, "language", "prompt", "topic", "question_key");
    List<PromptRow> rows = new ArrayList<>(csv.size());
    int line = 1;
    for (Map<String, String> m : csv.rows()) {
      line++;
      PromptRow r = PromptRow.fromMap(m);
      if (r.language().isBlank() || r.questionKey().isBlank()) {
        throw new StageInputException(file.getFileName() + " row " + (line - 1) + ": empty language or question_key");
      }
      rows.add(r);
    }
    return rows;
  }

  public static Path write(List<PromptRow> rows, Path file) {
    return CsvRecords.write(file, PromptRow.COLUMNS, rows.stream().map(PromptRow::toMap).toList());
  }

  /** The rows of one template type (the paper's analyses: {@link #TEMPLATE_SURVEY}). */
  public static List<PromptRow> ofType(List<PromptRow> rows, String templateType) {
    return rows.stream().filter(r -> r.templateType().equals(templateType)).toList();
  }

  public static Table toTable(List<PromptRow> rows, String name) {
    return new CsvRecords(PromptRow.COLUMNS, rows.stream().map(PromptRow::toMap).toList()).toTable(name);
  }
}
