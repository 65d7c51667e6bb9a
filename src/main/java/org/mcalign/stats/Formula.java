package org.mcalign.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Wilkinson/patsy model formula such as {@code y ~ 0 + a:b + c*d}, parsed and expanded into
 * terms exactly as patsy does it: {@code +} joins, {@code -} removes, {@code :} interacts,
 * {@code a*b} = {@code a + b + a:b}, {@code a/b} = {@code a + a:b}, {@code (a + b)**2} =
 * {@code a + b + a:b}, {@code 0 +} / {@code - 1} drop the intercept, parentheses group.
 * Operator precedence is patsy's ({@code ~} &lt; {@code + -} &lt; {@code * /} &lt; {@code :}
 * &lt; {@code **}), all left-associative.
 *
 * <p>A factor is a column or one of the Python expressions patsy users type every day, named
 * as patsy names them: {@code C(a)}, {@code C(a, Treatment(reference='b'))}, {@code C(a, Sum)},
 * {@code I(x ** 2)} (with {@code + - * / **}), {@code np.log(x)} ({@code log10}, {@code exp},
 * {@code sqrt}, {@code abs}), {@code center(x)}, {@code standardize(x)}/{@code scale(x)} and
 * {@code Q('a name')}. Anything else is an error naming it (see {@link FactorExpressions}).
 *
 * <p>The terms here are in formula order (intercept first, duplicates removed); the design
 * matrix reorders them as patsy does (see {@link DesignMatrix}), which needs to know which
 * factors are numeric.
 */
public final class Formula {
  /** One term: an interaction of factors (column names), in order of first appearance. */
  public record Term(List<String> factors) {
    public Term {
      factors = List.copyOf(new LinkedHashSet<>(factors));
    }

    /** The intercept term has no factors. */
    public boolean isIntercept() {
      return factors.isEmpty();
    }

    /** patsy's term name: factors joined by ':', or "Intercept". */
    public String name() {
      return isIntercept() ? "Intercept" : String.join(":", factors);
    }

    /** Terms are equal when they hold the same set of factors (a:b equals b:a), as in patsy. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Term t && Set.copyOf(factors).equals(Set.copyOf(t.factors));
    }

    @Override
    public int hashCode() {
      return Set.copyOf(factors).hashCode();
    }

    @Override
    public String toString() {
      return name();
    }
  }

  private final String text;
  private final String response;
  private final List<Term> terms;
  private final Map<String, PythonExpr.Node> factorExprs;

  private Formula(String text, String response, List<Term> terms, Map<String, PythonExpr.Node> factorExprs) {
    this.text = text;
    this.response = response;
    this.terms = terms;
    this.factorExprs = factorExprs;
  }

  /** An error about {@code formula} at character {@code pos}. */
  static IllegalArgumentException error(String formula, String what, int pos) {
    return new IllegalArgumentException("formula '" + formula + "': " + what + " (at character " + (pos + 1) + ")");
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} naming the unsupported part and its position. */
  public static Formula parse(String text) {
    Objects.requireNonNull(text, "formula");
    FormulaParser.Binary root = new FormulaParser(text).parseFormula();
    Map<String, PythonExpr.Node> exprs = new LinkedHashMap<>();
    String response = null;
    if (root.left() != null) {
      if (!(root.left() instanceof FormulaParser.Leaf leaf) || !leaf.type().equals("PYTHON_EXPR"))
        throw error(text, "the left of '~' must be one column or expression (e.g. 'y' or 'np.log(y)')", 0);
      response = leaf.code();
      exprs.put(response, FactorExpressions.check(leaf, text));
    }
    Expr e = new Evaluator(text, exprs).eval(root.right());
    List<Term> all = new ArrayList<>();
    if (!e.interceptRemoved) all.add(new Term(List.of()));
    all.addAll(e.terms);
    List<Term> unique = new ArrayList<>(new LinkedHashSet<>(all));
    return new Formula(text, response, List.copyOf(unique), Collections.unmodifiableMap(exprs));
  }

  /** The formula as given. */
  public String text() {
    return text;
  }

  /** The response (left of '~') as patsy names it: a column name or an expression such as np.log(y); null if none. */
  public String response() {
    return response;
  }

  /** Right-hand side terms in formula order, the intercept (if any) first. */
  public List<Term> terms() {
    return terms;
  }

  public boolean hasIntercept() {
    return !terms.isEmpty() && terms.get(0).isIntercept();
  }

  /** Every factor of the right-hand side (patsy's code: a column name, C(a), np.log(x), ...), in order of first appearance. */
  public List<String> factors() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    for (Term t : terms) s.addAll(t.factors());
    return List.copyOf(s);
  }

  /** The parsed expression of a factor (or of the response). */
  PythonExpr.Node expression(String factor) {
    return factorExprs.get(factor);
  }

  @Override
  public String toString() {
    return text;
  }

  // --- patsy's evaluation of the parse tree (desc.py) ---

