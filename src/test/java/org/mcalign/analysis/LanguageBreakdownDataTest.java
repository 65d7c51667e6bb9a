package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@link LanguageBreakdown#data} against the paper's {@code filter_experiment_data} and
 * {@code prepare_plot_data} ({@code plot_language_analyses.py}) worked by hand: a row is kept
 * when its ground-truth group is a country speaking the response language, the response
 * language itself, or global/US/en; and the group (or its country's language) is among the
 * response languages, or the level is global; and the model is of the openai, gemma or olmo
 * family. Names are the paper's display names.
 */
class LanguageBreakdownDataTest {

  static Table experiment(String[][] rows) {
    StringColumn m = StringColumn.create("model_name"), g = StringColumn.create("gt_group"), l = StringColumn.create("response_language"),
        t = StringColumn.create("gt_type");
    DoubleColumn v = DoubleColumn.create("metric_value"), c = DoubleColumn.create("consistency");
    IntColumn r = IntColumn.create("round");
    for (int i = 0; i < rows.length; i++) {
      m.append(rows[i][0]); l.append(rows[i][1]); g.append(rows[i][2]); t.append(rows[i][3]);
      v.append(i / 10.0); c.append(0.5 + i / 100.0); r.append(i % 2);
    }
    return Table.create("experiment", m, g, l, v, c, r, t);
  }

  static AnalysisInputs countries() {
    Table cl = Table.create("country_languages.csv", StringColumn.create("cntry_AN", "US", "DK", "NG", "BR"),
        StringColumn.create("lnge_iso", "en", "da", "en", "pt"));
    return new AnalysisInputs(null, null, null, null, null, null, cl, null, null);
  }

  /** Rows as "model|group|language|level|lnge_iso|alignment|consistency|round". */
  static Set<String> rows(Table t) {
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < t.rowCount(); i++)
      out.add(String.join("|", t.getString(i, "model_name"), t.getString(i, "gt_group"), t.getString(i, "language"),
          t.getString(i, "level"), t.getString(i, "lnge_iso"), Double.toString(t.doubleColumn("alignment").getDouble(i)),
          Double.toString(t.doubleColumn("consistency").getDouble(i)), Integer.toString(t.intColumn("round").getInt(i))));
    return out;
  }

  @Test
  void keepsThePapersGroupsPerResponseLanguage() {
    Table e = experiment(new String[][] {
        {"gpt-4o", "en", "US", "country"},            // 0 kept: a country of the response language
        {"gpt-4o", "en", "DK", "country"},            // 1 dropped: Danish-speaking country, English answers
        {"gpt-4o", "da", "US", "country"},            // 2 kept: the US always
        {"gpt-4o", "da", "da", "language"},           // 3 kept: the response language itself
        {"gpt-4o", "da", "global", "global"},         // 4 kept: global always
        {"gpt-4o", "da", "NG", "country"},            // 5 dropped: English-speaking country, Danish answers
        {"gpt-4o", "en", "NG", "country"},            // 6 kept
        {"gpt-4o", "en", "pt", "language"},           // 7 dropped: another language
        {"gemma-2-9b-it", "da", "en", "language"},    // 8 kept: English always (and English is a response language)
        {"gemma-2-9b-it", "en", "BR", "country"},     // 9 dropped: Portuguese-speaking country, English answers
        {"Baseline_uniform_random", "en", "US", "country"}}); // 10 dropped: not an LLM family
    Table d = LanguageBreakdown.data(e, countries());
    assertEquals(List.of("model_name", "family", "gt_group", "language", "alignment", "consistency", "level", "lnge_iso", "round"),
        d.columnNames());
    assertEquals(new TreeSet<>(List.of(
        "gpt-4o|United States|English|Country|en|0.0|0.5|0",
        "gpt-4o|United States|Danish|Country|en|0.2|0.52|0",
        "gpt-4o|Danish|Danish|Language||0.3|0.53|1",
        "gpt-4o|Global|Danish|Global||0.4|0.54|0",
        "gpt-4o|Nigeria|English|Country|en|0.6|0.56|0",
        "gemma-2-9b-it|English|Danish|Language||0.8|0.58|0")), rows(d));
    for (int i = 0; i < d.rowCount(); i++)
      assertEquals(d.getString(i, "model_name").startsWith("gpt") ? "openai" : "gemma", d.getString(i, "family"));
  }

  /** Only groups of languages someone answered in (or global) are kept, even the always-kept US and English. */
  @Test
  void aModelTheStudyDoesNotDeclareIsRefusedNotDropped() {
    Table e = experiment(new String[][] {{"gpt-4o", "en", "US", "country"}, {"mystery-model", "en", "US", "country"}});
    IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> LanguageBreakdown.data(e, countries()));
    org.junit.jupiter.api.Assertions.assertTrue(x.getMessage().contains("'mystery-model'") && x.getMessage().contains("study.json"),
        x.getMessage());
  }

  @Test
  void groupsOfLanguagesNoOneAnsweredInAreDropped() {
    Table e = experiment(new String[][] {
        {"gpt-4o", "da", "US", "country"},      // US speaks English: no English answers in this experiment
        {"gpt-4o", "da", "en", "language"},     // likewise
        {"gpt-4o", "da", "global", "global"},   // kept
        {"gpt-4o", "da", "DK", "country"}});    // kept
    assertEquals(new TreeSet<>(List.of("gpt-4o|Global|Danish|Global||0.2|0.52|0", "gpt-4o|Denmark|Danish|Country|da|0.3|0.53|1")),
        rows(LanguageBreakdown.data(e, countries())));
  }
}
