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
    subcommands = {ClassifyCommand.Requests.class})
final class ClassifyCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("classify: subcommands requests (see --help)");
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
      CsvRecords rows = CsvRecords.read(responses, "question_key", "response");
      List<OpinionClassifier.Input> inputs =
          rows.rows().stream()
              .filter(r -> !r.containsKey("template_type") || r.get("template_type").equals("survey_hypothetical"))
              .map(r -> new OpinionClassifier.Input(r.get("question_key"), r.get("response")))
              .toList();
      BatchRequestLine.writeJsonl(OpinionClassifier.requests(inputs, stances(stances), model), out);
      System.err.println(inputs.size() + " classifier requests written to " + out.getFileName());
      return 0;
    }
  }
}
