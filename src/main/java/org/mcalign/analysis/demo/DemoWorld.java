package org.mcalign.analysis.demo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mcalign.data.Study;
import org.mcalign.prompts.CsvRecords;

/**
 * The demo's ground truth as the simulated models see it: pro shares per (country, item) and
 * per (language, item), read from the ground-truth files stage 1 wrote, and the study that
 * names the reference country and the demographic sentences.
 */
final class DemoWorld {
  final Map<String, Map<String, Double>> byCountry = new HashMap<>();
  final Map<String, Map<String, Double>> byLanguage = new HashMap<>();
  final Study study;

  private DemoWorld(Study study) {
    this.study = study;
  }

  /** The world of a demo folder, with the folder's study (its study.json over the paper's). */
  static DemoWorld read(Path folder) {
    return read(folder, Study.forFolder(folder));
  }

  static DemoWorld read(Path folder, Study study) {
    DemoWorld w = new DemoWorld(study);
    for (Map<String, String> r : CsvRecords.read(folder.resolve("ground_truth_every_country.csv"), "cntry_an", "question_key", "pro_score").rows()) {
      w.byCountry.computeIfAbsent(r.get("cntry_an"), k -> new HashMap<>())
          .put(r.get("question_key").toLowerCase(Locale.ROOT), Double.parseDouble(r.get("pro_score")));
    }
    for (Map<String, String> r : CsvRecords.read(folder.resolve("ground_truth_per_language.csv"), "lnge_iso", "question_key", "pro_score").rows()) {
      w.byLanguage.computeIfAbsent(r.get("lnge_iso"), k -> new HashMap<>())
          .put(r.get("question_key").toLowerCase(Locale.ROOT), Double.parseDouble(r.get("pro_score")));
    }
    return w;
  }

  /** The reference country's (the US's) pro shares per item. */
  Map<String, Double> reference() {
    return byCountry.getOrDefault(study.referenceCountry(), Map.of());
  }

  /** Items with a ground truth in the US (the reference country) and in every one of the given languages. */
  List<String> itemsCovering(List<String> languages) {
    return reference().keySet().stream()
        .filter(k -> languages.stream().allMatch(l -> byLanguage.getOrDefault(l, Map.of()).containsKey(k)))
        .sorted()
        .toList();
  }
}
