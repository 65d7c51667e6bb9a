package org.mcalign.analysis.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.Dataset;
import org.mcalign.data.Study;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.ChatBackend;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.DemographicPrompts;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.PythonFormat;
import org.mcalign.prompts.ResponseTable;
import org.mcalign.scoring.Classification;
import org.mcalign.scoring.ClassifiedOpinions;
import org.mcalign.scoring.GroundTruthLookup;
import org.mcalign.scoring.OpinionAnnotator;
import org.mcalign.scoring.OpinionClassifier;
import org.mcalign.scoring.ScoreMerge;
import org.mcalign.wvs.GroundTruth;
import org.mcalign.wvs.GroundTruthSettings;
import org.mcalign.wvs.Microdata;
import org.mcalign.wvs.MicrodataSynthesizer;

/**
 * Builds the demo dataset: every file of the paper's {@code output/} that the notebooks read,
 * made offline by the project's own stages — generated WVS microdata → ground truth (stage 1),
 * DEMO prompts, simulated models with planted cultural behaviour → responses (stages 3–4), the
 * simulated classifier → opinions (stage 5), merge → scored responses (stage 6), plus DEMO
 * benchmark scores and the demographic experiment. The folder holds a {@code DEMO} marker, so
 * {@link Dataset#at} reports it as a demo, and every text and file name in it says DEMO.
 */
public final class DemoData {
  private DemoData() {}

  /** The demo's folder relative to the project root. */
  public static final String FOLDER = "data/demo";

  public static final String MICRODATA = "microdata/EVS_WVS_Joint_Csv_DEMO.csv";

  /** What a build made: the dataset and per-stage counts (for the notebooks' summary table). */
  public record Built(Dataset dataset, Map<String, Object> counts) {}

  /** A backend made by the caller for the simulated models and classifier (e.g. through the simulated HTTP server). */
  public interface Backends {
    ChatBackend responder(SimulatedCulture culture, String model);

    ChatBackend classifier(SimulatedCulture culture);

    /** In-process: calls the planted behaviour directly. */
    Backends IN_PROCESS =
        new Backends() {
          @Override
          public ChatBackend responder(SimulatedCulture c, String model) {
            return reqs -> reqs.stream().map(r -> c.respond(model, r.userContent())).toList();
          }

          @Override
          public ChatBackend classifier(SimulatedCulture c) {
            return reqs -> reqs.stream().map(r -> c.classify(r.customId(), r.userContent())).toList();
          }
        };
  }

  /**
   * Through the simulated OpenAI-compatible server over HTTP, in direct mode, every answer kept
   * in the SQLite response store {@code store}: the path a real endpoint takes.
   */
  public static Backends viaSimulatedServer(Path store, long seed, double classifierErrorRate) {
    return new Backends() {
      @Override
      public ChatBackend responder(SimulatedCulture c, String model) {
        return reqs -> serve(store, SimulatedServer.builder().model(c.asServerModel()).seed(seed), "DEMO-answers-" + model, 8, reqs);
      }

      @Override
      public ChatBackend classifier(SimulatedCulture c) {
        // one request at a time: the server draws classifier errors from one seeded stream in arrival order
        return reqs -> serve(store, SimulatedServer.builder().classifierErrorRate(classifierErrorRate).seed(seed),
            "DEMO-classify-" + reqs.get(0).customId() + "-" + reqs.size() + "-" + Integer.toHexString(reqs.get(reqs.size() - 1).userContent().hashCode()), 1, reqs);
      }
    };
  }

  private static List<String> serve(Path store, SimulatedServer.Builder server, String run, int concurrency, List<BatchRequestLine> reqs) {
    try (SimulatedServer s = server.start(); ResponseStore rs = ResponseStore.open(store)) {
      return new EndpointBackend(Endpoint.of(s.baseUrl()), rs, run, concurrency, null).answer(reqs);
    }
  }

  /** The demo dataset of the project (built with the defaults when missing). */
  public static Dataset ensure() {
    Path folder = Dataset.projectRoot().resolve(FOLDER);
    if (isComplete(folder)) return Dataset.at(folder);
    DemoSettings s = DemoSettings.defaults();
    Backends b = viaSimulatedServer(folder.resolve("DEMO-responses.db"), s.seed(), s.classifierErrorRate());
    return build(folder, s, b, msg -> System.err.println("demo: " + msg)).dataset();
  }

