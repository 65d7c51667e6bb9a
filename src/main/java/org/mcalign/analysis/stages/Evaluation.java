package org.mcalign.analysis.stages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.Dataset;
import org.mcalign.data.PaperFiles;
import org.mcalign.data.Study;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.ChatBackend;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.ResponseTable;
import org.mcalign.scoring.Classification;
import org.mcalign.scoring.ClassifiedOpinions;
import org.mcalign.scoring.GroundTruthLookup;
import org.mcalign.scoring.ScoreMerge;

/**
 * A user's model beside a dataset's published ones ({@code mcalign evaluate}): stages 3–4 (its
 * responses to the dataset's survey prompts in the chosen languages), 5 (classification), 6
 * (scores joined with the dataset's ground truth), written with the dataset's files and a
 * {@code study.json} declaring the model into a new dataset folder that {@code analyze} reads.
 */
public final class Evaluation {
  private Evaluation() {}

  /** What to add: the model (declared into the study), its prompt languages, the classifier model, benchmark rows or null. */
  public record Plan(Study.Model model, List<String> languages, Map<String, Object> sampling, String classifierModel, Path benchmarks) {}

  /** Who answers: the model's endpoint and the classifier's. */
  public record Backends(ChatBackend responder, ChatBackend classifier) {}

  /** The survey prompts of {@code base} in {@code languages}: what the model is asked (one request each). */
  public static List<PromptRow> prompts(Dataset base, List<String> languages) {
    List<PromptRow> all = PromptTable.ofType(PromptTable.read(base.path("translated_prompts_with_english_no_controversy.csv")),
        PromptTable.TEMPLATE_SURVEY);
    List<PromptRow> out = all.stream().filter(r -> languages.contains(r.language())).toList();
    for (String l : languages)
      if (out.stream().noneMatch(r -> r.language().equals(l)))
        throw new IllegalArgumentException("the dataset (" + base.describe() + ") has no survey prompts in language '" + l
            + "': translate them first (translate requests --languages " + l + "=NAME, then translate clean)");
    return out;
  }

  /** The model's requests (its id in the {@code model} field; a backend maps it to the served name). */
  public static List<BatchRequestLine> requests(Dataset base, Plan plan) {
    return ResponseTable.requests(prompts(base, plan.languages()), plan.model().name(), plan.sampling());
  }

  /** The study of the evaluation: the dataset's with the model added; the languages must be declared in it. */
  public static Study study(Dataset base, Plan plan) {
    Study s = base.study().withModel(plan.model());
    for (String l : plan.languages())
      if (s.language(l).isEmpty())
        throw new IllegalArgumentException("language '" + l + "' is not declared in the study (" + s.source() + "): add it to "
            + "\"languages\" in " + Study.FILE_NAME + "; declared: " + s.languageCodes());
    return s;
  }

  /** Runs stages 3–6 and writes the new dataset into {@code folder} (the base's files, the model's rows appended). */
  public static Dataset build(Dataset base, Plan plan, Backends backends, Path folder, Consumer<String> log) {
    Study study = study(base, plan);
    String model = plan.model().name();
    List<PromptRow> prompts = prompts(base, plan.languages());
    copyFiles(base.folder(), folder);
    log.accept("stages 3-4: " + prompts.size() + " responses of " + model + " (" + String.join(", ", plan.languages()) + ")");
    List<String> texts = backends.responder().answer(ResponseTable.requests(prompts, model, plan.sampling()));
    CsvRecords responses = ResponseTable.of(prompts, model, texts);
    responses.write(folder.resolve(ResponseTable.fileName(model)));
    log.accept("stage 5: classifying " + responses.size() + " responses with " + plan.classifierModel());
    List<ClassifiedOpinions> answers = Classification.run(responses, PaperFiles.of(base).stanceLabels(), plan.classifierModel(),
        backends.classifier(), study.languageCodes());
    AtomicFiles.writeText(folder.resolve(model + "-analysis-responses.jsonl"), w -> {
      for (String l : Classification.jsonLines(answers)) w.write(l + "\n");
    });
    ScoreMerge.Merged merged = ScoreMerge.merge(responses, answers, GroundTruthLookup.read(base.path("ground_truth.csv")), study);
    log.accept("stage 6: " + merged.counts().kept() + " of " + responses.size() + " responses scored (" + merged.counts() + ")");
    append(folder.resolve("all_lang_model_responses_with_scores.csv"), ScoreMerge.SCORED_COLUMNS, merged.rows());
    if (plan.benchmarks() != null) {
      List<String> cols = List.of("model", "benchmark", "language", "score", "family");
      append(folder.resolve("multilingual_benchmarks.csv"), cols, CsvRecords.read(plan.benchmarks(), cols.toArray(String[]::new)).rows());
    }
    AtomicFiles.writeString(folder.resolve(Study.FILE_NAME), study.toJson() + "\n");
    return Dataset.at(folder);
  }

  private static void append(Path file, List<String> columns, List<Map<String, String>> added) {
    List<Map<String, String>> rows = new ArrayList<>(CsvRecords.read(file, columns.toArray(String[]::new)).rows());
    for (Map<String, String> r : added) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String c : columns) row.put(c, r.get(c));
      rows.add(row);
    }
    CsvRecords.write(file, columns, rows);
  }

  /** The base dataset's files (not its response stores), so that the new folder is a complete dataset. */
  private static void copyFiles(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Path rel = from.relativize(f), dst = to.resolve(rel.toString());
        if (Files.isDirectory(f)) Files.createDirectories(dst);
        else if (!f.getFileName().toString().endsWith(".db") && !rel.startsWith("microdata")) Files.copy(f, dst);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the dataset " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
