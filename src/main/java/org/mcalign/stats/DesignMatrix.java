package org.mcalign.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The design matrix of a formula over a Tablesaw table (or {@link Columns}), with patsy's
 * columns, names and order, so that coefficient names equal statsmodels' ({@code Intercept},
 * {@code x}, {@code a[T.level]}, {@code a[level]:x}, {@code C(a, Sum)[S.b]}, {@code I(x ** 2)}, ...).
 *
 * <p>Every factor is evaluated over every row first, as patsy does (see {@link FactorExpressions}):
 * numbers are numeric factors; text and booleans are categorical, with levels sorted as Python
 * sorts them (code points; booleans False &lt; True, both always present) and the first level
 * the reference unless {@code Treatment(reference=...)} says otherwise. Then rows with a missing
 * value in any factor or the response (or in {@code alsoRequire}, e.g. a grouping column) are
 * dropped, as patsy's {@code NA_action="drop"}; the kept source row numbers are in
 * {@link #rows()}. An infinite value in a kept row is an error naming the factor and the row
 * (statsmodels cannot fit it).
 */
public final class DesignMatrix {
  private final Formula formula;
  private final List<String> names;
  private final double[][] columns; // column-major: columns[j][i]
  private final double[] response;
  private final int[] rows;
  private final List<String> termNames;
  private final int[] termOfColumn;

  private DesignMatrix(Formula formula, List<String> names, double[][] columns, double[] response, int[] rows,
      List<String> termNames, int[] termOfColumn) {
    this.formula = formula;
    this.names = names;
    this.columns = columns;
    this.response = response;
    this.rows = rows;
    this.termNames = termNames;
    this.termOfColumn = termOfColumn;
  }

  public static DesignMatrix build(String formula, Table data) {
    return build(Formula.parse(formula), data);
  }

  public static DesignMatrix build(Formula formula, Table data, String... alsoRequire) {
    return build(formula, Columns.of(data), alsoRequire);
  }

  /** As {@link #build(Formula, Table, String...)}, over columns without a Tablesaw table. */
  public static DesignMatrix build(Formula formula, Columns data, String... alsoRequire) {
    String where = "formula '" + formula.text() + "' on table '" + data.name() + "'";
    for (String c : alsoRequire)
      if (!data.containsColumn(c))
        throw new IllegalArgumentException(where + ": no column '" + c + "' (columns: " + data.columnNames() + ")");

    // every factor over every row, as patsy evaluates them (levels and stateful transforms see all rows)
    Map<String, Factor> factors = new LinkedHashMap<>();
    for (String f : formula.factors()) factors.put(f, FactorExpressions.evaluate(formula, f, data, where));
    Factor.Numeric response = null;
    if (formula.response() != null) {
      Factor r = FactorExpressions.evaluate(formula, formula.response(), data, where);
      if (!(r instanceof Factor.Numeric num))
        throw new IllegalArgumentException(where + ": the response '" + formula.response() + "' must be numeric, but it is "
            + describeCategorical(formula.response(), data) + " (statsmodels cannot fit a categorical response)");
      response = num;
    }

    // rows without any missing value (patsy's NA_action="drop"; alsoRequire, e.g. a grouping column)
    int n = data.rowCount();
    List<Column<?>> required = new ArrayList<>();
    for (String c : alsoRequire) required.add(data.column(c));
    int[] keep = new int[n];
    int m = 0;
    outer:
    for (int i = 0; i < n; i++) {
      if (response != null && response.missing(i)) continue;
      for (Factor f : factors.values()) if (f.missing(i)) continue outer;
      for (Column<?> c : required) if (c.isMissing(i)) continue outer;
      keep[m++] = i;
    }
    int[] rows = Arrays.copyOf(keep, m);
    if (m == 0) throw new IllegalArgumentException(where + ": no rows left after dropping rows with missing values"
        + (n == 0 ? " (the table has no rows)" : " (every one of the " + n + " rows misses a value in a column the formula uses)"));

    double[] y = null;
    if (response != null) {
      y = new double[m];
      for (int i = 0; i < m; i++) y[i] = response.values()[rows[i]];
      requireFinite(y, formula.response(), rows, where);
    }
    Set<String> numeric = new HashSet<>();
    Map<String, double[]> num = new HashMap<>();
    for (Factor f : factors.values()) {
      if (!(f instanceof Factor.Numeric nf)) continue;
      numeric.add(f.code());
      double[] v = new double[m];
      for (int i = 0; i < m; i++) v[i] = nf.values()[rows[i]];
      requireFinite(v, f.code(), rows, where);
      num.put(f.code(), v);
    }

    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    double[] scratch = null, zeros = null;
    List<String> termNames = new ArrayList<>();
    List<Integer> termOf = new ArrayList<>();
    for (PatsyCoding.CodedTerm ct : PatsyCoding.order(formula.terms(), numeric)) {
      int termIndex = termNames.size();
      termNames.add(ct.term().name());
      for (Map<String, Boolean> coding : ct.subterms()) {
        // factors of this subterm in term order; each contributes a list of (name, column)
        List<String> fs = new ArrayList<>();
        for (String f : ct.term().factors()) if (numeric.contains(f) || coding.containsKey(f)) fs.add(f);
        List<List<String>> partNames = new ArrayList<>();
        List<List<double[]>> partCols = new ArrayList<>();
        for (String f : fs) {
          List<String> pn = new ArrayList<>();
          List<double[]> pc = new ArrayList<>();
          if (numeric.contains(f)) {
            pn.add(f);
            pc.add(num.get(f));
          } else {
            Factor.Categorical cf = (Factor.Categorical) factors.get(f);
            boolean full = coding.get(f);
            for (String suffix : cf.contrast().suffixes(cf.levels(), full)) pn.add(f + suffix);
            double[][] contrast = cf.contrast().matrix(cf.levels().size(), full);
            for (int c = 0; c < pn.size(); c++) pc.add(coded(contrast, c, cf.codes(), rows));
          }
          partNames.add(pn);
          partCols.add(pc);
        }
        // all combinations, the left-most factor varying fastest (patsy follows R here)
        int[] sizes = new int[fs.size()];
        int total = 1;
        for (int k = 0; k < sizes.length; k++) total *= (sizes[k] = partNames.get(k).size());
        for (int combo = 0; combo < total; combo++) {
          int rest = combo;
          StringBuilder name = new StringBuilder();
          double[] v = null;
          for (int k = 0; k < sizes.length; k++) {
            int pick = rest % sizes[k];
            rest /= sizes[k];
            if (k > 0) name.append(':');
            name.append(partNames.get(k).get(pick));
            double[] c = partCols.get(k).get(pick);
            if (v == null) {
              // a product of factors is formed in the scratch array: most cells of an interaction of
              // indicators are empty, and those columns then share one array of zeros
              if (sizes.length == 1) v = c.clone();
              else System.arraycopy(c, 0, v = scratch == null ? scratch = new double[m] : scratch, 0, m);
            } else multiply(v, c);
          }
          if (v == null) {
            v = new double[m];
            Arrays.fill(v, 1.0);
          } else if (v == scratch) {
            if (!positiveZeros(v)) v = v.clone();
            else v = zeros == null ? zeros = new double[m] : zeros;
          }
          names.add(sizes.length == 0 ? "Intercept" : name.toString());
          cols.add(v);
          termOf.add(termIndex);
        }
      }
    }
    if (names.isEmpty()) throw new IllegalArgumentException(where + ": the right-hand side has no terms (e.g. 'y ~ 0')");
    return new DesignMatrix(formula, List.copyOf(names), cols.toArray(new double[0][]), y, rows,
        List.copyOf(termNames), termOf.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Column {@code c} of a contrast coding over the kept rows (small, so that a fresh JVM compiles it early). */
  private static double[] coded(double[][] coding, int c, int[] codes, int[] rows) {
    double[] col = new double[rows.length];
    for (int i = 0; i < rows.length; i++) col[i] = coding[codes[rows[i]]][c];
    return col;
  }

  /** Whether every value is +0.0 (bit for bit: a -0.0 keeps its own column). */
  private static boolean positiveZeros(double[] v) {
    for (double x : v) if (Double.doubleToRawLongBits(x) != 0) return false;
    return true;
  }

  /** v ← v·c elementwise. */
  private static void multiply(double[] v, double[] c) {
    for (int i = 0; i < v.length; i++) v[i] *= c[i];
  }

  private static String describeCategorical(String code, Columns data) {
    if (data.containsColumn(code)) {
      Column<?> c = data.column(code);
      return c instanceof BooleanColumn ? "a boolean column" : "a text column (values such as '" + firstValue(c) + "')";
    }
    return "categorical";
  }

  private static String firstValue(Column<?> c) {
    for (int i = 0; i < c.size(); i++) if (!c.isMissing(i)) return c.getString(i);
    return "";
  }

  /** statsmodels refuses infinite values ("exog contains inf or nans"): name the factor and the row. */
  private static void requireFinite(double[] v, String code, int[] rows, String where) {
    for (int i = 0; i < v.length; i++)
      if (Double.isInfinite(v[i]))
        throw new NonFiniteValueException(where + ": '" + code + "' is " + (v[i] > 0 ? "inf" : "-inf") + " in data row "
            + (rows[i] + 1) + "; statsmodels cannot fit infinite values (it stops with 'exog contains inf or nans'): "
            + "remove the row or replace the value", code, rows[i]);
  }

  /** An infinite value in a factor or the response; {@link #row()} is the 0-based table row. */
  public static final class NonFiniteValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String factor;
    private final int row;

    NonFiniteValueException(String message, String factor, int row) {
      super(message);
      this.factor = factor;
      this.row = row;
    }

    /** The factor (patsy's name) holding the value. */
    public String factor() {
      return factor;
    }

    /** 0-based row of the table. */
    public int row() {
      return row;
    }
  }

  /** Distinct non-missing values as level names, in Python's sort order. */
  static List<String> levelsOf(Column<?> col) {
    TreeSet<String> s = new TreeSet<>(DesignMatrix::compareCodePoints);
    for (int i = 0; i < col.size(); i++) if (!col.isMissing(i)) s.add(levelName(col, i));
    return List.copyOf(s);
  }

  private static String levelName(Column<?> col, int row) {
    if (col instanceof BooleanColumn b) return b.get(row) ? "True" : "False";
    return ((StringColumn) col).get(row);
  }

  /** Python's str ordering: by Unicode code points (Java's compareTo orders UTF-16 units). */
  static int compareCodePoints(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i), cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  public Formula formula() {
    return formula;
  }

  /** Column names, patsy's (= statsmodels' coefficient names), in design order. */
  public List<String> names() {
    return names;
  }

  public int nobs() {
    return rows.length;
  }

  public int ncols() {
    return columns.length;
  }

  /** Column {@code j} over the kept rows (not a copy: do not modify). */
  public double[] column(int j) {
    return columns[j];
  }

  /** All columns, column-major (not a copy). */
  double[][] columns() {
    return columns;
  }

  /** The response over the kept rows, or null for a one-sided formula. */
  public double[] response() {
    return response;
  }

  /** Source row numbers of the kept rows. */
  public int[] rows() {
    return rows;
  }

  /** Term names in patsy's order. */
  public List<String> termNames() {
    return termNames;
  }

  /** Index into {@link #termNames()} of each column. */
  public int[] termOfColumn() {
    return termOfColumn;
  }

  /** Rows as arrays (row-major copy), e.g. to print or to hand to another library. */
  public double[][] toRowMajor() {
    double[][] out = new double[nobs()][ncols()];
    for (int j = 0; j < ncols(); j++) for (int i = 0; i < nobs(); i++) out[i][j] = columns[j][i];
    return out;
  }

  /** Column names per term, in order (handy to explain a design). */
  public Map<String, List<String>> columnsByTerm() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) out.computeIfAbsent(termNames.get(termOfColumn[j]), k -> new ArrayList<>()).add(names.get(j));
    return out;
  }
}
