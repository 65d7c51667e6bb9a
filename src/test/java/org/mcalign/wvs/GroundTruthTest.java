package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A hand-made file whose every score is worked out below. Weights are gwght × pwght.
 *
 * <pre>
 * row  country lang gwght pwght  w | E035(10,rev) C001(3) F120(10) D054(4) B011(11)
 * r1   DK      da   1.0   2.0    2 |  3 pro        1 pro   8 pro    2 pro   11 con
 * r2   DK      da   0.5   2.0    1 |  9 con        2 con  -2 miss   4 con    5 pro
 * r3   DK      en   1.0   2.0    2 | -1 miss       3 con  10 pro    1 pro   -1
 * r4   DK      da   0     2.0    0 |  6 con        1 pro   1 con    3 con   -1
 * r5   US      en   2.0   1.0    2 |  1 pro        1 pro   5 con   -3 miss  -1
 * r6   US      es   1.0   3.0    3 | 10 con        3 con   7 pro    2 pro   -1
 * r7   BE      fr   2.0   1.0    2 |  2 pro        2 con   9 pro    1 pro   -1
 * r8   BE      nl   1.0   1.0    1 |  7 con        1 pro   2 con    4 con   -1
 * r9   NZ      en   0     1.5    0 |  5 pro        1 pro   6 pro    1 pro   -1
 * </pre>
 *
 * Main languages by total gwght: DK da (1.5 vs en 1.0); US en (2.0 vs es 1.0, although es has
 * the larger gwght × pwght); BE fr (2.0, untested, so BE is left out of the country tables);
 * NZ en (its only language, total 0). Dropped columns: A001 (not B–H), E224 and C002_EVS5
 * (excluded names), F199 (maximum 12), E012 (maximum 1), E999 (no value at all).
 */
class GroundTruthTest {
  static final String HEADER =
      "cntry_AN,lnge_iso,gwght,pwght,A001,E224,C002_EVS5,E035,C001,F120,D054,B011,F199,E012,E999";
  static final String[] ROWS = {
    "DK,da,1.0,2.0,1,1,1,3,1,8,2,11,1,1,",
    "DK,da,0.5,2.0,2,2,2,9,2,-2,4,5,2,1,",
    "DK,en,1.0,2.0,3,3,3,-1,3,10,1,-1,12,1,",
    "DK,da,0,2.0,4,4,1,6,1,1,3,-1,1,1,",
    "US,en,2.0,1.0,5,1,2,1,1,5,-3,-1,1,1,",
    "US,es,1.0,3.0,6,2,3,10,3,7,2,-1,1,1,",
    "BE,fr,2.0,1.0,7,3,1,2,2,9,1,-1,1,1,",
    "BE,nl,1.0,1.0,8,4,2,7,1,2,4,-1,1,1,",
    "NZ,en,0,1.5,9,1,3,5,1,6,1,-1,1,1,",
  };

  static String file() {
    return HEADER + "\n" + String.join("\n", ROWS) + "\n";
  }

