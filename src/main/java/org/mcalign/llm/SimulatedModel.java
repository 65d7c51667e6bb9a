package org.mcalign.llm;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The behaviour of a simulated language model: given a prompt (and, when the prompt is one of
 * the paper's, its question and language) it returns the answer text. Plug your own into
 * {@link SimulatedServer.Builder#model} to plant behaviour (e.g. a cultural bias) that the
 * pipeline should then recover; {@link SimulatedText} builds answers the simulated
 * classifier understands.
 */
@FunctionalInterface
public interface SimulatedModel {

  /**
   * What the model is asked.
   *
   * @param model the request's model name
   * @param text the prompt (last user message)
   * @param questionKey the WVS question the prompt is about, when known (lower case, e.g. {@code e235})
   * @param language the prompt's language ({@code en, da, nl, pt}), when known
   * @param templateType the paper's template type, when known
   * @param topic the topic text filled into the template, when known
   */
  record Prompt(String model, String text, Optional<String> questionKey, Optional<String> language,
      Optional<String> templateType, Optional<String> topic) {}

  /** The answer text; {@code rng} is the server's seeded stream (use it for all randomness). */
  String answer(Prompt prompt, RandomGenerator rng);
}
