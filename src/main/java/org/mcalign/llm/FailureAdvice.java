package org.mcalign.llm;

import java.util.Locale;
import java.util.Optional;

/**
 * What to do about a failed request, from its status and the server's message: whether asking
 * again can help at all, and what to fix when it cannot. Also the failure's signature (its text
 * without the request's id, URL and numbers), so that a run can tell the same failure repeating.
 */
public final class FailureAdvice {
  private FailureAdvice() {}

  /** Whether a rerun asking the same request again may succeed (the failure was transient). */
  public static boolean retryable(int status) {
    return status < 0 || RetryPolicy.retryableStatus(status);
  }

  /** The failure without what differs between requests: the id, the URL, the numbers. */
  static String signature(int status, String message) {
    String m = message == null ? "" : message;
    m = m.replaceFirst("^request \\S+ to \\S+: ", "").replaceFirst("; gave up after \\d+ attempts$", "");
    return status + " " + m.replaceAll("\\d+", "#");
  }

  /** What to fix for a failure that asking again will not cure, if it is one we recognise. */
  public static Optional<String> whatToFix(int status, String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (status == 404 && m.contains("model") && m.contains("does not exist")) {
      return Optional.of("the server does not serve this model name: give the name it serves with --served-model (or "
          + "MCA_VLLM_SERVED_MODELS=id=name); GET /v1/models lists the names it serves");
    }
    if (status == 400 && (m.contains("maximum context length") || m.contains("context length") || m.contains("too long"))) {
      return Optional.of("the prompt and the answer's token limit do not fit the model's context: lower --max-tokens, shorten"
          + " the prompts, or serve the model with a larger context (vLLM --max-model-len); asking again fails the same way");
    }
    if (status == 401 || status == 403) {
      return Optional.of("the server refused the key: check the variable named by --api-key-env (default "
          + Endpoint.VLLM_KEY_NAME + " for a vLLM server started with --api-key, " + Endpoint.DEFAULT_KEY_NAME + " for OpenAI)");
    }
    if (status == 404) return Optional.of("the server has no such route or model: check --base-url (it ends in /v1) and the model name");
    if (status < 0 && (m.contains("connection failed") || m.contains("cut short"))) {
      return Optional.of("the server(s) could not be reached: check --base-url / " + Endpoint.VLLM_BASE_URL_ENV
          + " and that the server is running; answers so far are stored and a rerun asks only for the rest");
    }
    if (status >= 400 && status < 500 && !RetryPolicy.retryableStatus(status)) {
      return Optional.of("the server refused the request as sent (see its message); asking again unchanged fails the same way");
    }
    return Optional.empty();
  }
}
