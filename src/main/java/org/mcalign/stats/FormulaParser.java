package org.mcalign.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tokenizer and precedence-climbing parser for patsy's formula operators. */
final class FormulaParser {
  sealed interface Node permits Name, Number, Unary, Binary {}

  record Name(String name, int pos) implements Node {}

  record Number(int value, int pos) implements Node {}

  record Unary(String op, Node arg, int pos) implements Node {}

  record Binary(String op, Node left, Node right, int pos) implements Node {}

  private record Token(String kind, String text, int pos) {}

  // patsy's precedences: ~ -100, + - 100, * / 200, : 300
  private static final Map<String, Integer> PRECEDENCE = Map.of("~", -100, "+", 100, "-", 100, "*", 200, "/", 200, ":", 300);

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int at;

  FormulaParser(String text) {
    this.text = text;
    tokenize();
  }

  private IllegalArgumentException error(String what, int pos) {
    return new IllegalArgumentException("formula '" + text + "': " + what + " at position " + pos);
  }

  private void tokenize() {
    int i = 0, n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int s = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.')) i++;
        if (i < n && text.charAt(i) == '(')
          throw error("function calls such as '" + text.substring(s, i) + "(...)' are not supported (use a plain column name)", s);
        tokens.add(new Token("name", text.substring(s, i), s));
      } else if (Character.isDigit(c)) {
        int s = i;
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
        String num = text.substring(s, i);
        if (!num.equals("0") && !num.equals("1"))
          throw error("only the numbers 0 and 1 (intercept) may appear, found '" + num + "'", s);
        tokens.add(new Token("number", num, s));
      } else if (c == '*' && i + 1 < n && text.charAt(i + 1) == '*') {
        throw error("'**' is not supported", i);
      } else if ("~+-*/:()".indexOf(c) >= 0) {
        tokens.add(new Token("op", String.valueOf(c), i));
        i++;
      } else {
        throw error("unexpected character '" + c + "'", i);
      }
    }
  }

  private Token peek() {
    return at < tokens.size() ? tokens.get(at) : null;
  }

  Node parseFormula() {
    if (tokens.isEmpty()) throw error("empty formula", 0);
    Node left = null;
    Token t = peek();
    if (!(t.kind().equals("op") && t.text().equals("~"))) left = parseExpr(0);
    t = peek();
    if (t == null || !t.text().equals("~")) throw error("expected '~'", t == null ? text.length() : t.pos());
    at++;
    if (peek() == null) throw error("missing right-hand side after '~'", text.length());
    Node right = parseExpr(0);
    if (peek() != null) throw error("unexpected '" + peek().text() + "'", peek().pos());
    return new Binary("~", left, right, t.pos());
  }

  private Node parseExpr(int minPrec) {
    Node left = parseAtom();
    while (true) {
      Token t = peek();
      if (t == null || !t.kind().equals("op") || !PRECEDENCE.containsKey(t.text()) || t.text().equals("~")) break;
      int prec = PRECEDENCE.get(t.text());
      if (prec < minPrec) break;
      at++;
      Node right = parseExpr(prec + 1);
      left = new Binary(t.text(), left, right, t.pos());
    }
    return left;
  }

  private Node parseAtom() {
    Token t = peek();
    if (t == null) throw error("unexpected end of formula", text.length());
    at++;
    switch (t.kind()) {
      case "name":
        return new Name(t.text(), t.pos());
      case "number":
        return new Number(Integer.parseInt(t.text()), t.pos());
      default:
        if (t.text().equals("(")) {
          Node inner = parseExpr(0);
          Token close = peek();
          if (close == null || !close.text().equals(")")) throw error("missing ')'", close == null ? text.length() : close.pos());
          at++;
          return inner;
        }
        if (t.text().equals("+") || t.text().equals("-")) {
          // patsy's unary operators bind like + and -
          Node arg = parseExpr(PRECEDENCE.get("+") + 1);
          return new Unary(t.text(), arg, t.pos());
        }
        throw error("unexpected '" + t.text() + "'", t.pos());
    }
  }
}
