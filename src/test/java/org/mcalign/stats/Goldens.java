package org.mcalign.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/** The statsmodels goldens in ../shared/goldens (CI layout), read once per test run. */
final class Goldens {
  private Goldens() {}

  /** Beside the paper's data (MCA_DATA/../goldens), else ../shared/goldens. */
  static final Path DIR = dir();

  static Path dir() {
    String data = System.getenv("MCA_DATA");
    return data != null && !data.isBlank() ? Path.of(data).toAbsolutePath().getParent().resolve("goldens")
        : Path.of("..", "shared", "goldens");
  }
  private static final Map<String, Table> TABLES = new HashMap<>();

  static boolean available() {
    return Files.isDirectory(DIR);
  }

  /** Skips the test when the goldens are absent, but fails under CI. */
  static void assume() {
    if (System.getenv("CI") != null && !available()) throw new AssertionError("goldens not found at " + DIR.toAbsolutePath());
    org.junit.jupiter.api.Assumptions.assumeTrue(available(), "goldens not found at " + DIR);
  }

  static JsonNode json(String name) throws IOException {
    return new ObjectMapper().readTree(DIR.resolve(name).toFile());
  }

  static synchronized Table input(String csv) throws IOException {
    Table t = TABLES.get(csv);
    if (t == null) TABLES.put(csv, t = CsvTables.read(DIR.resolve(csv)));
    return t;
  }

  static List<String> keys(JsonNode obj) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  static String inputOf(String jsonName) {
    return jsonName.startsWith("rq2") ? "rq2_regression_input.csv" : "rq1_regression_input.csv";
  }
}