  /** The planted behaviours of the (default) demo's models over a built demo dataset, with the demo's seed. */
  public static SimulatedCulture culture(Dataset demo) {
    DemoSettings d = DemoSettings.defaults();
    return new SimulatedCulture(DemoWorld.read(demo.folder(), demo.study()), d.models(), d.seed(), d.classifierErrorRate());
  }

  /**
   * A model added to a demo dataset (e.g. by {@code mcalign evaluate}): {@code model} answers
   * with its planted behaviour over the demo's ground truth, the classifier is the demo's.
   */
  public static SimulatedCulture addedModel(Dataset demo, DemoModel model, Study study) {
    DemoSettings d = DemoSettings.defaults();
    return new SimulatedCulture(DemoWorld.read(demo.folder(), study), List.of(model), d.seed(), d.classifierErrorRate());
  }

  /**
   * The demographic experiment's simulated model over a demo dataset built with {@code s}: the
   * model {@code s.demographicModel()} answering with the opinions of the country the prompt
   * names (else of its language), as the demo's build planted it.
   */
  public static SimulatedCulture demographicCulture(Dataset demo, DemoSettings s) {
    if (s.demographicModel() == null) throw new IllegalArgumentException("the demo settings have no demographic model");
    return follower(new SimulatedCulture(DemoWorld.read(demo.folder(), demo.study()), s.models(), s.seed(), s.classifierErrorRate()), s);
  }

  /** The culture with the demographic model replaced by one that follows the country the prompt names. */
  static SimulatedCulture follower(SimulatedCulture culture, DemoSettings s) {
    String model = s.demographicModel();
    DemoModel base = s.models().stream().filter(m -> m.id().equals(model)).findFirst()
        .orElse(new DemoModel(model, DemoBehaviour.NATIVE, 0.05, 1.0));
    List<DemoModel> withFollower = new ArrayList<>(s.models());
    withFollower.removeIf(m -> m.id().equals(model));
    withFollower.add(new DemoModel(model, DemoBehaviour.COUNTRY_FOLLOWING, base.noise(), base.languageFidelity()));
    return new SimulatedCulture(culture.world(), withFollower, s.seed() + 1, s.classifierErrorRate());
  }

  /** The default demo's seed: the simulated server runs of the notebooks use it, so they reproduce the demo's files. */
  public static long seed() {
    return DemoSettings.defaults().seed();
  }

  static boolean isComplete(Path folder) {
    return Files.exists(folder.resolve(Dataset.DEMO_MARKER))
        && Files.exists(folder.resolve("all_lang_model_responses_with_scores.csv"));
  }

  public static Built build(Path folder, DemoSettings s, Backends backends, Consumer<String> log) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo folder: " + e.getMessage(), e);
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    Study study = s.study();
    if (!study.isPaper()) AtomicFiles.writeString(folder.resolve(Study.FILE_NAME), study.toJson() + "\n");
    // stage 1: generated microdata → ground truth in the study's languages
    log.accept("stage 1: generating " + s.respondents() + " WVS respondents (DEMO microdata)");
    Path micro = folder.resolve(MICRODATA);
    new MicrodataSynthesizer(MicrodataSynthesizer.Settings.defaults().withRespondents(s.respondents()).withSeed(s.seed()))
        .write(micro);
    GroundTruth gt = GroundTruth.compute(micro, GroundTruthSettings.of(study).withSeed(s.seed()), Microdata.Progress.NONE);
    gt.writeTo(folder);
    move(folder.resolve(GroundTruth.PROVENANCE), folder.resolve("provenance-stage1.json"));
    writeDerivedGroundTruth(folder);
    counts.put("respondents", s.respondents());
    DemoWorld world = DemoWorld.read(folder, study);

