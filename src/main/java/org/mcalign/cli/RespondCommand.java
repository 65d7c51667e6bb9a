package org.mcalign.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.Secret;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.RequestCost;
import org.mcalign.prompts.ResponseTable;
import org.mcalign.prompts.Sampling;
import org.mcalign.prompts.ServedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign respond}: stages 3–4, one model's responses to every prompt. */
@Command(name = "respond", mixinStandardHelpOptions = true,
    description = "Stages 3-4: ask a model every prompt (direct mode; answers kept in a SQLite store) → all_prompts_responses_{model}.csv")
final class RespondCommand implements Callable<Integer> {
  @Option(names = "--prompts", required = true, description = "prompt table (translated_prompts_with_english_no_controversy.csv)") Path prompts;
  @Option(names = "--model", required = true, description = "the paper's model id written into the results, e.g. gpt-4o or gemma-2-27b-it") String model;
  @Option(names = "--served-model", paramLabel = "NAME",
      description = "the name the server knows the model by, sent in each request; default with --base-url: the Hugging Face id "
          + "vLLM serves the paper's open models under (google/gemma-2-27b-it, allenai/OLMo-2-…), overridable by "
          + ServedModels.ENV + "; default otherwise: --model") String servedModel;
  @Option(names = "--base-url", description = "OpenAI-compatible base URL (a vLLM server); default: the OpenAI API") String baseUrl;
  @Option(names = "--paper-sampling", description = "the paper's vLLM sampling (temperature 0.7, top_p 0.95, max_tokens 600, stop \"11.\"); default on with --base-url") Boolean paperSampling;
  @Option(names = "--store", defaultValue = "out/responses.db", description = "response store (default ${DEFAULT-VALUE})") Path store;
  @Option(names = "--concurrency", defaultValue = "16", description = "requests in flight at most (default ${DEFAULT-VALUE})") int concurrency;
  @Option(names = "--api-key-env", paramLabel = "NAME",
      description = "environment variable (or .env entry) holding the key; default: " + Endpoint.DEFAULT_KEY_NAME
          + " for the OpenAI API, " + Endpoint.VLLM_KEY_NAME + " (if set) for --base-url; the OpenAI key never goes to another host") String apiKeyEnv;
  @Option(names = "--requests-only", description = "write the batch request file (--out) and the cost estimate, send nothing") boolean requestsOnly;
  @Option(names = "--yes", description = "send without asking (the cost estimate is printed first)") boolean yes;
  @Option(names = "--out", required = true) Path out;

  @Override
  public Integer call() {
    CollectCommand.positive("--concurrency", concurrency);
    if (apiKeyEnv != null) Secret.requireVariableName("--api-key-env", apiKeyEnv);
    new PathGuard().input("--prompts", prompts).output("--out", out).store("--store", requestsOnly ? null : store).check();
    List<PromptRow> rows = PromptTable.read(prompts);
    if (rows.isEmpty()) throw new IllegalArgumentException("--prompts " + prompts + " holds no prompts: nothing to ask");
    boolean vllm = paperSampling != null ? paperSampling : baseUrl != null;
    List<BatchRequestLine> req = ResponseTable.requests(rows, model, vllm ? Sampling.VLLM_PAPER : Sampling.OPENAI_PAPER);
    if (servedModel != null && servedModel.isBlank()) throw new IllegalArgumentException("--served-model must not be blank");
    if (servedModel != null) req = ServedModels.asIs().with(java.util.Map.of(model, servedModel)).apply(req);
    else if (baseUrl != null) req = ServedModels.fromEnvironment().apply(req);
    String served = req.isEmpty() ? model : req.get(0).model();
    System.err.println(RequestCost.estimate(req, 600, false).toTable().print());
    if (requestsOnly) {
      BatchRequestLine.writeJsonl(req, out);
      System.out.println(req.size() + " requests → " + out.getFileName());
      return 0;
    }
    if (!yes) {
      System.err.println("add --yes to send " + req.size() + " requests (answers already in the store are not asked again)");
      return 2;
    }
    Endpoint endpoint = Endpoint.withScopedKey(List.of(baseUrl != null ? baseUrl : Endpoint.OPENAI_BASE_URL), apiKeyEnv);
    try (ResponseStore rs = ResponseStore.open(store)) {
      EndpointBackend b = new EndpointBackend(endpoint, rs, "answers-" + model, concurrency, null);
      List<String> texts = b.answer(req);
      ResponseTable.write(rows, model, texts, out);
      System.out.println(b.lastResult() + (!served.equals(model) ? " (served as " + served + ")" : "") + " → " + out.getFileName());
    }
    return 0;
  }
}
