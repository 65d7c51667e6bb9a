package org.mcalign.analysis;

import org.mcalign.data.Paper;

/** The paper's model enum order and families ({@code models.py}), for sorting and joins. */
final class Models {
  private Models() {}

  /** Position in the paper's model enum; unknown models sort last (the paper would reject them). */
  static int order(String model) {
    int i = Paper.MODELS.indexOf(model);
    return i < 0 ? Paper.MODELS.size() : i;
  }

  /** The family ({@code add_families_df}); null for a model outside the paper's enum. */
  static String family(String model) {
    return Paper.familyOf(model).orElse(null);
  }

  static String languageName(String code) {
    return Paper.LANGUAGE_NAMES.getOrDefault(code, code);
  }
}