  private record Expr(boolean intercept, boolean interceptRemoved, List<Term> terms) {
    Expr {
      terms = List.copyOf(new LinkedHashSet<>(terms));
    }
  }

  private static final class Evaluator {
    final String text;
    final Map<String, PythonExpr.Node> exprs;

    Evaluator(String text, Map<String, PythonExpr.Node> exprs) {
      this.text = text;
      this.exprs = exprs;
    }

    Expr eval(FormulaParser.Node node) {
      if (node instanceof FormulaParser.Leaf leaf) {
        switch (leaf.type()) {
          case "ZERO":
            return new Expr(false, true, List.of());
          case "ONE":
            return new Expr(true, false, List.of());
          case "NUMBER":
            throw error(text, "numbers other than 0 and 1 are only allowed after '**' (found '" + leaf.code() + "')", leaf.pos());
          default:
            exprs.putIfAbsent(leaf.code(), FactorExpressions.check(leaf, text));
            return new Expr(false, false, List.of(new Term(List.of(leaf.code()))));
        }
      }
      if (node instanceof FormulaParser.Unary u) {
        if (u.op().equals("+")) return eval(u.arg());
        if (u.arg() instanceof FormulaParser.Leaf leaf && leaf.type().equals("ZERO")) return new Expr(true, false, List.of());
        if (u.arg() instanceof FormulaParser.Leaf leaf && leaf.type().equals("ONE")) return new Expr(false, true, List.of());
        throw error(text, "unary minus is only allowed on 0 or 1", u.pos());
      }
      FormulaParser.Binary b = (FormulaParser.Binary) node;
      switch (b.op()) {
        case "+" -> {
          Expr l = eval(b.left());
          if (isLeaf(b.right(), "ZERO")) return new Expr(false, true, l.terms);
          Expr r = eval(b.right());
          List<Term> terms = concat(l.terms, r.terms);
          return r.intercept ? new Expr(true, false, terms) : new Expr(l.intercept, l.interceptRemoved, terms);
        }
        case "-" -> {
          Expr l = eval(b.left());
          if (isLeaf(b.right(), "ZERO")) return new Expr(true, false, l.terms);
          if (isLeaf(b.right(), "ONE")) return new Expr(false, true, l.terms);
          Expr r = eval(b.right());
          List<Term> terms = new ArrayList<>();
          for (Term t : l.terms) if (!r.terms.contains(t)) terms.add(t);
          return r.intercept ? new Expr(false, true, terms) : new Expr(l.intercept, l.interceptRemoved, terms);
        }
        case "*" -> {
          Expr l = eval(b.left()), r = eval(b.right());
          return new Expr(false, false, concat(concat(l.terms, r.terms), interaction(l, r, b.pos())));
        }
        case ":" -> {
          Expr l = eval(b.left()), r = eval(b.right());
          return new Expr(false, false, interaction(l, r, b.pos()));
        }
        case "/" -> {
          Expr l = eval(b.left()), r = eval(b.right());
          checkInteractable(l, b.pos());
          LinkedHashSet<String> all = new LinkedHashSet<>();
          for (Term t : l.terms) all.addAll(t.factors());
          Expr combined = new Expr(false, false, List.of(new Term(new ArrayList<>(all))));
          return new Expr(false, false, concat(l.terms, interaction(combined, r, b.pos())));
        }
        case "**" -> {
          Expr l = eval(b.left());
          checkInteractable(l, b.pos());
          int power = -1;
          if (b.right() instanceof FormulaParser.Leaf leaf && (leaf.type().equals("ONE") || leaf.type().equals("NUMBER"))
              && leaf.code().matches("\\d+")) power = Integer.parseInt(leaf.code());
          if (power < 1) throw error(text, "'**' on terms needs a positive whole number, e.g. (a + b)**2", b.pos());
          List<Term> all = l.terms;
          Expr big = l;
          for (int i = 1; i < Math.min(l.terms.size(), power); i++) {
            big = new Expr(false, false, interaction(l, big, b.pos()));
            all = concat(all, big.terms);
          }
          return new Expr(false, false, all);
        }
        default -> throw error(text, "unexpected '" + b.op() + "'", b.pos());
      }
    }

    private void checkInteractable(Expr e, int pos) {
      if (e.intercept) throw error(text, "the intercept cannot interact with anything", pos);
    }

    private List<Term> interaction(Expr l, Expr r, int pos) {
      checkInteractable(l, pos);
      checkInteractable(r, pos);
      List<Term> out = new ArrayList<>();
      for (Term a : l.terms)
        for (Term b : r.terms) {
          List<String> f = new ArrayList<>(a.factors());
          f.addAll(b.factors());
          out.add(new Term(f));
        }
      return out;
    }
  }

  private static boolean isLeaf(FormulaParser.Node n, String type) {
    return n instanceof FormulaParser.Leaf leaf && leaf.type().equals(type);
  }

  private static List<Term> concat(List<Term> a, List<Term> b) {
    List<Term> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
