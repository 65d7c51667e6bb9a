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
        + "first and nothing is sent without --yes; answers are kept in out/responses.db, so a rerun sends nothing twice.",
    "The options of every command that sends requests (as respond, classify run, collect) apply to the model's endpoint:"
        + " --base-url (several, comma-separated), --api-key-env, --concurrency per endpoint, --max-tokens, --timeout,"
        + " --max-attempts, --progress-seconds (live progress: done, failed, retries, rate, ETA), --run, --dry-run (the plan and"
        + " the server check, nothing sent). Unlike respond, evaluate does not read " + org.mcalign.llm.Endpoint.VLLM_BASE_URL_ENV
        + ": without --base-url it stays on the simulated server (DEMO); give --base-url \"$" + org.mcalign.llm.Endpoint.VLLM_BASE_URL_ENV
        + "\" to use it.",
    Sending.EXIT_CODES + " Without --yes (or with --dry-run) nothing is sent: exit 2 after the plan, 0 for a dry run."})
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model's id in the results, e.g. my-model-7b.")
  String model;

  @Option(names = "--family", required = true, paramLabel = "F", description = "Its family (a new one gets its own colours).")
  String family;

  @Option(names = "--display-name", paramLabel = "TEXT", description = "Name in the figures (default: --model).")
  String displayName;


  @Option(names = "--served-model", paramLabel = "S", description = "The name the endpoint knows the model by (default: --model).")
  String servedModel;


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

  @picocli.CommandLine.Mixin RequestOptions requests;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: data/, results/, responses.db.")
  Path out;

  @Override
  public Integer call() {
    requests.check();
    new PathGuard().inputFolder("--data", data).input("--benchmarks", benchmarks).outputFolder("--out", out).check();
    boolean demo = requests.baseUrls.isEmpty(); // MCA_VLLM_BASE_URL is not read here: the simulated server unless --base-url
    Dataset base = data != null ? Dataset.at(data) : demo ? DemoData.ensure() : Analyses.dataset();
    if (demo && !base.isDemo())
      throw new IllegalArgumentException("without --base-url the model is simulated, which needs a DEMO dataset; " + base.describe()
          + " is not one (give --base-url to evaluate a real model on it)");
    new PathGuard().inputFolder("the dataset", base.folder()).outputFolder("--out", out).check();
    Study.Model m = new Study.Model(model, family, displayName != null ? displayName : model,
        List.of(displayName != null ? displayName : model), servedModel != null ? servedModel : model);
    List<String> langs = languages != null ? languages : base.study().languageCodes();
    Map<String, Object> sampling = demo ? Map.of() : new java.util.LinkedHashMap<>(Sampling.VLLM_PAPER);
    if (!demo && requests.maxTokens != null) sampling.put("max_tokens", requests.maxTokens);
    Evaluation.Plan plan = new Evaluation.Plan(m, langs, sampling, classifierModel, benchmarks);
    Evaluation.study(base, plan);
    List<BatchRequestLine> req = Evaluation.requests(base, plan);
    System.err.println("evaluate: " + model + " (" + family + ") on " + base.describe() + (demo ? " — DEMO: simulated model ("
        + simulate + ") and classifier, nothing is sent anywhere" : ""));
    System.err.println("evaluate: " + req.size() + " response requests and as many classifier requests (" + classifierModel + ")");
    Endpoint endpoint = demo ? null : requests.endpoint(m.servedName());
    if (!demo) {
      System.err.println(RequestCost.estimate(req, requests.maxTokens != null ? requests.maxTokens : 600, false).toTable().print());
      if (!requests.yes && !requests.dryRun) {
        System.err.println("add --yes to send them (answers already in " + out.resolve("responses.db") + " are not asked again;"
            + " --dry-run to check the server first)");
        return Sending.MISSING;
      }
      // the server check (served name, context) before anything is sent
      org.mcalign.llm.Preflight.Report check = org.mcalign.llm.Preflight.check(endpoint,
          ServedModels.asIs().with(Map.of(model, m.servedName())).apply(req).stream().map(EndpointBackend::toChatRequest).toList());
      check.toString().lines().forEach(l -> System.err.println("evaluate: " + l));
      if (requests.dryRun) {
        System.err.println("evaluate: dry run: nothing sent" + (check.ok() ? "" : "; the server check refuses this run (above)"));
        return check.ok() ? Sending.OK : Sending.SERVER_REFUSED;
      }
      if (!check.ok()) {
        System.err.println("evaluate: nothing sent: fix what the server check says (above)");
        return Sending.SERVER_REFUSED;
      }
    } else if (requests.dryRun) {
      System.err.println("evaluate: dry run: nothing simulated");
      return Sending.OK;
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
          return new EndpointBackend(endpoint, rs, requests.run("evaluate-answers-" + model), requests.concurrency, null)
              .progressTo(System.err, requests.progressInterval())
              .answer(ServedModels.asIs().with(Map.of(model, m.servedName())).apply(reqs));
        }
      };
      String classifierUrl = classifierBaseUrl != null ? classifierBaseUrl : Endpoint.OPENAI_BASE_URL;
      ChatBackend classifier = reqs -> {
        try (ResponseStore rs = ResponseStore.open(store)) {
          return new EndpointBackend(Endpoint.withScopedKey(List.of(classifierUrl), null).withTimeout(requests.timeout())
              .withRetry(requests.retry()), rs, requests.run != null ? requests.run + "-classify" : "evaluate-classify-" + model, requests.concurrency, null)
              .progressTo(System.err, requests.progressInterval())
              .answer(reqs);
        }
      };
      backends = new Evaluation.Backends(responder, classifier);
    }
    Dataset built = Evaluation.build(base, plan, backends, folder, msg -> System.err.println("evaluate: " + msg));
    if (!demo) { // the scores are the base dataset's plus this model's: say so in every provenance.json made from them
      new org.mcalign.data.InputOrigin(org.mcalign.data.InputOrigin.Kind.USER, "the scores of " + base.describe() + " with those of "
          + model + " added: its responses from " + String.join(", ", endpoint.baseUrls()) + ", classified by " + classifierModel
          + " at " + (classifierBaseUrl != null ? classifierBaseUrl : Endpoint.OPENAI_BASE_URL))
          .writeFor(folder.resolve(org.mcalign.analysis.AnalysisInputs.SCORES_FILE));
    }
    AnalysisSettings s = AnalysisSettings.paper();
    if (rounds != null) s = s.withAllRounds(rounds);
    AnalysisInputs in = AnalysisInputs.of(built);
    AnalysisOutput.Written w = AnalysisOutput.runAndWrite(in, s, seed, PaperAnalysis.Scope.ALL, out.resolve("results"), !noFigures,
        new java.util.LinkedHashMap<>());
    PaperAnalysis.Result r = w.result();
    List<Path> written = w.files();
    if (r.tables().containsKey("rq1_left_out.csv"))
      System.err.println("evaluate: left out of RQ1 only (no benchmark scores; give --benchmarks FILE): "
          + r.table("rq1_left_out.csv").stringColumn("model_name").unique().asList());
    System.out.println((demo ? "DEMO " : "") + "evaluation of " + model + ": " + written.size() + " files in " + out.resolve("results")
        + "; dataset with the model in " + folder);
    return 0;
  }
}
