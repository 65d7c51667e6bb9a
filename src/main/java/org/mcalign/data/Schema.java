package org.mcalign.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * What one data file must look like: its columns (or JSON fields) with their types and code
 * checks, which of them may be empty, and the columns that together identify a row. Columns
 * the schema does not name are allowed (and loaded as strings); a named column that is absent
 * is an error. {@link #read(Path)} parses and validates a CSV file into a Tablesaw table,
 * throwing {@link DataFormatException} with file, line, column and this schema on bad input.
 * Values are read as pandas reads them: numbers and booleans in pandas' grammar, with pandas' NA
 * tokens ({@code NA}, {@code NULL}, {@code nan}, ...) as missing; text keeps every value but the
 * empty one (the paper's codes include {@code NULL}). Schema-less files: {@link CsvIn}.
 */
public final class Schema {

  /** How the file is laid out. */
  public enum Format {
    CSV,
    JSONL
  }

  /** The type of a column's values. */
  public enum Type {
    STRING("string"),
    DOUBLE("number"),
    INTEGER("integer"),
    BOOLEAN("boolean (true/false)"),
    /** JSON only: an array of strings. */
    STRING_LIST("list of strings"),
    /** JSON only: an object. */
    OBJECT("object");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A check on a column's values beyond its type. The study checks (models, families,
   * languages, countries) accept what the {@link Study} in use declares; values they refuse are
   * gathered over the whole file and reported together, naming the file and {@value Study#FILE_NAME}.
   */
  public enum Check {
    NONE("", null, (st, v) -> true, null),
    MODEL("model (a baseline or declared in the study)", "model", (st, v) -> st.declaresModel(v), null),
    FAMILY("model family (Baseline or declared in the study)", "model family", (st, v) -> st.allFamilies().contains(v), null),
    BENCHMARK_MODEL("model as benchmark tables spell it (benchmark_names, display_name or name of a model of the study)",
        "benchmark model name", (st, v) -> st.modelOfBenchmarkName(v).isPresent(), null),
    LANGUAGE("language code declared in the study", "language", (st, v) -> st.language(v).isPresent(), null),
    LANGUAGE_NAME("language name declared in the study", "language name", (st, v) -> st.languageCodeOfName(v).isPresent(), null),
    COUNTRY("country code declared in the study", "country", (st, v) -> st.country(v).isPresent(), null),
    COUNTRY_NAME("country name declared in the study", "country name", (st, v) -> st.countryCodeOfName(v).isPresent(), null),
    OPINION("opinion, one of pro, con, NULL", null, (st, v) -> Set.of("pro", "con", "NULL").contains(v), null),
    UNIT_INTERVAL("in [0, 1]", null, null, x -> x >= 0 && x <= 1);

    private final String label;
    private final String kind;
    private final java.util.function.BiPredicate<Study, String> text;
    private final DoublePredicate number;

    Check(String label, String kind, java.util.function.BiPredicate<Study, String> text, DoublePredicate number) {
      this.label = label;
      this.kind = kind;
      this.text = text;
      this.number = number;
    }

    public String label() {
      return label;
    }

    /** Whether the check reads the study (its refusals are undeclared values, not format errors). */
    public boolean fromStudy() {
      return kind != null;
    }

    /** What a refused value is, e.g. "model", for {@link Study#undeclaredMessage}. */
    public String kind() {
      return kind;
    }

    /** Whether a text value passes under {@code study} (checks on numbers accept every text). */
    public boolean accepts(String value, Study study) {
      return text == null || text.test(study, value);
    }

    /** Whether a number passes (checks on codes accept every number). */
    public boolean accepts(double value) {
      return number == null || number.test(value);
    }
  }

  /** One column: name exactly as in the file, type, check, and whether values may be empty. */
  public record Column(String name, Type type, Check check, boolean nullable) {
    public Column {
      Objects.requireNonNull(name);
      Objects.requireNonNull(type);
      Objects.requireNonNull(check);
    }

    /** e.g. {@code pro_score (number in [0, 1])}. */
    public String describe() {
      StringBuilder sb = new StringBuilder(name).append(" (").append(type.label());
      if (check != Check.NONE) sb.append(type == Type.STRING || type == Type.STRING_LIST ? ", " : " ").append(check.label());
      if (nullable) sb.append(", may be empty");
      return sb.append(')').toString();
    }
  }

  private final String file;
  private final Format format;
  private final List<Column> columns;
  private final List<String> key;
  private final int minRows;

  private Schema(String file, Format format, List<Column> columns, List<String> key, int minRows) {
    this.file = file;
    this.format = format;
    this.columns = List.copyOf(columns);
    this.key = List.copyOf(key);
    this.minRows = minRows;
    for (String k : key) {
      if (column(k).isEmpty()) throw new IllegalArgumentException("key column " + k + " is not a column of " + file);
    }
  }

  /** Starts a schema for a CSV file. */
  public static Builder csv(String file) {
    return new Builder(file, Format.CSV);
  }

  /** Starts a schema for a JSON-lines file (one object per line; columns are fields). */
  public static Builder jsonl(String file) {
    return new Builder(file, Format.JSONL);
  }

  /** The file's name inside its dataset, e.g. {@code ground_truth_global.csv}. */
  public String file() {
    return file;
  }

  public Format format() {
    return format;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Columns whose values together are unique over the rows (empty: no key). */
  public List<String> key() {
    return key;
  }

  /** Fewest data rows the file may have (1 by default: an empty file is an error). */
  public int minRows() {
    return minRows;
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The expected schema as one paragraph, used in error messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder("schema of ").append(file).append(" (");
    sb.append(format == Format.CSV ? "CSV with header, comma-separated" : "JSON lines, one object per line");
    sb.append("): ");
    sb.append(columns.stream().map(Column::describe).collect(Collectors.joining(", ")));
    if (!key.isEmpty()) sb.append("; one row per ").append(String.join(" + ", key));
    sb.append("; other columns allowed.");
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Reads and validates a CSV file against {@code study}; errors name the file by its file name. */
  public Table read(Path path, Study study) {
    return read(path, path.getFileName().toString(), study);
  }

  /** Reads and validates a CSV file against {@code study}; errors name the file as {@code displayName}. */
  public Table read(Path path, String displayName, Study study) {
    if (format != Format.CSV) throw new IllegalStateException(file + " is not a CSV schema");
    return CsvTableReader.read(this, readBytes(path, displayName), displayName, study);
  }

  /** Parses and validates CSV bytes (UTF-8, BOM and CRLF allowed) against {@code study}. */
  public Table parse(byte[] csv, String displayName, Study study) {
    return CsvTableReader.read(this, csv, displayName, study);
  }

  /** {@link #parse(byte[], String, Study)} against the paper's study. */
  public Table parse(byte[] csv, String displayName) {
    return parse(csv, displayName, Study.paper());
  }

  static byte[] readBytes(Path path, String displayName) {
    try {
      return Files.readAllBytes(path);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new DatasetUnavailableException(displayName + " is missing from the dataset folder");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + displayName + ": " + e.getMessage(), e);
    }
  }

  /** Builds a {@link Schema}. */
  public static final class Builder {
    private final String file;
    private final Format format;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> key = new ArrayList<>();
    private int minRows = 1;

    private Builder(String file, Format format) {
      this.file = file;
      this.format = format;
    }

    /** A required column without a code check. */
    public Builder column(String name, Type type) {
      return column(name, type, Check.NONE);
    }

    /** A required column whose values pass {@code check} (study checks: under the study the file is read with). */
    public Builder column(String name, Type type, Check check) {
      columns.add(new Column(name, type, check, false));
      return this;
    }

    /** A column that must be present but whose values may be empty (missing). */
    public Builder nullable(String name, Type type) {
      columns.add(new Column(name, type, Check.NONE, true));
      return this;
    }

    /** The columns that identify a row. */
    public Builder key(String... names) {
      key.addAll(Arrays.asList(names));
      return this;
    }

    public Builder minRows(int n) {
      minRows = n;
      return this;
    }

    public Schema build() {
      return new Schema(file, format, columns, key, minRows);
    }
  }
}