  static GroundTruth compute(String text, GroundTruthSettings s) throws IOException {
    Microdata m = Microdata.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "hand.csv", -1,
        Microdata.Progress.NONE);
    return GroundTruth.compute(m, s);
  }

  static Map<String, Double> scores(Table t, String groupColumn) {
    Map<String, Double> m = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String key = (groupColumn == null ? "" : t.stringColumn(groupColumn).get(r) + "/") + t.stringColumn("question_key").get(r);
      m.put(key, t.doubleColumn("pro_score").getDouble(r)); // NaN is a missing value to Tablesaw
    }
    return m;
  }

  @Test
  void itemSelection() throws IOException {
    GroundTruth gt = compute(file(), GroundTruthSettings.paper());
    assertEquals(List.of("E035", "C001", "F120", "D054", "B011", "F199", "E012", "E999"), gt.microdata().candidateItems());
    assertEquals(12, gt.microdata().maximum("F199").getAsLong());
    assertEquals(1, gt.microdata().maximum("E012").getAsLong());
    assertTrue(gt.microdata().maximum("E999").isEmpty());
    assertEquals(10, gt.microdata().maximum("E035").getAsLong());
    assertEquals(List.of("B011", "C001", "D054", "E035", "F120"), gt.global().stringColumn("question_key").asList());
  }

  @Test
  void byteOrderMarkAndQuotedFieldsAndCrlfReadAlike() throws IOException {
    String plain = file();
    String odd = "\uFEFF" + plain.replace("DK,", "\"DK\",").replace("\n", "\r\n");
    assertEquals(compute(plain, GroundTruthSettings.paper()).global().toString(),
        compute(odd, GroundTruthSettings.paper()).global().toString());
    assertEquals(compute(plain, GroundTruthSettings.paper()).everyCountry().toString(),
        compute(odd, GroundTruthSettings.paper()).everyCountry().toString());
  }

  @Test
  void globalScores() throws IOException {
    Map<String, Double> g = scores(compute(file(), GroundTruthSettings.paper()).global(), null);
    assertEquals(6.0 / 11, g.get("E035"), 1e-15); // pro r1 r5 r7 = 6; all valid = 2+1+0+2+3+2+1+0
    assertEquals(5.0 / 13, g.get("C001"), 1e-15); // pro r1 r4 r5 r8 r9 = 2+0+2+1+0
    assertEquals(9.0 / 12, g.get("F120"), 1e-15); // pro r1 r3 r6 r7 r9 = 2+2+3+2+0
    assertEquals(9.0 / 11, g.get("D054"), 1e-15); // pro r1 r3 r6 r7 r9 = 2+2+3+2+0
    assertEquals(1.0 / 3, g.get("B011"), 1e-15); // 11 > 5 con (w 2), 5 pro (w 1)
    assertEquals(5, g.size());
  }

  @Test
  void countryScoresAndLanguages() throws IOException {
    GroundTruth gt = compute(file(), GroundTruthSettings.paper());
    Table c = gt.everyCountry();
    assertEquals(List.of("cntry_an", "question_key", "pro_score", "lnge_iso"), c.columnNames());
    Map<String, Double> s = scores(c, "cntry_an");
    assertEquals(2.0 / 3, s.get("DK/E035"), 1e-15);
    assertEquals(2.0 / 5, s.get("DK/C001"), 1e-15);
    assertEquals(1.0, s.get("DK/F120"), 1e-15); // r2 missing, r4 weight 0
    assertEquals(4.0 / 5, s.get("DK/D054"), 1e-15);
    assertEquals(1.0 / 3, s.get("DK/B011"), 1e-15);
    assertEquals(2.0 / 5, s.get("US/E035"), 1e-15);
    assertEquals(2.0 / 5, s.get("US/C001"), 1e-15);
    assertEquals(3.0 / 5, s.get("US/F120"), 1e-15);
    assertEquals(1.0, s.get("US/D054"), 1e-15);
    assertFalse(s.containsKey("US/B011")); // no valid answer: no row, as the paper's group_by
    for (String item : List.of("E035", "C001", "F120", "D054")) {
      assertTrue(s.get("NZ/" + item).isNaN(), "NZ has only zero weights: 0/0"); // polars gives NaN
    }
    assertFalse(c.stringColumn("cntry_an").contains("BE")); // main language fr is untested
    assertEquals(13, c.rowCount());
    for (int r = 0; r < c.rowCount(); r++) {
      String lang = Map.of("DK", "da", "US", "en", "NZ", "en").get(c.stringColumn("cntry_an").get(r));
      assertEquals(lang, c.stringColumn("lnge_iso").get(r));
    }
    Table cl = gt.countryLanguages();
    assertEquals(List.of("cntry_AN", "lnge_iso"), cl.columnNames());
    // ordered by the main language's total gwght, largest first: US 2.0, DK 1.5, NZ 0
    assertEquals(List.of("US", "DK", "NZ"), cl.stringColumn("cntry_AN").asList());
    assertEquals(List.of("en", "da", "en"), cl.stringColumn("lnge_iso").asList());
  }

  @Test
  void languageScores() throws IOException {
    Table l = compute(file(), GroundTruthSettings.paper()).perLanguage();
    assertEquals(List.of("lnge_iso", "question_key", "pro_score"), l.columnNames());
    Map<String, Double> s = scores(l, "lnge_iso");
    assertEquals(2.0 / 3, s.get("da/E035"), 1e-15);
    assertEquals(2.0 / 3, s.get("da/C001"), 1e-15);
    assertEquals(1.0, s.get("da/F120"), 1e-15);
    assertEquals(2.0 / 3, s.get("da/D054"), 1e-15);
    assertEquals(1.0, s.get("en/E035"), 1e-15); // r5 only (r3 missing, r9 weight 0)
    assertEquals(0.5, s.get("en/C001"), 1e-15); // r3 con 2, r5 pro 2, r9 pro 0
    assertEquals(0.5, s.get("en/F120"), 1e-15); // r3 pro 2, r5 con 2, r9 pro 0
    assertEquals(1.0, s.get("en/D054"), 1e-15); // r3 pro 2, r9 pro 0
    assertEquals(0.0, s.get("nl/E035"), 1e-15); // BE's nl respondent counts for nl
    assertEquals(1.0, s.get("nl/C001"), 1e-15);
    assertEquals(0.0, s.get("nl/F120"), 1e-15);
    assertEquals(0.0, s.get("nl/D054"), 1e-15);
    assertFalse(l.stringColumn("lnge_iso").contains("es"));
    assertFalse(l.stringColumn("lnge_iso").contains("fr"));
    assertFalse(l.stringColumn("lnge_iso").contains("pt")); // tested but absent: no rows
  }

  @Test
  void configurableLanguages() throws IOException {
    GroundTruth gt = compute(file(), GroundTruthSettings.paper().withLanguages(List.of("fr", "es")));
    assertEquals(List.of("BE"), gt.countryLanguages().stringColumn("cntry_AN").asList());
    Map<String, Double> s = scores(gt.everyCountry(), "cntry_an");
    assertEquals(2.0 / 3, s.get("BE/E035"), 1e-15); // r7 pro 2, r8 con 1
    assertEquals(1.0 / 3, s.get("BE/C001"), 1e-15);
    assertEquals(2.0 / 3, s.get("BE/F120"), 1e-15);
    assertEquals(2.0 / 3, s.get("BE/D054"), 1e-15);
    Map<String, Double> l = scores(gt.perLanguage(), "lnge_iso");
    assertEquals(0.0, l.get("es/E035"), 1e-15);
    assertEquals(1.0, l.get("fr/E035"), 1e-15);
  }

  @Test
  void selfConsistencyOfSmallGroupsIsOne() throws IOException {
    // every (country, item) group has fewer than 10 valid respondents: each round samples the
    // whole group, every round gives the same scores, and the correlation over the self-join is
    // exactly 1 (the items' scores differ); NZ's samples weigh 0 in total, so NaN, sorted last
    Table sc = compute(file(), GroundTruthSettings.paper()).selfConsistency();
    assertEquals(List.of("cntry_AN", "self_consistency"), sc.columnNames());
    assertEquals(java.util.Set.of("DK", "US"), java.util.Set.copyOf(sc.stringColumn("cntry_AN").asList().subList(0, 2)));
    assertEquals("NZ", sc.stringColumn("cntry_AN").get(2));
    assertEquals(1.0, sc.doubleColumn(1).getDouble(0), 1e-12);
    assertEquals(1.0, sc.doubleColumn(1).getDouble(1), 1e-12);
    assertTrue(Double.isNaN(sc.doubleColumn(1).getDouble(2)));
  }

  @Test
  void writesThePapersFormats(@TempDir Path dir) throws IOException {
    GroundTruth gt = compute(file(), GroundTruthSettings.paper());
    gt.writeTo(dir);
    List<String> global = Files.readAllLines(dir.resolve(GroundTruth.GLOBAL));
    assertEquals(List.of("question_key,pro_score", "B011,0.3333333333333333", "C001,0.38461538461538464",
        "D054,0.8181818181818182", "E035,0.5454545454545454", "F120,0.75"), global);
    List<String> country = Files.readAllLines(dir.resolve(GroundTruth.EVERY_COUNTRY));
    assertTrue(country.contains("NZ,C001,NaN,en"));
    assertTrue(country.contains("DK,F120,1.0,da"));
    assertEquals(List.of("cntry_AN,lnge_iso", "US,en", "DK,da", "NZ,en"), Files.readAllLines(dir.resolve(GroundTruth.COUNTRY_LANGUAGES)));
    String prov = Files.readString(dir.resolve(GroundTruth.PROVENANCE));
    assertTrue(prov.contains("\"seed\" : 42"), prov);
    assertTrue(prov.contains("\"file\" : \"hand.csv\""), prov);
    try (var s = Files.list(dir)) {
      assertEquals(6, s.filter(p -> !p.getFileName().toString().startsWith(".")).count(), "five CSV files and provenance.json");
    }
    try (var s = Files.list(dir.getParent())) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith("." + dir.getFileName() + ".")).count(),
          "no staging folder left over");
    }
  }

  /** The checksums in provenance.json are taken from the bytes as the pass reads them: they must be the file's own. */
  @Test
  void provenanceHasTheFilesOwnChecksums(@TempDir Path dir) throws Exception {
    Path micro = dir.resolve("micro.csv");
    Files.writeString(micro, file());
    GroundTruth gt = GroundTruth.compute(micro, GroundTruthSettings.paper(), Microdata.Progress.NONE);
    gt.writeTo(dir.resolve("out"));
    String prov = Files.readString(dir.resolve("out").resolve(GroundTruth.PROVENANCE));
    byte[] bytes = Files.readAllBytes(micro);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes);
    assertTrue(prov.contains("\"crc32c\" : \"" + String.format("%08x", crc.getValue()) + "\""), prov);
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertTrue(prov.contains("\"sha256\" : \"" + sha + "\""), prov);
    assertEquals(sha, gt.microdata().sha256());
  }
}
