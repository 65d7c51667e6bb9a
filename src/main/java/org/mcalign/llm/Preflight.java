package org.mcalign.llm;

import com.knuddels.jtokkit.api.Encoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check before the first paid request: each server's model list ({@link ServerInfo}) must
 * name the model the requests ask for, and each prompt with its answer's token limit should fit
 * the model's context ({@code max_model_len}). A missing model, or prompts none of which fit,
 * stop the run before anything is sent ({@link #blocking}); some prompts that may not fit, or a
 * server that lists no models, are noted. Prompt tokens are counted with OpenAI's tokenizer
 * (o200k): an estimate for other models, so only the server's verdict on a single prompt counts.
 */
public final class Preflight {
  /**
   * @param blocking problems that stop the run before anything is sent
   * @param notes what else the check found
   * @param tooLong requests estimated not to fit the context: custom_id → "tokens > limit"
   * @param servedNames the names each server lists (base URL → names), where it lists them
   */
  public record Report(List<String> blocking, List<String> notes, Map<String, String> tooLong, Map<String, List<String>> servedNames) {
    public boolean ok() {
      return blocking.isEmpty();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (String b : blocking) sb.append("refused: ").append(b).append('\n');
      for (String n : notes) sb.append(n).append('\n');
      return sb.toString().stripTrailing();
    }
  }

  private Preflight() {}

  /** Checks {@code requests} (as they will be sent) against {@code endpoint}'s servers. */
  public static Report check(Endpoint endpoint, List<ChatRequest> requests) {
    if (endpoint.isOpenAi()) {
      return new Report(List.of(), List.of("server check: skipped at the OpenAI API (its models are the price table's)"), Map.of(), Map.of());
    }
    List<ServerInfo.Listing> listings = ServerInfo.probe(endpoint, Duration.ofSeconds(10));
    return check(listings, requests);
  }

  /** The check against model lists already fetched. */
  static Report check(List<ServerInfo.Listing> listings, List<ChatRequest> requests) {
    List<String> blocking = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> served = new LinkedHashMap<>();
    Set<String> models = new LinkedHashSet<>();
    for (ChatRequest r : requests) models.add(r.model());
    int reachable = 0;
    Map<String, Integer> context = new LinkedHashMap<>();
    for (ServerInfo.Listing l : listings) {
      if (!l.reachable()) {
        notes.add("server check: " + l.baseUrl() + " " + l.problem());
        continue;
      }
      reachable++;
      if (!l.listed()) {
        notes.add("server check: " + l.baseUrl() + " lists no models (" + l.problem() + "): the model name and context are checked"
            + " by the first request");
        continue;
      }
      served.put(l.baseUrl(), l.names());
      for (String m : models) {
        ServerInfo.ServedModel sm = l.models().stream().filter(x -> x.id().equals(m)).findFirst().orElse(null);
        if (sm == null) {
          blocking.add("The model `" + m + "` does not exist at " + l.baseUrl() + " (it serves " + l.names() + "): give the name it"
              + " serves with --served-model (or MCA_VLLM_SERVED_MODELS=id=NAME)");
        } else if (sm.maxModelLen().isPresent()) {
          context.merge(m, sm.maxModelLen().getAsInt(), Math::min);
        }
      }
    }
    if (reachable == 0 && !listings.isEmpty()) {
      blocking.add("no server answers at " + listings.stream().map(ServerInfo.Listing::baseUrl).toList()
          + ": check --base-url / " + Endpoint.VLLM_BASE_URL_ENV + " and that the server is running");
    }
    Map<String, String> tooLong = new LinkedHashMap<>();
    if (!context.isEmpty()) {
      Encoding enc = CostEstimate.encodingFor("", CostEstimate.Prices.defaults());
      int checked = 0;
      for (ChatRequest r : requests) {
        Integer limit = context.get(r.model());
        if (limit == null) continue;
        checked++;
        long prompt = CostEstimate.promptTokens(r, enc);
        long answer = r.maxTokens().isPresent() ? r.maxTokens().getAsInt() : 0;
        if (prompt + answer > limit) tooLong.put(r.customId(), "about " + prompt + " prompt tokens + " + answer + " max_tokens > " + limit);
      }
      context.forEach((m, len) -> notes.add("server check: " + m + " is served with a context of " + len + " tokens"));
      if (!tooLong.isEmpty()) {
        Map.Entry<String, String> first = tooLong.entrySet().iterator().next();
        String what = tooLong.size() + " of " + checked + " prompts do not fit the context (first: " + first.getKey() + ", "
            + first.getValue() + "): lower --max-tokens, shorten them, or serve the model with a larger --max-model-len";
        if (tooLong.size() == checked) blocking.add("none of the prompts fits: " + what);
        else notes.add("server check: " + what + "; they are sent and the server decides (this count is an estimate)");
      }
    }
    if (blocking.isEmpty() && !served.isEmpty()) notes.add("server check: the model" + (models.size() > 1 ? "s " : " ") + models + " served at "
        + served.keySet());
    return new Report(List.copyOf(blocking), List.copyOf(notes), tooLong, served);
  }
}
