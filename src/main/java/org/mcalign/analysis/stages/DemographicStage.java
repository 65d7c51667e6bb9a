package org.mcalign.analysis.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mcalign.data.Dataset;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.DemographicPrompts;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.stats.Correlation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 13: the demographic-prompting experiment (country sentence after the first sentence). */
public final class DemographicStage {
  private final Dataset dataset;

  private DemographicStage(Dataset dataset) {
    this.dataset = dataset;
  }

  public static DemographicStage of(Dataset dataset) {
    return new DemographicStage(dataset);
  }

  private String title(String t) {
    return dataset.isDemo() ? "DEMO — " + t : t;
  }

  /** Congruent and incongruent variants of the survey prompts, countries drawn with {@code seed}. */
  public List<DemographicPrompts.Variant> variants(long seed) {
    List<PromptRow> survey = PromptTable.ofType(
        PromptTable.read(dataset.path("translated_prompts_with_english_no_controversy.csv")), PromptTable.TEMPLATE_SURVEY);
    return DemographicPrompts.variants(survey, DemographicPrompts.COUNTRIES_BY_LANGUAGE, seed);
  }

  /** One congruent and one incongruent text of the first prompt. */
  public Table examples(long seed) {
    List<DemographicPrompts.Variant> v = variants(seed);
    DemographicPrompts.Variant a = v.get(0), b = v.get(v.size() / 2);
    return Table.create(title("demographic prompt variants"),
        StringColumn.create("is_congruent", String.valueOf(a.congruent()), String.valueOf(b.congruent())),
        StringColumn.create("country", a.country(), b.country()),
        StringColumn.create("text sent", a.text(), b.text()));
  }

  /** Variants per language, congruence and country: ours (seeded) beside the dataset's file. */
  public Table design(long seed) {
    Map<String, int[]> m = new TreeMap<>();
    for (DemographicPrompts.Variant v : variants(seed)) {
      m.computeIfAbsent(v.row().language() + "|" + v.congruent() + "|" + v.country(), k -> new int[2])[0]++;
    }
    for (Map<String, String> r : CsvRecords.read(dataset.path("demographic-all_prompts_responses.csv")).rows()) {
      m.computeIfAbsent(r.get("language") + "|" + r.get("is_congruent") + "|" + r.get("country"), k -> new int[2])[1]++;
    }
    StringColumn lang = StringColumn.create("language");
    StringColumn cong = StringColumn.create("is_congruent");
    StringColumn country = StringColumn.create("country");
    IntColumn ours = IntColumn.create("ours (seed " + seed + ")");
    IntColumn file = IntColumn.create("dataset's file");
    m.forEach((k, v) -> {
      String[] p = k.split("\\|");
      lang.append(p[0]);
      cong.append(p[1]);
      country.append(p[2]);
      ours.append(v[0]);
      file.append(v[1]);
    });
    return Table.create(title("demographic design"), lang, cong, country, ours, file);
  }

  /** Alignment of the scored responses with the prompt language's ground truth, congruent vs incongruent, per language. */
  public Table alignment() {
    CsvRecords r = CsvRecords.read(dataset.path("demographic-gemma-results.csv"), "language", "is_congruent",
        "response_pro_score", "ground_truth_pro_score");
    Map<String, List<double[]>> groups = new TreeMap<>();
    for (Map<String, String> x : r.rows()) {
      groups.computeIfAbsent(x.get("language") + "|" + x.get("is_congruent"), k -> new ArrayList<>())
          .add(new double[] {Double.parseDouble(x.get("response_pro_score")), Double.parseDouble(x.get("ground_truth_pro_score"))});
    }
    StringColumn lang = StringColumn.create("language");
    StringColumn cong = StringColumn.create("is_congruent");
    IntColumn n = IntColumn.create("responses");
    DoubleColumn rho = DoubleColumn.create("spearman");
    DoubleColumn mean = DoubleColumn.create("mean alignment (1 - mean |diff|)");
    groups.forEach((k, v) -> {
      double[] x = v.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = v.stream().mapToDouble(p -> p[1]).toArray();
      lang.append(k.split("\\|")[0]);
      cong.append(k.split("\\|")[1]);
      n.append(v.size());
      rho.append(Correlation.spearman(x, y));
      mean.append(Correlation.meanAlignment(x, y));
    });
    return Table.create(title("demographic prompting: alignment with the prompt language's ground truth"), lang, cong, n, rho, mean);
  }
}
