package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The notebook checks fail on the faults they exist for, on small notebooks built here. */
class NotebookChecksTest {
  private static String notebook(String... cells) {
    return "{\"cells\": [" + String.join(",", cells) + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
  }

  private static String md(String text) {
    return "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [" + json(text) + "]}";
  }

  private static String tagged(String text, String tag) {
    return "{\"cell_type\": \"markdown\", \"metadata\": {\"tags\": [\"" + tag + "\"]}, \"source\": [" + json(text) + "]}";
  }

  private static String code(String source, String... outputs) {
    return "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [" + json(source) + "], \"outputs\": [" + String.join(",", outputs) + "]}";
  }

  private static String plain(String text) {
    return "{\"output_type\": \"execute_result\", \"data\": {\"text/plain\": [" + json(text) + "]}, \"metadata\": {}}";
  }

  private static String markdownOutput(String text) {
    return "{\"output_type\": \"display_data\", \"data\": {\"text/markdown\": [" + json(text) + "], \"text/plain\": [" + json(text) + "]}, \"metadata\": {}}";
  }

  private static String image() {
    return "{\"output_type\": \"display_data\", \"data\": {\"image/png\": \"iVBORw0KGgo=\", \"text/plain\": [\"Figure x.png\"]}, \"metadata\": {}}";
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @Test
  void aNumberStatedInMarkdownMustBeShownByAnOutput() throws Exception {
    String table = "model   as_in_figure\nGPT-3.5 Turbo  0.4934\n";
    NotebookChecks right = NotebookChecks.of("ok", notebook(code("sc.lift()", plain(table)), md("The first bar is 0.49 (as in the figure).")));
    assertEquals(List.of(), right.unsupportedNumbers());
    // 09's old fault: the text said 0.4977, the table beside it showed 0.4934
    NotebookChecks wrong = NotebookChecks.of("bad", notebook(code("sc.lift()", plain(table)), md("The first bar is 0.4977 (as in the figure).")));
    List<String> problems = wrong.unsupportedNumbers();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("0.4977"), problems.get(0));
    // computed Markdown is held to the same rule, percentages too
    NotebookChecks pct = NotebookChecks.of("pct", notebook(code("r2", plain("r2_marginal 0.1907"),
        markdownOutput("explains 19 % of the variance and 23 % with one slope"))));
    List<String> p = pct.unsupportedNumbers();
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).contains("23 %"), p.get(0));
  }

  @Test
  void thresholdsConventionsCodeAndTaggedEvidenceAreNotClaims() throws Exception {
    NotebookChecks nb = NotebookChecks.of("nb", notebook(
        code("var run = Analyses.paper(5125);", plain("done")),
        md("Terms with p < 0.05, 95 % intervals, divided by 0.955; file `seed_0.12.csv`."),
        tagged("Evidence from the paper's repository: commit `b0f6fdc` gives 1.08; to reproduce, run git show.", "external-evidence")));
    assertEquals(List.of(), nb.unsupportedNumbers());
    assertEquals(List.of(), nb.externalEvidenceNamesItsSource());
    NotebookChecks vague = NotebookChecks.of("vague", notebook(tagged("It was 1.08 somewhere.", "external-evidence")));
    assertEquals(1, vague.externalEvidenceNamesItsSource().size());
  }

  @Test
  void statedPrecisionDecidesAMatch() {
    List<NotebookChecks.Stated> s = NotebookChecks.statedNumbers("from −0.19 to 0.11, 0.55–0.98, and 1,234.5 (GPT-3.5 Turbo)");
    assertEquals(List.of(-0.19, 0.11, 0.55, 0.98, 1234.5), s.stream().map(NotebookChecks.Stated::value).toList());
    assertEquals(0.005, s.get(0).tolerance(), 1e-15);
    assertEquals(0.05, s.get(4).tolerance(), 1e-15);
  }

  @Test
  void everyFigureNeedsACaptionThatNamesItsInterval() throws Exception {
    NotebookChecks good = NotebookChecks.of("g", notebook(code("fig", image(), markdownOutput("Bars: means; whiskers: 95 % percentile interval."))));
    assertEquals(List.of(), good.figuresWithoutCaption());
    NotebookChecks none = NotebookChecks.of("n", notebook(code("fig", image())));
    assertEquals(1, none.figuresWithoutCaption().size());
    NotebookChecks nextCell = NotebookChecks.of("c", notebook(code("fig", image()), md("Bars: means; whiskers: their 95 % interval.")));
    assertEquals(List.of(), nextCell.figuresWithoutCaption());
    NotebookChecks vague = NotebookChecks.of("v", notebook(code("fig", image(), markdownOutput("Bars: the coefficients."))));
    assertTrue(vague.figuresWithoutCaption().get(0).contains("does not say"), vague.figuresWithoutCaption().toString());
  }

  @Test
  void rawJavaRenderingsAreFound() throws Exception {
    for (String raw : List.of("[0.6649547747952438, 0.8352250311280959]", "{rq1_flagged_terms=3.0, rq2=28.0}",
        "org.mcalign.analysis.Thing@1b2c3d4", "because \"REPL.$JShell$31.o\" is null")) {
      NotebookChecks nb = NotebookChecks.of("raw", notebook(code("x", plain(raw))));
      assertEquals(1, nb.rawJavaOutputs().size(), raw);
    }
    assertEquals(List.of(), NotebookChecks.of("fine", notebook(code("x", plain("value\n0.665\n0.8352\n2 rows × 1 columns")))).rawJavaOutputs());
  }

  @Test
  void errorOutputsAreReported() throws Exception {
    String error = "{\"output_type\": \"error\", \"ename\": \"java.lang.IllegalStateException\", \"evalue\": \"boom\", \"traceback\": []}";
    assertEquals(List.of("e cell 0: java.lang.IllegalStateException: boom"), NotebookChecks.of("e", notebook(code("x", error))).errors());
  }
}
