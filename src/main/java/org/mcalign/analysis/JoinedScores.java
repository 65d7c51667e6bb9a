package org.mcalign.analysis;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The responses joined with one level of ground truth (the paper's {@code join_all_gt}),
 * held as int-coded columns: one row per (response, ground-truth group) sharing a question.
 */
final class JoinedScores {
  final Codes models = new Codes();
  final Codes languages = new Codes(); // prompt and response languages share one dictionary
  final Codes questions = new Codes();
  final Codes gtGroups = new Codes();
  final int n;
  final int[] model, language, responseLanguage, question, gtGroup;
  final double[] responseScore, gtScore;

  private JoinedScores(int capacity) {
    model = new int[capacity];
    language = new int[capacity];
    responseLanguage = new int[capacity];
    question = new int[capacity];
    gtGroup = new int[capacity];
    responseScore = new double[capacity];
    gtScore = new double[capacity];
    n = capacity;
  }

  /** A joined table given row by row (e.g. the demographic results, already joined). */
  static JoinedScores ofRows(int n, java.util.function.IntFunction<String[]> keys, double[] response, double[] truth) {
    JoinedScores j = new JoinedScores(n);
    for (int i = 0; i < n; i++) {
      String[] k = keys.apply(i); // model, language, response_language, question, gt group
      j.model[i] = j.models.code(k[0]);
      j.language[i] = j.languages.code(k[1]);
      j.responseLanguage[i] = j.languages.code(k[2]);
      j.question[i] = j.questions.code(k[3]);
      j.gtGroup[i] = j.gtGroups.code(k[4]);
      j.responseScore[i] = response[i];
      j.gtScore[i] = truth[i];
    }
    return j;
  }

  /** The paper's ground-truth table of a level with its {@code gt_group} column. */
  static Table groundTruth(AnalysisInputs in, GroundTruthType type) {
    return switch (type) {
      case GLOBAL -> {
        Table t = in.groundTruthGlobal().copy();
        StringColumn g = StringColumn.create("gt_group", t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) g.set(i, "global");
        yield t.addColumns(g);
      }
      case LANGUAGE -> renamed(in.groundTruthPerLanguage(), "lnge_iso", "gt_group");
      case COUNTRY -> renamed(in.groundTruthEveryCountry(), "cntry_an", "gt_group");
    };
  }

  static Table renamed(Table t, String from, String to) {
    Table c = t.copy();
    c.column(from).setName(to);
    return c;
  }

  /**
   * Inner join on the lower-cased question key, left rows in order, each with its matching
   * ground-truth rows in file order (polars' inner-join order).
   */
  static JoinedScores join(Table responses, Table groundTruth) {
    StringColumn gq = groundTruth.stringColumn("question_key");
    StringColumn gg = groundTruth.stringColumn("gt_group");
    DoubleColumn gs = groundTruth.doubleColumn("pro_score");
    int gtRows = groundTruth.rowCount();
    // ground-truth rows of each lower-cased question, in file order, as int arrays
    Codes gtQuestions = new Codes();
    int[] gtQuestion = new int[gtRows];
    for (int i = 0; i < gtRows; i++) gtQuestion[i] = gtQuestions.code(gq.get(i).toLowerCase(Locale.ROOT));
    int[][] byQuestion = new int[gtQuestions.size()][];
    int[] count = new int[gtQuestions.size()];
    for (int q : gtQuestion) count[q]++;
    for (int q = 0; q < count.length; q++) byQuestion[q] = new int[count[q]];
    java.util.Arrays.fill(count, 0);
    for (int i = 0; i < gtRows; i++) byQuestion[gtQuestion[i]][count[gtQuestion[i]]++] = i;
    double[] gtScore = new double[gtRows];
    for (int i = 0; i < gtRows; i++) gtScore[i] = gs.getDouble(i);
    StringColumn rq = responses.stringColumn("question_key");
    int rows = responses.rowCount();
    int[][] match = new int[rows][];
    int total = 0;
    for (int i = 0; i < rows; i++) {
      int q = gtQuestions.find(rq.get(i));
      if (q >= 0) total += (match[i] = byQuestion[q]).length;
    }
    JoinedScores j = new JoinedScores(total);
    StringColumn rm = responses.stringColumn("model_name");
    StringColumn rl = responses.stringColumn("language");
    StringColumn rrl = responses.stringColumn("response_language");
    DoubleColumn rs = responses.doubleColumn("response_pro_score");
    int[] gtGroup = new int[gtRows]; // code of each ground-truth row's group, given at first use
    java.util.Arrays.fill(gtGroup, -1);
    int p = 0;
    for (int i = 0; i < rows; i++) {
      int[] m = match[i];
      if (m == null) continue;
      int mc = j.models.code(rm.get(i)), lc = j.languages.code(rl.get(i));
      int rlc = j.languages.code(rrl.get(i)), qc = j.questions.code(rq.get(i));
      double score = rs.getDouble(i);
      for (int g : m) {
        if (gtGroup[g] < 0) gtGroup[g] = j.gtGroups.code(gg.get(g));
        j.model[p] = mc;
        j.language[p] = lc;
        j.responseLanguage[p] = rlc;
        j.question[p] = qc;
        j.gtGroup[p] = gtGroup[g];
        j.responseScore[p] = score;
        j.gtScore[p] = gtScore[g];
        p++;
      }
    }
    return j;
  }

  /**
   * {@link #join} as it was before it worked on int arrays (a map of boxed row lists, a string
   * lookup per joined row): kept as the reference the fast join is tested against.
   */
  static JoinedScores joinReference(Table responses, Table groundTruth) {
    StringColumn gq = groundTruth.stringColumn("question_key");
    StringColumn gg = groundTruth.stringColumn("gt_group");
    DoubleColumn gs = groundTruth.doubleColumn("pro_score");
    java.util.Map<String, java.util.List<Integer>> byQuestion = new java.util.HashMap<>();
    for (int i = 0; i < groundTruth.rowCount(); i++)
      byQuestion.computeIfAbsent(gq.get(i).toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).add(i);
    StringColumn rq = responses.stringColumn("question_key");
    int total = 0;
    for (int i = 0; i < responses.rowCount(); i++) {
      java.util.List<Integer> m = byQuestion.get(rq.get(i));
      if (m != null) total += m.size();
    }
    JoinedScores j = new JoinedScores(total);
    StringColumn rm = responses.stringColumn("model_name");
    StringColumn rl = responses.stringColumn("language");
    StringColumn rrl = responses.stringColumn("response_language");
    DoubleColumn rs = responses.doubleColumn("response_pro_score");
    int p = 0;
    for (int i = 0; i < responses.rowCount(); i++) {
      java.util.List<Integer> m = byQuestion.get(rq.get(i));
      if (m == null) continue;
      int mc = j.models.code(rm.get(i)), lc = j.languages.code(rl.get(i));
      int rlc = j.languages.code(rrl.get(i)), qc = j.questions.code(rq.get(i));
      double score = rs.getDouble(i);
      for (int g : m) {
        j.model[p] = mc;
        j.language[p] = lc;
        j.responseLanguage[p] = rlc;
        j.question[p] = qc;
        j.gtGroup[p] = j.gtGroups.code(gg.get(g));
        j.responseScore[p] = score;
        j.gtScore[p] = gs.getDouble(g);
        p++;
      }
    }
    return j;
  }
}
