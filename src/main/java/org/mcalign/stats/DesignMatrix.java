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
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The design matrix of a formula over a Tablesaw table, with patsy's columns, names and
 * order, so that coefficient names equal statsmodels' ({@code Intercept}, {@code x},
 * {@code a[T.level]}, {@code a[level]:x}, ...).
 *
 * <p>Numeric columns are numeric factors; string and boolean columns are categorical, with
 * levels sorted as Python sorts strings (code points; booleans False &lt; True) and the first
 * level the reference. Rows with a missing value in any column used (or in {@code alsoRequire},
 * e.g. a grouping column) are dropped, as patsy's {@code NA_action="drop"}; the kept source row
 * numbers are in {@link #rows()}.
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
    String where = "formula '" + formula.text() + "' on table '" + data.name() + "'";
    List<String> used = new ArrayList<>();
    if (formula.response() != null) used.add(formula.response());
    used.addAll(formula.factors());
    used.addAll(Arrays.asList(alsoRequire));
    for (String c : used)
      if (!data.containsColumn(c))
        throw new IllegalArgumentException(where + ": no column '" + c + "' (columns: " + data.columnNames() + ")");

    Set<String> numeric = new HashSet<>();
    Map<String, List<String>> levels = new HashMap<>();
    for (String f : formula.factors()) {
      Column<?> col = data.column(f);
      if (col instanceof NumericColumn<?>) numeric.add(f);
      else if (col instanceof BooleanColumn || col instanceof StringColumn) levels.put(f, levelsOf(col));
      else
        throw new IllegalArgumentException(where + ": column '" + f + "' has type " + col.type()
            + "; expected a number, string or boolean column");
    }
    if (formula.response() != null && !(data.column(formula.response()) instanceof NumericColumn<?>))
      throw new IllegalArgumentException(where + ": response column '" + formula.response() + "' must be numeric, is "
          + data.column(formula.response()).type());

    // rows without any missing value in the columns used
    int n = data.rowCount();
    int[] keep = new int[n];
    int m = 0;
    List<Column<?>> usedCols = new ArrayList<>();
    for (String c : new java.util.LinkedHashSet<>(used)) usedCols.add(data.column(c));
    outer:
    for (int i = 0; i < n; i++) {
      for (Column<?> c : usedCols) if (c.isMissing(i)) continue outer;
      keep[m++] = i;
    }
    int[] rows = Arrays.copyOf(keep, m);
    if (m == 0) throw new IllegalArgumentException(where + ": no rows left after dropping rows with missing values");

    // factor values on the kept rows: numeric values, or level codes
    Map<String, double[]> num = new HashMap<>();
    Map<String, int[]> codes = new HashMap<>();
    for (String f : formula.factors()) {
      Column<?> col = data.column(f);
      if (numeric.contains(f)) {
        NumericColumn<?> nc = (NumericColumn<?>) col;
        double[] v = new double[m];
        for (int i = 0; i < m; i++) v[i] = nc.getDouble(rows[i]);
        num.put(f, v);
      } else {
        Map<String, Integer> index = new HashMap<>();
        List<String> lv = levels.get(f);
        for (int j = 0; j < lv.size(); j++) index.put(lv.get(j), j);
        int[] cd = new int[m];
        for (int i = 0; i < m; i++) cd[i] = index.get(levelName(col, rows[i]));
        codes.put(f, cd);
      }
    }
    double[] y = null;
    if (formula.response() != null) {
      NumericColumn<?> rc = (NumericColumn<?>) data.column(formula.response());
      y = new double[m];
      for (int i = 0; i < m; i++) y[i] = rc.getDouble(rows[i]);
    }

    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
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
            boolean full = coding.get(f);
            List<String> lv = levels.get(f);
            int[] cd = codes.get(f);
            for (int j = full ? 0 : 1; j < lv.size(); j++) {
              pn.add(f + (full ? "[" : "[T.") + lv.get(j) + "]");
              double[] ind = new double[m];
              for (int i = 0; i < m; i++) if (cd[i] == j) ind[i] = 1.0;
              pc.add(ind);
            }
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
          double[] v = new double[m];
          Arrays.fill(v, 1.0);
          for (int k = 0; k < sizes.length; k++) {
            int pick = rest % sizes[k];
            rest /= sizes[k];
            if (k > 0) name.append(':');
            name.append(partNames.get(k).get(pick));
            double[] c = partCols.get(k).get(pick);
            for (int i = 0; i < m; i++) v[i] *= c[i];
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
