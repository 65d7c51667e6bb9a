package org.mcalign.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.mcalign.data.PythonFloats;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The Python expressions a patsy factor may be, checked when a formula is parsed and evaluated
 * over a table as patsy evaluates them (every row, before missing rows are dropped):
 *
 * <ul>
 *   <li>a column ({@code x}, or {@code Q('a name')}); numbers are numeric factors, text and
 *       booleans categorical (booleans always have the levels False and True, as in patsy);
 *   <li>{@code C(x)}, {@code C(x, Treatment)}, {@code C(x, Treatment('b'))},
 *       {@code C(x, Treatment(reference='b'))}, {@code C(x, Sum)}: categorical (numbers sort by
 *       value and are named as Python prints them, {@code 2} or {@code 2.5});
 *   <li>{@code I(...)} and arithmetic with {@code + - * / **} on numbers;
 *   <li>{@code np.log}, {@code np.log10}, {@code np.exp}, {@code np.sqrt}, {@code np.abs}
 *       (NaN results, e.g. the log of a negative number, are missing, as patsy drops them);
 *   <li>patsy's stateful transforms {@code center(x)} and {@code standardize(x)} (alias
 *       {@code scale}; keywords {@code center}, {@code rescale}, {@code ddof}), whose mean and
 *       standard deviation are taken over every row of the table, missing values included
 *       (patsy's: one NaN in x makes every value NaN).
 * </ul>
 */
final class FactorExpressions {
  private FactorExpressions() {}

  private static final Map<String, DoubleUnaryOperator> NUMPY =
      Map.of("np.log", Math::log, "np.log10", Math::log10, "np.exp", Math::exp, "np.sqrt", Math::sqrt, "np.abs", Math::abs);
  private static final Set<String> FUNCTIONS = Set.of("C", "I", "Q", "center", "standardize", "scale", "Treatment", "Sum");
  private static final String SUPPORTED = "supported: C(x), C(x, Treatment('b')), C(x, Sum), I(...), Q('name'), "
      + "np.log/log10/exp/sqrt/abs, center, standardize, scale";

  /** Parses a factor's Python expression and checks that every function and operator is supported. */
  static PythonExpr.Node check(FormulaParser.Leaf leaf, String formula) {
    PythonExpr.Node node = PythonExpr.parse(leaf.tokens(), formula);
    checkNode(node, leaf.code(), formula);
    return node;
  }

  private static void checkNode(PythonExpr.Node node, String code, String formula) {
    if (node instanceof PythonExpr.Call c) {
      String f = functionName(c.function());
      if (f == null || !(FUNCTIONS.contains(f) || NUMPY.containsKey(f)))
        throw Formula.error(formula, "unsupported function '" + (f == null ? "?" : f) + "' in '" + code + "' (" + SUPPORTED
            + ")", c.pos());
      for (PythonExpr.Node a : c.args()) checkNode(a, code, formula);
      for (PythonExpr.Node a : c.keywordArgs()) checkNode(a, code, formula);
    } else if (node instanceof PythonExpr.Attr a) {
      String f = functionName(a);
      if (f == null || !NUMPY.containsKey(f))
        throw Formula.error(formula, "unsupported name '" + (f == null ? a.attr() : f) + "' in '" + code + "' (" + SUPPORTED
            + "; a column whose name has a dot needs Q('" + (f == null ? a.attr() : f) + "'))", a.pos());
    } else if (node instanceof PythonExpr.Bin b) {
      if (!Set.of("+", "-", "*", "/", "**").contains(b.op()))
        throw Formula.error(formula, "unsupported operator '" + b.op() + "' in '" + code + "' (I(...) supports + - * / **)",
            b.pos());
      checkNode(b.left(), code, formula);
      checkNode(b.right(), code, formula);
    } else if (node instanceof PythonExpr.Unary u) {
      if (u.op().equals("~")) throw Formula.error(formula, "unsupported operator '~' in '" + code + "'", u.pos());
      checkNode(u.arg(), code, formula);
    }
  }

  /** {@code f} for a name, {@code np.log} for an attribute of a name, null otherwise. */
  private static String functionName(PythonExpr.Node n) {
    if (n instanceof PythonExpr.Name name) return name.name();
    if (n instanceof PythonExpr.Attr a && a.object() instanceof PythonExpr.Name obj) return obj.name() + "." + a.attr();
    return null;
  }

  // --- evaluation ---

  /** Intermediate values: vectors over all rows, constants, and contrast specifications. */
  private sealed interface Value {}

  private record Num(double[] v, boolean integral) implements Value {}

  /** A boolean column; {@code missing} is null when none is missing (pandas bool dtype). */
  private record Bools(boolean[] v, boolean[] missing) implements Value {}

  /** Text; null entries are missing. */
  private record Text(String[] v) implements Value {}

  private record Cat(Factor.Categorical factor) implements Value {}

  private record ConstNum(double v, boolean integral) implements Value {}

  private record ConstText(String v) implements Value {}

  private record ConstBool(boolean v) implements Value {}

  /** Treatment (with a reference value, or null) or Sum. */
  private record ContrastSpec(boolean sum, Object reference) implements Value {}

  /** Evaluates factor {@code code} of {@code formula} over {@code data}. */
  static Factor evaluate(Formula formula, String code, Columns data, String where) {
    Evaluation e = new Evaluation(formula, code, data, where);
    Value v = e.eval(formula.expression(code));
    if (v instanceof Num || v instanceof ConstNum) return new Factor.Numeric(code, e.numeric(v, code).v());
    if (v instanceof Cat c) return c.factor();
    if (v instanceof Bools || v instanceof Text) return categorical(code, v, Factor.Contrast.TREATMENT, where);
    throw new IllegalArgumentException(where + ": '" + code + "' is not a column or a numeric expression");
  }

  private record Evaluation(Formula formula, String code, Columns data, String where) {
    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(where + ": " + what + " (in '" + code + "')");
    }

    Value eval(PythonExpr.Node node) {
      if (node instanceof PythonExpr.Name n) return name(n.name());
      if (node instanceof PythonExpr.Num n) return new ConstNum(n.value(), n.integer());
      if (node instanceof PythonExpr.Str s) return new ConstText(s.value());
      if (node instanceof PythonExpr.Unary u) {
        Value a = eval(u.arg());
        return u.op().equals("+") ? numeric(a, "unary +") : arithmetic("*", new ConstNum(-1, true), a);
      }
      if (node instanceof PythonExpr.Bin b) return arithmetic(b.op(), eval(b.left()), eval(b.right()));
      if (node instanceof PythonExpr.Call c) return call(c);
      PythonExpr.Attr a = (PythonExpr.Attr) node;
      throw error("'" + functionName(a) + "' must be called, e.g. " + functionName(a) + "(x)");
    }

    Value name(String name) {
      if (data.containsColumn(name)) return column(data.column(name));
      if (name.equals("True") || name.equals("False")) return new ConstBool(name.equals("True"));
      if (name.equals("Treatment")) return new ContrastSpec(false, null);
      if (name.equals("Sum")) return new ContrastSpec(true, null);
      if (Set.of("Poly", "Helmert", "Diff").contains(name))
        throw error("the contrast " + name + " is not supported (Treatment and Sum are)");
      throw new IllegalArgumentException(where + ": no column '" + name + "'" + (name.equals(code) ? "" : " (in '" + code + "')")
          + " (columns: " + data.columnNames() + ")");
    }

    Value column(Column<?> col) {
      int n = col.size();
      if (col instanceof BooleanColumn b) {
        boolean[] v = new boolean[n], miss = null;
        for (int i = 0; i < n; i++) {
          if (b.isMissing(i)) {
            if (miss == null) miss = new boolean[n];
            miss[i] = true;
          } else {
            v[i] = b.get(i);
          }
        }
        return new Bools(v, miss);
      }
      if (col instanceof NumericColumn<?> nc) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = nc.isMissing(i) ? Double.NaN : nc.getDouble(i);
        boolean integral = (col instanceof LongColumn || col instanceof IntColumn || col instanceof ShortColumn)
            && nc.countMissing() == 0;
        return new Num(v, integral);
      }
      if (col instanceof StringColumn s) {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) v[i] = s.isMissing(i) ? null : s.get(i);
        return new Text(v);
      }
      throw new IllegalArgumentException(where + ": column '" + col.name() + "' has type " + col.type()
          + "; expected a number, text or boolean column");
    }

    Value call(PythonExpr.Call c) {
      String f = functionName(c.function());
      List<PythonExpr.Node> args = c.args();
      Map<String, PythonExpr.Node> kw = new HashMap<>();
      for (int i = 0; i < c.keywords().size(); i++) kw.put(c.keywords().get(i), c.keywordArgs().get(i));
      if (NUMPY.containsKey(f)) {
        arity(f, args, kw, 1, Set.of());
        Value a = eval(args.get(0));
        Num x = numeric(a, f);
        DoubleUnaryOperator op = NUMPY.get(f);
        double[] out = new double[x.v().length];
        for (int i = 0; i < out.length; i++) out[i] = op.applyAsDouble(x.v()[i]);
        return new Num(out, f.equals("np.abs") && x.integral());
      }
      switch (f) {
        case "I" -> {
          arity(f, args, kw, 1, Set.of());
          Value v = eval(args.get(0));
          if (v instanceof ConstText) throw error("I(...) needs numbers");
          return v;
        }
        case "Q" -> {
          arity(f, args, kw, 1, Set.of());
          if (!(eval(args.get(0)) instanceof ConstText name)) throw error("Q(...) takes a column name in quotes, e.g. Q('my column')");
          if (!data.containsColumn(name.v()))
            throw new IllegalArgumentException(where + ": no column '" + name.v() + "' (columns: " + data.columnNames() + ")");
          return column(data.column(name.v()));
        }
        case "C" -> {
          if (kw.containsKey("levels")) throw error("C(x, levels=...) is not supported; use Treatment(reference=...) to pick the reference level");
          arity(f, args, kw, -1, Set.of());
          if (args.isEmpty() || args.size() > 2) throw error("C() takes a column and optionally a contrast, e.g. C(a, Sum)");
          Value x = eval(args.get(0));
          ContrastSpec spec = new ContrastSpec(false, null);
          if (args.size() == 2) {
            if (!(eval(args.get(1)) instanceof ContrastSpec s))
              throw error("the contrast of C() must be Treatment, Treatment(reference=...) or Sum");
            spec = s;
          }
          return new Cat(categorical(code, x, spec));
        }
        case "Treatment" -> {
          arity(f, args, kw, -1, Set.of("reference"));
          if (args.size() + kw.size() > 1) throw error("Treatment takes one reference level, e.g. Treatment(reference='b')");
          PythonExpr.Node ref = !args.isEmpty() ? args.get(0) : kw.get("reference");
          return new ContrastSpec(false, ref == null ? null : constant(eval(ref)));
        }
        case "Sum" -> {
          if (!args.isEmpty() || !kw.isEmpty()) throw error("Sum(...) with arguments (omit=...) is not supported; use Sum");
          return new ContrastSpec(true, null);
        }
        case "center" -> {
          arity(f, args, kw, 1, Set.of());
          return standardize(numeric(eval(args.get(0)), f), true, false, 0, false);
        }
        case "standardize", "scale" -> {
          arity(f, args, kw, 1, Set.of("center", "rescale", "ddof"));
          boolean center = !kw.containsKey("center") || bool(eval(kw.get("center")), "center");
          boolean rescale = !kw.containsKey("rescale") || bool(eval(kw.get("rescale")), "rescale");
          double ddof = 0;
          if (kw.containsKey("ddof")) {
            if (!(eval(kw.get("ddof")) instanceof ConstNum d)) throw error("ddof must be a number");
            ddof = d.v();
          }
          return standardize(numeric(eval(args.get(0)), f), center, rescale, ddof, true);
        }
        default -> throw error("unsupported function '" + f + "' (" + SUPPORTED + ")");
      }
    }

    void arity(String f, List<PythonExpr.Node> args, Map<String, PythonExpr.Node> kw, int positional, Set<String> keywords) {
      if (positional >= 0 && args.size() != positional)
        throw error(f + "() takes " + positional + " argument" + (positional == 1 ? "" : "s") + ", got " + args.size());
      for (String k : kw.keySet())
        if (!keywords.contains(k)) throw error("unsupported keyword argument '" + k + "' of " + f + "()");
    }

    boolean bool(Value v, String what) {
      if (v instanceof ConstBool b) return b.v();
      throw error(what + " must be True or False");
    }

    Object constant(Value v) {
      if (v instanceof ConstNum n) return n.integral() ? (Object) (long) n.v() : (Object) n.v();
      if (v instanceof ConstText t) return t.v();
      if (v instanceof ConstBool b) return b.v();
      throw error("the reference level must be a constant such as 'b', 2 or True");
    }

    /**
     * patsy's Center (mean as sum / count) and Standardize (Welford's running mean and sum of
     * squares, as patsy's memorize pass): statistics over every row of the table.
     */
    Num standardize(Num x, boolean center, boolean rescale, double ddof, boolean welford) {
      double mean = 0, m2 = 0;
      long n = 0;
      double sum = 0;
      for (double v : x.v()) {
        n++;
        double delta = v - mean;
        mean += delta / n;
        m2 += delta * (v - mean);
        sum += v;
      }
      double shift = !center ? 0 : welford ? mean : sum / n;
      double sd = Math.sqrt(m2 / (n - ddof));
      double[] out = new double[x.v().length];
      for (int i = 0; i < out.length; i++) {
        double v = x.v()[i] - shift;
        out[i] = rescale ? v / sd : v;
      }
      return new Num(out, false);
    }

    Num numeric(Value v, String what) {
      if (v instanceof Num n) return n;
      if (v instanceof ConstNum c) {
        double[] col = new double[data.rowCount()];
        java.util.Arrays.fill(col, c.v());
        return new Num(col, c.integral());
      }
      if (v instanceof Bools b) {
        double[] col = new double[b.v().length];
        for (int i = 0; i < col.length; i++) col[i] = b.missing() != null && b.missing()[i] ? Double.NaN : b.v()[i] ? 1 : 0;
        return new Num(col, b.missing() == null);
      }
      if (v instanceof ConstBool b) return numeric(new ConstNum(b.v() ? 1 : 0, true), what);
      if (v instanceof Text) throw error(what + " needs numbers, but it is given text");
      if (v instanceof Cat c) throw error(what + " needs numbers, but it is given the categorical " + c.factor().code());
      throw error(what + " needs numbers");
    }

    Value arithmetic(String op, Value a, Value b) {
      if (a instanceof ConstNum x && b instanceof ConstNum y) {
        double r = apply(op, x.v(), y.v());
        return new ConstNum(r, integralResult(op, x.integral(), y.integral(), y.v()));
      }
      Num x = numeric(a, "'" + op + "'"), y = numeric(b, "'" + op + "'");
      double[] out = new double[x.v().length];
      for (int i = 0; i < out.length; i++) out[i] = apply(op, x.v()[i], y.v()[i]);
      boolean exponentOk = !(b instanceof ConstNum c) || c.v() >= 0;
      return new Num(out, integralResult(op, x.integral(), y.integral(), exponentOk ? 0 : -1));
    }

    boolean integralResult(String op, boolean a, boolean b, double exponent) {
      return a && b && !op.equals("/") && !(op.equals("**") && exponent < 0);
    }

    double apply(String op, double a, double b) {
      switch (op) {
        case "+": return a + b;
        case "-": return a - b;
        case "*": return a * b;
        case "/": return a / b;
        case "**": return Math.pow(a, b);
        default: throw error("unsupported operator '" + op + "'");
      }
    }

    Factor.Categorical categorical(String name, Value x, ContrastSpec spec) {
      if (x instanceof Cat c) return withContrast(c.factor(), name, spec);
      return FactorExpressions.categorical(name, x, spec, where);
    }

    Factor.Categorical withContrast(Factor.Categorical f, String name, ContrastSpec spec) {
      return new Factor.Categorical(name, f.levels(), f.codes(), resolve(spec, f.levels(), null, where));
    }
  }

  private static Factor.Categorical categorical(String name, Value x, Factor.Contrast contrast, String where) {
    Factor.Categorical f = categorical(name, x, new ContrastSpec(false, null), where);
    return new Factor.Categorical(name, f.levels(), f.codes(), contrast);
  }

  /** Levels as patsy finds them (sorted; a bool column without missing values has both) and their codes. */
  private static Factor.Categorical categorical(String name, Value x, ContrastSpec spec, String where) {
    int n;
    int[] codes;
    List<String> levels;
    List<Object> values = new ArrayList<>();
    if (x instanceof Text t) {
        n = t.v().length;
        // the distinct values by hashing, then only those sorted (a sorted set over every row costs twice as much)
        Map<String, Integer> index = new HashMap<>();
        for (String s : t.v()) if (s != null) index.putIfAbsent(s, 0);
        List<String> sorted = new ArrayList<>(index.keySet());
        sorted.sort(DesignMatrix::compareCodePoints);
        levels = List.copyOf(sorted);
        values.addAll(levels);
        for (int j = 0; j < levels.size(); j++) index.put(levels.get(j), j);
        codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = t.v()[i] == null ? -1 : index.get(t.v()[i]);
    } else if (x instanceof Bools b) {
        n = b.v().length;
        boolean seenFalse = false, seenTrue = false;
        for (int i = 0; i < n; i++) {
          if (b.missing() != null && b.missing()[i]) continue;
          if (b.v()[i]) seenTrue = true;
          else seenFalse = true;
        }
        // patsy: a bool column, or any True/False value in an object column, brings both levels
        boolean both = b.missing() == null || seenFalse || seenTrue;
        levels = new ArrayList<>();
        if (both) {
          levels.add("False");
          values.add(false);
          levels.add("True");
          values.add(true);
        }
        int f = levels.indexOf("False"), tr = levels.indexOf("True");
        codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = b.missing() != null && b.missing()[i] ? -1 : b.v()[i] ? tr : f;
    } else if (x instanceof Num num) {
        n = num.v().length;
        TreeMap<Double, Integer> set = new TreeMap<>();
        for (double v : num.v()) if (!Double.isNaN(v)) set.put(v == 0 ? 0.0 : v, 0); // -0.0 equals 0.0 in Python
        levels = new ArrayList<>();
        int j = 0;
        for (Map.Entry<Double, Integer> e : set.entrySet()) {
          e.setValue(j++);
          double v = e.getKey();
          levels.add(num.integral() ? Long.toString((long) v) : PythonFloats.repr(v));
          values.add(num.integral() ? (Object) (long) v : (Object) v);
        }
        codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = Double.isNaN(num.v()[i]) ? -1 : set.get(num.v()[i] == 0 ? 0.0 : num.v()[i]);
    } else {
      throw new IllegalArgumentException(where + ": '" + name + "' cannot be made categorical (it is a constant)");
    }
    return new Factor.Categorical(name, List.copyOf(levels), codes, resolve(spec, levels, values, where + ": '" + name + "'"));
  }

  /** patsy's _get_level: the reference by value, else (an int) by position. */
  private static Factor.Contrast resolve(ContrastSpec spec, List<String> levels, List<Object> values, String where) {
    if (spec.sum()) return Factor.Contrast.SUM;
    Object ref = spec.reference();
    if (ref == null) return Factor.Contrast.TREATMENT;
    for (int j = 0; j < levels.size(); j++) {
      Object v = values == null ? levels.get(j) : values.get(j);
      if (pythonEquals(v, ref)) return new Factor.Contrast(false, j);
    }
    if (ref instanceof Long idx) {
      long k = idx < 0 ? idx + levels.size() : idx;
      if (k >= 0 && k < levels.size()) return new Factor.Contrast(false, (int) k);
      throw new IllegalArgumentException(where + ": the reference level " + ref + " is out of range (levels: " + levels + ")");
    }
    throw new IllegalArgumentException(where + ": the reference level " + (ref instanceof String ? "'" + ref + "'" : ref)
        + " is not one of the levels " + levels);
  }

  /** Python's == between a level and a constant (1 == 1.0 == True). */
  private static boolean pythonEquals(Object a, Object b) {
    if (a instanceof String || b instanceof String) return a.equals(b);
    return toDouble(a) == toDouble(b);
  }

  private static double toDouble(Object o) {
    if (o instanceof Boolean b) return b ? 1 : 0;
    return ((Number) o).doubleValue();
  }
}
