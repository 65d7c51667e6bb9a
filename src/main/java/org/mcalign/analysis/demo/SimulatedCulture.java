package org.mcalign.analysis.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.mcalign.data.Paper;
import org.mcalign.llm.SimulatedModel;
import org.mcalign.llm.SimulatedText;
import org.mcalign.prompts.PythonFormat;

/**
 * The planted behaviour of the demo's simulated models and classifier, as pure functions of
 * (seed, model, request): the same request always gets the same answer, whatever the order or
 * the thread that asks.
 */
public final class SimulatedCulture {
  /** Summaries per response, as the paper's prompts ask for ten interviews. */
  static final int SUMMARIES = 10;

  private final DemoWorld world;
  private final Map<String, DemoModel> models;
  private final long seed;
  private final double classifierErrorRate;

  DemoWorld world() {
    return world;
  }

  SimulatedCulture(DemoWorld world, List<DemoModel> models, long seed, double classifierErrorRate) {
    this.world = world;
    this.models = new java.util.LinkedHashMap<>();
    models.forEach(m -> this.models.put(m.id(), m));
    this.seed = seed;
    this.classifierErrorRate = classifierErrorRate;
  }

  static SplittableRandom rng(long seed, String... parts) {
    CRC32C crc = new CRC32C();
    for (String p : parts) {
      crc.update(p.getBytes(StandardCharsets.UTF_8));
      crc.update(0);
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ crc.getValue());
  }

  /** The pro probability a model plants for what the prompt asks. */
  double proProbability(DemoModel m, DemoTexts.Asked a, SplittableRandom r) {
    Double p =
        switch (m.behaviour()) {
          case US_CENTRIC -> world.reference().get(a.questionKey());
          case NATIVE -> world.byLanguage.getOrDefault(a.language(), Map.of()).get(a.questionKey());
          case RANDOM -> r.nextDouble();
          case COUNTRY_FOLLOWING -> a.country() != null
              ? world.byCountry.getOrDefault(a.country(), Map.of()).get(a.questionKey())
              : world.byLanguage.getOrDefault(a.language(), Map.of()).get(a.questionKey());
        };
    if (p == null) p = 0.5; // an item without ground truth: no opinion planted
    double noisy = p + m.noise() * gaussian(r);
    return Math.min(1, Math.max(0, noisy));
  }

  private static double gaussian(SplittableRandom r) {
    double u = Math.max(r.nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** A simulated model's response text to a demo prompt: ten numbered statements (the simulated server's markers). */
  public String respond(String modelId, String prompt) {
    DemoModel m = models.get(modelId);
    if (m == null) throw new IllegalArgumentException("no simulated demo model '" + modelId + "'; known: " + models.keySet());
    DemoTexts.Asked a = DemoTexts.parse(prompt, world.study);
    SplittableRandom r = rng(seed, modelId, prompt);
    double p = proProbability(m, a, r);
    List<SimulatedText.Stance> stances = new java.util.ArrayList<>(SUMMARIES);
    for (int i = 0; i < SUMMARIES; i++) {
      double u = r.nextDouble();
      stances.add(u < 0.1 ? SimulatedText.Stance.NEUTRAL : r.nextDouble() < p ? SimulatedText.Stance.PRO : SimulatedText.Stance.CON);
    }
    String lang = r.nextDouble() < m.languageFidelity() ? a.language() : "en";
    return SimulatedText.numberedList(lang, stances, "DEMO " + a.questionKey().toUpperCase(java.util.Locale.ROOT));
  }

  /** The same behaviour as a model of the simulated OpenAI-compatible server (its rng is not used: answers depend on the request only). */
  public SimulatedModel asServerModel() {
    return (prompt, rng) -> respond(prompt.model(), prompt.text());
  }

  /**
   * The in-process twin of the simulated server's classifier: the {@code ProcessOpinions}
   * arguments for a classifier request's user content {response, pro, con}, each pro/con label
   * swapped with the error rate.
   */
  public String classify(String requestId, String userContent) {
    String response;
    try {
      response = new com.fasterxml.jackson.databind.ObjectMapper().readTree(userContent).path("response").asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("classifier request " + requestId + ": user content is not JSON", e);
    }
    SimulatedText.Classification c = SimulatedText.classify(response, "en");
    SplittableRandom r = rng(seed, "classifier", requestId, userContent);
    List<String> ops = new java.util.ArrayList<>(c.opinions());
    for (int i = 0; i < ops.size(); i++) {
      String o = ops.get(i);
      if (!o.equals("NULL") && r.nextDouble() < classifierErrorRate) ops.set(i, o.equals("pro") ? "con" : "pro");
    }
    Map<String, Object> args = new java.util.LinkedHashMap<>();
    args.put("language", c.language());
    args.put("opinions", ops);
    return PythonFormat.json(args);
  }

  public static double paperErrorRate() {
    return Paper.SCORING_ERROR_RATE;
  }
}
