package org.mcalign.analysis.stages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.mcalign.analysis.AnalysisResult;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.Demographic;
import org.mcalign.analysis.Metric;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Dataset;
import org.mcalign.data.PaperFiles;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.Progress;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.ChatBackend;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.DemographicPrompts;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.Sampling;
import org.mcalign.prompts.ServedModels;
import org.mcalign.scoring.Classification;
import org.mcalign.scoring.ClassifiedOpinions;
import org.mcalign.scoring.ClassifierOutputs;
import org.mcalign.scoring.GroundTruthLookup;
import org.mcalign.scoring.OpinionAnnotator;
import org.mcalign.scoring.ScoreMerge;
import org.mcalign.stats.Correlation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 13, the demographic-prompting experiment end to end, as the paper's scripts run it:
 * <ol>
 *   <li>{@link #writeVariants()}: {@code demographic-prompting.py}'s variants of the survey
 *       prompts (a sentence naming a congruent, then an incongruent country after the first
 *       sentence), written as {@code demographic-all_prompts_responses.csv};
 *   <li>{@link #respond}: the variants sent to the model (gemma-2-27b-it by default, on a vLLM
 *       endpoint, the paper's sampling), every answer kept in the response store;
 *       {@code demographic-all_prompts_responses_{model}.csv} and {@code …_{family}-combined.csv};
 *   <li>{@link #annotate}: {@code annotate_responses_demographic.py}: each {topic, response}
 *       annotated by gpt-4o-mini with the paper's system prompt and {@code ProcessOpinions}
 *       schema ({@link OpinionAnnotator}); {@code demographic-analysis-responses.jsonl};
 *   <li>{@link #merge()}: {@code analyze_demographic_nonbatch.py}: pro scores, the ground truth
 *       joined on (question, language), rows without either or answered in another language
 *       dropped; {@code demographic-{family}-results.csv} in the published file's columns;
 *   <li>{@link #analyse}: {@code analyse_hypotheses.py}'s demographic analysis on it.
 * </ol>
 * On the DEMO dataset the model and annotator are the simulated ones ({@link #respondSimulated},
 * {@link #annotateSimulated}), which reproduce the demo's own files. The paper draws the
 * countries unseeded; here they are drawn with {@link #seed()}. Outputs go to the stage folder
 * ({@code out/stages/}, DEMO: {@code out/DEMO-stages/} with DEMO- names) or {@link #writingTo}.
 */
public final class DemographicStage {
  /** The paper's model of the experiment. */
  public static final String PAPER_MODEL = "gemma-2-27b-it";

  private final Dataset dataset;
  private final Path folder;
  private final String model;
  private final long seed;

  private DemographicStage(Dataset dataset, Path folder, String model, long seed) {
    this.dataset = dataset;
    this.folder = folder;
    this.model = model;
    this.seed = seed;
  }

  /**
   * The experiment on {@code dataset} with the paper's model; countries drawn with the demo's
   * seed on the demo (so that the simulated run reproduces its files), else with
   * {@link AnalysisSettings#DEFAULT_SEED}.
   */
  public static DemographicStage of(Dataset dataset) {
    return new DemographicStage(dataset, StageOutputs.folder(dataset), PAPER_MODEL,
        dataset.isDemo() ? DemoData.seed() : AnalysisSettings.DEFAULT_SEED);
  }

  /** Outputs and the response store in another folder. */
  public DemographicStage writingTo(Path outputFolder) {
    return new DemographicStage(dataset, outputFolder, model, seed);
  }

  /** Another model (its id as the results name it; a vLLM server may know it by another name, see {@link #respond}). */
  public DemographicStage withModel(String id) {
    return new DemographicStage(dataset, folder, id, seed);
  }

  /** Another seed for the country draws. */
  public DemographicStage withSeed(long s) {
    return new DemographicStage(dataset, folder, model, s);
  }

  public long seed() {
    return seed;
  }

  public String model() {
    return model;
  }

  private String title(String t) {
    return dataset.isDemo() ? "DEMO — " + t : t;
  }

  /** An output file of this stage (DEMO- prefixed on the demo dataset). */
  public Path output(String name) {
    return folder.resolve((dataset.isDemo() ? "DEMO-" : "") + name);
  }

  private String family() {
    return ScoreMerge.familyOf(model, dataset.study());
  }

  /** The file name of the merged results: the paper's {@code demographic-gemma-results.csv} for a Gemma model. */
  public String resultsName() {
    return "demographic-" + family() + "-results.csv";
  }

  // ------------------------------------------------------------------ 1. variants

  /** Congruent and incongruent variants of the survey prompts, countries drawn with {@code seed}. */
  public List<DemographicPrompts.Variant> variants(long seed) {
    List<PromptRow> survey = PromptTable.ofType(
        PromptTable.read(dataset.path("translated_prompts_with_english_no_controversy.csv")), PromptTable.TEMPLATE_SURVEY);
    return DemographicPrompts.variants(survey, DemographicPrompts.countriesByLanguage(dataset.study()), seed, dataset.study());
  }

  /** The variants of this stage's seed. */
  public List<DemographicPrompts.Variant> variants() {
    return variants(seed);
  }

  /** One congruent and one incongruent text of the first prompt. */
  public Table examples(long seed) {
    List<DemographicPrompts.Variant> v = variants(seed);
    DemographicPrompts.Variant a = v.get(0), b = v.get(v.size() / 2);
    return Table.create(title("demographic prompt variants"),
        StringColumn.create("is_congruent", String.valueOf(a.congruent()), String.valueOf(b.congruent())),
        StringColumn.create("country", a.country(), b.country()),
        StringColumn.create("text sent", a.text(), b.text()));
  }

  /** Variants per language, congruence and country: ours (seeded) beside the dataset's file. */
  public Table design(long seed) {
    Map<String, int[]> m = new TreeMap<>();
    for (DemographicPrompts.Variant v : variants(seed)) {
      m.computeIfAbsent(v.row().language() + "|" + v.congruent() + "|" + v.country(), k -> new int[2])[0]++;
    }
    for (Map<String, String> r : CsvRecords.read(dataset.path("demographic-all_prompts_responses.csv")).rows()) {
      m.computeIfAbsent(r.get("language") + "|" + r.get("is_congruent") + "|" + r.get("country"), k -> new int[2])[1]++;
    }
    StringColumn lang = StringColumn.create("language");
    StringColumn cong = StringColumn.create("is_congruent");
    StringColumn country = StringColumn.create("country");
    IntColumn ours = IntColumn.create("ours (seed " + seed + ")");
    IntColumn file = IntColumn.create("dataset's file");
    m.forEach((k, v) -> {
      String[] p = k.split("\\|");
      lang.append(p[0]);
      cong.append(p[1]);
      country.append(p[2]);
      ours.append(v[0]);
      file.append(v[1]);
    });
    return Table.create(title("demographic design"), lang, cong, country, ours, file);
  }

  private CsvRecords variantTable() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (DemographicPrompts.Variant v : variants()) rows.add(DemographicPrompts.toMap(v));
    return new CsvRecords(DemographicPrompts.COLUMNS, rows);
  }

  /** Writes {@code demographic-all_prompts_responses.csv} (the paper's columns); returns what was written. */
  public Table writeVariants() {
    CsvRecords t = variantTable();
    t.write(output("demographic-all_prompts_responses.csv"));
    long congruent = t.rows().stream().filter(r -> r.get("is_congruent").equals("true")).count();
    return summary("demographic prompt variants (seed " + seed + ")", List.of(
        row("demographic-all_prompts_responses.csv", t.size(), congruent + " congruent, " + (t.size() - congruent) + " incongruent")));
  }

  // ------------------------------------------------------------------ 2. responses

  /** The requests of the variants: one user message each, the paper's vLLM sampling. */
  public List<BatchRequestLine> responseRequests() {
    List<DemographicPrompts.Variant> v = variants();
    List<BatchRequestLine> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++)
      out.add(new BatchRequestLine(String.format("demographic-%06d", i), model,
          List.of(BatchRequestLine.message("user", v.get(i).text())), Sampling.VLLM_PAPER));
    return out;
  }

  /**
   * Sends the variants to {@code endpoint} (a vLLM server: {@code names} maps the model id to
   * the name the server knows, by default the Hugging Face id); answers are kept in the
   * response store as they arrive, a rerun asks only for the missing ones.
   */
  public Table respond(Endpoint endpoint, ServedModels names, int concurrency, Consumer<Progress> progress) {
    try (ResponseStore store = ResponseStore.open(store())) {
      return respond(new EndpointBackend(endpoint, store, "demographic-answers-" + model, concurrency, progress), names);
    }
  }

  /**
   * The demo's simulated model (it answers with the opinions of the country a prompt names) on
   * the simulated server; {@code s} are the settings the demo dataset was built with.
   */
  public Table respondSimulated(DemoSettings s, Consumer<Progress> progress) {
    requireDemo();
    try (SimulatedServer server = SimulatedServer.builder().model(DemoData.demographicCulture(dataset, s).asServerModel())
        .seed(s.seed()).start(); ResponseStore store = ResponseStore.open(store())) {
      return respond(new EndpointBackend(Endpoint.of(server.baseUrl()), store, "DEMO-demographic-answers-" + model, 8, progress),
          ServedModels.asIs());
    }
  }

  private Table respond(EndpointBackend backend, ServedModels names) {
    List<String> texts = backend.answer(names.apply(responseRequests()));
    CsvRecords variants = variantTable();
    List<String> cols = new ArrayList<>(variants.columns());
    cols.add("response");
    cols.add("model");
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Map<String, String> r = new LinkedHashMap<>(variants.rows().get(i));
      r.put("response", texts.get(i));
      r.put("model", model);
      rows.add(r);
    }
    CsvRecords out = new CsvRecords(cols, rows);
    String perModel = "demographic-all_prompts_responses_" + ScoreMerge.modelName(model) + ".csv";
    String combined = "demographic-all_prompts_responses_" + family() + "-combined.csv";
    Map<java.nio.file.Path, AtomicFiles.TextBody> files = new LinkedHashMap<>();
    files.put(output(perModel), out.body());
    files.put(output(combined), out.body());
    AtomicFiles.writeAllText(files); // both, or neither

    var r = backend.lastResult();
    return summary("responses of " + model, List.of(row(perModel, out.size(),
        (r == null ? 0 : r.answered()) + " answered now, " + (r == null ? 0 : r.alreadyDone()) + " from the store"),
        row(combined, out.size(), "the family's responses")));
  }

  // ------------------------------------------------------------------ 3. annotation

  private List<OpinionAnnotator.Input> annotationInputs() {
    Path combined = output("demographic-all_prompts_responses_" + family() + "-combined.csv");
    if (!Files.exists(combined))
      throw new IllegalStateException(combined.getFileName() + " is missing: run respond (or respondSimulated) first");
    List<OpinionAnnotator.Input> in = new ArrayList<>();
    for (Map<String, String> r : CsvRecords.read(combined, "topic", "response").rows())
      if (r.getOrDefault("template_type", PromptTable.TEMPLATE_SURVEY).equals(PromptTable.TEMPLATE_SURVEY))
        in.add(new OpinionAnnotator.Input(r.get("topic"), r.get("response")));
    return in;
  }

  /** Annotates the responses with {@code annotator} (the paper's: gpt-4o-mini at the OpenAI API). */
  public Table annotate(Endpoint endpoint, String annotator, Consumer<Progress> progress) {
    try (ResponseStore store = ResponseStore.open(store())) {
      return annotate(new EndpointBackend(endpoint, store, "demographic-annotate-" + annotator + "-" + model, 16, progress), annotator);
    }
  }

  /**
   * The simulated annotator (it reads the simulated answers' stance markers and swaps a pro/con
   * label with {@code s.classifierErrorRate()}), one request at a time on a server seeded as the
   * demo's build, so that it reproduces the demo's annotations.
   */
  public Table annotateSimulated(DemoSettings s, Consumer<Progress> progress) {
    requireDemo();
    try (SimulatedServer server = SimulatedServer.builder().classifierErrorRate(s.classifierErrorRate()).seed(s.seed()).start();
        ResponseStore store = ResponseStore.open(store())) {
      return annotate(new EndpointBackend(Endpoint.of(server.baseUrl()), store, "DEMO-demographic-annotate-" + model, 1, progress),
          OpinionAnnotator.DEMOGRAPHIC_MODEL);
    }
  }

  private Table annotate(ChatBackend backend, String annotator) {
    List<ClassifiedOpinions> a = OpinionAnnotator.run(annotationInputs(), annotator, backend, dataset.study().languageCodes());
    String name = "demographic-analysis-responses.jsonl";
    AtomicFiles.writeString(output(name), String.join("\n", Classification.jsonLines(a)) + "\n");
    long unparsed = a.stream().filter(x -> !x.parsed()).count();
    long undefined = a.stream().filter(x -> Double.isNaN(x.proScore())).count();
    return summary("annotation by " + annotator, List.of(row(name, a.size(), unparsed + " unparsed, " + undefined + " without pro or con")));
  }

  // ------------------------------------------------------------------ 4. merge

  /** The paper's merge, written as {@link #resultsName()}; the table of what it kept and dropped. */
  public Table merge() {
    Path variants = output("demographic-all_prompts_responses.csv");
    if (!Files.exists(variants)) writeVariants();
    Path answers = output("demographic-analysis-responses.jsonl");
    if (!Files.exists(answers)) throw new IllegalStateException(answers.getFileName() + " is missing: run annotate first");
    ScoreMerge.Merged m = ScoreMerge.demographic(CsvRecords.read(variants), ClassifierOutputs.read(answers),
        GroundTruthLookup.read(dataset.path("ground_truth.csv")), model, dataset.study());
    m.all().write(output(resultsName()));
    var c = m.counts();
    return summary("merge → " + resultsName(), List.of(
        row("responses", c.responses(), ""), row("no pro or con statement", c.undefinedScore(), "dropped"),
        row("no ground truth", c.noGroundTruth(), "dropped"), row("answered in another language", c.languageMismatch(), "dropped"),
        row(resultsName(), c.kept(), "kept")));
  }

  /** Our merged results, read with the published file's schema. */
  public Table results() {
    Path f = output(resultsName());
    if (!Files.exists(f)) throw new IllegalStateException(f.getFileName() + " is missing: run merge first");
    return PaperFiles.demographicResults(f, dataset.study());
  }

  /** Our merged file beside the dataset's {@code demographic-gemma-results.csv}: rows, and rows equal in every column. */
  public Table compareWithDataset() {
    CsvRecords ours = CsvRecords.read(output(resultsName()));
    CsvRecords theirs = CsvRecords.read(dataset.path("demographic-gemma-results.csv"));
    int equal = 0;
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      Map<String, String> a = ours.rows().get(i), b = theirs.rows().get(i);
      boolean same = true;
      for (String c : ScoreMerge.DEMOGRAPHIC_COLUMNS) {
        String x = a.getOrDefault(c, ""), y = b.getOrDefault(c, "");
        if (c.endsWith("_score") && !x.isEmpty() && !y.isEmpty()) same &= Double.parseDouble(x) == Double.parseDouble(y);
        else same &= x.equals(y);
      }
      if (same) equal++;
    }
    return Table.create(title("our " + resultsName() + " beside the dataset's demographic-gemma-results.csv"),
        StringColumn.create("columns equal", String.valueOf(ours.columns().equals(theirs.columns()))),
        IntColumn.create("our rows", new int[] {ours.size()}), IntColumn.create("dataset's rows", new int[] {theirs.size()}),
        IntColumn.create("rows equal in every column", new int[] {equal}));
  }

  // ------------------------------------------------------------------ 5. analysis

  /**
   * The paper's demographic analysis ({@code analyze_demographic}) on our merged results, written
   * as {@code {metric}_n{rounds}_demographic_analysis.csv}.
   */
  public AnalysisResult analyse(Metric metric, int rounds, long seed, AnalysisSettings settings) {
    AnalysisResult r = Demographic.run(results(), metric, rounds, seed, settings);
    CsvOut.write(r.table(), output(r.table().name()));
    return r;
  }

  /** The same analysis on the dataset's own {@code demographic-gemma-results.csv} (the paper's, on its data). */
  public AnalysisResult analyseDataset(Metric metric, int rounds, long seed, AnalysisSettings settings) {
    AnalysisResult r = Demographic.run(PaperFiles.of(dataset).demographicResults(), metric, rounds, seed, settings);
    CsvOut.write(r.table(), output("dataset-" + r.table().name()));
    return r;
  }

  /**
   * Our figure of an analysis result (the paper draws none): per response language, the metric
   * for congruent and incongruent country sentences; bars the mean over the rounds, whiskers the
   * 95 % percentile interval of the rounds (the bootstrap interval of the metric).
   */
  public org.mcalign.plot.Figure figure(AnalysisResult r) {
    Table t = r.table();
    String[] cong = t.stringColumn("is_congruent").asObjectArray();
    for (int i = 0; i < cong.length; i++) cong[i] = cong[i].equals("true") ? "congruent country" : "incongruent country";
    org.mcalign.plot.Figure f = org.mcalign.plot.CatPlot.of(t.name().replace(".csv", ".png"),
            t.stringColumn("response_language").asObjectArray(), t.doubleColumn("metric_value").asDoubleArray())
        .hue(cong).labels("response language", r.settings().get("metric") + " with the prompt language's ground truth")
        .interval(org.mcalign.plot.Interval.percentile(95)).figure();
    return org.mcalign.analysis.demo.Datasets.figure(dataset, f);
  }

  /** Per language and congruence: mean metric and consistency of an analysis result with 95 % percentile intervals over its rounds. */
  public Table analysisMeans(AnalysisResult r) {
    return Demographic.means(r.table()).setName(title(r.table().name() + ": means over " + r.settings().get("rounds") + " rounds"));
  }

  /** Alignment of the dataset's scored responses with the prompt language's ground truth, congruent vs incongruent, per language. */
  public Table alignment() {
    return alignment(dataset.path("demographic-gemma-results.csv"), "the dataset's demographic-gemma-results.csv");
  }

  /** The same on our merged results. */
  public Table ourAlignment() {
    return alignment(output(resultsName()), "our " + resultsName());
  }

  private Table alignment(Path file, String what) {
    CsvRecords r = CsvRecords.read(file, "language", "is_congruent", "response_pro_score", "ground_truth_pro_score");
    Map<String, List<double[]>> groups = new TreeMap<>();
    for (Map<String, String> x : r.rows()) {
      groups.computeIfAbsent(x.get("language") + "|" + x.get("is_congruent"), k -> new ArrayList<>())
          .add(new double[] {Double.parseDouble(x.get("response_pro_score")), Double.parseDouble(x.get("ground_truth_pro_score"))});
    }
    StringColumn lang = StringColumn.create("language");
    StringColumn cong = StringColumn.create("is_congruent");
    IntColumn n = IntColumn.create("responses");
    DoubleColumn rho = DoubleColumn.create("spearman");
    DoubleColumn mean = DoubleColumn.create("mean alignment (1 - mean |diff|)");
    groups.forEach((k, v) -> {
      double[] x = v.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = v.stream().mapToDouble(p -> p[1]).toArray();
      lang.append(k.split("\\|")[0]);
      cong.append(k.split("\\|")[1]);
      n.append(v.size());
      rho.append(Correlation.spearman(x, y));
      mean.append(Correlation.meanAlignment(x, y));
    });
    return Table.create(title("alignment with the prompt language's ground truth (" + what + ", one pass)"), lang, cong, n, rho, mean);
  }

  // ------------------------------------------------------------------ helpers

  private Path store() {
    return folder.resolve(dataset.isDemo() ? "DEMO-responses.db" : "responses.db");
  }

  private void requireDemo() {
    if (!dataset.isDemo()) throw new IllegalStateException("the simulated model and annotator answer DEMO prompts only: use the demo dataset");
  }

  private record Row(String what, int rows, String note) {}

  private static Row row(String what, long rows, String note) {
    return new Row(what, (int) rows, note);
  }

  private Table summary(String name, List<Row> rows) {
    StringColumn w = StringColumn.create("output"), note = StringColumn.create("note");
    IntColumn n = IntColumn.create("rows");
    for (Row r : rows) {
      w.append(r.what());
      n.append(r.rows());
      note.append(r.note());
    }
    return Table.create(title(name), w, n, note);
  }
}
