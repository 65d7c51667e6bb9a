package org.mcalign.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an executed notebook must satisfy, read from its JSON: no error output; every number a
 * sentence states (in a Markdown cell, or in Markdown a cell printed) matches a number in the
 * notebook's other outputs or code at the precision it is stated; every figure is followed by a
 * caption that says what its intervals are (or that it has none); no output shows a Java
 * collection, map, object hash or a double with Java's 17 digits, or JShell's synthetic names.
 * Each check returns its problems, one sentence each (empty: passed).
 */
final class NotebookChecks {
  /** A cell tagged so holds numbers from outside the notebook (e.g. the paper's repository), and says so. */
  static final String EXTERNAL_EVIDENCE_TAG = "external-evidence";

  /**
   * Numbers prose may state without an output showing them: the paper's fixed settings and
   * conventions (interval levels, the 0.955 reliability divisor and 4.5 % error rate, the 5 %
   * significance level, the 1.5 interquartile ranges of a box plot's whiskers).
   */
  private static final List<Double> CONVENTIONS = List.of(0.955, 0.045, 4.5, 95.0, 2.5, 97.5, 5.0, 0.05, 0.001, 0.01, 1.5);

  private final String name;
  private final JsonNode nb;

  private NotebookChecks(String name, JsonNode nb) {
    this.name = name;
    this.nb = nb;
  }

