package org.mcalign.analysis.stages;

import org.mcalign.llm.Secret;

/**
 * Whether a notebook may spend money: only with an OpenAI key (environment or .env) and
 * {@code MCA_SPEND=1}, so that running every notebook never spends by accident.
 */
public final class Spending {
  private Spending() {}

  public static final String ENV_SPEND = "MCA_SPEND";
  public static final String ENV_VLLM = "MCA_VLLM_BASE_URL";

  public static boolean openAiAllowed() {
    return "1".equals(System.getenv(ENV_SPEND)) && Secret.find("OPENAI_API_KEY").isPresent();
  }

  public static boolean vllmConfigured() {
    String v = System.getenv(ENV_VLLM);
    return v != null && !v.isBlank() && "1".equals(System.getenv(ENV_SPEND));
  }

  /** One line for the notebook: what will happen. */
  public static String plan(boolean allowed, String what) {
    return allowed
        ? "MCA_SPEND=1 and credentials found: " + what + " will be requested (answers kept in the response store)."
        : "Not spending (needs MCA_SPEND=1 and credentials): " + what + " is shown as a plan and run on the simulated server (DEMO).";
  }
}
