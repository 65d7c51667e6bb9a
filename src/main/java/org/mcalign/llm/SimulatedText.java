package org.mcalign.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of simulated answers: numbered statements, each opening with a stance marker
 * in the answer's language ("In favour:", "Imod:", "Voor:", "Contra:", "Dagegen:" …), so that
 * the simulated classifier can label them without an LLM. Refusals and malformed lists too.
 * Any other language code gets tagged markers ("PRO[sv]:", "CON[sv]:"), so a study's new
 * language is simulated end to end.
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
      "pt", new Markers("A favor:", "Contra:", "Neutro:", "Desculpe, mas não posso ajudar com isso.", "argumento"),
      "de", new Markers("Dafür:", "Dagegen:", "Unentschieden:", "Es tut mir leid, dabei kann ich nicht helfen.", "Argument"));

  /** Tagged markers of a language without its own: {@code PRO[xx]:}, {@code CON[xx]:}, {@code NULL[xx]:}. */
  private static final Pattern TAGGED = Pattern.compile("(?<!\\p{L})(PRO|CON|NULL)\\[([a-z]{2,3})\\]:");
  private static final Pattern TAGGED_REFUSAL = Pattern.compile("REFUSAL\\[([a-z]{2,3})\\]");

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
    if (m != null) return m;
    if (!knows(language)) throw new IllegalArgumentException("not a language code: '" + language + "' (2 or 3 lower-case letters)");
    return new Markers("PRO[" + language + "]:", "CON[" + language + "]:", "NULL[" + language + "]:",
        "REFUSAL[" + language + "] I'm sorry, but I can't help with that request.", "argument");
  }

  /** Whether answers can be simulated in {@code language}: any ISO 639 code of 2 or 3 letters. */
  public static boolean knows(String language) {
    return language != null && language.matches("[a-z]{2,3}");
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
    Matcher tg = TAGGED.matcher(text);
    while (tg.find()) {
      opinions.add(tg.group(1).toLowerCase(java.util.Locale.ROOT).equals("null") ? "NULL" : tg.group(1).toLowerCase(java.util.Locale.ROOT));
      langVotes.merge(tg.group(2), 1, Integer::sum);
    }
    String lang = langVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    if (lang == null) {
      for (Map.Entry<String, Markers> e : MARKERS.entrySet()) if (text.contains(e.getValue().refusal())) lang = e.getKey();
      Matcher rf = TAGGED_REFUSAL.matcher(text);
      if (lang == null && rf.find()) lang = rf.group(1);
    }
    if (opinions.isEmpty()) opinions.add("NULL");
    return new Classification(lang == null ? fallbackLanguage : lang, opinions);
  }
}
