package org.mcalign.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.AnalysisOutput;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.Analyses;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.analysis.demo.DemoBehaviour;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.DemoModel;
import org.mcalign.analysis.demo.SimulatedCulture;
import org.mcalign.analysis.stages.Evaluation;
import org.mcalign.data.Dataset;
import org.mcalign.data.Study;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.Secret;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.ChatBackend;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.RequestCost;
import org.mcalign.prompts.Sampling;
import org.mcalign.prompts.ServedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign evaluate}: a user's model through stages 3–8 beside a dataset's published models. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Evaluate your own model beside the paper's: its responses to the paper's survey prompts in the chosen "
        + "languages (stages 3-4), classification (5), scores (6), then every table, regression and figure of 'analyze all' "
        + "with the model added to the study (7-8), into --out: data/ (the dataset with the model, study.json), results/.",
        "Without --base-url it runs on the simulated server over the DEMO dataset: the model is simulated with the planted "
        + "behaviour of --simulate, and everything is labelled DEMO. With --base-url the request count and cost are printed "
        + "first and nothing is sent without --yes; answers are kept in out/responses.db, so a rerun sends nothing twice."})
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model's id in the results, e.g. my-model-7b.")
  String model;

  @Option(names = "--family", required = true, paramLabel = "F", description = "Its family (a new one gets its own colours).")
  String family;

  @Option(names = "--display-name", paramLabel = "TEXT", description = "Name in the figures (default: --model).")
  String displayName;

  @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible endpoint serving the model (default: the simulated server, DEMO).")
  String baseUrl;

  @Option(names = "--served-model", paramLabel = "S", description = "The name the endpoint knows the model by (default: --model).")
  String servedModel;

  @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable (or .env entry) holding the endpoint's key.")
  String apiKeyEnv;

  @Option(names = "--classifier-model", paramLabel = "M", defaultValue = "gpt-4.1",
      description = "Classifier (default: the paper's ${DEFAULT-VALUE} at the OpenAI API; another is labelled as such in provenance).")
  String classifierModel;

  @Option(names = "--classifier-base-url", paramLabel = "URL2", description = "OpenAI-compatible endpoint of the classifier.")
  String classifierBaseUrl;

  @Option(names = "--languages", split = ",", paramLabel = "L", description = "Prompt languages (default: the study's).")
  List<String> languages;

  @Option(names = "--benchmarks", paramLabel = "FILE",
      description = "The model's benchmark scores (columns model, benchmark, language, score, family; language as the "
          + "study's names); without them it is left out of RQ1 only.")
  Path benchmarks;

  @Option(names = "--simulate", paramLabel = "BEHAVIOUR", defaultValue = "US_CENTRIC",
      description = "DEMO only: the simulated model's planted behaviour: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DemoBehaviour simulate;

  @Option(names = "--data", paramLabel = "DIR", description = "Base dataset (default: the paper's with --base-url, the DEMO without).")
  Path data;

  @Option(names = "--rounds", paramLabel = "N", description = "Bootstrap rounds of the analyses (default: the paper's).")
  Integer rounds;

  @Option(names = "--seed", defaultValue = "5125", description = "Master seed of the analyses (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-figures", description = "Skip the figures.")
  boolean noFigures;

  @Option(names = "--yes", description = "Send the requests (after the printed count and cost).")
  boolean yes;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: data/, results/, responses.db.")
  Path out;

  @Override
  public Integer call() {
    if (apiKeyEnv != null) Secret.requireVariableName("--api-key-env", apiKeyEnv);
    new PathGuard().inputFolder("--data", data).input("--benchmarks", benchmarks).outputFolder("--out", out).check();
    boolean demo = baseUrl == null;
    Dataset base = data != null ? Dataset.at(data) : demo ? DemoData.ensure() : Analyses.dataset();
    if (demo && !base.isDemo())
      throw new IllegalArgumentException("without --base-url the model is simulated, which needs a DEMO dataset; " + base.describe()
          + " is not one (give --base-url to evaluate a real model on it)");
    new PathGuard().inputFolder("the dataset", base.folder()).outputFolder("--out", out).check();
    Study.Model m = new Study.Model(model, family, displayName != null ? displayName : model,
        List.of(displayName != null ? displayName : model), servedModel != null ? servedModel : model);
    List<String> langs = languages != null ? languages : base.study().languageCodes();
    Map<String, Object> sampling = demo ? Map.of() : Sampling.VLLM_PAPER;
    Evaluation.Plan plan = new Evaluation.Plan(m, langs, sampling, classifierModel, benchmarks);
    Evaluation.study(base, plan);
    List<BatchRequestLine> req = Evaluation.requests(base, plan);
    System.err.println("evaluate: " + model + " (" + family + ") on " + base.describe() + (demo ? " — DEMO: simulated model ("
        + simulate + ") and classifier, nothing is sent anywhere" : ""));
    System.err.println("evaluate: " + req.size() + " response requests and as many classifier requests (" + classifierModel + ")");
    if (!demo) {
      System.err.println(RequestCost.estimate(req, 600, false).toTable().print());
      if (!yes) {
        System.err.println("add --yes to send them (answers already in " + out.resolve("responses.db") + " are not asked again)");
        return 2;
      }
    }
    Path folder = out.resolve("data");
    if (Files.exists(folder.resolve(Study.FILE_NAME)))
      throw new IllegalArgumentException(folder + " holds an earlier evaluation's dataset: give another --out (the response store "
          + "of this one, " + out.resolve("responses.db") + ", can be copied along so that nothing is asked twice)");
    Evaluation.Backends backends;
    Path store = out.resolve("responses.db");
    if (demo) {
      DemoData.Backends sim = DemoData.viaSimulatedServer(store, DemoData.seed(), SimulatedCulture.paperErrorRate());
      SimulatedCulture c = DemoData.addedModel(base, new DemoModel(model, simulate, 0.05, 1.0), Evaluation.study(base, plan));
      backends = new Evaluation.Backends(sim.responder(c, model), sim.classifier(c));
    } else {
      ChatBackend responder = reqs -> {
        try (ResponseStore rs = ResponseStore.open(store)) {
          return new EndpointBackend(Endpoint.withScopedKey(List.of(baseUrl), apiKeyEnv), rs, "evaluate-answers-" + model, 8, null)
              .answer(ServedModels.asIs().with(Map.of(model, m.servedName())).apply(reqs));
        }
      };
      String classifierUrl = classifierBaseUrl != null ? classifierBaseUrl : Endpoint.OPENAI_BASE_URL;
      ChatBackend classifier = reqs -> {
        try (ResponseStore rs = ResponseStore.open(store)) {
          return new EndpointBackend(Endpoint.withScopedKey(List.of(classifierUrl), null), rs, "evaluate-classify-" + model, 8, null)
              .answer(reqs);
        }
      };
      backends = new Evaluation.Backends(responder, classifier);
    }
    Dataset built = Evaluation.build(base, plan, backends, folder, msg -> System.err.println("evaluate: " + msg));
    AnalysisSettings s = AnalysisSettings.paper();
    if (rounds != null) s = s.withAllRounds(rounds);
    AnalysisInputs in = AnalysisInputs.of(built);
    PaperAnalysis.Result r = PaperAnalysis.run(in, s, seed, PaperAnalysis.Scope.ALL);
    List<Path> written = AnalysisOutput.write(r, in, out.resolve("results"), !noFigures);
    if (r.tables().containsKey("rq1_left_out.csv"))
      System.err.println("evaluate: left out of RQ1 only (no benchmark scores; give --benchmarks FILE): "
          + r.table("rq1_left_out.csv").stringColumn("model_name").unique().asList());
    System.out.println((demo ? "DEMO " : "") + "evaluation of " + model + ": " + written.size() + " files in " + out.resolve("results")
        + "; dataset with the model in " + folder);
    return 0;
  }
}
