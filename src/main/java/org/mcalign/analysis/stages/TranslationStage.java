package org.mcalign.analysis.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mcalign.data.Dataset;
import org.mcalign.analysis.demo.DemoTranslator;
import org.mcalign.data.Study;
import org.mcalign.llm.Endpoint;
import org.mcalign.llm.Progress;
import org.mcalign.llm.ResponseStore;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.EndpointBackend;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.RequestCost;
import org.mcalign.prompts.Translation;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 02: translation requests, their cost, a run (real or simulated), clean-up, checks and pairing. */
public final class TranslationStage {
  private final Dataset dataset;
  private final List<PromptRow> table;
  private final List<PromptRow> english;
  private final Map<String, String> languages;

  private TranslationStage(Dataset dataset, Map<String, String> languages) {
    this.dataset = dataset;
    this.table = PromptTable.read(dataset.path("translated_prompts_with_english_no_controversy.csv"));
    this.english = table.stream().filter(r -> r.language().equals("en")).toList();
    this.languages = languages;
  }

  /** The dataset's study's languages but English (the paper's: da, nl, pt) as targets; add one with {@link #withLanguage}. */
  public static TranslationStage of(Dataset dataset) {
    Map<String, String> l = new LinkedHashMap<>();
    for (Study.Language c : dataset.study().languages()) if (!c.code().equals("en")) l.put(c.code(), c.name());
    return new TranslationStage(dataset, l);
  }

  public TranslationStage withLanguage(String code, String name) {
    Map<String, String> l = new LinkedHashMap<>(languages);
    l.put(code, name);
    return new TranslationStage(dataset, l);
  }

  public List<Translation.Unit> units() {
    return Translation.units(english, List.copyOf(languages.keySet()));
  }

  public List<BatchRequestLine> requests() {
    return Translation.requests(units(), languages, Translation.MODEL);
  }