  static NotebookChecks read(Path file) throws IOException {
    return new NotebookChecks(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
  }

  static NotebookChecks of(String name, String json) throws IOException {
    return new NotebookChecks(name, new ObjectMapper().readTree(json));
  }

  String name() {
    return name;
  }

  // ------------------------------------------------------------------ errors

  List<String> errors() {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode o : cell.path("outputs"))
        if (o.path("output_type").asText().equals("error"))
          out.add(name + " cell " + i + ": " + o.path("ename").asText() + ": " + o.path("evalue").asText());
      i++;
    }
    return out;
  }

  // ------------------------------------------------------------------ numbers

  /** A number as stated: its value and the rounding its decimals imply. */
  record Stated(String text, double value, double tolerance) {}

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.]|\\w[-−])[-−]?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?![\\w])");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
  private static final Pattern COMPARISON = Pattern.compile("[<>≤≥]\\s*$");

  /** The decimal numbers (and percentages) a sentence states, with what their stated precision allows. */
  static List<Stated> statedNumbers(String markdown) {
    String text = INLINE_CODE.matcher(markdown).replaceAll(" ");
    text = text.replaceAll("\\*\\*[^*]*\\.png\\.?\\*\\*", " ");
    List<Stated> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String s = m.group();
      String before = text.substring(Math.max(0, m.start() - 4), m.start());
      if (COMPARISON.matcher(before).find()) continue; // thresholds: p < 0.05
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 2));
      boolean percent = after.startsWith(" %") || after.startsWith("%");
      String plain = s.replace('−', '-').replace(",", "");
      if (!plain.contains(".") && !percent) continue; // integers: counts and sizes, not checked
      if (after.startsWith(".") && after.length() > 1 && Character.isDigit(after.charAt(1))) continue; // versions
      double v;
      try {
        v = Double.parseDouble(plain);
      } catch (NumberFormatException e) {
        continue;
      }
      if (CONVENTIONS.contains(Math.abs(v))) continue;
      int decimals = plain.contains(".") ? plain.length() - plain.indexOf('.') - 1 : 0;
      double tol = 0.5 * Math.pow(10, -decimals);
      out.add(percent ? new Stated(s + " %", v / 100, tol / 100) : new Stated(s, v, tol));
    }
    return out;
  }

  /** Every number shown by a non-Markdown output or written in code, with its own rounding. */
  List<double[]> shownNumbers() {
    List<double[]> out = new ArrayList<>();
    for (JsonNode cell : nb.get("cells")) {
      if (!cell.path("cell_type").asText().equals("code")) continue;
      addNumbers(text(cell.get("source")), out);
      for (JsonNode o : cell.path("outputs")) {
        if (o.path("output_type").asText().equals("stream")) addNumbers(text(o.get("text")), out);
        JsonNode data = o.path("data");
        if (data.has("text/markdown")) continue;
        if (data.has("text/plain")) addNumbers(text(data.get("text/plain")), out);
      }
    }
    return out;
  }

  private static void addNumbers(String s, List<double[]> out) {
    Matcher m = Pattern.compile("[-−]?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:e[-+]?\\d+)?").matcher(s);
    while (m.find()) {
      String plain = m.group().replace('−', '-').replace(",", "");
      try {
        BigDecimal b = new BigDecimal(plain.toUpperCase(Locale.ROOT));
        double v = b.doubleValue();
        double own = b.scale() > 0 ? 0.5 * Math.pow(10, -b.scale()) : 0;
        out.add(new double[] {v, own});
      } catch (NumberFormatException e) {
        // not a number after all
      }
    }
  }

  /**
   * Numbers in the notebook's sentences that no output shows: for every Markdown cell and
   * every Markdown output (cells tagged {@value #EXTERNAL_EVIDENCE_TAG} excepted), each decimal
   * number or percentage must equal, at its stated precision, a number shown elsewhere.
   */
  List<String> unsupportedNumbers() {
    List<double[]> shown = shownNumbers();
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode cell : nb.get("cells")) {
      boolean external = false;
      for (JsonNode t : cell.path("metadata").path("tags")) external |= t.asText().equals(EXTERNAL_EVIDENCE_TAG);
      List<String> sentences = new ArrayList<>();
      if (cell.path("cell_type").asText().equals("markdown")) sentences.add(text(cell.get("source")));
      for (JsonNode o : cell.path("outputs"))
        if (o.path("data").has("text/markdown")) sentences.add(text(o.path("data").get("text/markdown")));
      if (!external)
        for (String s : sentences)
          for (Stated n : statedNumbers(s))
            if (!supported(n, shown)) out.add(name + " cell " + i + ": \"" + n.text() + "\" is in no output: …" + around(s, n.text()) + "…");
      i++;
    }
    return out;
  }

  private static boolean supported(Stated n, List<double[]> shown) {
    for (double[] v : shown) if (Math.abs(v[0] - n.value()) <= n.tolerance() + v[1] + 1e-12) return true;
    return false;
  }

  private static String around(String s, String needle) {
    int k = s.indexOf(needle.replace(" %", ""));
    if (k < 0) return needle;
    return s.substring(Math.max(0, k - 60), Math.min(s.length(), k + needle.length() + 30)).replace('\n', ' ');
  }

  /** Cells tagged as external evidence must say where their numbers come from. */
  List<String> externalEvidenceNamesItsSource() {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode t : cell.path("metadata").path("tags"))
        if (t.asText().equals(EXTERNAL_EVIDENCE_TAG)) {
          String s = text(cell.get("source"));
          if (!(s.toLowerCase(Locale.ROOT).contains("evidence from") && s.contains("commit") && s.toLowerCase(Locale.ROOT).contains("reproduce")))
            out.add(name + " cell " + i + ": tagged " + EXTERNAL_EVIDENCE_TAG + " but does not name its source, commits and how to reproduce");
        }
      i++;
    }
    return out;
  }

  // ------------------------------------------------------------------ captions

  private static final Pattern NAMES_INTERVAL = Pattern.compile("(?i)interval|whisker");

  /**
   * Every image output must be followed by a Markdown caption naming its interval (or saying
   * there is none): the next output of its cell, or, when the image is the cell's last output,
   * the next cell if that is a Markdown cell.
   */
  List<String> figuresWithoutCaption() {
    List<String> out = new ArrayList<>();
    JsonNode cells = nb.get("cells");
    for (int i = 0; i < cells.size(); i++) {
      JsonNode outputs = cells.get(i).path("outputs");
      for (int k = 0; k < outputs.size(); k++) {
        if (!outputs.get(k).path("data").has("image/png")) continue;
        String caption = null;
        if (k + 1 < outputs.size()) {
          JsonNode next = outputs.get(k + 1).path("data");
          if (next.has("text/markdown")) caption = text(next.get("text/markdown"));
        } else if (i + 1 < cells.size() && cells.get(i + 1).path("cell_type").asText().equals("markdown")) {
          caption = text(cells.get(i + 1).get("source"));
        }
        if (caption == null) out.add(name + " cell " + i + ": a figure without a caption below it");
        else if (!NAMES_INTERVAL.matcher(caption).find())
          out.add(name + " cell " + i + ": the figure's caption does not say what its intervals or whiskers are: " + caption.substring(0, Math.min(120, caption.length())));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ raw Java

  private static final List<Pattern> RAW_JAVA = List.of(
      Pattern.compile("\\{[A-Za-z_][\\w.]*=[^}]*\\}"),            // a Map's toString
      Pattern.compile("\\[-?\\d+\\.\\d{6,}(, -?\\d+\\.\\d+)+\\]"),  // a List<Double>'s toString
      Pattern.compile("\\b\\d+\\.\\d{12,}"),                        // a double's 17 digits
      Pattern.compile("\\b[a-z][\\w.]*\\.[A-Z]\\w*@[0-9a-f]{5,}\\b"), // Object.toString
      Pattern.compile("\\$JShell"));

  /** Outputs that show Java's own rendering of a value instead of a table or formatted text. */
  List<String> rawJavaOutputs() {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        JsonNode data = o.path("data");
        List<String> texts = new ArrayList<>();
        if (data.has("text/plain")) texts.add(text(data.get("text/plain")));
        if (data.has("text/html")) texts.add(text(data.get("text/html")).replaceAll("<[^>]+>", " "));
        if (o.path("output_type").asText().equals("error")) texts.add(o.path("evalue").asText());
        for (String t : texts)
          for (Pattern p : RAW_JAVA) {
            Matcher m = p.matcher(t);
            if (m.find()) {
              out.add(name + " cell " + i + ": raw Java output \"" + m.group() + "\"");
              break;
            }
          }
      }
      i++;
    }
    return out;
  }

  static String text(JsonNode multiline) {
    if (multiline == null) return "";
    if (multiline.isArray()) {
      StringBuilder sb = new StringBuilder();
      multiline.forEach(n -> sb.append(n.asText()));
      return sb.toString();
    }
    return multiline.asText();
  }
}