    // stage 2 (demo): prompts in the paper's languages, the study's other languages translated from English
    List<String> items = world.itemsCovering(study.languageCodes());
    if (items.size() > s.items()) items = items.subList(0, s.items());
    List<PromptRow> prompts = prompts(items, s.promptsPerItem(), s, counts);
    PromptTable.write(prompts, folder.resolve("translated_prompts_with_english_no_controversy.csv"));
    Map<String, List<String>> stances = new LinkedHashMap<>();
    for (String k : items) stances.put(k, DemoTexts.stances(k));
    AtomicFiles.writeString(folder.resolve("stance_labels.json"), PythonFormat.json(stances) + "\n");
    writePromptMaterial(folder, items);
    BatchRequestLine.writeJsonl(
        renumber(ResponseTable.requests(prompts, s.models().get(0).id(), Map.of()), s.models().get(0).id()),
        folder.resolve("all-language-requests.jsonl"));
    counts.put("items", items.size());
    counts.put("prompts", prompts.size());

    SimulatedCulture culture = new SimulatedCulture(world, s.models(), s.seed(), s.classifierErrorRate());
    ChatBackend classifier = backends.classifier(culture);
    GroundTruthLookup lookup = GroundTruthLookup.read(folder.resolve("ground_truth.csv"));
    List<Map<String, String>> scored = new ArrayList<>();
    for (DemoModel m : s.models()) {
      log.accept("stages 3-6: " + m.id() + " (simulated, " + m.behaviour() + ")");
      List<String> texts = backends.responder(culture, m.id()).answer(ResponseTable.requests(prompts, m.id(), Map.of()));
      CsvRecords responses = ResponseTable.of(prompts, m.id(), texts);
      responses.write(folder.resolve(ResponseTable.fileName(m.id())));
      List<ClassifiedOpinions> answers = Classification.run(responses, stances, OpinionClassifier.MODEL, classifier,
          study.languageCodes());
      writeJsonl(folder.resolve(m.id() + "-analysis-responses.jsonl"), Classification.jsonLines(answers));
      if (m.id().startsWith("OLMo") && !Files.exists(folder.resolve("olmo-analysis-responses.jsonl"))) {
        writeJsonl(folder.resolve("olmo-analysis-responses.jsonl"), Classification.jsonLines(answers));
      }
      ScoreMerge.Merged merged = ScoreMerge.merge(responses, answers, lookup, study);
      scored.addAll(merged.rows());
      counts.put("kept " + m.id(), merged.counts().kept());
    }
    new CsvRecords(ScoreMerge.SCORED_COLUMNS, scored).write(folder.resolve("all_lang_model_responses_with_scores.csv"));
    counts.put("scored responses", scored.size());
    writeBenchmarks(folder, s);

