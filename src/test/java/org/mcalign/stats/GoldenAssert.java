package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Compares a fit with a statsmodels golden, reporting every mismatch at once. */
final class GoldenAssert {
  private final StringBuilder errors = new StringBuilder();
  private final double rel;

  GoldenAssert(double rel) {
    this.rel = rel;
  }

  /** Relative tolerance, with an absolute floor for values that are (nearly) zero. */
  void close(String what, double expected, double actual, double absFloor) {
    double tol = Math.max(rel * Math.abs(expected), absFloor);
    if (!(Math.abs(expected - actual) <= tol))
      errors.append(String.format("%s: expected %.12g, got %.12g (rel err %.2e)%n", what, expected, actual,
          Math.abs(expected - actual) / Math.abs(expected)));
  }

  void perCoefficient(JsonNode g, String field, List<String> names, Map<String, Double> actual, double absFloor) {
    for (String n : names) close(field + "[" + n + "]", g.get(field).get(n).asDouble(), actual.get(n), absFloor);
  }

  void done() {
    if (errors.length() > 0) fail("mismatches with statsmodels:\n" + errors);
  }
}
