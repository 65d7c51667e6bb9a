package org.mcalign.stats;

/** A compact HTML rendering of a results summary for notebooks. */
final class HtmlSummary {
  private HtmlSummary() {}

  static String render(String title, String[][] info, RegressionResults r, String stat, int coefDecimals) {
    StringBuilder sb = new StringBuilder("<div class=\"mcalign-summary\">");
    sb.append("<table class=\"simpletable\"><caption>").append(Fmt.html(title)).append("</caption>");
    for (int i = 0; i < info.length; i += 2) {
      sb.append("<tr>");
      for (int j = i; j < Math.min(i + 2, info.length); j++)
        sb.append("<th>").append(Fmt.html(info[j][0])).append(":</th><td>").append(Fmt.html(info[j][1])).append("</td>");
      sb.append("</tr>");
    }
    sb.append("</table><table class=\"simpletable\"><tr><td></td><th>coef</th><th>std err</th><th>").append(stat)
        .append("</th><th>P&gt;|").append(stat).append("|</th><th>[0.025</th><th>0.975]</th></tr>");
    double[] p = r.paramsArray(), se = r.bseArray(), t = r.tvaluesArray(), pv = r.pvaluesArray();
    double[][] ci = r.confIntArray(0.05);
    for (int j = 0; j < p.length; j++) {
      sb.append("<tr><th>").append(Fmt.html(r.names().get(j))).append("</th>");
      for (String c : new String[] {Fmt.f(p[j], coefDecimals), Fmt.f(se[j], 3), Fmt.f(t[j], 3), Fmt.f(pv[j], 3),
          Fmt.f(ci[j][0], 3), Fmt.f(ci[j][1], 3)})
        sb.append("<td>").append(c).append("</td>");
      sb.append("</tr>");
    }
    return sb.append("</table></div>").toString();
  }
}
