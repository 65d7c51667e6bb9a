package org.mcalign.analysis.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.Dataset;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.Progress;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.RequestCost;
import org.mcalign.prompts.ResponseTable;
import org.mcalign.scoring.Classification;
import org.mcalign.scoring.ClassifiedOpinions;
import org.mcalign.scoring.ClassifierOutputs;
import org.mcalign.scoring.OpinionClassifier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 05: classifier requests, cost, runs, and the parse of classifier outputs. */
public final class ClassificationStage {
  private final Dataset dataset;
  private final Map<String, List<String>> stances;

  private ClassificationStage(Dataset dataset) {
    this.dataset = dataset;
    try {
      this.stances = new ObjectMapper().readValue(dataset.path("stance_labels.json").toFile(),
          new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, List<String>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("stance_labels.json: " + e.getMessage(), e);
    }
  }

  public static ClassificationStage of(Dataset dataset) {
    return new ClassificationStage(dataset);
  }

  private String title(String t) {
    return dataset.isDemo() ? "DEMO — " + t : t;
  }

  /** The stance statements given to the classifier, per item. */
  public Table stances() {
    StringColumn k = StringColumn.create("question_key");
    StringColumn p = StringColumn.create("pro");
    StringColumn c = StringColumn.create("con");
    stances.forEach((key, v) -> {
      k.append(key);
      p.append(v.get(0));
      c.append(v.get(1));
    });
    return Table.create(title("stance_labels.json"), k, p, c);
  }

  /**
   * Classifier requests for the dataset's example responses ({@code example-json-prompts.jsonl}),
   * the item found through the prompt table's topics.
   */
  public List<BatchRequestLine> exampleRequests() {
    Map<String, String> keyOfTopic = new LinkedHashMap<>();
    for (PromptRow r : PromptTable.read(dataset.path("translated_prompts_with_english_no_controversy.csv"))) {
      keyOfTopic.putIfAbsent(r.topic(), r.questionKey());
    }
    List<OpinionClassifier.Input> in = new ArrayList<>();
    ObjectMapper om = new ObjectMapper();
    try {
      for (String line : Files.readAllLines(dataset.path("example-json-prompts.jsonl"))) {
        if (line.isBlank()) continue;
        var n = om.readTree(line);
        String key = keyOfTopic.get(n.path("topic").asText());
        if (key != null && stances.containsKey(key.toLowerCase(java.util.Locale.ROOT))) {
          in.add(new OpinionClassifier.Input(key, n.path("response").asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("example-json-prompts.jsonl: " + e.getMessage(), e);
    }
    return OpinionClassifier.requests(in, stances, OpinionClassifier.MODEL, dataset.study().languageCodes());
  }

  /** Cost of classifying {@code responses} responses, request size taken from the example requests. */
  public Table cost(int responses) {
    List<BatchRequestLine> ex = exampleRequests();
    RequestCost.Estimate e = RequestCost.estimate(ex, 40, true);
    double scale = ex.isEmpty() ? 0 : (double) responses / ex.size();
    RequestCost.Estimate scaled = new RequestCost.Estimate(e.model(), responses, Math.round(e.inputTokens() * scale),
        Math.round(e.outputTokens() * scale), true, e.usd() * scale);
    return scaled.toTable().setName(title("classifier cost estimate (" + responses + " responses)"));
  }

  /** Each classifier output file of the dataset parsed: answers, unparsed, undefined scores, languages, mean pro score. */
  public Table outputs(List<String> files) {
    StringColumn f = StringColumn.create("file");
    IntColumn n = IntColumn.create("answers");
    IntColumn unparsed = IntColumn.create("unparsed (null)");
    IntColumn undefined = IntColumn.create("undefined pro score");
    StringColumn langs = StringColumn.create("languages");
    DoubleColumn mean = DoubleColumn.create("mean pro score");
    for (String name : files) {
      Path p = dataset.path(name);
      if (!Files.exists(p)) continue;
      List<ClassifiedOpinions> a = ClassifierOutputs.read(p);
      f.append(name);
      n.append(a.size());
      unparsed.append((int) a.stream().filter(x -> !x.parsed()).count());
      undefined.append((int) a.stream().filter(x -> Double.isNaN(x.proScore())).count());
      Map<String, Integer> l = new java.util.TreeMap<>();
      a.forEach(x -> l.merge(String.valueOf(x.language()), 1, Integer::sum));
      // "da 283, en 317": read as text in a table, not as a Java map
      langs.append(String.join(", ", l.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
      mean.append(a.stream().mapToDouble(ClassifiedOpinions::proScore).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN));
    }
    return Table.create(title("classifier outputs"), f, n, unparsed, undefined, langs, mean);
  }

  /**
   * Classifies the survey responses of each model's responses file (the demo's, or those notebook
   * 03/04 wrote) on the simulated server; writes {@code {model}-analysis-responses.jsonl}.
   */
  public Table runSimulated(List<String> models, long seed, double errorRate, Consumer<Progress> progress) {
    // one server per model, one request at a time: the classifier's error draws follow the
    // seeded stream in request order, as in the demo's build
    Table all = null;
    try (ResponseStore store = ResponseStore.open(StageOutputs.store(dataset))) {
      for (String m : models) {
        try (SimulatedServer s = SimulatedServer.builder().classifierErrorRate(errorRate).seed(seed).start()) {
          Table t = run(List.of(m), Endpoint.of(s.baseUrl()), store, "DEMO-classify-", 1, progress);
          all = all == null ? t : all.append(t);
        }
      }
    }
    return all;
  }

  /** Classifies on a real endpoint (gpt-4.1 at the OpenAI API). */
  public Table run(List<String> models, Endpoint endpoint, Consumer<Progress> progress) {
    try (ResponseStore store = ResponseStore.open(StageOutputs.store(dataset))) {
      return run(models, endpoint, store, "classify-", 16, progress);
    }
  }

  private Table run(List<String> models, Endpoint endpoint, ResponseStore store, String prefix, int concurrency,
      Consumer<Progress> progress) {
    StringColumn model = StringColumn.create("model");
    IntColumn n = IntColumn.create("requests");
    IntColumn unparsed = IntColumn.create("unparsed (null)");
    IntColumn undefined = IntColumn.create("undefined pro score");
    IntColumn other = IntColumn.create("other language");
    StringColumn out = StringColumn.create("output");
    Map<Path, AtomicFiles.TextBody> files = new LinkedHashMap<>();
    for (String m : models) {
      CsvRecords r = responses(m);
      CsvRecords survey = new CsvRecords(r.columns(),
          r.rows().stream().filter(x -> x.getOrDefault("template_type", "survey_hypothetical").equals("survey_hypothetical")).toList());
      EndpointBackend b = new EndpointBackend(endpoint, store, prefix + m, concurrency, progress);
      List<ClassifiedOpinions> a = Classification.run(survey, stances, OpinionClassifier.MODEL, b, dataset.study().languageCodes());
      requireUsable(a, "run '" + prefix + m + "' of " + store.file().getFileName());
      String name = (dataset.isDemo() ? "DEMO-" : "") + m + "-analysis-responses.jsonl";
      String text = String.join("\n", Classification.jsonLines(a)) + "\n";
      files.put(StageOutputs.folder(dataset).resolve(name), w -> w.write(text));
      model.append(m);
      n.append(a.size());
      unparsed.append((int) a.stream().filter(x -> !x.parsed()).count());
      undefined.append((int) a.stream().filter(x -> Double.isNaN(x.proScore())).count());
      int o = 0;
      for (int i = 0; i < a.size(); i++) if (!survey.rows().get(i).get("language").equals(a.get(i).language())) o++;
      other.append(o);
      out.append(StageOutputs.relative(dataset) + "/" + name);
    }
    AtomicFiles.writeAllText(files); // every model's file, or none
    return Table.create(title("classification runs"), model, n, unparsed, undefined, other, out);
  }

  /**
   * Refuses classifier answers of which not one could be used (e.g. a server that answers with
   * text instead of the {@code ProcessOpinions} tool call): scoring them would keep nothing.
   * The answers stay in the response store; {@code where} names the run.
   */
  public static void requireUsable(List<ClassifiedOpinions> answers, String where) {
    if (answers.isEmpty() || answers.stream().anyMatch(ClassifiedOpinions::parsed)) return;
    throw new IllegalStateException("every one of the " + answers.size() + " classifier answers of " + where + " is unusable:"
        + " none carries a ProcessOpinions tool call with the opinions (first: " + answers.get(0).customId() + "). Check that"
        + " the server supports tool calls (vLLM needs --enable-auto-tool-choice and a tool-call parser) and the model is a"
        + " classifier; nothing was written");
  }

  /** A model's responses: notebook 03/04's output when present, else the dataset's file. */
  CsvRecords responses(String model) {
    String name = ResponseTable.fileName(model);
    Path own = StageOutputs.folder(dataset).resolve((dataset.isDemo() ? "DEMO-" : "") + name);
    return CsvRecords.read(Files.exists(own) ? own : dataset.path(name), "question_key", "response", "language");
  }
}