    if (s.demographicModel() != null) {
      demographic(folder, s, prompts, stances, culture, backends, classifier, lookup, counts);
    }
    AtomicFiles.writeString(folder.resolve("README.txt"),
        "DEMO dataset: synthetic data in the paper's file formats, generated by mcalign (seed " + s.seed() + ").\n"
            + "Nothing here is the paper's data or any real model's output. Models are simulated with planted behaviour:\n"
            + describeModels(s) + "Rebuild with: java -jar target/mcalign.jar demo --force\n");
    Map<String, Object> prov = new LinkedHashMap<>();
    prov.put("dataset", "DEMO");
    prov.put("project_version", org.mcalign.data.Provenance.projectVersion());
    prov.put("created_utc", java.time.Instant.now().toString());
    prov.put("seed", s.seed());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("respondents", s.respondents());
    settings.put("items", s.items());
    settings.put("prompts_per_item", s.promptsPerItem());
    settings.put("classifier_error_rate", s.classifierErrorRate());
    settings.put("demographic_model", s.demographicModel());
    List<Object> ms = new ArrayList<>();
    for (DemoModel m : s.models()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("id", m.id());
      mm.put("behaviour", m.behaviour().name());
      mm.put("noise", m.noise());
      mm.put("language_fidelity", m.languageFidelity());
      ms.add(mm);
    }
    settings.put("models", ms);
    prov.put("settings", settings);
    prov.put("counts", counts);
    AtomicFiles.writeString(folder.resolve("provenance.json"), PythonFormat.json(prov) + "\n");
    AtomicFiles.writeString(folder.resolve(Dataset.DEMO_MARKER), "DEMO: synthetic dataset, not the paper's data\n");
    log.accept("done: " + scored.size() + " scored DEMO responses");
    return new Built(Dataset.at(folder), counts);
  }

  static String describeModels(DemoSettings s) {
    StringBuilder sb = new StringBuilder();
    for (DemoModel m : s.models()) {
      sb.append("  ").append(m.id()).append(" (simulated): ").append(m.behaviour()).append(", noise ").append(m.noise()).append('\n');
    }
    return sb.toString();
  }

  /**
   * DEMO prompts: per language of the paper's study (sorted) and item, {@code perItem}
   * (template, topic phrasing) pairs, survey_hypothetical; then each other language of the
   * study translated from the English prompts by the {@link DemoTranslator} (stage 2: clean-up,
   * placeholder check, pairing; a translation that lost {@code {topic}} is never drawn).
   */
  static List<PromptRow> prompts(List<String> items, int perItem, DemoSettings s, Map<String, Object> counts) {
    List<PromptRow> rows = new ArrayList<>();
    for (String lang : s.study().languageCodes().stream().filter(l -> !s.translatedLanguages().contains(l)).sorted().toList()) {
      for (String k : items) {
        for (int v = 0; v < perItem; v++) {
          rows.add(new PromptRow(String.valueOf(rows.size()), lang, PromptTable.TEMPLATE_SURVEY,
              DemoTexts.template(lang, v), DemoTexts.topic(lang, k, v), k, "", "DEMO",
              "DEMO item " + k.toUpperCase(Locale.ROOT)));
        }
      }
    }
    if (s.translatedLanguages().isEmpty()) return rows;
    List<PromptRow> english = rows.stream().filter(r -> r.language().equals("en")).toList();
    Map<String, String> names = new LinkedHashMap<>();
    for (String l : s.translatedLanguages()) names.put(l, s.study().languageName(l));
    DemoTranslator.Result t = DemoTranslator.translate(english, names, s.seed());
    for (PromptRow r : t.rows()) rows.add(r.withIndex(rows.size()));
    counts.put("translated prompts (" + String.join(", ", names.keySet()) + ")", t.rows().size());
    counts.put("translations flagged (placeholder lost, never drawn)", t.flagged().size());
    return rows;
  }

  private static List<BatchRequestLine> renumber(List<BatchRequestLine> lines, String model) {
    List<BatchRequestLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      BatchRequestLine l = lines.get(i);
      out.add(new BatchRequestLine(String.format("%s-answers-%05d", model, i), l.model(), l.messages()));
    }
    return out;
  }

  private static void writePromptMaterial(Path folder, List<String> items) {
    StringBuilder t = new StringBuilder();
    for (int v = 0; v < DemoTexts.TEMPLATES.size(); v++) {
      if (v > 0) t.append('\n');
      t.append(DemoTexts.template("en", v));
    }
    AtomicFiles.writeString(folder.resolve("prompts/prompt_templates.txt"), t.toString());
    Map<String, Object> topics = new LinkedHashMap<>();
    for (String k : items) topics.put(k, List.of(DemoTexts.topic("en", k, 0), DemoTexts.topic("en", k, 1)));
    AtomicFiles.writeString(folder.resolve("prompts/topic_variations_en.json"), PythonFormat.json(topics) + "\n");
  }

  /** ground_truth_all_countries.csv and ground_truth.csv, the older joins, from the stage-1 tables. */
  private static void writeDerivedGroundTruth(Path folder) {
    CsvRecords every = CsvRecords.read(folder.resolve(GroundTruth.EVERY_COUNTRY), "cntry_an", "question_key", "pro_score", "lnge_iso");
    List<Map<String, String>> all = new ArrayList<>();
    for (Map<String, String> r : every.rows()) {
      all.add(Map.of("cntry_an", r.get("cntry_an"), "question_key", r.get("question_key").toLowerCase(Locale.ROOT),
          "pro_score", r.get("pro_score"), "language", r.get("lnge_iso")));
    }
    CsvRecords.write(folder.resolve("ground_truth_all_countries.csv"), List.of("cntry_an", "question_key", "pro_score", "language"), all);
    CsvRecords per = CsvRecords.read(folder.resolve(GroundTruth.PER_LANGUAGE), "lnge_iso", "question_key", "pro_score");
    List<Map<String, String>> gt = new ArrayList<>();
    for (Map<String, String> r : per.rows()) {
      gt.add(Map.of("question_key", r.get("question_key").toLowerCase(Locale.ROOT), "pro_score", r.get("pro_score"),
          "language", r.get("lnge_iso")));
    }
    CsvRecords.write(folder.resolve("ground_truth.csv"), List.of("question_key", "pro_score", "language"), gt);
  }

  /** DEMO benchmark scores: higher for larger models and for English, seeded noise. */
  private static void writeBenchmarks(Path folder, DemoSettings s) {
    List<Map<String, String>> rows = new ArrayList<>();
    Study study = s.study();
    for (DemoModel m : s.models()) {
      String family = study.familyOf(m.id()).orElseThrow();
      int size = Math.max(0, study.modelsOf(family).indexOf(m.id()));
      for (String lang : study.languageCodes()) {
        for (String bench : List.of("DEMO bench A", "DEMO bench B")) {
          var r = SimulatedCulture.rng(s.seed(), "benchmark", m.id(), lang, bench);
          double score = 45 + 12 * size + (lang.equals("en") ? 8 : 0) + 6 * (r.nextDouble() - 0.5);
          rows.add(Map.of("model", study.model(m.id()).orElseThrow().benchmarkNames().get(0), "benchmark", bench,
              "language", study.languageName(lang), "score", PythonFormat.repr(Math.round(score * 10) / 10.0),
              "family", family));
        }
      }
    }
    CsvRecords.write(folder.resolve("multilingual_benchmarks.csv"), List.of("model", "benchmark", "language", "score", "family"), rows);
  }

  private static void demographic(
      Path folder, DemoSettings s, List<PromptRow> prompts, Map<String, List<String>> stances, SimulatedCulture culture,
      Backends backends, ChatBackend classifier, GroundTruthLookup lookup, Map<String, Object> counts) {
    String model = s.demographicModel();
    List<DemographicPrompts.Variant> variants =
        DemographicPrompts.variants(PromptTable.ofType(prompts, PromptTable.TEMPLATE_SURVEY),
            DemographicPrompts.countriesByLanguage(s.study()), s.seed(), s.study());
    List<Map<String, String>> rows = new ArrayList<>();
    List<BatchRequestLine> requests = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      rows.add(DemographicPrompts.toMap(variants.get(i)));
      requests.add(new BatchRequestLine(String.format("demographic-%06d", i), model,
          List.of(BatchRequestLine.message("user", variants.get(i).text()))));
    }
    CsvRecords table = new CsvRecords(DemographicPrompts.COLUMNS, rows);
    table.write(folder.resolve("demographic-all_prompts_responses.csv"));
    List<String> texts = backends.responder(follower(culture, s), model).answer(requests);
    List<Map<String, String>> withResponses = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> m = new LinkedHashMap<>(rows.get(i));
      m.put("response", texts.get(i));
      withResponses.add(m);
    }
    List<String> cols = new ArrayList<>(DemographicPrompts.COLUMNS);
    cols.add("response");
    // annotated as the paper's annotate_responses_demographic.py: gpt-4o-mini, {topic, response}, no stance statements
    List<OpinionAnnotator.Input> inputs = new ArrayList<>();
    for (Map<String, String> r : withResponses) inputs.add(new OpinionAnnotator.Input(r.get("topic"), r.get("response")));
    List<ClassifiedOpinions> answers = OpinionAnnotator.run(inputs, OpinionAnnotator.DEMOGRAPHIC_MODEL, classifier,
        s.study().languageCodes());
    writeJsonl(folder.resolve("demographic-analysis-responses.jsonl"), Classification.jsonLines(answers));
    ScoreMerge.Merged merged = ScoreMerge.demographic(table, answers, lookup, model, s.study());
    merged.all().write(folder.resolve("demographic-gemma-results.csv"));
    counts.put("demographic results", merged.rows().size());
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < Math.min(199, withResponses.size()); i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("topic", withResponses.get(i).get("topic"));
      e.put("response", withResponses.get(i).get("response"));
      examples.add(PythonFormat.json(e));
    }
    writeJsonl(folder.resolve("example-json-prompts.jsonl"), examples);
  }

  private static void writeJsonl(Path file, List<String> lines) {
    AtomicFiles.writeText(file, w -> {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    });
  }

  private static void move(Path from, Path to) {
    try {
      if (Files.exists(from)) Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
