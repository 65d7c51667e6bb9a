package org.mcalign.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * patsy's formula tokenizer and infix parser (patsy/parse_formula.py): the formula operators
 * {@code ~ + - * / : **} and parentheses at the top level, and between them Python expressions
 * (a column name, {@code C(a, Sum)}, {@code np.log(x + 1)}, ...), each read up to the next
 * operator outside brackets and named by its re-spaced code.
 */
final class FormulaParser {
  sealed interface Node permits Leaf, Unary, Binary {}

  /** A ZERO, ONE, NUMBER or PYTHON_EXPR token; {@code code} is patsy's spacing of it. */
  record Leaf(String type, String code, List<PythonExpr.Token> tokens, int pos) implements Node {}

  record Unary(String op, Node arg, int pos) implements Node {}

  record Binary(String op, Node left, Node right, int pos) implements Node {}

  private record Tok(String type, Leaf leaf, int pos) {}

  // patsy's precedences: ~ -100, + - 100, * / 200, : 300, ** 500 (all left-associative)
  private static final Map<String, Integer> PRECEDENCE =
      Map.of("~", -100, "+", 100, "-", 100, "*", 200, "/", 200, ":", 300, "**", 500);
  private static final Set<String> MAGIC = Set.of("~", "+", "-", "*", "/", ":", "**", "(", ")");

  private final String text;
  private final List<Tok> tokens = new ArrayList<>();
  private int at;

  FormulaParser(String text) {
    this.text = text;
    tokenize();
  }

  private IllegalArgumentException error(String what, int pos) {
    return Formula.error(text, what, pos);
  }

  private void tokenize() {
    List<PythonExpr.Token> py = PythonExpr.tokenize(text, text);
    int i = 0;
    while (i < py.size()) {
      PythonExpr.Token t = py.get(i);
      if (t.kind() == PythonExpr.Kind.OP && MAGIC.contains(t.text())) {
        tokens.add(new Tok(t.text(), null, t.pos()));
        i++;
        continue;
      }
      // a Python expression: up to the next formula operator outside brackets (patsy's _read_python_expr)
      List<PythonExpr.Token> expr = new ArrayList<>();
      int level = 0;
      while (i < py.size()) {
        PythonExpr.Token u = py.get(i);
        boolean op = u.kind() == PythonExpr.Kind.OP;
        if (level == 0 && op && MAGIC.contains(u.text()) && !u.text().equals("(")) break;
        if (op && (u.text().equals("(") || u.text().equals("[") || u.text().equals("{"))) level++;
        if (op && (u.text().equals(")") || u.text().equals("]") || u.text().equals("}"))) level--;
        if (level < 0) throw error("unmatched ')'", u.pos());
        expr.add(u);
        i++;
      }
      if (level > 0) throw error("unclosed bracket in '" + PythonExpr.prettyUntokenize(expr) + "'", expr.get(0).pos());
      String code = PythonExpr.prettyUntokenize(expr);
      String type = code.equals("0") ? "ZERO" : code.equals("1") ? "ONE"
          : expr.size() == 1 && expr.get(0).kind() == PythonExpr.Kind.NUMBER ? "NUMBER" : "PYTHON_EXPR";
      tokens.add(new Tok(type, new Leaf(type, code, List.copyOf(expr), expr.get(0).pos()), expr.get(0).pos()));
    }
  }

  private Tok peek() {
    return at < tokens.size() ? tokens.get(at) : null;
  }

  private static boolean isOperator(Tok t) {
    return t != null && PRECEDENCE.containsKey(t.type());
  }

  /** The whole formula: {@code [lhs] ~ rhs}. */
  Binary parseFormula() {
    if (tokens.isEmpty()) throw error("empty formula", 0);
    Node left = null;
    if (!"~".equals(peek().type())) left = parseExpr(0);
    Tok t = peek();
    if (t == null || !t.type().equals("~")) throw error("expected '~' (e.g. 'y ~ a + b')", t == null ? text.length() : t.pos());
    at++;
    if (peek() == null) throw error("missing right-hand side after '~'", text.length());
    Node right = parseExpr(0);
    if (peek() != null) throw error("unexpected '" + describe(peek()) + "'", peek().pos());
    return new Binary("~", left, right, t.pos());
  }

  private static String describe(Tok t) {
    return t.leaf() != null ? t.leaf().code() : t.type();
  }

  private Node parseExpr(int minPrec) {
    Node left = parseAtom();
    while (true) {
      Tok t = peek();
      if (!isOperator(t) || t.type().equals("~")) break;
      int prec = PRECEDENCE.get(t.type());
      if (prec < minPrec) break;
      at++;
      Node right = parseExpr(prec + 1);
      left = new Binary(t.type(), left, right, t.pos());
    }
    return left;
  }

  private Node parseAtom() {
    Tok t = peek();
    if (t == null) throw error("unexpected end of formula", text.length());
    at++;
    if (t.leaf() != null) return t.leaf();
    if (t.type().equals("(")) {
      Node inner = parseExpr(0);
      Tok close = peek();
      if (close == null || !close.type().equals(")")) throw error("missing ')'", close == null ? text.length() : close.pos());
      at++;
      return inner;
    }
    if (t.type().equals("+") || t.type().equals("-")) {
      // patsy's unary operators bind like binary + and -
      Node arg = parseExpr(PRECEDENCE.get("+") + 1);
      return new Unary(t.type(), arg, t.pos());
    }
    throw error("unexpected '" + t.type() + "'", t.pos());
  }
}
