package org.mcalign.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a set of requests will cost before it is sent: input tokens counted with the model's
 * tokenizer (jtokkit: o200k_base for gpt-4o/4.1, cl100k_base for gpt-3.5/gpt-4-turbo),
 * output tokens taken as each request's {@code max_tokens} or an assumed length, times the
 * prices of {@code prices.json} (the Batch API's discount applied in batch mode). Models
 * without a price (self-hosted vLLM models) cost nothing and are listed as such.
 */
public final class CostEstimate {
  /** Per-model figures. */
  public record Line(String model, String encoding, int requests, long inputTokens, long outputTokens,
      double inputUsd, double outputUsd, boolean priced) {
    public double totalUsd() {
      return inputUsd + outputUsd;
    }
  }

  /** The price table. */
  public record Prices(double perTokens, double batchDiscount, int defaultOutputTokens, List<ModelPrice> models) {
    /** Price of a model family (longest matching prefix wins). */
    public record ModelPrice(String prefix, String encoding, double input, double output) {}

    /** The project's table ({@code org/mcalign/llm/prices.json}), read once. */
    public static Prices defaults() {
      return Defaults.TABLE;
    }

    private static final class Defaults {
      static final Prices TABLE = load();
    }

    private static Prices load() {
      try (InputStream in = CostEstimate.class.getResourceAsStream("prices.json")) {
        if (in == null) throw new LlmException("prices.json is missing from the classpath");
        return parse(Json.MAPPER.readTree(in), "prices.json");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A table in the same format from a file. */
    public static Prices read(Path file) {
      try {
        return parse(Json.MAPPER.readTree(Files.readString(file)), file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("could not read price table " + file + ": " + e.getMessage(), e);
      }
    }

    static Prices parse(JsonNode n, String source) {
      List<ModelPrice> ms = new ArrayList<>();
      for (JsonNode m : n.path("models")) {
        if (!m.path("prefix").isTextual() || !m.path("input").isNumber() || !m.path("output").isNumber()) {
          throw new LlmException(source + ": each model needs prefix (text), input and output (numbers): " + m);
        }
        ms.add(new ModelPrice(m.get("prefix").asText(), m.path("encoding").asText("o200k_base"),
            m.get("input").asDouble(), m.get("output").asDouble()));
      }
      ms.sort((a, b) -> b.prefix().length() - a.prefix().length());
      return new Prices(n.path("per_tokens").asDouble(1e6), n.path("batch_discount").asDouble(0.5),
          n.path("default_output_tokens").asInt(500), List.copyOf(ms));
    }

    public Optional<ModelPrice> priceOf(String model) {
      return models.stream().filter(m -> model.startsWith(m.prefix())).findFirst();
    }
  }

  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private final List<Line> lines;
  private final boolean batch;
  private final Prices prices;

  private CostEstimate(List<Line> lines, boolean batch, Prices prices) {
    this.lines = List.copyOf(lines);
    this.batch = batch;
    this.prices = prices;
  }

  /** Estimate with the project's price table; {@code batch} applies the Batch API discount. */
  public static CostEstimate of(List<ChatRequest> requests, boolean batch) {
    Prices p = Prices.defaults();
    return of(requests, batch, p, p.defaultOutputTokens());
  }

  /** Estimate with a given table and an assumed answer length for requests without {@code max_tokens}. */
  public static CostEstimate of(List<ChatRequest> requests, boolean batch, Prices prices, int assumedOutputTokens) {
    Map<String, long[]> acc = new LinkedHashMap<>();
    for (ChatRequest r : requests) {
      long[] a = acc.computeIfAbsent(r.model(), k -> new long[3]);
      a[0]++;
      a[1] += promptTokens(r, encodingFor(r.model(), prices));
      a[2] += r.maxTokens().isPresent() ? r.maxTokens().getAsInt() : assumedOutputTokens;
    }
    double factor = batch ? prices.batchDiscount() : 1.0;
    List<Line> lines = new ArrayList<>();
    acc.forEach((model, a) -> {
      Optional<Prices.ModelPrice> mp = prices.priceOf(model);
      double in = mp.map(p -> a[1] * p.input() / prices.perTokens() * factor).orElse(0.0);
      double out = mp.map(p -> a[2] * p.output() / prices.perTokens() * factor).orElse(0.0);
      lines.add(new Line(model, encodingFor(model, prices).getName(), (int) a[0], a[1], a[2], in, out, mp.isPresent()));
    });
    return new CostEstimate(lines, batch, prices);
  }

  /** The tokenizer of a model: the price table's, else o200k_base for unknown models. */
  static Encoding encodingFor(String model, Prices prices) {
    String name = prices.priceOf(model).map(Prices.ModelPrice::encoding).orElse("o200k_base");
    EncodingType type = EncodingType.fromName(name)
        .orElseThrow(() -> new LlmException("unknown tokenizer " + name + " for model " + model + " in the price table"));
    return REGISTRY.getEncoding(type);
  }

  /**
   * Tokens of a chat prompt as OpenAI counts them: 3 per message plus its role and content,
   * 3 to prime the answer, and the tool definitions' JSON.
   */
  static long promptTokens(ChatRequest r, Encoding enc) {
    long n = 3;
    for (ChatRequest.Message m : r.messages()) {
      n += 3 + enc.countTokensOrdinary(m.role()) + enc.countTokensOrdinary(m.content());
    }
    JsonNode tools = r.body().get("tools");
    if (tools != null && !tools.isEmpty()) n += enc.countTokensOrdinary(tools.toString());
    return n;
  }

  public List<Line> lines() {
    return lines;
  }

  public boolean batch() {
    return batch;
  }

  public double totalUsd() {
    return lines.stream().mapToDouble(Line::totalUsd).sum();
  }

  public long inputTokens() {
    return lines.stream().mapToLong(Line::inputTokens).sum();
  }

  public List<String> unpricedModels() {
    return lines.stream().filter(l -> !l.priced()).map(Line::model).toList();
  }

  /**
   * Refuses ({@link CostLimitException}) an estimate above {@code limitUsd} unless the user
   * confirmed it.
   */
  public void requireWithin(double limitUsd, boolean confirmed) {
    if (totalUsd() > limitUsd && !confirmed) {
      throw new CostLimitException(String.format(
          "estimated cost $%.2f is above the limit of $%.2f; raise the limit (--max-cost) or confirm (--yes)%n%s",
          totalUsd(), limitUsd, this));
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-28s %-12s %9s %14s %14s %11s%n", "model", "tokenizer", "requests", "input tokens", "output tokens", "cost USD"));
    for (Line l : lines) {
      sb.append(String.format("%-28s %-12s %,9d %,14d %,14d %11s%n", l.model(), l.encoding(), l.requests(), l.inputTokens(),
          l.outputTokens(), l.priced() ? String.format("%.2f", l.totalUsd()) : "no price"));
    }
    sb.append(String.format("total %s: $%.2f%s", batch ? "(Batch API, " + Math.round(100 * (1 - prices.batchDiscount())) + " % off)" : "(direct)",
        totalUsd(), unpricedModels().isEmpty() ? "" : " (no price for " + unpricedModels() + ": self-hosted models cost nothing here)"));
    return sb.toString();
  }

  /** The estimate as an HTML table (notebooks). */
  public String toHtml() {
    StringBuilder sb = new StringBuilder("<table><thead><tr><th>model</th><th>tokenizer</th><th>requests</th>"
        + "<th>input tokens</th><th>output tokens</th><th>cost USD</th></tr></thead><tbody>");
    for (Line l : lines) {
      sb.append(String.format("<tr><td>%s</td><td>%s</td><td>%,d</td><td>%,d</td><td>%,d</td><td>%s</td></tr>",
          esc(l.model()), l.encoding(), l.requests(), l.inputTokens(), l.outputTokens(),
          l.priced() ? String.format("%.2f", l.totalUsd()) : "no price"));
    }
    sb.append(String.format("</tbody></table><p>Total%s: <b>$%.2f</b></p>", batch ? " with the Batch API discount" : "", totalUsd()));
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
