package org.mcalign.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The default simulated model: ten numbered statements, each "pro" with a target probability
 * per (model, question, language) plus Gaussian noise per answer; some answers are
 * refusals, some come in the wrong language, some are malformed (unnumbered) lists.
 */
public final class StanceMixModel implements SimulatedModel {
  /** The probability that a statement is pro, per (model, question, language). */
  @FunctionalInterface
  public interface Target {
    double proProbability(String model, String questionKey, String language);
  }

  private final Target target;
  private final double noise;
  private final double refusals;
  private final double wrongLanguage;
  private final double malformed;
  private final int statements;

  private StanceMixModel(Target target, double noise, double refusals, double wrongLanguage, double malformed, int statements) {
    this.target = target;
    this.noise = noise;
    this.refusals = refusals;
    this.wrongLanguage = wrongLanguage;
    this.malformed = malformed;
    this.statements = statements;
  }

  /** A model whose statements are pro with probability 0.5 everywhere, no noise, no refusals. */
  public static StanceMixModel fair() {
    return new StanceMixModel((m, q, l) -> 0.5, 0, 0, 0, 0, 10);
  }

  /** A model following {@code target}. */
  public static StanceMixModel following(Target target) {
    return new StanceMixModel(target, 0, 0, 0, 0, 10);
  }

  /** Standard deviation of the per-answer noise added to the target probability. */
  public StanceMixModel withNoise(double sd) {
    return new StanceMixModel(target, sd, refusals, wrongLanguage, malformed, statements);
  }

  /** Chances of a refusal, an answer in another language, and an unnumbered list. */
  public StanceMixModel withDefects(double refusals, double wrongLanguage, double malformed) {
    return new StanceMixModel(target, noise, refusals, wrongLanguage, malformed, statements);
  }

  public StanceMixModel withStatements(int n) {
    return new StanceMixModel(target, noise, refusals, wrongLanguage, malformed, n);
  }

  @Override
  public String answer(Prompt prompt, RandomGenerator rng) {
    String lang = prompt.language().filter(SimulatedText::knows).orElse("en");
    if (rng.nextDouble() < refusals) return SimulatedText.refusal(lang);
    if (rng.nextDouble() < wrongLanguage) lang = lang.equals("en") ? "da" : "en";
    double p = target.proProbability(prompt.model(), prompt.questionKey().orElse(""), prompt.language().orElse(lang));
    if (noise > 0) p += noise * rng.nextGaussian();
    p = Math.max(0, Math.min(1, p));
    List<SimulatedText.Stance> stances = new ArrayList<>(statements);
    for (int i = 0; i < statements; i++) stances.add(rng.nextDouble() < p ? SimulatedText.Stance.PRO : SimulatedText.Stance.CON);
    String topic = prompt.topic().orElse("");
    return rng.nextDouble() < malformed
        ? SimulatedText.runTogether(lang, stances, topic)
        : SimulatedText.numberedList(lang, stances, topic);
  }
}
