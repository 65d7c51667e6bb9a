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
      description = "Classify the survey responses (Batch API at OpenAI, or direct at --base-url); answers kept in the store; writes parsed JSONL.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--responses", required = true) Path responses;
    @Option(names = "--stances", required = true, description = "stance_labels.json") Path stances;
    @Option(names = "--model", defaultValue = OpinionClassifier.MODEL) String model;
    @Option(names = "--base-url", description = "OpenAI-compatible base URL (direct mode); default: the OpenAI Batch API") String baseUrl;
    @Option(names = "--store", defaultValue = "out/responses.db", description = "response store (default ${DEFAULT-VALUE})") Path store;
    @Option(names = "--api-key-env", paramLabel = "NAME",
        description = "environment variable (or .env entry) holding the key; default: OPENAI_API_KEY for the OpenAI API, "
            + "MCA_VLLM_API_KEY (if set) for --base-url; the OpenAI key never goes to another host") String apiKeyEnv;
    @Option(names = "--yes", description = "send (the cost estimate is printed first)") boolean yes;
    @Option(names = "--out", required = true, description = "parsed answers JSONL {custom_id, language, opinions}") Path out;

    @Override
    public Integer call() throws IOException {
      if (apiKeyEnv != null) org.mcalign.llm.Secret.requireVariableName("--api-key-env", apiKeyEnv);
      new PathGuard().input("--responses", responses).input("--stances", stances).output("--out", out).store("--store", store).check();
      CsvRecords rows = CsvRecords.read(responses, "question_key", "response");
      CsvRecords survey = new CsvRecords(rows.columns(), rows.rows().stream()
          .filter(r -> !r.containsKey("template_type") || r.get("template_type").equals("survey_hypothetical")).toList());
      if (survey.size() == 0) throw new IllegalArgumentException(noSurveyRows(responses, rows.size()));
      var st = stances(stances);
      var req = OpinionClassifier.requests(org.mcalign.scoring.Classification.inputs(survey), st, model);
      System.err.println(org.mcalign.prompts.RequestCost.estimate(req, 40, baseUrl == null).toTable().print());
      if (!yes) {
        System.err.println("add --yes to send " + req.size() + " requests (answers already in the store are not asked again)");
        return 2;
      }
      var endpoint = org.mcalign.llm.Endpoint.withScopedKey(
          List.of(baseUrl != null ? baseUrl : org.mcalign.llm.Endpoint.OPENAI_BASE_URL), apiKeyEnv);
      try (var rs = org.mcalign.llm.ResponseStore.open(store)) {
        String run = "classify-" + responses.getFileName();
        var backend = new org.mcalign.prompts.EndpointBackend(endpoint, rs, run, 16, null, baseUrl == null);
        var answers = org.mcalign.scoring.Classification.run(survey, st, model, backend);
        org.mcalign.analysis.stages.ClassificationStage.requireUsable(answers, "run '" + run + "' of " + store);
        org.mcalign.data.AtomicFiles.writeString(out, String.join("\n", org.mcalign.scoring.Classification.jsonLines(answers)) + "\n");
        System.out.println(backend.lastResult() + " → " + out.getFileName());
      }
      return 0;
    }
  }
}
