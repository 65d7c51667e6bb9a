package org.mcalign.analysis;

import java.util.List;
import org.mcalign.data.Study;

/** Model families of a study for the analyses' joins: a model the study does not declare is an error, never a dropped row. */
final class Models {
  private Models() {}

  /** The family of a baseline or declared model; an error naming the model, {@code table} and study.json otherwise. */
  static String family(Study study, String model, String table) {
    return study.familyOf(model)
        .orElseThrow(() -> new IllegalArgumentException(study.undeclared("model", List.of(model), table)));
  }
}
