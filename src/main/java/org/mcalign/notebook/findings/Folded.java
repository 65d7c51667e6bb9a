package org.mcalign.notebook.findings;

import java.util.function.Predicate;
import org.mcalign.notebook.MimeBundle;
import org.mcalign.notebook.Renderers;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.Table;

/**
 * A long regression summary shown folded: first the terms the text discusses as a table, then
 * the complete statsmodels-style summary inside a {@code <details>} element that opens on a
 * click (plain-text viewers get the terms, then the full summary).
 */
final class Folded {
  private Folded() {}

  static MimeBundle summary(RegressionResults fit, String title, Predicate<String> ofInterest) {
    Table all = fit.coefTable();
    Table terms = all.where(all.stringColumn("name").eval(ofInterest::test));
    terms.setName(title);
    MimeBundle table = Renderers.render(terms);
    String html = table.get("text/html")
        + "<details><summary>The complete summary (" + all.rowCount() + " coefficients, model statistics): click to open</summary>"
        + "<pre style=\"font-size:11px;line-height:1.25\">" + escape(fit.summary()) + "</pre></details>";
    String text = table.get("text/plain") + "\n\n" + fit.summary();
    return org.mcalign.notebook.Notebook.html(html, text);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

}
