package org.mcalign.analysis.stages;

import java.nio.file.Path;
import org.mcalign.data.Dataset;

/** Where the stage notebooks write: {@code out/stages/} for the paper's data, {@code out/DEMO-stages/} for the demo. */
public final class StageOutputs {
  private StageOutputs() {}

  public static String relative(Dataset ds) {
    return ds.isDemo() ? "out/DEMO-stages" : "out/stages";
  }

  public static Path folder(Dataset ds) {
    return Dataset.projectRoot().resolve(relative(ds));
  }

  /** The response store of the stage runs (SQLite; every paid answer is kept). */
  public static Path store(Dataset ds) {
    return folder(ds).resolve(ds.isDemo() ? "DEMO-responses.db" : "responses.db");
  }
}
