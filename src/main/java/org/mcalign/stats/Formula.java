package org.mcalign.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Wilkinson/patsy model formula such as {@code y ~ 0 + a:b + c*d}, parsed and expanded into
 * terms exactly as patsy does it: {@code +} joins, {@code -} removes, {@code :} interacts,
 * {@code a*b} = {@code a + b + a:b}, {@code a/b} = {@code a + a:b}, {@code 0 +} / {@code - 1}
 * drop the intercept, parentheses group. Operator precedence is patsy's ({@code ~} &lt;
 * {@code + -} &lt; {@code * /} &lt; {@code :}), all left-associative.
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

  private Formula(String text, String response, List<Term> terms) {
    this.text = text;
    this.response = response;
    this.terms = terms;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} naming the position on error. */
  public static Formula parse(String text) {
    Objects.requireNonNull(text, "formula");
    FormulaParser p = new FormulaParser(text);
    FormulaParser.Node root = p.parseFormula();
    String response = null;
    FormulaParser.Node rhs = root;
    if (root instanceof FormulaParser.Binary b && b.op().equals("~")) {
      if (b.left() != null) {
        if (!(b.left() instanceof FormulaParser.Name n))
          throw new IllegalArgumentException("formula '" + text + "': the left of '~' must be one column name");
        response = n.name();
      }
      rhs = b.right();
    } else {
      throw new IllegalArgumentException("formula '" + text + "': expected '~' (e.g. 'y ~ a + b')");
    }
    Expr e = eval(rhs, text);
    List<Term> all = new ArrayList<>();
    if (!e.interceptRemoved) all.add(new Term(List.of()));
    all.addAll(e.terms);
    List<Term> unique = new ArrayList<>(new LinkedHashSet<>(all));
    return new Formula(text, response, List.copyOf(unique));
  }

  /** The formula as given. */
  public String text() {
    return text;
  }

  /** The response column (left of '~'), or null for a one-sided formula. */
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

  /** Every column the right-hand side refers to, in order of first appearance. */
  public List<String> factors() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    for (Term t : terms) s.addAll(t.factors());
    return List.copyOf(s);
  }

  @Override
  public String toString() {
    return text;
  }

  // --- patsy's evaluation of the parse tree (desc.py) ---

  private record Expr(boolean intercept, boolean interceptRemoved, List<Term> terms) {}

  private static Expr eval(FormulaParser.Node node, String text) {
    if (node instanceof FormulaParser.Name n) return new Expr(false, false, List.of(new Term(List.of(n.name()))));
    if (node instanceof FormulaParser.Number num)
      return num.value() == 1 ? new Expr(true, false, List.of()) : new Expr(false, true, List.of());
    if (node instanceof FormulaParser.Unary u) {
      if (u.op().equals("+")) return eval(u.arg(), text);
      if (u.arg() instanceof FormulaParser.Number num)
        return num.value() == 0 ? new Expr(true, false, List.of()) : new Expr(false, true, List.of());
      throw new IllegalArgumentException("formula '" + text + "': unary minus is only allowed on 0 or 1, at position " + u.pos());
    }
    FormulaParser.Binary b = (FormulaParser.Binary) node;
    switch (b.op()) {
      case "+" -> {
        Expr l = eval(b.left(), text);
        if (isNumber(b.right(), 0)) return new Expr(false, true, l.terms);
        Expr r = eval(b.right(), text);
        List<Term> terms = concat(l.terms, r.terms);
        return r.intercept ? new Expr(true, false, terms) : new Expr(l.intercept, l.interceptRemoved, terms);
      }
      case "-" -> {
        Expr l = eval(b.left(), text);
        if (isNumber(b.right(), 0)) return new Expr(true, false, l.terms);
        if (isNumber(b.right(), 1)) return new Expr(false, true, l.terms);
        Expr r = eval(b.right(), text);
        List<Term> terms = new ArrayList<>();
        for (Term t : l.terms) if (!r.terms.contains(t)) terms.add(t);
        return r.intercept ? new Expr(false, true, terms) : new Expr(l.intercept, l.interceptRemoved, terms);
      }
      case "*" -> {
        Expr l = eval(b.left(), text), r = eval(b.right(), text);
        List<Term> terms = concat(concat(l.terms, r.terms), interaction(l, r, text, b.pos()));
        return new Expr(false, false, terms);
      }
      case ":" -> {
        Expr l = eval(b.left(), text), r = eval(b.right(), text);
        return new Expr(false, false, interaction(l, r, text, b.pos()));
      }
      case "/" -> {
        Expr l = eval(b.left(), text), r = eval(b.right(), text);
        checkInteractable(l, text, b.pos());
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (Term t : l.terms) all.addAll(t.factors());
        Expr combined = new Expr(false, false, List.of(new Term(new ArrayList<>(all))));
        return new Expr(false, false, concat(l.terms, interaction(combined, r, text, b.pos())));
      }
      default -> throw new IllegalArgumentException("formula '" + text + "': unexpected '" + b.op() + "' at position " + b.pos());
    }
  }

  private static boolean isNumber(FormulaParser.Node n, int v) {
    return n instanceof FormulaParser.Number num && num.value() == v;
  }

  private static List<Term> concat(List<Term> a, List<Term> b) {
    List<Term> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static void checkInteractable(Expr e, String text, int pos) {
    if (e.intercept)
      throw new IllegalArgumentException("formula '" + text + "': the intercept cannot interact with anything (position " + pos + ")");
  }

  private static List<Term> interaction(Expr l, Expr r, String text, int pos) {
    checkInteractable(l, text, pos);
    checkInteractable(r, text, pos);
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
