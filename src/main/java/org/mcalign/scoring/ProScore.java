package org.mcalign.scoring;

import java.util.List;
import java.util.Locale;

/** The paper's response pro score: pro / (pro + con), undefined (NaN) when both are 0. */
public final class ProScore {
  private ProScore() {}

  public static double of(int pro, int con) {
    if (pro < 0 || con < 0) throw new IllegalArgumentException("negative count: pro=" + pro + ", con=" + con);
    int n = pro + con;
    return n == 0 ? Double.NaN : (double) pro / n;
  }

  /** The score of a classifier's opinion list (case-insensitive; NULL entries count for neither; null list = no opinions). */
  public static double ofOpinions(List<String> opinions) {
    int pro = 0;
    int con = 0;
    if (opinions != null) {
      for (String o : opinions) {
        if (o == null) continue;
        String l = o.toLowerCase(Locale.ROOT);
        if (l.equals("pro")) pro++;
        else if (l.equals("con")) con++;
      }
    }
    return of(pro, con);
  }
}
