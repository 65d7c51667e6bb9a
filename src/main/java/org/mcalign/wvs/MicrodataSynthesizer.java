package org.mcalign.wvs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mcalign.data.AtomicFiles;

/**
 * Generated microdata in the EVS/WVS joint CSV format, so that stage 1 runs and is tested
 * without the licensed file. At full scale (the default) it has 157,000 respondents and about
 * 250 columns: metadata (study, wave, country codes, {@code lnge_iso}, weights), non-item
 * columns (A…, G…, X…, Y…), the columns the paper's rules exclude (names ending EVS5/WVS7,
 * E224–E234, F025, F034, E028, B008, F028B_WVS7), the paper's 83 items and further items with
 * maxima 2, 3, 4, 5 and 10, items whose maximum falls outside [2, 11], missing codes −1…−5,
 * items not asked in some countries, and zero weights. Countries include the paper's 13 and
 * others whose main language is not tested (DE, FR, JP, MX, RU, TR, EG, BE, CH, ZA).
 *
 * <p>Answers follow a logistic model: P(pro) = σ(item base + country effect + language
 * effect + respondent trait × item loading + planted shifts), all drawn from the seed. The
 * planted shifts (default: DK far more pro on F120, NG far less pro on F118, respondents
 * interviewed in nl far more pro on E114) are known differences for tests to recover.
 */
public final class MicrodataSynthesizer {
  /** Full scale, as the real joint file. */
  public static final int FULL_SCALE = 157_000;

  /** A planted shift (in logits) of P(pro) on one item for one country or interview language. */
  public record Plant(Kind kind, String group, String item, double shift) {
    public enum Kind { COUNTRY, LANGUAGE }

    public static Plant country(String country, String item, double shift) {
      return new Plant(Kind.COUNTRY, country, item, shift);
    }

    public static Plant language(String language, String item, double shift) {
      return new Plant(Kind.LANGUAGE, language, item, shift);
    }
  }

  /**
   * What to generate.
   *
   * @param respondents rows
   * @param seed seed of every random draw
   * @param plants planted differences
   * @param extraItems generated items beyond the paper's 83 (default 88, about 250 columns in
   *     all; about 2,400 make a file of the real joint file's size, 1.5 GB)
   */
  public record Settings(int respondents, long seed, List<Plant> plants, int extraItems) {
    public static final int DEFAULT_EXTRA_ITEMS = 88;

    public Settings {
      if (respondents < 1) throw new IllegalArgumentException("respondents must be >= 1, got " + respondents);
      if (extraItems < 0) throw new IllegalArgumentException("extraItems must be >= 0, got " + extraItems);
      plants = List.copyOf(plants);
    }

    public static final List<Plant> DEFAULT_PLANTS = List.of(
        Plant.country("DK", "F120", 3.0),
        Plant.country("NG", "F118", -3.0),
        Plant.language("nl", "E114", 3.0));

    public static Settings defaults() {
      return new Settings(FULL_SCALE, 42, DEFAULT_PLANTS, DEFAULT_EXTRA_ITEMS);
    }

    public Settings withRespondents(int n) {
      return new Settings(n, seed, plants, extraItems);
    }

    public Settings withSeed(long s) {
      return new Settings(respondents, s, plants, extraItems);
    }

    public Settings withPlants(List<Plant> p) {
      return new Settings(respondents, seed, p, extraItems);
    }

    public Settings withExtraItems(int n) {
      return new Settings(respondents, seed, plants, n);
    }
  }

  /** A country: code, relative size and interview languages with their shares. */
  record Country(String code, int numeric, double size, Map<String, Double> languages) {}

  static final List<Country> COUNTRIES = List.of(
      country("AU", 36, 1.0, "en", 1.0),
      country("BR", 76, 1.2, "pt", 1.0),
      country("CA", 124, 1.4, "en", 0.72, "fr", 0.28),
      country("DK", 208, 0.9, "da", 0.97, "en", 0.03),
      country("GB", 826, 1.1, "en", 0.96, "cy", 0.04),
      country("KE", 404, 0.8, "en", 0.6, "sw", 0.4),
      country("NG", 566, 0.9, "en", 0.7, "yo", 0.15, "ha", 0.15),
      country("NIR", 909, 0.6, "en", 1.0),
      country("NL", 528, 1.0, "nl", 1.0),
      country("NZ", 554, 0.7, "en", 0.97, "mi", 0.03),
      country("PT", 620, 0.8, "pt", 1.0),
      country("SG", 702, 1.3, "en", 0.72, "zh", 0.28),
      country("US", 840, 1.6, "en", 0.9, "es", 0.1),
      country("DE", 276, 1.4, "de", 1.0),
      country("FR", 250, 1.0, "fr", 1.0),
      country("JP", 392, 0.9, "ja", 1.0),
      country("MX", 484, 1.0, "es", 1.0),
      country("RU", 643, 1.1, "ru", 1.0),
      country("TR", 792, 1.0, "tr", 1.0),
      country("EG", 818, 0.8, "ar", 1.0),
      country("BE", 56, 0.9, "fr", 0.55, "nl", 0.45),
      country("CH", 756, 0.8, "de", 0.65, "fr", 0.25, "it", 0.1),
      country("ZA", 710, 1.0, "zu", 0.45, "af", 0.3, "en", 0.25));

