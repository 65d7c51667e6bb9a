package org.mcalign.prompts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Study;

/**
 * The name a server knows each model by. The paper writes its results under short model ids
 * ({@code gemma-2-27b-it}); vLLM serves a model under its Hugging Face repository id
 * ({@code google/gemma-2-27b-it}) unless started with {@code --served-model-name}, and the
 * paper's {@code vllm_batch_responses.py} requests those ids: a study's {@code served_name}
 * of each model. Requests carry the served name; custom ids, the response store's keys and the
 * result files keep the model's name.
 */
public final class ServedModels {
  /** Environment variable with overrides: {@code id=served,id=served} (e.g. {@code gemma-2-27b-it=gemma}). */
  public static final String ENV = "MCA_VLLM_SERVED_MODELS";

  private final Study study; // null: every model under its own name
  private final Map<String, String> overrides;

  private ServedModels(Study study, Map<String, String> overrides) {
    this.study = study;
    this.overrides = Map.copyOf(overrides);
  }

  /** The defaults of a vLLM server: the paper's open models under their Hugging Face ids, every other id unchanged. */
  public static ServedModels huggingFace() {
    return of(Study.paper());
  }

  /** Each model of {@code study} under its {@code served_name}, any other id unchanged. */
  public static ServedModels of(Study study) {
    return new ServedModels(study, Map.of());
  }

  /** Every model under its own id (the OpenAI API). */
  public static ServedModels asIs() {
    return new ServedModels(null, Map.of());
  }

  /** The paper's defaults with {@link #ENV}'s overrides, if set. */
  public static ServedModels fromEnvironment() {
    return fromEnvironment(Study.paper());
  }

  /** {@code study}'s served names with {@link #ENV}'s overrides, if set. */
  public static ServedModels fromEnvironment(Study study) {
    String v = System.getenv(ENV);
    return v == null || v.isBlank() ? of(study) : of(study).with(parse(v, ENV));
  }

  /** These names with some models served under other names. */
  public ServedModels with(Map<String, String> served) {
    Map<String, String> m = new LinkedHashMap<>(overrides);
    served.forEach((id, name) -> {
      if (id == null || id.isBlank() || name == null || name.isBlank())
        throw new IllegalArgumentException("served model names must not be blank: " + id + " → " + name);
      m.put(id, name);
    });
    return new ServedModels(study, m);
  }

  /** The name the server knows {@code modelId} by. */
  public String of(String modelId) {
    String o = overrides.get(modelId);
    if (o != null) return o;
    return study == null ? modelId : study.servedName(modelId);
  }

  /** The requests with the served name in their bodies; custom ids unchanged. */
  public List<BatchRequestLine> apply(List<BatchRequestLine> requests) {
    return requests.stream().map(r -> new BatchRequestLine(r.customId(), of(r.model()), r.messages(), r.extraBody())).toList();
  }

  /** Parses {@code id=served,id=served}; {@code source} names where the text came from in errors. */
  static Map<String, String> parse(String text, String source) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) continue;
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1)
        throw new IllegalArgumentException(source + ": expected model-id=served-name, got '" + part.trim() + "'");
      m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return m;
  }
}
