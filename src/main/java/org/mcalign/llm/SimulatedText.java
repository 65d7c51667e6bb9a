package org.mcalign.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcalign.data.Paper;

/**
 * The language of simulated answers: numbered statements, each opening with a stance marker
 * in the answer's language ("In favour:", "Imod:", "Voor:", "Contra:" …), so that the
 * simulated classifier can label them without an LLM. Refusals and malformed lists too.
 */
public final class SimulatedText {
  private SimulatedText() {}

  /** A statement's stance, as the classifier labels it. */
  public enum Stance {
    PRO("pro"), CON("con"), NEUTRAL("NULL");

    private final String label;

    Stance(String label) {
      this.label = label;
    }

    /** The classifier's label: {@code pro}, {@code con} or {@code NULL}. */
    public String label() {
      return label;
    }
  }

  private record Markers(String pro, String con, String neutral, String refusal, String argument) {}

  private static final Map<String, Markers> MARKERS = Map.of(
      "en", new Markers("In favour:", "Against:", "Neutral:", "I'm sorry, but I can't help with that request.", "argument"),
      "da", new Markers("For:", "Imod:", "Neutralt:", "Beklager, men det kan jeg ikke hjælpe med.", "argument"),
      "nl", new Markers("Voor:", "Tegen:", "Neutraal:", "Het spijt me, maar daar kan ik niet mee helpen.", "argument"),
      "pt", new Markers("A favor:", "Contra:", "Neutro:", "Desculpe, mas não posso ajudar com isso.", "argumento"));

  private static final Pattern MARKER;
  private static final Map<String, String[]> MARKER_INFO = new HashMap<>();

  static {
    List<String> alts = new ArrayList<>();
    MARKERS.forEach((lang, m) -> {
      MARKER_INFO.put(m.pro(), new String[] {lang, "pro"});
      MARKER_INFO.put(m.con(), new String[] {lang, "con"});
      MARKER_INFO.put(m.neutral(), new String[] {lang, "NULL"});
      alts.add(m.pro());
      alts.add(m.con());
      alts.add(m.neutral());
    });
    alts.sort((a, b) -> b.length() - a.length());
    StringBuilder sb = new StringBuilder("(?<!\\p{L})(");
    for (int i = 0; i < alts.size(); i++) sb.append(i == 0 ? "" : "|").append(Pattern.quote(alts.get(i)));
    MARKER = Pattern.compile(sb.append(")").toString());
  }

  private static Markers markers(String language) {
    Markers m = MARKERS.get(language);
    if (m == null) throw new IllegalArgumentException("unknown language " + language + " (known: " + Paper.LANGUAGES + ")");
    return m;
  }

  /** Ten (or as many as given) numbered statements, one per line, in {@code language}. */
  public static String numberedList(String language, List<Stance> stances, String topic) {
    Markers m = markers(language);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < stances.size(); i++) {
      sb.append(i + 1).append(". ").append(statement(m, stances.get(i), topic, i + 1)).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  /** The same statements run together in one paragraph without numbers (a malformed list). */
  public static String runTogether(String language, List<Stance> stances, String topic) {
    Markers m = markers(language);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < stances.size(); i++) parts.add(statement(m, stances.get(i), topic, i + 1));
    return String.join(" ", parts);
  }

  private static String statement(Markers m, Stance s, String topic, int i) {
    String marker = switch (s) {
      case PRO -> m.pro();
      case CON -> m.con();
      case NEUTRAL -> m.neutral();
    };
    return marker + " " + m.argument() + " " + i + (topic == null || topic.isBlank() ? "" : " (" + topic + ")") + ".";
  }

  /** A refusal in {@code language}. */
  public static String refusal(String language) {
    return markers(language).refusal();
  }

  /** What the simulated classifier reads from a text: its language and one label per statement. */
  public record Classification(String language, List<String> opinions) {}

  /**
   * Labels the statements of a simulated answer: one label per stance marker, in order;
   * {@code ["NULL"]} when there is none (a refusal). The language is the markers' majority
   * language, else the refusal's, else {@code fallbackLanguage}.
   */
  public static Classification classify(String text, String fallbackLanguage) {
    List<String> opinions = new ArrayList<>();
    Map<String, Integer> langVotes = new HashMap<>();
    Matcher mt = MARKER.matcher(text);
    while (mt.find()) {
      String[] info = MARKER_INFO.get(mt.group(1));
      opinions.add(info[1]);
      langVotes.merge(info[0], 1, Integer::sum);
    }
    String lang = langVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    if (lang == null) {
      for (Map.Entry<String, Markers> e : MARKERS.entrySet()) if (text.contains(e.getValue().refusal())) lang = e.getKey();
    }
    if (opinions.isEmpty()) opinions.add("NULL");
    return new Classification(lang == null ? fallbackLanguage : lang, opinions);
  }
}
