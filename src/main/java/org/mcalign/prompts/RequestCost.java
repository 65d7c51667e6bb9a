package org.mcalign.prompts;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a list of requests will cost before it is sent: input tokens counted with the model's
 * tokenizer (jtokkit), output tokens assumed per request, list prices per million tokens
 * (USD, 2025), halved for the Batch API. Models without a price (vLLM on one's own GPU) show
 * tokens and cost 0.
 */
public final class RequestCost {
  private RequestCost() {}

  /** USD per million tokens, [input, output], standard (non-batch) prices. */
  public static final Map<String, double[]> PRICES =
      Map.of(
          "gpt-3.5-turbo-0125", new double[] {0.50, 1.50},
          "gpt-4-turbo-2024-04-09", new double[] {10.0, 30.0},
          "gpt-4o", new double[] {2.50, 10.0},
          "gpt-4.1", new double[] {2.00, 8.00});

  private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  /** The estimate of one run. */
  public record Estimate(String model, int requests, long inputTokens, long outputTokens, boolean batch, double usd) {
    public Table toTable() {
      return table(List.of(this));
    }
  }

  /** Tokens of the request's messages (content plus 4 tokens of chat framing per message). */
  static long inputTokens(BatchRequestLine r) {
    Encoding enc = r.model().startsWith("gpt-4o") || r.model().startsWith("gpt-4.1") ? O200K : CL100K;
    long n = 3;
    for (Map<String, String> m : r.messages()) n += 4 + enc.countTokensOrdinary(m.get("content"));
    if (!r.extraBody().isEmpty() && r.extraBody().containsKey("tools")) {
      n += enc.countTokensOrdinary(PythonFormat.json(r.extraBody().get("tools")));
    }
    return n;
  }

  public static Estimate estimate(List<BatchRequestLine> requests, int outputTokensPerRequest, boolean batch) {
    if (requests.isEmpty()) return new Estimate("-", 0, 0, 0, batch, 0);
    String model = requests.get(0).model();
    long in = 0;
    for (BatchRequestLine r : requests) in += inputTokens(r);
    long out = (long) outputTokensPerRequest * requests.size();
    double[] p = PRICES.get(model.substring(model.indexOf('/') + 1));
    double usd = p == null ? 0 : (in * p[0] + out * p[1]) / 1e6 * (batch ? 0.5 : 1.0);
    return new Estimate(model, requests.size(), in, out, batch, usd);
  }

  public static Table table(List<Estimate> estimates) {
    StringColumn model = StringColumn.create("model");
    IntColumn n = IntColumn.create("requests");
    LongColumn in = LongColumn.create("input_tokens");
    LongColumn out = LongColumn.create("output_tokens (assumed)");
    StringColumn mode = StringColumn.create("mode");
    DoubleColumn usd = DoubleColumn.create("estimated_usd");
    for (Estimate e : estimates) {
      model.append(e.model());
      n.append(e.requests());
      in.append(e.inputTokens());
      out.append(e.outputTokens());
      mode.append(e.batch() ? "batch (-50 %)" : "direct");
      usd.append(Math.round(e.usd() * 100) / 100.0);
    }
    return Table.create("cost estimate", model, n, in, out, mode, usd);
  }
}