  /** Requests per language and kind (topic phrasing or template). */
  public Table requestSummary() {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Translation.Unit u : units()) {
      counts.computeIfAbsent(u.language() + "|" + u.kind().name().toLowerCase(Locale.ROOT), k -> new int[1])[0]++;
    }
    StringColumn lang = StringColumn.create("language");
    StringColumn kind = StringColumn.create("kind");
    IntColumn n = IntColumn.create("requests");
    counts.forEach((k, v) -> {
      lang.append(k.split("\\|")[0]);
      kind.append(k.split("\\|")[1]);
      n.append(v[0]);
    });
    return Table.create("translation requests", lang, kind, n);
  }

  /** Cost of the run through the Batch API, output assumed as long as the input text. */
  public Table cost() {
    List<BatchRequestLine> r = requests();
    long chars = r.stream().mapToLong(x -> x.userContent().length()).sum();
    return RequestCost.estimate(r, (int) Math.max(1, chars / 4 / Math.max(1, r.size())), true).toTable();
  }

  /** The dataset's own translated table checked: rows, distinct templates and topics, placeholder lost, per language and type. */
  public Table publishedCheck() {
    Map<String, int[]> m = new LinkedHashMap<>();
    Map<String, java.util.Set<String>> templates = new LinkedHashMap<>();
    for (PromptRow r : table) {
      String k = r.language() + "|" + r.templateType();
      int[] c = m.computeIfAbsent(k, x -> new int[2]);
      c[0]++;
      if (!r.prompt().contains("{topic}")) c[1]++;
      templates.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(r.prompt());
    }
    StringColumn lang = StringColumn.create("language");
    StringColumn type = StringColumn.create("template_type");
    IntColumn rows = IntColumn.create("prompts");
    IntColumn distinct = IntColumn.create("distinct templates");
    IntColumn lost = IntColumn.create("templates without {topic}");
    m.forEach((k, v) -> {
      lang.append(k.split("\\|")[0]);
      type.append(k.split("\\|")[1]);
      rows.append(v[0]);
      distinct.append(templates.get(k).size());
      lost.append(v[1]);
    });
    return Table.create(title("published prompt table check"), lang, type, rows, distinct, lost);
  }

  private String title(String t) {
    return dataset.isDemo() ? "DEMO — " + t : t;
  }

  /** A translation run's result: the new prompt table, the flagged translations and the run's counts. */
  public record Result(List<PromptRow> table, List<Translation.Translated> flagged, Table results, long seed, Path written) {
    public Table flaggedTable() {
      StringColumn lang = StringColumn.create("language");
      StringColumn kind = StringColumn.create("kind");
      StringColumn key = StringColumn.create("key");
      StringColumn text = StringColumn.create("cleaned translation");
      for (Translation.Translated t : flagged) {
        lang.append(t.unit().language());
        kind.append(t.unit().kind().name().toLowerCase(Locale.ROOT));
        key.append(t.unit().key());
        text.append(t.translation());
      }
      return Table.create("translations that lost the {topic} placeholder (never drawn)", lang, kind, key, text);
    }

    public Table sample(int n) {
      List<PromptRow> rows = table.stream().filter(r -> !r.language().equals("en")).limit(n).toList();
      return PromptTable.toTable(rows, "translated prompts (first " + n + ")").retainColumns("language", "template_type", "prompt", "topic", "question_key");
    }
  }

  /**
   * Runs the requests on the simulated server: a DEMO translator that tags the text with the
   * language, renames the placeholder (as real translators do: the clean-up restores it) and
   * drops it in about 6 % of templates (the check must flag those).
   */
  public Result runSimulated(long seed, Consumer<Progress> progress) {
    List<BatchRequestLine> req = new ArrayList<>();
    List<Translation.Unit> units = units();
    List<BatchRequestLine> paper = requests();
    for (int i = 0; i < paper.size(); i++) {
      req.add(new BatchRequestLine(paper.get(i).customId(), DemoTranslator.model(units.get(i).language()), paper.get(i).messages()));
    }
    List<String> replies;
    Path store = StageOutputs.store(dataset);
    try (SimulatedServer s = SimulatedServer.builder().model(DemoTranslator::reply).seed(seed).start();
        ResponseStore rs = ResponseStore.open(store)) {
      EndpointBackend b = new EndpointBackend(Endpoint.of(s.baseUrl()), rs, "DEMO-translate-" + seed, 8, progress);
      replies = b.answer(req);
      return finish(units, replies, seed, "simulated (DEMO translator)", b, true);
    }
  }

  /** Runs the requests on a real endpoint (the OpenAI API) in direct mode; answers kept in the store. */
  public Result run(Endpoint endpoint, long seed, Consumer<Progress> progress) {
    try (ResponseStore rs = ResponseStore.open(StageOutputs.store(dataset))) {
      EndpointBackend b = new EndpointBackend(endpoint, rs, "translate-" + String.join("-", languages.keySet()), 8, progress);
      List<String> replies = b.answer(requests());
      return finish(units(), replies, seed, Translation.MODEL, b, false);
    }
  }

  private Result finish(List<Translation.Unit> units, List<String> replies, long seed, String what, EndpointBackend b, boolean simulated) {
    List<Translation.Translated> tr = Translation.cleanAll(units, replies);
    List<PromptRow> paired = Translation.pair(english, tr, seed);
    String name = dataset.isDemo() || simulated ? "DEMO-translated_prompts_with_english.csv" : "translated_prompts_with_english.csv";
    Path out = PromptTable.write(paired, StageOutputs.folder(dataset).resolve(name));
    var r = b.lastResult();
    Table results = RunSummary.results(simulated || dataset.isDemo() ? "DEMO — translation run" : "translation run", List.of(new RunSummary.Row(what, units.size(), r.answered(),
        r.alreadyDone(), r.failed(), StageOutputs.relative(dataset) + "/" + name)));
    return new Result(paired, Translation.placeholderProblems(tr), results, seed, out);
  }
}