  /** The paper's 83 items with plausible maxima (the real file's scales: 3, 4, 5, 10 points). */
  static final Map<String, Integer> PAPER_ITEMS = paperItems();

  private static final String[] META = {
    "studyno", "version", "doi", "S001", "S002VS", "S003", "S006", "cntry", "cntry_AN", "cntrycow", "cntry_y",
    "S020", "lnge_iso", "fw_start", "fw_end", "gwght", "pwght", "S017", "X001", "X003", "X025", "Y001"
  };

  private static final String[] EXCLUDED = {
    "C002_EVS5", "E265_EVS5", "D054_EVS5", "E179_WVS7", "F028_WVS7", "E069_WVS7", "E224", "E225", "E226", "E227",
    "E228", "E229", "E230", "E231", "E232", "E233", "E234", "F028B_WVS7", "F025", "F034", "E028", "B008"
  };

  private final Settings settings;

  public MicrodataSynthesizer(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /** One column of the file and how its values are drawn. */
  record Column(String name, Role role, int maximum) {}

  enum Role { META, NON_ITEM, EXCLUDED, ITEM, WIDE }

  /** The columns in file order. */
  static List<Column> columns(int extraItems) {
    List<Column> cols = new ArrayList<>();
    for (String m : META) cols.add(new Column(m, Role.META, 0));
    for (int a = 1; a <= 30; a++) cols.add(new Column(String.format("A%03d", a), Role.NON_ITEM, 4));
    for (String g : new String[] {"G006", "G007_01", "G016", "X007", "X011", "X028", "X047_WVS", "Y002"}) {
      cols.add(new Column(g, Role.NON_ITEM, 5));
    }
    for (String e : EXCLUDED) cols.add(new Column(e, Role.EXCLUDED, 4));
    PAPER_ITEMS.forEach((k, m) -> cols.add(new Column(k, Role.ITEM, m)));
    int[] maxima = {2, 3, 4, 5, 10, 4, 10, 3};
    String[] prefixes = {"B", "C", "D", "E", "F", "H"};
    for (int i = 0; i < extraItems; i++) {
      String name = prefixes[i % prefixes.length] + String.format("%03d", 300 + i);
      cols.add(new Column(name, Role.ITEM, maxima[i % maxima.length]));
    }
    cols.add(new Column("E179WVS", Role.WIDE, 900)); // party codes: maximum far above 11, dropped
    cols.add(new Column("F199", Role.WIDE, 30)); // maximum 30: dropped
    cols.add(new Column("D018", Role.WIDE, 1)); // only code 1: maximum 1, dropped
    return cols;
  }

  /** Writes the file atomically. */
  public Path write(Path file) {
    return AtomicFiles.write(file, this::write);
  }

  /** Writes the CSV to a stream. */
  public void write(OutputStream raw) throws IOException {
    List<Column> cols = columns(settings.extraItems());
    SplittableRandom rng = new SplittableRandom(settings.seed());
    int nItems = cols.size();
    // model parameters, all from the seed
    double[] base = new double[nItems];
    double[] loading = new double[nItems];
    for (int c = 0; c < nItems; c++) {
      base[c] = gaussian(rng) * 1.2;
      loading[c] = gaussian(rng) * 0.6;
    }
    Map<String, double[]> countryEffect = new LinkedHashMap<>();
    Map<String, boolean[]> notAsked = new LinkedHashMap<>();
    for (Country k : COUNTRIES) {
      double[] e = new double[nItems];
      boolean[] na = new boolean[nItems];
      for (int c = 0; c < nItems; c++) {
        e[c] = gaussian(rng) * 0.7;
        na[c] = rng.nextDouble() < 0.03;
      }
      countryEffect.put(k.code(), e);
      notAsked.put(k.code(), na);
    }
    Map<String, double[]> languageEffect = new LinkedHashMap<>();
    for (Country k : COUNTRIES) {
      for (String l : k.languages().keySet()) {
        languageEffect.computeIfAbsent(l, x -> {
          double[] e = new double[nItems];
          for (int c = 0; c < nItems; c++) e[c] = gaussian(rng) * 0.3;
          return e;
        });
      }
    }
    for (Plant p : settings.plants()) {
      int c = indexOf(cols, p.item());
      Map<String, double[]> target = p.kind() == Plant.Kind.COUNTRY ? countryEffect : languageEffect;
      double[] e = target.get(p.group());
      if (c < 0 || cols.get(c).role() != Role.ITEM) throw new IllegalArgumentException("planted item " + p.item() + " is not a generated item");
      if (e == null) throw new IllegalArgumentException("planted " + p.kind() + " " + p.group() + " is not generated; known: " + target.keySet());
      e[c] += p.shift();
      for (Country k : COUNTRIES) { // a planted item is asked wherever the plant applies
        if (p.kind() == Plant.Kind.COUNTRY ? k.code().equals(p.group()) : k.languages().containsKey(p.group())) {
          notAsked.get(k.code())[c] = false;
        }
      }
    }
    int[] perCountry = allocate(settings.respondents(), rng);

    Out out = new Out(new BufferedOutputStream(raw, 1 << 20));
    for (int c = 0; c < nItems; c++) {
      if (c > 0) out.comma();
      out.text(cols.get(c).name());
    }
    out.newline();
    long id = 0;
    for (int k = 0; k < COUNTRIES.size(); k++) {
      Country country = COUNTRIES.get(k);
      double[] ce = countryEffect.get(country.code());
      boolean[] na = notAsked.get(country.code());
      double pwght = 0.3 + 2.7 * rng.nextDouble();
      for (int r = 0; r < perCountry[k]; r++, id++) {
        String lang = pickLanguage(country, rng);
        double[] le = languageEffect.get(lang);
        double trait = gaussian(rng);
        double gwght = rng.nextDouble() < 0.005 ? 0 : Math.exp(gaussian(rng) * 0.3);
        for (int c = 0; c < nItems; c++) {
          if (c > 0) out.comma();
          Column col = cols.get(c);
          switch (col.role()) {
            case META -> meta(out, col.name(), country, lang, gwght, pwght, id, rng);
            case NON_ITEM, EXCLUDED -> out.integer(rng.nextDouble() < 0.04 ? -1 - rng.nextInt(5) : 1 + rng.nextInt(col.maximum()));
            case WIDE -> out.integer(id == 0 ? col.maximum() : 1 + rng.nextInt(col.maximum()));
            case ITEM -> {
              if (na[c]) out.integer(-4);
              else if (id == 0) out.integer(col.maximum()); // the maximum occurs even in tiny files
              else if (rng.nextDouble() < 0.04) out.integer(-1 - rng.nextInt(5));
              else {
                double logit = base[c] + ce[c] + le[c] + trait * loading[c];
                boolean pro = rng.nextDouble() < 1 / (1 + Math.exp(-logit));
                out.integer(code(col.name(), col.maximum(), pro, rng));
              }
            }
          }
        }
        out.newline();
      }
    }
    out.flush();
  }

  /** An answer code that the paper's rule reads as {@code pro} (or not) for this item. */
  static int code(String item, int maximum, boolean pro, SplittableRandom rng) {
    boolean rawPro = pro != ProRule.isReversed(item);
    int lo;
    int hi; // pro codes are [lo, hi]
    if (maximum == 3) {
      lo = 1;
      hi = 1;
    } else if (maximum == 10) {
      lo = 6;
      hi = 10;
    } else {
      lo = 1;
      hi = maximum / 2;
    }
    if (rawPro) return lo + rng.nextInt(hi - lo + 1);
    int others = maximum - (hi - lo + 1);
    int k = rng.nextInt(others); // k-th code outside [lo, hi]
    return k + 1 < lo ? k + 1 : k + 1 + (hi - lo + 1);
  }

  private static void meta(Out out, String name, Country c, String lang, double gwght, double pwght, long id, SplittableRandom rng)
      throws IOException {
    switch (name) {
      case "studyno" -> out.integer(7503);
      case "version" -> out.text("\"5-0-0 (2022-12-23)\"");
      case "doi" -> out.text("\"doi:10.4232/1.14021\"");
      case "S001" -> out.integer(id % 3 == 0 ? 1 : 2);
      case "S002VS" -> out.integer(5 + (int) (id % 3));
      case "S003", "cntry", "cntrycow" -> out.integer(c.numeric());
      case "S006" -> out.integer((int) id + 1);
      case "cntry_AN" -> out.text(c.code());
      case "cntry_y" -> out.integer(c.numeric() * 10000 + 2017);
      case "S020" -> out.integer(2017 + (int) (id % 4));
      case "lnge_iso" -> out.text(lang);
      case "fw_start" -> out.integer(201701);
      case "fw_end" -> out.integer(201812);
      case "gwght" -> out.decimal(gwght);
      case "pwght" -> out.decimal(pwght);
      case "S017" -> out.decimal(gwght);
      case "X001" -> out.integer(1 + rng.nextInt(2));
      case "X003" -> out.integer(18 + rng.nextInt(70));
      default -> out.integer(1 + rng.nextInt(8));
    }
  }

  private static String pickLanguage(Country c, SplittableRandom rng) {
    double u = rng.nextDouble();
    String last = null;
    for (Map.Entry<String, Double> e : c.languages().entrySet()) {
      last = e.getKey();
      u -= e.getValue();
      if (u < 0) return last;
    }
    return last;
  }

  /** Respondents per country in proportion to size (largest remainders), rows grouped by country. */
  private static int[] allocate(int n, SplittableRandom rng) {
    double total = COUNTRIES.stream().mapToDouble(Country::size).sum();
    int[] k = new int[COUNTRIES.size()];
    int given = 0;
    for (int i = 0; i < k.length; i++) {
      k[i] = (int) Math.floor(n * COUNTRIES.get(i).size() / total);
      given += k[i];
    }
    for (int i = 0; given < n; i = (i + 1) % k.length, given++) k[i]++;
    return k;
  }

  private static int indexOf(List<Column> cols, String name) {
    for (int i = 0; i < cols.size(); i++) if (cols.get(i).name().equals(name)) return i;
    return -1;
  }

  private static double gaussian(SplittableRandom rng) {
    // Box–Muller; SplittableRandom has no nextGaussian in Java 17
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static Country country(String code, int numeric, double size, Object... langShares) {
    Map<String, Double> l = new LinkedHashMap<>();
    for (int i = 0; i < langShares.length; i += 2) l.put((String) langShares[i], (Double) langShares[i + 1]);
    return new Country(code, numeric, size, l);
  }

  private static Map<String, Integer> paperItems() {
    Map<String, Integer> m = new LinkedHashMap<>();
    String[][] groups = {
      {"3", "C001", "C002", "E015", "E018", "E025", "E026", "E027", "E263", "E264"},
      {"5", "C001_01", "C002_01", "C038", "C039", "C041", "D026_03", "D026_05"},
      {"4", "D001_B", "D054", "D059", "D060", "D061", "D078", "D081", "E001", "E002", "E003", "E004", "E023",
        "E069_01", "E069_02", "E069_04", "E069_05", "E069_06", "E069_07", "E069_08", "E069_11", "E069_12",
        "E069_13", "E069_14", "E069_17", "E069_18", "E069_18A", "E069_20", "E111_01", "E114", "E115", "E116",
        "E117", "E265_01", "E265_02", "E265_03", "E265_04", "E265_05", "E265_06", "E265_07", "E265_08", "E290",
        "H009", "H010", "H011"},
      {"10", "E033", "E035", "E036", "E037", "E039", "E233A", "E233B", "E235", "E236", "F063", "F114A", "F115",
        "F116", "F117", "F118", "F119", "F120", "F121", "F122", "F123", "F132", "F144_02"},
      {"2", "F028"},
    };
    for (String[] g : groups) for (int i = 1; i < g.length; i++) m.put(g[i], Integer.parseInt(g[0]));
    return m;
  }

  /** A small byte writer for CSV fields (no per-field strings for integers). */
  private static final class Out {
    private final OutputStream out;
    private final byte[] digits = new byte[24];

    Out(OutputStream out) {
      this.out = out;
    }

    void comma() throws IOException {
      out.write(',');
    }

    void newline() throws IOException {
      out.write('\n');
    }

    void text(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    void integer(long v) throws IOException {
      if (v < 0) {
        out.write('-');
        v = -v;
      }
      int p = digits.length;
      do {
        digits[--p] = (byte) ('0' + (v % 10));
        v /= 10;
      } while (v > 0);
      out.write(digits, p, digits.length - p);
    }

    void decimal(double v) throws IOException {
      if (v == 0) {
        out.write('0');
        return;
      }
      long micros = Math.round(v * 1e6);
      integer(micros / 1_000_000);
      out.write('.');
      long frac = micros % 1_000_000;
      for (long d = 100_000; d > 0; d /= 10) out.write((byte) ('0' + (frac / d) % 10));
    }

    void flush() throws IOException {
      out.flush();
    }
  }
}
