package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Generated microdata (20,000 respondents; full scale is the benchmark's): rules and plants. */
class SynthesizedMicrodataTest {
  @TempDir static Path dir;
  static Path file;
  static GroundTruth gt;

  @BeforeAll
  static void generate() {
    file = new MicrodataSynthesizer(MicrodataSynthesizer.Settings.defaults().withRespondents(20_000)).write(dir.resolve("synth.csv"));
    gt = GroundTruth.compute(file, GroundTruthSettings.paper(), Microdata.Progress.NONE);
  }

  static Map<String, Double> column(Table t, String groupCol, String item) {
    Map<String, Double> m = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      if (t.stringColumn("question_key").get(r).equals(item)) m.put(t.stringColumn(groupCol).get(r), t.doubleColumn("pro_score").getDouble(r));
    }
    return m;
  }

  @Test
  void shape() throws IOException {
    String header = Files.newBufferedReader(file).readLine();
    int columns = header.split(",").length;
    assertTrue(columns >= 240 && columns <= 260, "about 250 columns: " + columns);
    assertEquals(20_000, gt.microdata().respondents());
    assertEquals(List.of("AU", "BR", "CA", "DK", "GB", "KE", "NG", "NIR", "NL", "NZ", "PT", "SG", "US"),
        gt.countryLanguages().stringColumn("cntry_AN").asList().stream().sorted().toList());
    List<String> kept = gt.global().stringColumn("question_key").asList();
    assertEquals(83 + 88, kept.size());
    for (String dropped : List.of("E179WVS", "F199", "D018", "E224", "F025", "B008", "C002_EVS5", "F028B_WVS7", "A001", "G006")) {
      assertFalse(kept.contains(dropped), dropped);
    }
    assertTrue(kept.containsAll(MicrodataSynthesizer.PAPER_ITEMS.keySet()));
  }

  @Test
  void plantedDifferencesAreRecovered() {
    Map<String, Double> f120 = column(gt.everyCountry(), "cntry_an", "F120");
    double dk = f120.get("DK");
    f120.forEach((c, v) -> assertTrue(c.equals("DK") || v < dk, "DK planted most pro on F120: DK " + dk + ", " + c + " " + v));
    Map<String, Double> f118 = column(gt.everyCountry(), "cntry_an", "F118");
    double ng = f118.get("NG");
    f118.forEach((c, v) -> assertTrue(c.equals("NG") || v > ng, "NG planted least pro on F118: NG " + ng + ", " + c + " " + v));
    Map<String, Double> e114 = column(gt.perLanguage(), "lnge_iso", "E114");
    double nl = e114.get("nl");
    e114.forEach((l, v) -> assertTrue(l.equals("nl") || v < nl, "nl planted most pro on E114: nl " + nl + ", " + l + " " + v));
  }

  /** An independent, naive reading of the file (String.split, maps) for the global scores. */
  @Test
  void streamingAgreesWithANaiveReading() throws IOException {
    Map<String, double[]> sums = new HashMap<>(); // item → {pro weight, all weight}
    Map<String, Integer> max = new HashMap<>();
    List<String[]> rows = new java.util.ArrayList<>();
    String[] header;
    try (BufferedReader r = Files.newBufferedReader(file)) {
      header = r.readLine().split(",");
      for (String line; (line = r.readLine()) != null; ) rows.add(line.split(",", -1));
    }
    List<String> items = List.of("E035", "C001", "F120", "D054", "C001_01", "F028", "H305", "B300");
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.length; i++) col.put(header[i], i);
    for (String item : items) {
      int c = col.get(item);
      max.put(item, rows.stream().mapToInt(x -> Integer.parseInt(x[c])).max().orElseThrow());
    }
    for (String[] x : rows) {
      double w = Double.parseDouble(x[col.get("gwght")]) * Double.parseDouble(x[col.get("pwght")]);
      for (String item : items) {
        int code = Integer.parseInt(x[col.get(item)]);
        if (code <= 0) continue;
        int m = max.get(item);
        boolean pro = m == 3 ? code == 1 : m == 10 ? code > 5 : code <= m / 2;
        if (item.startsWith("E035")) pro = !pro;
        double[] s = sums.computeIfAbsent(item, k -> new double[2]);
        if (pro) s[0] += w;
        s[1] += w;
      }
    }
    Map<String, Double> global = new HashMap<>();
    for (int r = 0; r < gt.global().rowCount(); r++) global.put(gt.global().stringColumn(0).get(r), gt.global().doubleColumn(1).getDouble(r));
    for (String item : items) {
      assertEquals(sums.get(item)[0] / sums.get(item)[1], global.get(item), 1e-12, item);
    }
  }

  @Test
  void selfConsistencyIsHighButBelowOneAndSeeded() {
    Table sc = gt.selfConsistency();
    assertEquals(13, sc.rowCount());
    for (int r = 0; r < sc.rowCount(); r++) {
      double v = sc.doubleColumn(1).getDouble(r);
      assertTrue(v > 0.5 && v < 0.95, sc.stringColumn(0).get(r) + " " + v);
      if (r > 0) assertTrue(v >= sc.doubleColumn(1).getDouble(r - 1), "ascending");
    }
    try (Microdata m = Microdata.read(file)) { // compute(Path) released its rows
      GroundTruth again = GroundTruth.compute(m, gt.settings());
      assertEquals(sc.toString(), again.selfConsistency().toString());
      GroundTruth other = GroundTruth.compute(m, gt.settings().withSeed(7));
      assertFalse(sc.doubleColumn(1).asList().equals(other.selfConsistency().doubleColumn(1).asList()));
    }
  }

  @Test
  void sameSeedSameFile(@TempDir Path other) throws IOException {
    MicrodataSynthesizer.Settings s = MicrodataSynthesizer.Settings.defaults().withRespondents(500).withSeed(9);
    Path a = new MicrodataSynthesizer(s).write(other.resolve("a.csv"));
    Path b = new MicrodataSynthesizer(s).write(other.resolve("b.csv"));
    Path c = new MicrodataSynthesizer(s.withSeed(10)).write(other.resolve("c.csv"));
    assertEquals(-1, Files.mismatch(a, b));
    assertTrue(Files.mismatch(a, c) >= 0);
  }
}
