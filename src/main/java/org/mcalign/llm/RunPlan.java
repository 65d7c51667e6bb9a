package org.mcalign.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What a run will do, before it does it: how many requests there are, how many the store already
 * answers (found by content), what is left to send, its tokens and cost (OpenAI's prices), and
 * for self-hosted models an estimate of the GPU time from the rate measured in an earlier run of
 * the same model in this store. Counts only what is missing.
 */
public final class RunPlan {
  /** GPU time of one self-hosted model's missing requests, from a measured rate. */
  public record GpuTime(String model, int requests, Optional<ResponseStore.RunRate> rate) {
    public Optional<Duration> estimate() {
      return rate.filter(r -> r.answersPerSecond() > 0)
          .map(r -> Duration.ofMillis((long) (requests / r.answersPerSecond() * 1000)));
    }

    @Override
    public String toString() {
      return rate.map(r -> String.format("%s: about %s for %,d requests at %.2f answers/s (%.0f tokens/s), measured with %d in flight"
              + " per server on %d server(s)", model, Progress.clock(estimate().orElse(Duration.ZERO)), requests, r.answersPerSecond(),
              r.tokensPerSecond(), r.concurrency(), r.endpoints()))
          .orElse(model + ": no rate measured in this store yet (the first run measures one); " + requests + " requests");
    }
  }

  private final String run;
  private final int total;
  private final List<ChatRequest> missing;
  private final CostEstimate cost;
  private final List<GpuTime> gpu;

  private RunPlan(String run, int total, List<ChatRequest> missing, CostEstimate cost, List<GpuTime> gpu) {
    this.run = run;
    this.total = total;
    this.missing = List.copyOf(missing);
    this.cost = cost;
    this.gpu = List.copyOf(gpu);
  }

  /**
   * The plan of sending {@code requests} (as they will be sent) in run {@code run} of {@code store}.
   *
   * @param batch priced with the Batch API's discount
   * @param assumedOutputTokens answer length for requests without {@code max_tokens}
   */
  public static RunPlan of(ResponseStore store, String run, List<ChatRequest> requests, boolean batch, int assumedOutputTokens) {
    List<ChatRequest> missing = store.missing(run, requests);
    CostEstimate.Prices prices = CostEstimate.Prices.defaults();
    CostEstimate cost = CostEstimate.of(missing, batch, prices, assumedOutputTokens);
    List<GpuTime> gpu = new ArrayList<>();
    LinkedHashSet<String> models = new LinkedHashSet<>();
    for (ChatRequest r : missing) models.add(r.model());
    for (String m : models) {
      if (prices.priceOf(m).isPresent()) continue;
      int n = (int) missing.stream().filter(r -> r.model().equals(m)).count();
      gpu.add(new GpuTime(m, n, store.measuredRate(m)));
    }
    return new RunPlan(run, requests.size(), missing, cost, gpu);
  }

  public int total() {
    return total;
  }

  /** Requests without an answer in the store: what the run sends. */
  public List<ChatRequest> missing() {
    return missing;
  }

  public int answered() {
    return total - missing.size();
  }

  public CostEstimate cost() {
    return cost;
  }

  public List<GpuTime> gpuTime() {
    return gpu;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format("run '%s': %,d requests, %,d already answered in the store (found by content),"
        + " %,d to send", run, total, answered(), missing.size()));
    if (!missing.isEmpty()) sb.append('\n').append(cost);
    for (GpuTime g : gpu) sb.append("\nGPU time ").append(g);
    return sb.toString();
  }
}
