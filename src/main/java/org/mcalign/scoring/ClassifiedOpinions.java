package org.mcalign.scoring;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One classifier answer: the detected language and the list of opinions, either {@code null}
 * when the tool arguments could not be parsed (the paper keeps the row and drops it later).
 */
public record ClassifiedOpinions(String customId, String language, List<String> opinions) {

  public double proScore() {
    return ProScore.ofOpinions(opinions);
  }

  /** The paper's {@code response_pro_con}: lower-cased opinions joined by {@code ;}. */
  public String proCon() {
    if (opinions == null) return "";
    return opinions.stream().map(o -> o == null ? "none" : o.toLowerCase(Locale.ROOT)).collect(Collectors.joining(";"));
  }

  public boolean parsed() {
    return language != null || opinions != null;
  }
}
