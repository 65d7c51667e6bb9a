package org.mcalign.analysis.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.SimulatedCulture;
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
import org.mcalign.prompts.Sampling;
import org.mcalign.prompts.ServedModels;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebooks 03 and 04: every prompt (template with its topic) as one user message to each
 * model; OpenAI models with the API's defaults, open models with the paper's vLLM sampling;
 * answers kept in the response store as they arrive; one {@code all_prompts_responses_{model}.csv}
 * per model.
 */
public final class ResponseStage {
  private final Dataset dataset;
  private final List<PromptRow> prompts;
  private final List<String> models;
  private final Map<String, Object> sampling;
  private final boolean batchPricing;
  private final ServedModels served;
  private final Map<String, String> failures = new LinkedHashMap<>();

  private ResponseStage(Dataset dataset, List<String> models, Map<String, Object> sampling, boolean batchPricing,
      ServedModels served) {
    this.dataset = dataset;
    this.prompts = PromptTable.read(dataset.path("translated_prompts_with_english_no_controversy.csv"));
    this.models = List.copyOf(models);
    this.sampling = sampling;
    this.batchPricing = batchPricing;
    this.served = served;
  }

  /** The paper's OpenAI models (notebook 03: the study's family openai), priced for the Batch API. */
  public static ResponseStage openAi(Dataset dataset) {
    return new ResponseStage(dataset, dataset.study().modelsOf("openai"), Sampling.OPENAI_PAPER, true,
        ServedModels.asIs());
  }

  /**
   * The paper's open models (notebook 04) with the paper's vLLM sampling, requested under the
   * names a vLLM server knows them by ({@link ServedModels#fromEnvironment()}).
   */
  public static ResponseStage vllm(Dataset dataset) {
    List<String> m = new ArrayList<>(dataset.study().modelsOf("gemma"));
    m.addAll(dataset.study().modelsOf("olmo"));
    return new ResponseStage(dataset, m, Sampling.VLLM_PAPER, false, ServedModels.fromEnvironment(dataset.study()));
  }

  /** Another list of models (a new model is one more id). */
  public ResponseStage withModels(List<String> ids) {
    return new ResponseStage(dataset, ids, sampling, batchPricing, served);
  }

  /** The same run with some models served under other names (model id → the server's name). */
  public ResponseStage withServedNames(Map<String, String> names) {
    return new ResponseStage(dataset, models, sampling, batchPricing, served.with(names));
  }

  /** Each model's id in the results and the name the requests carry. */
  public Table servedNames() {
    StringColumn id = StringColumn.create("model"), name = StringColumn.create("requested_as");
    for (String m : models) {
      id.append(m);
      name.append(served.of(m));
    }
    return Table.create(title("model names on the server"), id, name);
  }

  public List<String> models() {
    return models;
  }

  public List<BatchRequestLine> requests(String model) {
    return ResponseTable.requests(prompts, model, sampling);
  }

  /** What the run will cost (600 output tokens per request assumed: the paper's max_tokens). */
  public Table cost() {
    List<RequestCost.Estimate> e = new ArrayList<>();
    for (String m : models) e.add(RequestCost.estimate(requests(m), 600, batchPricing));
    return RequestCost.table(e).setName(title("cost estimate (" + prompts.size() + " prompts per model)"));
  }

  /** The request body of the first prompt, as sent to a real server. */
  public String exampleRequest() {
    return served.apply(requests(models.get(0)).subList(0, 1)).get(0).toJsonLine();
  }

  private String title(String t) {
    return dataset.isDemo() ? "DEMO — " + t : t;
  }

  /** Runs every model against an endpoint (the model id is the endpoint's model name). */
  public Table run(Endpoint endpoint, int concurrency, Consumer<Progress> progress) {
    try (ResponseStore store = ResponseStore.open(StageOutputs.store(dataset))) {
      List<RunSummary.Row> rows = new ArrayList<>();
      Map<Path, AtomicFiles.TextBody> files = new LinkedHashMap<>();
      for (String m : models) {
        // OpenAI models through the Batch API as the paper did; vLLM servers directly
        rows.add(runModel(new EndpointBackend(endpoint, store, "answers-" + m, concurrency, progress, batchPricing), m, served, files));
      }
      AtomicFiles.writeAllText(files);
      return RunSummary.results(title("responses"), rows);
    }
  }

  /** Runs every model on the simulated server with the demo's planted behaviours and seed (the dataset must be the demo): the demo's responses again. */
  public Table runSimulated(Consumer<Progress> progress) {
    if (!dataset.isDemo()) throw new IllegalStateException("simulated models answer DEMO prompts only: use the demo dataset");
    SimulatedCulture culture = DemoData.culture(dataset);
    try (SimulatedServer s = SimulatedServer.builder().model(culture.asServerModel()).seed(DemoData.seed()).start();
        ResponseStore store = ResponseStore.open(StageOutputs.store(dataset))) {
      List<RunSummary.Row> rows = new ArrayList<>();
      Map<Path, AtomicFiles.TextBody> files = new LinkedHashMap<>();
      for (String m : models) {
        // the simulated models know the paper's ids
        rows.add(runModel(new EndpointBackend(Endpoint.of(s.baseUrl()), store, "DEMO-answers-" + m, 8, progress), m,
            ServedModels.asIs(), files));
      }
      AtomicFiles.writeAllText(files);
      return RunSummary.results(title("responses (simulated server)"), rows);
    }
  }

  /** Runs one model; its output file joins {@code files}, written with the other models' when the stage ends. */
  private RunSummary.Row runModel(EndpointBackend backend, String model, ServedModels names, Map<Path, AtomicFiles.TextBody> files) {
    List<BatchRequestLine> req = names.apply(requests(model));
    String name = (dataset.isDemo() ? "DEMO-" : "") + ResponseTable.fileName(model);
    try {
      List<String> texts = backend.answer(req);
      files.put(StageOutputs.folder(dataset).resolve(name), ResponseTable.of(prompts, model, texts).body());
    } catch (RuntimeException e) {
      failures.put(model, e.getMessage());
      name = "(incomplete: see failures)";
    }
    var r = backend.lastResult();
    return new RunSummary.Row(model, req.size(), r == null ? 0 : r.answered(), r == null ? 0 : r.alreadyDone(),
        r == null ? req.size() : r.failed(), name.startsWith("(") ? name : StageOutputs.relative(dataset) + "/" + name);
  }

  /** Models whose run did not complete, with the reason. */
  public Table failures() {
    return RunSummary.failures(title("failed runs"), failures);
  }

  /** The first responses of one model's output file. */
  public Table sample(String model, int n) {
    String name = (dataset.isDemo() ? "DEMO-" : "") + ResponseTable.fileName(model);
    CsvRecords r = CsvRecords.read(StageOutputs.folder(dataset).resolve(name));
    return new CsvRecords(List.of("language", "question_key", "model", "response"), r.rows().subList(0, Math.min(n, r.size())))
        .toTable(title("responses of " + model));
  }
}
