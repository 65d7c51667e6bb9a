package org.mcalign.plot;

import java.util.List;
import org.mcalign.data.Paper;
import org.mcalign.data.Study;

/** Display names as the paper's figures print them, from the study in use. */
final class Labels {
  private final Study study;

  private Labels(Study study) {
    this.study = study;
  }

  static Labels of(Study study) {
    return new Labels(study);
  }

  /** pt → logical pixels at matplotlib's 100 dpi. */
  static double pt(double points) {
    return points * 100 / 72;
  }

  /** "country" → "Country" (polars' to_titlecase). */
  static String title(String s) {
    if (s == null || s.isEmpty()) return s;
    return Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase();
  }

  /** "da" → "Danish"; display names pass through. */
  String language(String s) {
    return s == null ? null : study.languageName(s);
  }

  /** Ground-truth group: language code → language name, country code → country name, "global" → "Global". */
  String group(String s) {
    if (s == null) return null;
    if (s.equalsIgnoreCase(Paper.GLOBAL)) return "Global";
    if (study.language(s).isPresent()) return study.languageName(s);
    return study.countryName(s);
  }

  /** Model id of an id or display name. */
  String modelId(String s) {
    return study.modelOfDisplayName(s);
  }

  /** A model's display name ("GPT-4o"); other values pass through. */
  String displayName(String s) {
    return study.displayName(s);
  }

  /** Models present, in the study's order (ids). */
  List<String> modelsInOrder(String[] models) {
    String[] ids = new String[models.length];
    for (int i = 0; i < ids.length; i++) ids[i] = modelId(models[i]);
    return Aggregate.ordered(ids, study.allModels());
  }

  /** Whether every value is a model of the study (a baseline or declared). */
  boolean allModels(List<String> values) {
    return values.stream().allMatch(study::declaresModel);
  }
}
