package org.mcalign.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's fixed vocabulary in one place: countries, languages, model families in the
 * paper's order, display names and the benchmark model-name mapping. Mirrors
 * {@code constants.py} and {@code models.py} of the paper's repository.
 */
public final class Paper {
  private Paper() {}

  /** The repository and commit whose published data this project reproduces. */
  public static final String UPSTREAM_REPOSITORY = "jhrystrom/multicultural-alignment";

  public static final String UPSTREAM_COMMIT = "f550348462acb84dbc26c05fbb6bd1bdb44ae24b";

  /** The four prompt languages (ISO 639-1), in the paper's order. */
  public static final List<String> LANGUAGES = List.of("en", "da", "nl", "pt");

  /** Language code to display name (the paper's {@code LANGUAGE_MAP}). */
  public static final Map<String, String> LANGUAGE_NAMES =
      ordered("en", "English", "da", "Danish", "nl", "Dutch", "pt", "Portuguese");

  /** The 13 countries of the ground truth with their display names (the paper's {@code COUNTRY_MAP}). */
  public static final Map<String, String> COUNTRY_NAMES =
      ordered(
          "AU", "Australia",
          "BR", "Brazil",
          "CA", "Canada",
          "DK", "Denmark",
          "GB", "Great Britain",
          "KE", "Kenya",
          "NG", "Nigeria",
          "NIR", "Northern Ireland",
          "NL", "Netherlands",
          "NZ", "New Zealand",
          "PT", "Portugal",
          "SG", "Singapore",
          "US", "United States");

  /** Display name of the "global" ground-truth group. */
  public static final String GLOBAL = "global";

  /** Each country's main interview language ({@code country_languages.csv}). */
  public static final Map<String, String> COUNTRY_LANGUAGE =
      ordered(
          "AU", "en", "BR", "pt", "CA", "en", "DK", "da", "GB", "en", "KE", "en", "NG", "en",
          "NIR", "en", "NL", "nl", "NZ", "en", "PT", "pt", "SG", "en", "US", "en");

  public static final String BASELINE_UNIFORM = "Baseline_uniform_random";
  public static final String BASELINE_FIFTY = "Baseline_fifty_percent";
  public static final String BASELINE_PERFECT = "Baseline_perfect";

  /** Model families and their models in the paper's order ({@code MODEL_FAMILIES}). */
  public static final Map<String, List<String>> MODEL_FAMILIES;

  static {
    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put("Baseline", List.of(BASELINE_UNIFORM, BASELINE_FIFTY, BASELINE_PERFECT));
    f.put("openai", List.of("gpt-3.5-turbo-0125", "gpt-4-turbo-2024-04-09", "gpt-4o"));
    f.put("gemma", List.of("gemma-2-2b-it", "gemma-2-9b-it", "gemma-2-27b-it"));
    f.put(
        "olmo",
        List.of("OLMo-2-1124-7B-Instruct", "OLMo-2-1124-13B-Instruct", "OLMo-2-0325-32B-Instruct"));
    MODEL_FAMILIES = java.util.Collections.unmodifiableMap(f);
  }

  /** All models in the paper's order (baselines first), as the paper's model enum. */
  public static final List<String> MODELS =
      MODEL_FAMILIES.values().stream().flatMap(List::stream).toList();

  /** The nine evaluated LLMs (no baselines), in the paper's order. */
  public static final List<String> LLMS =
      MODELS.stream().filter(m -> !m.startsWith("Baseline")).toList();

  /** Model display names (the paper's {@code CLEAN_MODEL_NAMES}). */
  public static final Map<String, String> MODEL_DISPLAY_NAMES =
      ordered(
          "gpt-3.5-turbo-0125", "GPT-3.5 Turbo",
          "gpt-4-turbo-2024-04-09", "GPT-4 Turbo",
          "gpt-4o", "GPT-4o",
          "gemma-2-2b-it", "Gemma-2 2B",
          "gemma-2-9b-it", "Gemma-2 9B",
          "gemma-2-27b-it", "Gemma-2 27B",
          "OLMo-2-1124-7B-Instruct", "OLMo-2 7B",
          "OLMo-2-1124-13B-Instruct", "OLMo-2 13B",
          "OLMo-2-0325-32B-Instruct", "OLMo-2 32B");

  /**
   * Model names as {@code multilingual_benchmarks.csv} spells them, mapped to the paper's
   * model ids ({@code MODEL_NAME_MAPPING} of {@code plot_multilingual_benchmarks.py}).
   */
  public static final Map<String, String> BENCHMARK_MODEL_NAMES =
      ordered(
          "GPT-3.5 Turbo", "gpt-3.5-turbo-0125",
          "GPT-4 Turbo", "gpt-4-turbo-2024-04-09",
          "gpt-4-turbo", "gpt-4-turbo-2024-04-09",
          "GPT-4o", "gpt-4o",
          "gpt-4o-2024-05-13", "gpt-4o",
          "Gemma-2 2B", "gemma-2-2b-it",
          "Gemma-2 9B", "gemma-2-9b-it",
          "Gemma-2 27B", "gemma-2-27b-it",
          "OLMo-2 7B", "OLMo-2-1124-7B-Instruct",
          "OLMo-2 13B", "OLMo-2-1124-13B-Instruct",
          "OLMo-2 32B", "OLMo-2-0325-32B-Instruct");

  /** The scoring error rate from the paper's human validation; consistency is divided by 1 − this. */
  public static final double SCORING_ERROR_RATE = 0.045;

  /** The family of a model id (a path such as {@code google/gemma-2-2b-it} is accepted). */
  public static Optional<String> familyOf(String model) {
    String name = model.substring(model.lastIndexOf('/') + 1);
    return MODEL_FAMILIES.entrySet().stream()
        .filter(e -> e.getValue().contains(name))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The display name of a model, or the id itself when it has none (baselines, new models). */
  public static String displayName(String model) {
    return MODEL_DISPLAY_NAMES.getOrDefault(model, model);
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return java.util.Collections.unmodifiableMap(m);
  }
}
