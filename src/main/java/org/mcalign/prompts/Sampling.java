package org.mcalign.prompts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The paper's sampling settings, as request body fields. */
public final class Sampling {
  private Sampling() {}

  /** Open models through vLLM ({@code vllm_batch_responses.py}): temperature 0.7, top_p 0.95, max_tokens 600, stop "11.". */
  public static final Map<String, Object> VLLM_PAPER;

  static {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("temperature", 0.7);
    m.put("top_p", 0.95);
    m.put("max_tokens", 600);
    m.put("stop", "11.");
    VLLM_PAPER = java.util.Collections.unmodifiableMap(m);
  }

  /** OpenAI models through the Batch API: the API's defaults (the paper sets nothing). */
  public static final Map<String, Object> OPENAI_PAPER = Map.of();
}
