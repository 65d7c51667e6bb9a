package org.mcalign.stats;

import java.nio.file.Path;
import org.mcalign.data.CsvIn;
import tech.tablesaw.api.Table;

/**
 * Reads a CSV for model fitting as {@code pandas.read_csv} does (see {@link CsvIn}, the
 * project's one reader), so that a formula gives statsmodels' columns.
 */
public final class CsvTables {
  private CsvTables() {}

  public static Table read(Path file) {
    return CsvIn.read(file);
  }
}
