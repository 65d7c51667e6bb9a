package org.mcalign.analysis.demo;

import java.util.List;
import org.mcalign.data.Paper;
import org.mcalign.data.Study;

/**
 * Sizes, seed and simulated models of the demo dataset.
 *
 * @param respondents generated WVS respondents (stage 1 input)
 * @param items at most this many items (those with ground truth in the US and every language)
 * @param promptsPerItem prompts per item and language (template × topic variations)
 * @param models the simulated models and their planted behaviours
 * @param demographicModel the model of the demographic experiment, or null to skip it
 * @param classifierErrorRate share of opinion labels the simulated classifier gets wrong
 * @param seed every random draw derives from it
 * @param study the study of the demo: its languages are the prompt and ground-truth languages
 *     (a language the paper's study lacks is made by translating the English prompts, stage 2),
 *     its countries and reference country those of the simulated cultures; a study other than
 *     the paper's is written into the demo folder as study.json
 */
public record DemoSettings(
    int respondents,
    int items,
    int promptsPerItem,
    List<DemoModel> models,
    String demographicModel,
    double classifierErrorRate,
    long seed,
    Study study) {

  public DemoSettings {
    models = List.copyOf(models);
    if (respondents < 1000) throw new IllegalArgumentException("respondents must be >= 1000 for a usable ground truth");
    if (items < 3 || promptsPerItem < 1) throw new IllegalArgumentException("need >= 3 items and >= 1 prompt per item");
    java.util.Objects.requireNonNull(study);
    for (DemoModel m : models)
      if (!study.declaresModel(m.id()))
        throw new IllegalArgumentException(study.undeclared("simulated model", List.of(m.id()), "the demo settings"));
  }

  /** Settings of the paper's study. */
  public DemoSettings(int respondents, int items, int promptsPerItem, List<DemoModel> models, String demographicModel,
      double classifierErrorRate, long seed) {
    this(respondents, items, promptsPerItem, models, demographicModel, classifierErrorRate, seed, Study.paper());
  }

  /**
   * The notebooks' demo: the paper's nine model ids, planted by family — OpenAI models answer
   * with US opinions, Gemma models with each language's opinions, OLMo models at random; noise
   * shrinks with model size.
   */
  public static DemoSettings defaults() {
    List<DemoModel> models = new java.util.ArrayList<>();
    double[] noise = {0.2, 0.12, 0.06};
    Study paper = Study.paper();
    List<String> openai = paper.modelsOf("openai");
    List<String> gemma = paper.modelsOf("gemma");
    List<String> olmo = paper.modelsOf("olmo");
    for (int i = 0; i < 3; i++) models.add(new DemoModel(openai.get(i), DemoBehaviour.US_CENTRIC, noise[i], 0.97));
    for (int i = 0; i < 3; i++) models.add(new DemoModel(gemma.get(i), DemoBehaviour.NATIVE, noise[i], 0.95));
    for (int i = 0; i < 3; i++) models.add(new DemoModel(olmo.get(i), DemoBehaviour.RANDOM, noise[i], 0.93));
    return new DemoSettings(40_000, 30, 3, models, "gemma-2-27b-it", Paper.SCORING_ERROR_RATE, 20250226L);
  }

  /** A small demo for tests: one model per planted behaviour. */
  public static DemoSettings small() {
    return new DemoSettings(
        20_000, 24, 2,
        List.of(
            new DemoModel("gpt-4o", DemoBehaviour.US_CENTRIC, 0.05, 1.0),
            new DemoModel("gemma-2-27b-it", DemoBehaviour.NATIVE, 0.05, 1.0),
            new DemoModel("OLMo-2-1124-7B-Instruct", DemoBehaviour.RANDOM, 0.05, 1.0)),
        null, Paper.SCORING_ERROR_RATE, 7L);
  }

  public DemoSettings withModels(List<DemoModel> m) {
    return new DemoSettings(respondents, items, promptsPerItem, m, demographicModel, classifierErrorRate, seed, study);
  }

  public DemoSettings withSeed(long s) {
    return new DemoSettings(respondents, items, promptsPerItem, models, demographicModel, classifierErrorRate, s, study);
  }

  public DemoSettings withDemographicModel(String m) {
    return new DemoSettings(respondents, items, promptsPerItem, models, m, classifierErrorRate, seed, study);
  }

  public DemoSettings withRespondents(int n) {
    return new DemoSettings(n, items, promptsPerItem, models, demographicModel, classifierErrorRate, seed, study);
  }

  /** The same demo for another study (e.g. the paper's with German added): its languages, countries and sentences. */
  public DemoSettings withStudy(Study s) {
    return new DemoSettings(respondents, items, promptsPerItem, models, demographicModel, classifierErrorRate, seed, s);
  }

  /** The languages of the study the paper's study lacks: the demo makes their prompts by translation (stage 2). */
  public List<String> translatedLanguages() {
    return study.languageCodes().stream().filter(l -> Study.paper().language(l).isEmpty()).toList();
  }
}
