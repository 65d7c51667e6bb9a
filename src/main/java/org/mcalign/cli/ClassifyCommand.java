package org.mcalign.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.scoring.OpinionClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcalign classify}: stage 5, classifier requests. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Stage 5: classify the opinions in responses (gpt-4.1, ProcessOpinions tool).",
    subcommands = {ClassifyCommand.Requests.class, ClassifyCommand.Run.class})
final class ClassifyCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("classify: subcommands requests, run (see --help)");
  }

  static String noSurveyRows(Path responses, int rows) {
    return "--responses " + responses + " holds no survey_hypothetical responses (" + rows + " rows in all): nothing to classify";
  }

  static Map<String, List<String>> stances(Path file) throws IOException {
    return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, List<String>>>() {});
  }

  @Command(name = "requests", mixinStandardHelpOptions = true,
      description = "Write the OpenAI batch input file: one classifier request per survey_hypothetical response.")
  static final class Requests implements Callable<Integer> {
    @Option(names = "--responses", required = true) Path responses;
    @Option(names = "--stances", required = true, description = "stance_labels.json") Path stances;
    @Option(names = "--model", defaultValue = OpinionClassifier.MODEL) String model;
    @Option(names = "--out", required = true) Path out;

    @Override
    public Integer call() throws IOException {
      new PathGuard().input("--responses", responses).input("--stances", stances).output("--out", out).check();
      CsvRecords rows = CsvRecords.read(responses, "question_key", "response");
      List<OpinionClassifier.Input> inputs =
          rows.rows().stream()
              .filter(r -> !r.containsKey("template_type") || r.get("template_type").equals("survey_hypothetical"))
              .map(r -> new OpinionClassifier.Input(r.get("question_key"), r.get("response")))
              .toList();
      if (inputs.isEmpty()) throw new IllegalArgumentException(noSurveyRows(responses, rows.size()));
      BatchRequestLine.writeJsonl(OpinionClassifier.requests(inputs, stances(stances), model), out);
      System.err.println(inputs.size() + " classifier requests written to " + out.getFileName());
      return 0;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Classify the survey responses: at the OpenAI API through its Batch API (the paper's way), at --base-url"
          + " (or " + org.mcalign.llm.Endpoint.VLLM_BASE_URL_ENV + " for an open classifier model) directly; answers kept in the store;"
          + " writes parsed JSONL.", Sending.EXIT_CODES})
  static final class Run implements Callable<Integer> {
    @Option(names = "--responses", required = true, paramLabel = "CSV",
        description = "responses table (all_prompts_responses_{model}.csv from respond)") Path responses;
    @Option(names = "--stances", required = true, paramLabel = "JSON", description = "stance_labels.json") Path stances;
    @Option(names = "--model", defaultValue = OpinionClassifier.MODEL, paramLabel = "ID",
        description = "classifier model (default: the paper's ${DEFAULT-VALUE})") String model;
    @Option(names = "--store", defaultValue = "out/responses.db", paramLabel = "DB",
        description = "response store (default ${DEFAULT-VALUE})") Path store;
    @Option(names = "--out", required = true, paramLabel = "JSONL",
        description = "parsed answers JSONL {custom_id, language, opinions}") Path out;
    @Mixin RequestOptions sending;

    /** The requests with --max-tokens in each body, when given (the classifier's answers are otherwise the API's length). */
    private java.util.List<org.mcalign.prompts.BatchRequestLine> withMaxTokens(java.util.List<org.mcalign.prompts.BatchRequestLine> lines) {
      if (sending.maxTokens == null) return lines;
      return lines.stream().map(l -> {
        var extra = new java.util.LinkedHashMap<String, Object>(l.extraBody());
        extra.put("max_tokens", sending.maxTokens);
        return new org.mcalign.prompts.BatchRequestLine(l.customId(), l.model(), l.messages(), extra);
      }).toList();
    }

    @Override
    public Integer call() throws IOException {
      sending.check();
      new PathGuard().input("--responses", responses).input("--stances", stances).output("--out", out).store("--store", store).check();
      CsvRecords rows = CsvRecords.read(responses, "question_key", "response");
      CsvRecords survey = new CsvRecords(rows.columns(), rows.rows().stream()
          .filter(r -> !r.containsKey("template_type") || r.get("template_type").equals("survey_hypothetical")).toList());
      if (survey.size() == 0) throw new IllegalArgumentException(noSurveyRows(responses, rows.size()));
      var st = stances(stances);
      var req = withMaxTokens(OpinionClassifier.requests(org.mcalign.scoring.Classification.inputs(survey), st, model));
      var endpoint = sending.endpoint(model);
      boolean batch = endpoint.isOpenAi();
      String run = sending.run("classify-" + responses.getFileName());
      try (var rs = org.mcalign.llm.ResponseStore.open(store)) {
        var chat = req.stream().map(org.mcalign.prompts.EndpointBackend::toChatRequest).toList();
        var plan = org.mcalign.llm.RunPlan.of(rs, run, chat.stream().map(endpoint::adapt).toList(), batch,
            sending.maxTokens != null ? sending.maxTokens : 40);
        System.err.println("classify: " + plan.toString().replace("\n", "\nclassify: "));
        // the Batch API has no model list; a direct endpoint (vLLM) is asked for the served name and context first
        if (!batch) {
          Integer stop = Sending.check("classify", sending, endpoint, plan, System.err);
          if (stop != null) return stop;
        }
        if (sending.dryRun) return Sending.OK;
        try {
          plan.cost().requireWithin(sending.maxCost, sending.yes);
        } catch (org.mcalign.llm.CostLimitException ex) {
          System.err.println("classify: " + ex.getMessage().lines().findFirst().orElse(""));
          return Sending.OVER_COST;
        }
        var backend = new org.mcalign.prompts.EndpointBackend(endpoint, rs, run, sending.concurrency, null, batch)
            .progressTo(System.err, sending.progressInterval());
        java.util.List<org.mcalign.scoring.ClassifiedOpinions> answers;
        try {
          answers = org.mcalign.scoring.Classification.run(survey, st, model, lines -> backend.answer(withMaxTokens(lines)));
        } catch (org.mcalign.prompts.StageInputException missing) {
          System.err.println("classify: " + missing.getMessage());
          return Sending.MISSING;
        }
        if (backend.lastResult() != null) Sending.reportCutShort("classify", rs, run, backend.lastResult().ids(), System.err);
        org.mcalign.analysis.stages.ClassificationStage.requireUsable(answers, "run '" + run + "' of " + store);
        org.mcalign.data.AtomicFiles.writeString(out, String.join("\n", org.mcalign.scoring.Classification.jsonLines(answers)) + "\n");
        Sending.recordOrigin(endpoint, "classifier answers of " + model, out);
        System.out.println(backend.lastResult() + " → " + out.getFileName());
      }
      return 0;
    }
  }
}
