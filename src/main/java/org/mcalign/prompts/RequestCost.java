package org.mcalign.prompts;

import java.util.List;
import org.mcalign.llm.CostEstimate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a stage's requests will cost before they are sent, through the project's one price
 * table and tokenizer ({@link CostEstimate} of the llm package), as a table for the notebooks.
 * Output tokens: the request's {@code max_tokens} when set, else the assumed length given.
 */
public final class RequestCost {
  private RequestCost() {}

  /** The estimate of one run. */
  public record Estimate(String model, int requests, long inputTokens, long outputTokens, boolean batch, double usd) {
    public Table toTable() {
      return table(List.of(this));
    }
  }

  public static Estimate estimate(List<BatchRequestLine> requests, int outputTokensPerRequest, boolean batch) {
    if (requests.isEmpty()) return new Estimate("-", 0, 0, 0, batch, 0);
    var chat = requests.stream().map(EndpointBackend::toChatRequest).toList();
    CostEstimate e = CostEstimate.of(chat, batch, CostEstimate.Prices.defaults(), outputTokensPerRequest);
    long in = 0, out = 0;
    for (CostEstimate.Line l : e.lines()) {
      in += l.inputTokens();
      out += l.outputTokens();
    }
    return new Estimate(requests.get(0).model(), requests.size(), in, out, batch, e.totalUsd());
  }

  public static Table table(List<Estimate> estimates) {
    StringColumn model = StringColumn.create("model");
    IntColumn n = IntColumn.create("requests");
    LongColumn in = LongColumn.create("input_tokens");
    LongColumn out = LongColumn.create("output_tokens (max_tokens or assumed)");
    StringColumn mode = StringColumn.create("mode");
    DoubleColumn usd = DoubleColumn.create("estimated_usd");
    for (Estimate e : estimates) {
      model.append(e.model());
      n.append(e.requests());
      in.append(e.inputTokens());
      out.append(e.outputTokens());
      mode.append(e.batch() ? "batch (discounted)" : "direct");
      usd.append(Math.round(e.usd() * 100) / 100.0);
    }
    return Table.create("cost estimate", model, n, in, out, mode, usd);
  }
}
