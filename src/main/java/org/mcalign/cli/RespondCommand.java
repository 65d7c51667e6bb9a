package org.mcalign.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mcalign.llm.ChatRequest;
import org.mcalign.llm.ChatResponse;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.ResponseStore;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.ResponseTable;
import org.mcalign.prompts.Sampling;
import org.mcalign.prompts.ServedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcalign respond}: stages 3–4, one model's responses to every prompt. */
@Command(name = "respond", mixinStandardHelpOptions = true,
    description = {"Stages 3-4: ask a model every prompt (direct mode; answers kept in a SQLite store as they arrive)"
        + " → all_prompts_responses_{model}.csv",
        "Answers are found in the store by the content of each request: a reordered, filtered or extended prompt file"
            + " reuses every stored answer.",
        Sending.EXIT_CODES})
final class RespondCommand implements Callable<Integer> {
  @Option(names = "--prompts", required = true, paramLabel = "CSV",
      description = "prompt table (translated_prompts_with_english_no_controversy.csv)") Path prompts;
  @Option(names = "--model", required = true, paramLabel = "ID",
      description = "the paper's model id written into the results, e.g. gpt-4o or gemma-2-27b-it") String model;
  @Option(names = "--served-model", paramLabel = "NAME",
      description = "the name the server knows the model by, sent in each request; default at a vLLM server: the Hugging Face id"
          + " vLLM serves the paper's open models under (google/gemma-2-27b-it, allenai/OLMo-2-…), overridable by "
          + ServedModels.ENV + "; default otherwise: --model") String servedModel;
  @Option(names = "--paper-sampling", negatable = true,
      description = "the paper's vLLM sampling (temperature 0.7, top_p 0.95, max_tokens 600, stop \"11.\"); default: on at a vLLM"
          + " server, off at the OpenAI API (the API's defaults, as the paper)") Boolean paperSampling;
  @Option(names = "--languages", split = ",", paramLabel = "LANG[,LANG...]",
      description = "only prompts in these languages (as the prompt table's language column spells them, e.g. English,Portuguese)")
  List<String> languages;
  @Option(names = "--template-type", split = ",", paramLabel = "TYPE[,TYPE...]",
      description = "only prompts of these template types: argument, headlines, survey_hypothetical") List<String> templateTypes;
  @Option(names = "--limit", paramLabel = "N", description = "only the first N prompts (after --languages and --template-type)")
  Integer limit;
  @Option(names = "--store", defaultValue = "out/responses.db", paramLabel = "DB",
      description = "response store (SQLite; default ${DEFAULT-VALUE})") Path store;
  @Option(names = "--requests-only",
      description = "write the batch request file (--out, JSONL) and the cost estimate, send nothing") boolean requestsOnly;
  @Option(names = "--out", required = true, paramLabel = "CSV",
      description = "the responses table (all_prompts_responses_{model}.csv), written once every prompt has its answer")
  Path out;
  @Mixin RequestOptions requests;

  @Override
  public Integer call() {
    requests.check();
    if (limit != null) RequestOptions.positive("--limit", limit);
    if (servedModel != null && servedModel.isBlank()) throw new IllegalArgumentException("--served-model must not be blank");
    new PathGuard().input("--prompts", prompts).output("--out", out).store("--store", requestsOnly || requests.dryRun ? null : store).check();
    List<PromptRow> rows = subset(PromptTable.read(prompts));
    // a request file needs no server (nor key): where it would go is told by --base-url and the model
    Endpoint endpoint = requestsOnly ? null : requests.endpoint(model);
    boolean openAi = endpoint != null ? endpoint.isOpenAi() : requests.baseUrls.isEmpty() && Endpoint.isOpenAiModel(model);
    boolean vllm = paperSampling != null ? paperSampling : !openAi;
    Map<String, Object> sampling = new LinkedHashMap<>(vllm ? Sampling.VLLM_PAPER : Sampling.OPENAI_PAPER);
    if (requests.maxTokens != null) sampling.put("max_tokens", requests.maxTokens);
    List<BatchRequestLine> req = ResponseTable.requests(rows, model, sampling);
    if (servedModel != null) req = ServedModels.asIs().with(Map.of(model, servedModel)).apply(req);
    else if (!openAi) req = ServedModels.fromEnvironment().apply(req);
    String served = req.get(0).model();
    if (requestsOnly) {
      BatchRequestLine.writeJsonl(req, out);
      System.out.println(req.size() + " requests → " + out.getFileName());
      return 0;
    }
    List<ChatRequest> chat = req.stream().map(EndpointBackend::toChatRequest).toList();
    String run = requests.run("answers-" + model);
    System.err.println("respond: " + rows.size() + " prompts from " + prompts + " → " + served + " at " + endpoint + ", run " + run
        + ", store " + store);
    return Sending.withStore(store, requests.dryRun, rs -> {
      Sending.Outcome o = Sending.send("respond", requests, endpoint, rs, run, chat, System.err);
      if (!o.complete()) return o.exitCode();
      List<ChatResponse> answers = rs.answersOf(run, o.result().ids());
      List<String> texts = new ArrayList<>(answers.size());
      for (ChatResponse a : answers) texts.add(a.text());
      ResponseTable.write(rows, model, texts, out);
      Sending.recordOrigin(endpoint, "responses of " + model + (served.equals(model) ? "" : " (served as " + served + ")"), out);
      System.out.println(o.result() + (!served.equals(model) ? " (served as " + served + ")" : "") + " → " + out.getFileName());
      return 0;
    });
  }

  /** The prompts --languages, --template-type and --limit select; a value no prompt has is an error naming it. */
  private List<PromptRow> subset(List<PromptRow> rows) {
    if (rows.isEmpty()) throw new IllegalArgumentException("--prompts " + prompts + " holds no prompts: nothing to ask");
    List<PromptRow> out = rows;
    if (languages != null) out = only(out, "--languages", languages, PromptRow::language);
    if (templateTypes != null) out = only(out, "--template-type", templateTypes, PromptRow::templateType);
    if (limit != null && out.size() > limit) out = out.subList(0, limit);
    return out;
  }

  private List<PromptRow> only(List<PromptRow> rows, String option, List<String> wanted, java.util.function.Function<PromptRow, String> field) {
    Set<String> have = new LinkedHashSet<>();
    for (PromptRow r : rows) have.add(field.apply(r));
    for (String w : wanted) {
      if (!have.contains(w)) throw new IllegalArgumentException(option + ": no prompt in " + prompts + " has '" + w + "' (it has " + have + ")");
    }
    Set<String> keep = Set.copyOf(wanted);
    return rows.stream().filter(r -> keep.contains(field.apply(r))).toList();
  }
}
