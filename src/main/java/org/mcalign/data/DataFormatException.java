package org.mcalign.data;

/**
 * A data file does not have the shape its {@link Schema} expects. The message names the file
 * (as named inside its dataset, never an absolute path), the line and column where the problem
 * is, what is wrong, and the schema that was expected.
 */
public final class DataFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String column;
  private final String problem;
  private final String expected;

  /**
   * @param file the file's name inside its dataset
   * @param line 1-based physical line (the header is line 1), or 0 when the whole file is meant
   * @param column the column or field, e.g. {@code "column 2 (pro_score)"}, or null
   * @param problem what is wrong
   * @param expected the expected schema (one paragraph), or null
   */
  public DataFormatException(String file, int line, String column, String problem, String expected) {
    super(compose(file, line, column, problem, expected));
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.expected = expected;
  }

  public String file() {
    return file;
  }

  /** 1-based line, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }

  /** The column or field concerned, or null. */
  public String column() {
    return column;
  }

  public String problem() {
    return problem;
  }

  /** The expected schema, or null. */
  public String expected() {
    return expected;
  }

  private static String compose(String file, int line, String column, String problem, String expected) {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(", line ").append(line);
    if (column != null) sb.append(", ").append(column);
    sb.append(": ").append(problem);
    if (expected != null) sb.append("\nExpected ").append(expected);
    return sb.toString();
  }
}
