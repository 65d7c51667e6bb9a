package org.mcalign.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The Python side of a patsy formula: Python's tokens, patsy's re-spacing of a factor's code
 * ({@code pretty_untokenize}, which makes the factor's name: {@code I(x**2)} is named
 * {@code I(x ** 2)}) and a parser for the expressions a factor may hold (names, numbers,
 * strings, calls with keyword arguments, attributes such as {@code np.log}, unary and binary
 * arithmetic). What the parser does not know is an error naming it.
 */
final class PythonExpr {
  private PythonExpr() {}

  enum Kind {
    NAME,
    NUMBER,
    STRING,
    OP
  }

  /** One Python token; {@code pos} is its offset in the formula. */
  record Token(Kind kind, String text, int pos) {}

  // multi-character operators, longest first (Python's tokenize)
  private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=", "<<",
      ">>", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};
  private static final String SINGLE_OPERATORS = "+-*/%@&|^~<>()[]{},:.;=";

  /** Python's tokens of {@code text} (starting at offset {@code from}, positions absolute). */
  static List<Token> tokenize(String text, String formula) {
    List<Token> out = new ArrayList<>();
    int i = 0, n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int s = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
        // string prefixes r'', b'', u'', f''
        if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"') && text.substring(s, i).matches("(?i)[rbuf]{1,2}")) {
          i = readString(text, s, i, formula, out);
        } else {
          out.add(new Token(Kind.NAME, text.substring(s, i), s));
        }
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
        int s = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.'
            || ((text.charAt(i) == '+' || text.charAt(i) == '-') && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E')
                && !text.substring(s, i).startsWith("0x")))) i++;
        out.add(new Token(Kind.NUMBER, text.substring(s, i), s));
      } else if (c == '\'' || c == '"') {
        i = readString(text, i, i, formula, out);
      } else if (c == '#') {
        throw Formula.error(formula, "comments ('#') are not allowed", i);
      } else {
        String op = null;
        for (String o : OPERATORS) if (text.startsWith(o, i)) {
          op = o;
          break;
        }
        if (op == null && SINGLE_OPERATORS.indexOf(c) >= 0) op = String.valueOf(c);
        if (op == null) throw Formula.error(formula, "unexpected character '" + c + "'", i);
        out.add(new Token(Kind.OP, op, i));
        i += op.length();
      }
    }
    return out;
  }

  private static int readString(String text, int start, int quoteAt, String formula, List<Token> out) {
    char q = text.charAt(quoteAt);
    boolean triple = text.startsWith(String.valueOf(q).repeat(3), quoteAt);
    int i = quoteAt + (triple ? 3 : 1);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == q && (!triple || text.startsWith(String.valueOf(q).repeat(3), i))) {
        i += triple ? 3 : 1;
        out.add(new Token(Kind.STRING, text.substring(start, i), start));
        return i;
      }
      i++;
    }
    throw Formula.error(formula, "unclosed string", start);
  }

  // --- patsy's pretty_untokenize (patsy/tokens.py) ---

  private static final List<String> SPACE_BOTH =
      List.of("+", "-", "*", "/", "%", "&", "^", "|", "<", ">", "==", "<>", "!=", "<=", ">=", "<<", ">>", "**", "//");

  /** patsy's spacing of Python tokens: the text patsy names a factor by. */
  static String prettyUntokenize(List<Token> tokens) {
    StringBuilder text = new StringBuilder();
    boolean prevWasSpaceDelim = false, prevWantsSpace = false, prevWasOpenParenOrComma = false, prevWasObjectLike = false;
    List<String> brackets = new ArrayList<>();
    for (Token t : tokens) {
      String token = t.text();
      if (t.kind() != Kind.OP) {
        if (prevWantsSpace || prevWasSpaceDelim) text.append(' ');
        text.append(token);
        prevWantsSpace = false;
        prevWasSpaceDelim = true;
      } else {
        if (token.equals("(") || token.equals("[") || token.equals("{")) brackets.add(token);
        else if (!brackets.isEmpty() && (token.equals(")") || token.equals("]") || token.equals("}")))
          brackets.remove(brackets.size() - 1);
        boolean wantsBefore = SPACE_BOTH.contains(token) || token.equals("!") || token.equals("~");
        boolean wantsAfter = SPACE_BOTH.contains(token) || token.equals(",") || token.equals(":");
        if (token.equals(":") && !brackets.isEmpty() && brackets.get(brackets.size() - 1).equals("[")) wantsAfter = false;
        if ((token.equals("*") || token.equals("**")) && prevWasOpenParenOrComma) {
          wantsBefore = false;
          wantsAfter = false;
        }
        if (token.equals("=") && brackets.isEmpty()) {
          wantsBefore = true;
          wantsAfter = true;
        }
        if ((token.equals("+") || token.equals("-")) && !prevWasObjectLike) {
          wantsBefore = false;
          wantsAfter = false;
        }
        if (prevWantsSpace || wantsBefore) text.append(' ');
        text.append(token);
        prevWantsSpace = wantsAfter;
        prevWasSpaceDelim = false;
      }
      prevWasObjectLike = t.kind() != Kind.OP || token.equals(")");
      prevWasOpenParenOrComma = token.equals("(") || token.equals(",");
    }
    return text.toString();
  }

  // --- expressions ---

  sealed interface Node permits Name, Num, Str, Attr, Call, Bin, Unary {}

  record Name(String name, int pos) implements Node {}

  /** A number literal; {@code integer} for Python ints. */
  record Num(double value, boolean integer, String text, int pos) implements Node {}

  record Str(String value, int pos) implements Node {}

  record Attr(Node object, String attr, int pos) implements Node {}

  /** A call: positional arguments, then keyword arguments in order. */
  record Call(Node function, List<Node> args, List<String> keywords, List<Node> keywordArgs, int pos) implements Node {}

  record Bin(String op, Node left, Node right, int pos) implements Node {}

  record Unary(String op, Node arg, int pos) implements Node {}

  /** Parses the tokens of one factor (a Python expression) or throws naming the unsupported part. */
  static Node parse(List<Token> tokens, String formula) {
    Parser p = new Parser(tokens, formula);
    Node n = p.arith();
    if (p.at < tokens.size()) {
      Token t = tokens.get(p.at);
      throw Formula.error(formula, "unsupported Python syntax '" + t.text() + "' in '" + prettyUntokenize(tokens) + "'", t.pos());
    }
    return n;
  }

  private static final class Parser {
    final List<Token> tokens;
    final String formula;
    int at;

    Parser(List<Token> tokens, String formula) {
      this.tokens = tokens;
      this.formula = formula;
    }

    Token peek() {
      return at < tokens.size() ? tokens.get(at) : null;
    }

    boolean isOp(String op) {
      Token t = peek();
      return t != null && t.kind() == Kind.OP && t.text().equals(op);
    }

    Token expect(String op) {
      if (!isOp(op)) {
        Token t = peek();
        throw Formula.error(formula, "expected '" + op + "'" + (t == null ? " at the end" : ", found '" + t.text() + "'"),
            t == null ? formula.length() : t.pos());
      }
      return tokens.get(at++);
    }

    Node arith() {
      Node left = term();
      while (isOp("+") || isOp("-")) {
        Token t = tokens.get(at++);
        left = new Bin(t.text(), left, term(), t.pos());
      }
      return left;
    }

    Node term() {
      Node left = unary();
      while (isOp("*") || isOp("/") || isOp("//") || isOp("%") || isOp("@")) {
        Token t = tokens.get(at++);
        left = new Bin(t.text(), left, unary(), t.pos());
      }
      return left;
    }

    Node unary() {
      if (isOp("-") || isOp("+") || isOp("~")) {
        Token t = tokens.get(at++);
        return new Unary(t.text(), unary(), t.pos());
      }
      return power();
    }

    Node power() {
      Node base = primary();
      if (isOp("**")) {
        Token t = tokens.get(at++);
        return new Bin("**", base, unary(), t.pos());
      }
      return base;
    }

    Node primary() {
      Node n = atom();
      while (true) {
        if (isOp("(")) {
          Token open = tokens.get(at++);
          List<Node> args = new ArrayList<>(), kwArgs = new ArrayList<>();
          List<String> kws = new ArrayList<>();
          while (!isOp(")")) {
            Token t = peek();
            if (t == null) throw Formula.error(formula, "missing ')'", formula.length());
            if (t.kind() == Kind.NAME && at + 1 < tokens.size() && tokens.get(at + 1).text().equals("=")) {
              at += 2;
              kws.add(t.text());
              kwArgs.add(arith());
            } else {
              if (!kws.isEmpty()) throw Formula.error(formula, "positional argument after a keyword argument", t.pos());
              args.add(arith());
            }
            if (!isOp(",")) break;
            at++;
          }
          expect(")");
          n = new Call(n, args, kws, kwArgs, open.pos());
        } else if (isOp(".")) {
          Token dot = tokens.get(at++);
          Token name = peek();
          if (name == null || name.kind() != Kind.NAME) throw Formula.error(formula, "expected a name after '.'", dot.pos());
          at++;
          n = new Attr(n, name.text(), dot.pos());
        } else if (isOp("[")) {
          throw Formula.error(formula, "indexing with '[...]' is not supported", peek().pos());
        } else {
          return n;
        }
      }
    }

    Node atom() {
      Token t = peek();
      if (t == null) throw Formula.error(formula, "unexpected end of an expression", formula.length());
      at++;
      switch (t.kind()) {
        case NAME:
          return new Name(t.text(), t.pos());
        case NUMBER:
          return number(t);
        case STRING:
          return new Str(unquote(t), t.pos());
        default:
          if (t.text().equals("(")) {
            Node inner = arith();
            expect(")");
            return inner;
          }
          throw Formula.error(formula, "unsupported Python syntax '" + t.text() + "'", t.pos());
      }
    }

    Num number(Token t) {
      String s = t.text().replace("_", "");
      try {
        if (s.matches("\\d+")) return new Num(new java.math.BigInteger(s).doubleValue(), true, t.text(), t.pos());
        if (s.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return new Num(Double.parseDouble(s), false, t.text(), t.pos());
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
      throw Formula.error(formula, "unsupported number '" + t.text() + "'", t.pos());
    }

    String unquote(Token t) {
      String s = t.text();
      int q = 0;
      while (s.charAt(q) != '\'' && s.charAt(q) != '"') q++;
      boolean raw = s.substring(0, q).toLowerCase(java.util.Locale.ROOT).contains("r");
      if (s.substring(0, q).toLowerCase(java.util.Locale.ROOT).contains("f"))
        throw Formula.error(formula, "f-strings are not supported", t.pos());
      int quoteLen = s.startsWith(String.valueOf(s.charAt(q)).repeat(3), q) ? 3 : 1;
      String body = s.substring(q + quoteLen, s.length() - quoteLen);
      if (raw) return body;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c != '\\' || i + 1 == body.length()) {
          sb.append(c);
          continue;
        }
        char e = body.charAt(++i);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '\\', '\'', '"' -> sb.append(e);
          default -> sb.append('\\').append(e);
        }
      }
      return sb.toString();
    }
  }
}
