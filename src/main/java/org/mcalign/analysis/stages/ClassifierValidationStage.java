package org.mcalign.analysis.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.ClassifierValidation;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Dataset;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.Progress;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.llm.SimulatedText;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.RequestCost;
import org.mcalign.prompts.StageInputException;
import org.mcalign.scoring.Classification;
import org.mcalign.scoring.ClassifiedOpinions;
import org.mcalign.scoring.ClassifierOutputs;
import org.mcalign.scoring.LabellingSheet;
import org.mcalign.scoring.OpinionAnnotator;
import org.mcalign.stats.Agreement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 05b, classifier validation: the paper's 200 sampled responses
 * ({@code example-json-prompts.jsonl}: survey responses of gemma-2-27b-it, sampled by its
 * {@code inter-llm-reliability.py}) classified by several classifier models with the paper's
 * prompt of that script ({@link OpinionAnnotator}; by default its three models, any
 * OpenAI-compatible model can be added), every answer kept in the response store; their
 * agreement ({@link ClassifierValidation}); a labelling sheet for people, read back to give
 * each model's Cohen's κ against people and the error rate that every consistency is divided
 * by. Outputs go to the stage folder ({@code out/stages/}, DEMO: {@code out/DEMO-stages/} with
 * DEMO- names) or {@link #writingTo}.
 */
public final class ClassifierValidationStage {
  /** Planted error rates of the DEMO's simulated classifiers (share of pro/con labels swapped). */
  public static final Map<String, Double> DEMO_PLANTED_ERROR_RATES =
      orderedMap("gpt-4o-mini", 0.06, "gpt-3.5-turbo", 0.12, "gpt-4o", 0.045);

  private final Dataset dataset;
  private final Path folder;
  private final List<String> models;
  private final int rounds;
  private final long seed;

  private ClassifierValidationStage(Dataset dataset, Path folder, List<String> models, int rounds, long seed) {
    if (models.size() < 2) throw new IllegalArgumentException("classifier validation needs at least 2 models, got " + models);
    this.dataset = dataset;
    this.folder = folder;
    this.models = List.copyOf(models);
    this.rounds = rounds;
    this.seed = seed;
  }

  /** The paper's three classifier models, 1,000 bootstrap rounds, our default seed. */
  public static ClassifierValidationStage of(Dataset dataset) {
    return new ClassifierValidationStage(dataset, StageOutputs.folder(dataset), OpinionAnnotator.RELIABILITY_MODELS, 1000,
        AnalysisSettings.DEFAULT_SEED);
  }

  /** Other classifier models (ids as an OpenAI-compatible endpoint knows them). */
  public ClassifierValidationStage withModels(List<String> ids) {
    return new ClassifierValidationStage(dataset, folder, ids, rounds, seed);
  }

  public ClassifierValidationStage withBootstrap(int bootstrapRounds, long bootstrapSeed) {
    return new ClassifierValidationStage(dataset, folder, models, bootstrapRounds, bootstrapSeed);
  }

  public ClassifierValidationStage writingTo(Path outputFolder) {
    return new ClassifierValidationStage(dataset, outputFolder, models, rounds, seed);
  }

  public List<String> models() {
    return models;
  }

  private String title(String t) {
    return dataset.isDemo() ? "DEMO — " + t : t;
  }

  /** An output file of this stage (DEMO- prefixed on the demo dataset). */
  public Path output(String name) {
    return folder.resolve((dataset.isDemo() ? "DEMO-" : "") + name);
  }

  // ------------------------------------------------------------------ inputs and plan

  /** The sampled responses: each line of {@code example-json-prompts.jsonl} as {topic, response}. */
  public List<OpinionAnnotator.Input> inputs() {
    Path f = dataset.path("example-json-prompts.jsonl");
    List<String> lines;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + f.getFileName() + ": " + e.getMessage(), e);
    }
    ObjectMapper om = new ObjectMapper();
    List<OpinionAnnotator.Input> in = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      JsonNode n;
      try {
        n = om.readTree(lines.get(i));
      } catch (IOException e) {
        throw new StageInputException(f.getFileName() + " line " + (i + 1) + ": not a JSON object", e);
      }
      if (!n.path("response").isTextual())
        throw new StageInputException(f.getFileName() + " line " + (i + 1) + ": expected a \"response\" string");
      in.add(new OpinionAnnotator.Input(n.path("topic").asText(""), n.get("response").asText()));
    }
    return in;
  }

  /** What classifying the sample with every model costs (about 60 output tokens per answer). */
  public Table cost() {
    List<RequestCost.Estimate> e = new ArrayList<>();
    for (String m : models) e.add(RequestCost.estimate(OpinionAnnotator.requests(inputs(), m), 60, false));
    return RequestCost.table(e).setName(title("classifier validation cost (" + inputs().size() + " responses per model)"));
  }

  // ------------------------------------------------------------------ runs

  /** Classifies the sample with every model on {@code endpoint} (e.g. the OpenAI API). */
  public Table run(Endpoint endpoint, Consumer<Progress> progress) {
    List<RunSummary.Row> rows = new ArrayList<>();
    try (ResponseStore store = ResponseStore.open(store())) {
      for (String m : models) rows.add(classify(m, new EndpointBackend(endpoint, store, "validate-" + m, 16, progress)));
    }
    return RunSummary.results(title("classifier validation runs"), rows);
  }

  /**
   * The DEMO: each model a simulated classifier on its own simulated server that reads the
   * stance markers of the simulated answers and swaps a pro/con label with the model's planted
   * error rate ({@code planted}, model → rate), one request at a time from {@code seed}.
   */
  public Table runSimulated(Map<String, Double> planted, long seed, Consumer<Progress> progress) {
    if (!dataset.isDemo()) throw new IllegalStateException("simulated classifiers read DEMO responses only: use the demo dataset");
    List<RunSummary.Row> rows = new ArrayList<>();
    try (ResponseStore store = ResponseStore.open(store())) {
      for (int i = 0; i < models.size(); i++) {
        String m = models.get(i);
        Double rate = planted.get(m);
        if (rate == null) throw new IllegalArgumentException("no planted error rate for '" + m + "'; planted: " + planted.keySet());
        try (SimulatedServer s = SimulatedServer.builder().classifierErrorRate(rate).seed(seed + 1_000_003L * (i + 1)).start()) {
          rows.add(classify(m, new EndpointBackend(Endpoint.of(s.baseUrl()), store, "DEMO-validate-" + m, 1, progress)));
        }
      }
    }
    return RunSummary.results(title("classifier validation runs (simulated classifiers)"), rows);
  }

  private RunSummary.Row classify(String model, EndpointBackend backend) {
    List<ClassifiedOpinions> a = OpinionAnnotator.run(inputs(), model, backend);
    String name = model + "-validation-responses.jsonl";
    AtomicFiles.writeString(output(name), String.join("\n", Classification.jsonLines(a)) + "\n");
    var r = backend.lastResult();
    return new RunSummary.Row(model, a.size(), r == null ? 0 : r.answered(), r == null ? 0 : r.alreadyDone(),
        r == null ? 0 : r.failed(), StageOutputs.relative(dataset) + "/" + output(name).getFileName());
  }

  /** Each model's answers as the runs wrote them. */
  public Map<String, List<ClassifiedOpinions>> answers() {
    Map<String, List<ClassifiedOpinions>> out = new LinkedHashMap<>();
    for (String m : models) {
      Path f = output(m + "-validation-responses.jsonl");
      if (!Files.exists(f)) throw new IllegalStateException(f.getFileName() + " is missing: run the classifiers first");
      out.put(m, ClassifierOutputs.read(f));
    }
    return out;
  }

  /** The statistics over the models' answers. */
  public ClassifierValidation validation() {
    return ClassifierValidation.of(answers(), rounds, seed);
  }

  /**
   * The statement labels in long format ({@code item,rater,label}; NULL left empty), written as
   * {@code classifier-validation-labels.csv} for {@code mcalign agreement}, and their agreement.
   */
  public Agreement statementAgreement() {
    ClassifierValidation v = validation();
    List<Agreement.Rating> r = v.statementRatings();
    List<Map<String, String>> rows = new ArrayList<>();
    for (Agreement.Rating x : r) rows.add(Map.of("item", x.item(), "rater", x.rater(), "label", x.label()));
    CsvRecords.write(output("classifier-validation-labels.csv"), List.of("item", "rater", "label"), rows);
    return Agreement.of(r, rounds, seed);
  }

  // ------------------------------------------------------------------ people

  /** The blank labelling sheet's file. */
  public Path sheet() {
    return output("classifier-validation-sheet.csv");
  }

  /** Writes the blind labelling sheet ({@link LabellingSheet}) as {@code classifier-validation-sheet.csv}. */
  public Table exportSheet() {
    CsvRecords s = LabellingSheet.of(inputs());
    s.write(sheet());
    return Table.create(title("labelling sheet for people"),
        StringColumn.create("file", StageOutputs.relative(dataset) + "/" + sheet().getFileName()),
        IntColumn.create("statements", new int[] {s.size()}), IntColumn.create("responses", new int[] {inputs().size()}),
        StringColumn.create("to fill in", "column 'label': pro, con or NULL; save as " + labelledSheet().getFileName()));
  }

  /**
   * The human labels to use: a filled sheet saved as {@link #labelledSheet()} when there is one;
   * on the DEMO without one, the simulated labeller's; else none (the paper's 0.045 is used).
   */
  public Table humanLabelSource() {
    String source;
    if (Files.exists(labelledSheet())) source = "people's sheet " + labelledSheet().getFileName();
    else if (dataset.isDemo()) {
      fillSheetSimulated();
      source = "DEMO simulated labeller (each statement's true stance) → " + labelledSheet().getFileName();
    } else source = "none: fill in " + sheet().getFileName() + " and save it as " + labelledSheet().getFileName();
    int n = Files.exists(labelledSheet()) ? humanLabels(labelledSheet()).size() : 0;
    return Table.create(title("human labels"), StringColumn.create("source", source), IntColumn.create("statements labelled", new int[] {n}));
  }

  /** Each model against the human labels ({@link ClassifierValidation#againstHumans}). */
  public Table againstHumans() {
    if (!Files.exists(labelledSheet()))
      throw new IllegalStateException("no human labels yet: fill in " + sheet().getFileName() + " and save it as " + labelledSheet().getFileName());
    return validation().againstHumans(humanLabels(labelledSheet())).setName(title("classifiers against people"));
  }

  /** DEMO: each pair's planted agreement on pro/con statements, (1 − e₁)(1 − e₂) + e₁e₂, beside the estimate and its interval. */
  public Table plantedAgreement(Map<String, Double> planted, Agreement a) {
    StringColumn pair = StringColumn.create("pair");
    DoubleColumn p = DoubleColumn.create("planted"), e = DoubleColumn.create("estimate"), lo = DoubleColumn.create("lower"),
        hi = DoubleColumn.create("upper");
    StringColumn in = StringColumn.create("planted inside the interval");
    for (int i = 0; i < models.size(); i++)
      for (int j = i + 1; j < models.size(); j++) {
        double e1 = planted.get(models.get(i)), e2 = planted.get(models.get(j));
        String key = models.get(i) + "|" + models.get(j);
        double[] iv = a.interval("percent_agreement " + key);
        double v = (1 - e1) * (1 - e2) + e1 * e2;
        pair.append(key);
        p.append(v);
        e.append(a.pairwisePercentAgreement().get(key));
        lo.append(iv[0]);
        hi.append(iv[1]);
        in.append(String.valueOf(iv[0] <= v && v <= iv[1]));
      }
    return Table.create(title("percent agreement on pro/con statements: planted vs recovered (95 % bootstrap intervals)"),
        pair, p, e, lo, hi, in);
  }

  /** DEMO: each model's planted error rate beside the one recovered from the human labels. */
  public Table plantedErrorRates(Map<String, Double> planted) {
    StringColumn m = StringColumn.create("model"), in = StringColumn.create("planted inside the interval");
    DoubleColumn p = DoubleColumn.create("planted"), e = DoubleColumn.create("estimate"), lo = DoubleColumn.create("lower"),
        hi = DoubleColumn.create("upper");
    IntColumn n = IntColumn.create("statements");
    for (String model : models) {
      ClassifierValidation.ErrorRate r = errorRate(model);
      m.append(model);
      p.append(planted.get(model));
      e.append(r.value());
      lo.append(r.lower());
      hi.append(r.upper());
      n.append(r.statements());
      in.append(String.valueOf(r.lower() <= planted.get(model) && planted.get(model) <= r.upper()));
    }
    return Table.create(title("error rate against people: planted vs recovered (95 % bootstrap intervals over responses)"),
        m, p, e, lo, hi, n, in);
  }

  /** Where a filled-in sheet is looked for: {@code classifier-validation-sheet-labelled.csv} in the stage folder. */
  public Path labelledSheet() {
    return output("classifier-validation-sheet-labelled.csv");
  }

  /**
   * The DEMO's simulated labeller: fills the exported sheet with each statement's true stance
   * (the simulated answers' markers; no errors) and writes it as {@link #labelledSheet()}.
   */
  public Path fillSheetSimulated() {
    if (!dataset.isDemo()) throw new IllegalStateException("the simulated labeller reads DEMO responses only; people label the paper's");
    if (!Files.exists(sheet())) exportSheet();
    CsvRecords sheet = CsvRecords.read(sheet(), "statement", "label");
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : sheet.rows()) {
      Map<String, String> m = new LinkedHashMap<>(r);
      List<String> o = SimulatedText.classify(r.get("statement"), "en").opinions();
      m.put("label", o.size() == 1 ? o.get(0) : "NULL");
      rows.add(m);
    }
    return new CsvRecords(sheet.columns(), rows).write(labelledSheet());
  }

  /** The labels of a filled sheet. */
  public Map<String, String> humanLabels(Path sheet) {
    return LabellingSheet.read(sheet);
  }

  /**
   * The error rate for {@code consistency / (1 − error)}: from the filled sheet when it exists
   * (for {@code model}, the classifier whose labels the analyses use), else the paper's 0.045,
   * labelled as such.
   */
  public ClassifierValidation.ErrorRate errorRate(String model) {
    if (!Files.exists(labelledSheet())) return ClassifierValidation.ErrorRate.paperDefault();
    return validation().errorRate(humanLabels(labelledSheet()), model);
  }

  /** An error rate as a one-row table (value, interval, statements, source), for notebooks. */
  public Table errorRateTable(ClassifierValidation.ErrorRate e) {
    Table t = Table.create(title("scoring error rate for consistency / (1 - error)"),
        DoubleColumn.create("error_rate", e.value()), DoubleColumn.create("lower (95 %)", e.lower()),
        DoubleColumn.create("upper (95 %)", e.upper()), IntColumn.create("statements", new int[] {e.statements()}),
        DoubleColumn.create("reliability 1 - error", e.reliability()), StringColumn.create("source", e.source()));
    CsvOut.write(t, output("classifier-validation-error-rate.csv"));
    return t;
  }

  private Path store() {
    return folder.resolve(dataset.isDemo() ? "DEMO-responses.db" : "responses.db");
  }

  private static Map<String, Double> orderedMap(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Double) kv[i + 1]);
    return java.util.Collections.unmodifiableMap(m);
  }
}
