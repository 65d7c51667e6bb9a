package org.mcalign.wvs;

import java.nio.file.Path;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Dataset;
import org.mcalign.data.OutputFolder;
import org.mcalign.data.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Stage 1's results: the paper's ground-truth tables computed from one pass over the
 * microdata ({@link Microdata}) with the paper's rules ({@link ProRule}), and the
 * ground truth's self-consistency per country. Tables carry the paper's column names;
 * {@link #writeTo(Path)} writes them all (or none) in the paper's CSV formats.
 */
public final class GroundTruth {
  public static final String EVERY_COUNTRY = "ground_truth_every_country.csv";
  public static final String PER_LANGUAGE = "ground_truth_per_language.csv";
  public static final String GLOBAL = "ground_truth_global.csv";
  public static final String COUNTRY_LANGUAGES = "country_languages.csv";
  public static final String SELF_CONSISTENCY = "gt_self_consistency.csv";
  public static final String PROVENANCE = "provenance.json";

  private final Microdata data;
  private final GroundTruthSettings settings;
  private final int[] kept; // item indices, sorted by name
  private final String[] mainLanguage; // per country
  private final double[] mainLanguageGwght; // per country
  private final Table everyCountry;
  private final Table perLanguage;
  private final Table global;
  private final Table countryLanguages;
  private final Table selfConsistency;
  private final double seconds;

  private GroundTruth(Microdata data, GroundTruthSettings settings, double seconds, long sampleStoreBudget) {
    this.data = data;
    this.settings = settings;
    this.sampleStoreBudget = sampleStoreBudget;
    this.kept = keptItems(data);
    int nCountries = data.countries.size();
    this.mainLanguage = new String[nCountries];
    this.mainLanguageGwght = new double[nCountries];
    if (settings.languages().stream().noneMatch(data.languages::contains)) {
      throw new IllegalArgumentException("tested languages " + settings.sortedLanguages() + ": no respondent of " + data.source()
          + " was interviewed in any of them (its lnge_iso values: " + data.languages() + "); choose tested languages among those");
    }
    mainLanguages();
    this.countryLanguages = countryLanguageTable();
    this.everyCountry = everyCountryTable();
    this.perLanguage = perLanguageTable();
    this.global = globalTable();
    this.selfConsistency = selfConsistencyTable();
    this.seconds = seconds;
  }

  /** Computes every table from microdata already read (the caller closes it). */
  public static GroundTruth compute(Microdata data, GroundTruthSettings settings) {
    return compute(data, settings, SAMPLE_STORE_BUDGET);
  }

  /** As {@link #compute(Microdata, GroundTruthSettings)} with the sample store held in memory up to this many bytes. */
  static GroundTruth compute(Microdata data, GroundTruthSettings settings, long sampleStoreBudget) {
    return new GroundTruth(data, settings, Double.NaN, sampleStoreBudget);
  }

  /** Reads the microdata file in one pass, computes every table and releases the temporary row file. */
  public static GroundTruth compute(Path microdata, GroundTruthSettings settings, Microdata.Progress progress) {
    long t0 = System.nanoTime();
    try (Microdata data = Microdata.read(microdata, progress)) {
      GroundTruth gt = new GroundTruth(data, settings, Double.NaN, SAMPLE_STORE_BUDGET);
      return gt.withSeconds((System.nanoTime() - t0) / 1e9);
    }
  }

  private GroundTruth withSeconds(double s) {
    return new GroundTruth(this, s);
  }

  private GroundTruth(GroundTruth o, double seconds) {
    this.data = o.data;
    this.settings = o.settings;
    this.kept = o.kept;
    this.mainLanguage = o.mainLanguage;
    this.mainLanguageGwght = o.mainLanguageGwght;
    this.everyCountry = o.everyCountry;
    this.perLanguage = o.perLanguage;
    this.global = o.global;
    this.countryLanguages = o.countryLanguages;
    this.selfConsistency = o.selfConsistency;
    this.sampleStoreBudget = o.sampleStoreBudget;
    this.seconds = seconds;
  }

  // ---- the paper's tables ----

  /** {@code ground_truth_every_country.csv}: cntry_an, question_key, pro_score, lnge_iso. */
  public Table everyCountry() {
    return everyCountry;
  }

  /** {@code ground_truth_per_language.csv}: lnge_iso, question_key, pro_score. */
  public Table perLanguage() {
    return perLanguage;
  }

  /** {@code ground_truth_global.csv}: question_key, pro_score. */
  public Table global() {
    return global;
  }

  /** {@code country_languages.csv}: cntry_AN, lnge_iso (countries whose main language is tested). */
  public Table countryLanguages() {
    return countryLanguages;
  }

  /** {@code gt_self_consistency.csv}: cntry_AN, self_consistency (ascending). */
  public Table selfConsistency() {
    return selfConsistency;
  }

  public GroundTruthSettings settings() {
    return settings;
  }

  public Microdata microdata() {
    return data;
  }

  /** Wall seconds of read + compute, NaN when the microdata was read separately. */
  public double seconds() {
    return seconds;
  }

  // ---- extra views (not paper outputs) ----

  /** Every candidate item: question_key, maximum (or missing), kept. */
  public Table items() {
    StringColumn key = StringColumn.create("question_key");
    IntColumn max = IntColumn.create("maximum");
    BooleanColumn keep = BooleanColumn.create("kept");
    for (int i = 0; i < data.items.length; i++) {
      key.append(data.items[i]);
      if (data.hasMaximum(i)) max.append((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, data.maxima[i])));
      else max.appendMissing();
      keep.append(data.hasMaximum(i) && ProRule.isKept(data.maxima[i]));
    }
    return Table.create("items", key, max, keep);
  }

  /** One item's pro score in every tested country, highest first (a slice of every_country). */
  public Table countryScoresOf(String item) {
    Table t = everyCountry.where(everyCountry.stringColumn("question_key").isEqualTo(item));
    return t.sortDescendingOn("pro_score").setName(item + " by country");
  }

  /** Candidate items per maximum code: maximum, items, kept (the selection rule at a glance). */
  public Table itemSummary() {
    Map<String, int[]> byMax = new TreeMap<>(Comparator.comparingLong(k -> k.equals("none") ? Long.MAX_VALUE : Long.parseLong(k)));
    for (int i = 0; i < data.items.length; i++) {
      String key = data.hasMaximum(i) ? Long.toString(data.maxima[i]) : "none";
      int[] c = byMax.computeIfAbsent(key, k -> new int[1]);
      c[0]++;
    }
    StringColumn max = StringColumn.create("maximum");
    IntColumn n = IntColumn.create("items");
    BooleanColumn keep = BooleanColumn.create("kept");
    byMax.forEach((k, c) -> {
      max.append(k);
      n.append(c[0]);
      keep.append(!k.equals("none") && ProRule.isKept(Long.parseLong(k)));
    });
    return Table.create("candidate items by maximum code", max, n, keep);
  }

  /** Every country: cntry_AN, lnge_iso (main), respondents, gwght (of the main language), tested. */
  public Table countries() {
    StringColumn c = StringColumn.create("cntry_AN");
    StringColumn l = StringColumn.create("lnge_iso");
    LongColumn n = LongColumn.create("respondents");
    DoubleColumn g = DoubleColumn.create("gwght");
    BooleanColumn t = BooleanColumn.create("tested");
    long[] counts = new long[data.countries.size()];
    for (int cell = 0; cell < data.cells(); cell++) counts[data.cellKeys.get(cell)[0]] += data.cellRespondents[cell];
    for (int k : sortedCountries()) {
      c.append(data.countries.get(k));
      l.append(mainLanguage[k]);
      n.append(counts[k]);
      g.append(mainLanguageGwght[k]);
      t.append(isTested(k));
    }
    return Table.create("countries", c, l, n, g, t);
  }

  /**
   * Pearson correlation between countries' pro scores over common items (pairwise complete,
   * as pandas' {@code DataFrame.corr}), tested countries in alphabetical order, with the global
   * scores as the last row and column ({@code global}).
   */
  public Table countryCorrelations() {
    Map<String, Map<String, Double>> byGroup = new TreeMap<>();
    for (int r = 0; r < everyCountry.rowCount(); r++) {
      byGroup.computeIfAbsent(everyCountry.stringColumn("cntry_an").get(r), k -> new TreeMap<>())
          .put(everyCountry.stringColumn("question_key").get(r), everyCountry.doubleColumn("pro_score").getDouble(r));
    }
    Map<String, Double> glob = new TreeMap<>();
    for (int r = 0; r < global.rowCount(); r++) {
      glob.put(global.stringColumn("question_key").get(r), global.doubleColumn("pro_score").getDouble(r));
    }
    Map<String, Map<String, Double>> groups = new LinkedHashMap<>(byGroup);
    groups.put("global", glob);
    List<String> names = new ArrayList<>(groups.keySet());
    Table t = Table.create("country_correlations", StringColumn.create("cntry_an", names));
    for (String b : names) {
      DoubleColumn col = DoubleColumn.create(b);
      for (String a : names) col.append(pearson(groups.get(a), groups.get(b)));
      t.addColumns(col);
    }
    return t;
  }

  private static double pearson(Map<String, Double> a, Map<String, Double> b) {
    List<double[]> xy = new ArrayList<>();
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double y = b.get(e.getKey());
      if (y != null && !y.isNaN() && !e.getValue().isNaN()) xy.add(new double[] {e.getValue(), y});
    }
    int n = xy.size();
    if (n < 2) return Double.NaN;
    double mx = 0, my = 0;
    for (double[] p : xy) {
      mx += p[0];
      my += p[1];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (double[] p : xy) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  // ---- computation ----

  private static int[] keptItems(Microdata d) {
    List<Integer> k = new ArrayList<>();
    for (int i = 0; i < d.items.length; i++) if (d.hasMaximum(i) && ProRule.isKept(d.maxima[i])) k.add(i);
    k.sort(Comparator.comparing(i -> d.items[i]));
    return SelfConsistency.indices(k);
  }

  /**
   * A country's language: its {@code lnge_iso} with the largest total {@code gwght} over all its
   * rows. Ties (the paper's unstable sort leaves them to chance) go to the language met first.
   */
  private void mainLanguages() {
    double[] best = new double[data.countries.size()];
    Arrays.fill(best, Double.NEGATIVE_INFINITY);
    for (int cell = 0; cell < data.cells(); cell++) {
      int[] key = data.cellKeys.get(cell);
      if (data.cellGwght[cell] > best[key[0]]) {
        best[key[0]] = data.cellGwght[cell];
        mainLanguage[key[0]] = data.languages.get(key[1]);
      }
    }
    System.arraycopy(best, 0, mainLanguageGwght, 0, best.length);
  }

  private boolean isTested(int country) {
    return settings.languages().contains(mainLanguage[country]);
  }

  private List<Integer> sortedCountries() {
    List<Integer> c = new ArrayList<>();
    for (int k = 0; k < data.countries.size(); k++) c.add(k);
    c.sort(Comparator.comparing(data.countries::get));
    return c;
  }

  private List<Integer> testedCountries() {
    return sortedCountries().stream().filter(this::isTested).toList();
  }

  /** Countries with a tested main language, by that language's total gwght, largest first. */
  private Table countryLanguageTable() {
    List<Integer> c = new ArrayList<>(testedCountries());
    c.sort(Comparator.comparingDouble((Integer k) -> -mainLanguageGwght[k]).thenComparing(data.countries::get));
    StringColumn cn = StringColumn.create("cntry_AN");
    StringColumn ln = StringColumn.create("lnge_iso");
    for (int k : c) {
      cn.append(data.countries.get(k));
      ln.append(mainLanguage[k]);
    }
    return Table.create("country_languages", cn, ln);
  }

  /** Sum of weight histograms and valid counts over cells, for one item. */
  private double[] histogram(int item, java.util.function.IntPredicate cellFilter, long[] validOut) {
    double[] h = new double[Microdata.CODES];
    long n = 0;
    for (int cell = 0; cell < data.cells(); cell++) {
      if (!cellFilter.test(cell)) continue;
      double[] src = data.weightHistograms.get(cell);
      for (int code = 1; code < Microdata.CODES; code++) h[code] += src[item * Microdata.CODES + code];
      n += data.validCounts.get(cell)[item];
    }
    validOut[0] = n;
    return h;
  }

  /** Σ weight · pro / Σ weight over valid answers; NaN when the weights sum to 0. */
  static double proScore(String item, int maximum, double[] weightByCode) {
    double pro = 0;
    double all = 0;
    for (int code = 1; code <= maximum; code++) {
      all += weightByCode[code];
      if (ProRule.isPro(item, maximum, code)) pro += weightByCode[code];
    }
    return pro / all;
  }

  private interface RowSink {
    void add(String group, String item, double score);
  }

  /** Adds one row per kept item that has at least one valid answer in the cells. */
  private void scores(String group, java.util.function.IntPredicate cells, RowSink sink) {
    long[] n = new long[1];
    for (int i : kept) {
      double[] h = histogram(i, cells, n);
      if (n[0] == 0) continue; // no valid answer: the paper's group_by has no such group
      sink.add(group, data.items[i], proScore(data.items[i], (int) data.maxima[i], h));
    }
  }

  private Table everyCountryTable() {
    StringColumn c = StringColumn.create("cntry_an");
    StringColumn q = StringColumn.create("question_key");
    DoubleColumn p = DoubleColumn.create("pro_score");
    StringColumn l = StringColumn.create("lnge_iso");
    for (int k : testedCountries()) {
      scores(data.countries.get(k), cell -> data.cellKeys.get(cell)[0] == k, (g, item, s) -> {
        c.append(g);
        q.append(item);
        p.append(s);
        l.append(mainLanguage[k]);
      });
    }
    return Table.create("ground_truth_every_country", c, q, p, l);
  }

  private Table perLanguageTable() {
    StringColumn l = StringColumn.create("lnge_iso");
    StringColumn q = StringColumn.create("question_key");
    DoubleColumn p = DoubleColumn.create("pro_score");
    for (String lang : settings.sortedLanguages()) {
      int li = data.languages.indexOf(lang);
      if (li < 0) continue;
      scores(lang, cell -> data.cellKeys.get(cell)[1] == li, (g, item, s) -> {
        l.append(g);
        q.append(item);
        p.append(s);
      });
    }
    return Table.create("ground_truth_per_language", l, q, p);
  }

  private Table globalTable() {
    StringColumn q = StringColumn.create("question_key");
    DoubleColumn p = DoubleColumn.create("pro_score");
    scores("global", cell -> true, (g, item, s) -> {
      q.append(item);
      p.append(s);
    });
    return Table.create("ground_truth_global", q, p);
  }

  /**
   * The (country, item) groups of valid respondents in tested countries, kept items, over
   * {@code store}. Groups with at most {@value #MATERIALISE_BELOW_SHARE}⁻¹ of the country
   * answering (or no more than the sample size) are held as weight lists; the others are drawn
   * straight from the store.
   */
  List<SelfConsistency.Group> selfConsistencyGroups(SampleStore store) {
    List<Integer> countries = testedCountries();
    List<SelfConsistency.Group> groups = new ArrayList<>();
    for (int j = 0; j < countries.size(); j++) {
      int country = countries.get(j);
      int n = store.respondents(j);
      for (int t = 0; t < kept.length; t++) {
        int item = kept[t];
        long valid = 0;
        for (int cell = 0; cell < data.cells(); cell++) {
          if (data.cellKeys.get(cell)[0] == country) valid += data.validCounts.get(cell)[item];
        }
        if (valid == 0) continue;
        if (valid <= settings.sampleSize() || valid * MATERIALISE_BELOW_SHARE < n) {
          groups.add(listGroup(country, item, store, j, t, (int) valid));
        } else {
          groups.add(new SelfConsistency.RowStoreGroup(country, item, (int) valid, store, j, t));
        }
      }
    }
    return groups;
  }

  /** The store of tested countries' respondents and kept items the draws read ({@link SampleStore}). */
  SampleStore sampleStore() {
    List<Integer> countries = testedCountries();
    int[] slot = new int[data.countries.size()];
    Arrays.fill(slot, -1);
    for (int j = 0; j < countries.size(); j++) slot[countries.get(j)] = j;
    int[] respondents = new int[countries.size()];
    for (int cell = 0; cell < data.cells(); cell++) {
      int j = slot[data.cellKeys.get(cell)[0]];
      if (j >= 0) respondents[j] = Math.toIntExact(respondents[j] + data.cellRespondents[cell]);
    }
    return new SampleStore(data, slot, respondents, kept, sampleStoreBudget);
  }

  /** Groups answered by fewer than 1/this of their country's respondents are materialised. */
  static final int MATERIALISE_BELOW_SHARE = 8;

  /**
   * Largest sample store held in memory (bytes; system property {@value #BUDGET_PROPERTY} in MB);
   * a larger one is read from its temporary file country by country in every round.
   */
  static final long SAMPLE_STORE_BUDGET = Long.getLong(GroundTruth.BUDGET_PROPERTY, 16) << 20;

  static final String BUDGET_PROPERTY = "mcalign.wvs.sampleStoreMB";

  private final long sampleStoreBudget;

  /** The group's weights, pro ones first in file order, then the others in reverse file order. */
  private static SelfConsistency.ListGroup listGroup(int country, int item, SampleStore store, int slot, int column, int valid) {
    byte[] block = store.block(slot);
    int classes = store.column(slot, column);
    double[] weights = new double[valid];
    int pro = 0;
    int con = valid;
    for (int pos = 0; pos < store.respondents(slot); pos++) {
      int c = SampleStore.classAt(block, classes, pos);
      if (c == SampleStore.PRO) weights[pro++] = SampleStore.weight(block, pos);
      else if (c == SampleStore.CON) weights[--con] = SampleStore.weight(block, pos);
    }
    return new SelfConsistency.ListGroup(country, item, weights, pro);
  }

  private Table selfConsistencyTable() {
    double[][] scores;
    List<SelfConsistency.Group> groups;
    try (SampleStore store = sampleStore()) {
      groups = selfConsistencyGroups(store);
      scores = SelfConsistency.sample(groups, settings.rounds(), settings.sampleSize(), settings.seed());
    }
    Map<Integer, List<Integer>> byCountry = new TreeMap<>();
    for (int g = 0; g < groups.size(); g++) byCountry.computeIfAbsent(groups.get(g).country(), k -> new ArrayList<>()).add(g);
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : byCountry.entrySet()) {
      names.add(data.countries.get(e.getKey()));
      values.add(SelfConsistency.pairedCorrelation(scores, SelfConsistency.indices(e.getValue())));
    }
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    // ascending, NaN last (as polars sorts), ties by country
    Arrays.sort(order, Comparator.comparing((Integer i) -> values.get(i), Double::compare).thenComparing(names::get));
    StringColumn c = StringColumn.create("cntry_AN");
    DoubleColumn v = DoubleColumn.create("self_consistency");
    for (int i : order) {
      c.append(names.get(i));
      v.append(values.get(i));
    }
    return Table.create("gt_self_consistency", c, v);
  }

  // ---- output ----

  /** The settings and input facts recorded in provenance.json (besides seed, version and time). */
  public Map<String, Object> provenanceSettings() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("file", data.source());
    input.put("bytes", data.bytes());
    input.put("crc32c", data.crc32c());
    input.put("respondents", data.respondents());
    input.put("empty_weights", data.emptyWeights());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("stage", "wvs-ground-truth");
    s.put("microdata", input);
    s.put("languages", settings.sortedLanguages());
    s.put("rounds", settings.rounds());
    s.put("sample_size", settings.sampleSize());
    s.put("item_maximum_range", List.of(ProRule.MIN_MAXIMUM, ProRule.MAX_MAXIMUM));
    s.put("kept_items", kept.length);
    s.put("tested_countries", countryLanguages.rowCount());
    return s;
  }

  /**
   * provenance.json: the data package's {@link Provenance} (SHA-256 of the microdata file, seed,
   * settings, project version, UTC time) when the microdata came from a file in {@code source};
   * the same fields without a checksum when it came from a stream.
   */
  String provenanceJson(Dataset source) {
    if (source != null && data.file().isPresent()) {
      source.recordSha256(data.source(), data.file().get(), data.sha256());
      return Provenance.of(source, settings.seed(), provenanceSettings(), List.of(data.source())).toJson() + "\n";
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("project", "mcalign");
    p.put("project_version", Provenance.projectVersion());
    p.put("created_utc", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    p.put("seed", settings.seed());
    p.put("settings", provenanceSettings());
    return org.mcalign.data.Json.pretty(p) + "\n";
  }

  /** As the paper's ground-truth files were written (polars' {@code write_csv}). */
  private static String paperCsv(Table t) {
    return CsvOut.toCsv(t, CsvOut.Style.POLARS);
  }

  /**
   * Writes the five CSV files and provenance.json into {@code dir}: all are written to a
   * staging folder first and renamed into place only when every one is complete. The microdata's
   * folder is taken as the data source ({@link Dataset#at}).
   */
  public List<Path> writeTo(Path dir) {
    return writeTo(dir, data.file().map(f -> Dataset.at(f.toAbsolutePath().getParent())).orElse(null));
  }

  /** As {@link #writeTo(Path)}, naming the data source (e.g. {@link Dataset#demo} for generated microdata). */
  public List<Path> writeTo(Path dir, Dataset source) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(EVERY_COUNTRY, paperCsv(everyCountry));
    files.put(PER_LANGUAGE, paperCsv(perLanguage));
    files.put(GLOBAL, paperCsv(global));
    files.put(COUNTRY_LANGUAGES, paperCsv(countryLanguages));
    files.put(SELF_CONSISTENCY, paperCsv(selfConsistency));
    files.put(PROVENANCE, provenanceJson(source));
    try (OutputFolder out = OutputFolder.begin(dir, "wvs-ground-truth from " + data.source())) {
      List<Path> staged = new ArrayList<>();
      files.forEach((name, text) -> staged.add(AtomicFiles.writeString(out.staging().resolve(name), text)));
      return out.publish(staged);
    }
  }

  @Override
  public String toString() {
    return String.format(
        "GroundTruth[%s: %,d respondents, %d countries (%d tested), %d/%d items kept, languages %s, seed %d]",
        data.source(), data.respondents(), data.countries.size(), countryLanguages.rowCount(), kept.length,
        data.items.length, settings.sortedLanguages(), settings.seed());
  }
}
