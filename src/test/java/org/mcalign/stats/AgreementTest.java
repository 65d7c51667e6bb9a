package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.DataFormatException;

class AgreementTest {
  @TempDir Path dir;

  /**
   * Generated labels: raters who copy a latent category with their own accuracy, else guess;
   * some ratings missing. Returns the ratings and writes them as long-format CSV.
   */
  static List<Agreement.Rating> generate(long seed, int items, int raters, int categories, double missing, Path csv) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] accuracy = new double[raters];
    for (int r = 0; r < raters; r++) accuracy[r] = 0.3 + 0.6 * rng.nextDouble();
    List<Agreement.Rating> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder("item,rater,label\n");
    for (int i = 0; i < items; i++) {
      int truth = rng.nextInt(categories);
      for (int r = 0; r < raters; r++) {
        String label = rng.nextDouble() < missing ? "" : "c" + (rng.nextDouble() < accuracy[r] ? truth : rng.nextInt(categories));
        out.add(new Agreement.Rating("item" + i, "rater " + r, label));
        sb.append("item").append(i).append(",rater ").append(r).append(',').append(label).append('\n');
      }
    }
    Files.writeString(csv, sb.toString());
    return out;
  }

  @Test
  void equalsStatsmodelsFleissAndCohenOnGeneratedLabels() throws IOException {
    StatsmodelsReference.requireStatsmodels(dir);
    int[][] designs = {{40, 2, 2}, {150, 3, 3}, {200, 5, 4}, {60, 4, 2}, {120, 3, 5}};
    List<Path> files = new ArrayList<>();
    List<List<Agreement.Rating>> inputs = new ArrayList<>();
    for (int d = 0; d < designs.length; d++)
      for (double missing : new double[] {0, 0.15}) {
        Path csv = dir.resolve("labels" + d + "-" + missing + ".csv");
        inputs.add(generate(100 + d, designs[d][0], designs[d][1], designs[d][2], missing, csv));
        files.add(csv);
      }
    JsonNode refs = StatsmodelsReference.call(dir, "agreement", files);
    for (int i = 0; i < files.size(); i++) {
      JsonNode ref = refs.get(i);
      Agreement ours = Agreement.of(inputs.get(i));
      String what = files.get(i).getFileName().toString();
      assertEquals(ref.get("fleiss_kappa").asDouble(), ours.fleissKappa(), 1e-9, what);
      var pairs = ref.get("pairwise_cohen_kappa");
      assertEquals(pairs.size(), ours.pairwiseCohenKappa().size(), what);
      pairs.fields().forEachRemaining(e ->
          assertEquals(e.getValue().asDouble(), ours.pairwiseCohenKappa().get(e.getKey()), 1e-9, what + " " + e.getKey()));
      // the CSV path reads the same ratings
      assertEquals(ours.fleissKappa(), Agreement.fromCsv(files.get(i), 0, 1).fleissKappa(), 0);
    }
  }

  /**
   * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C: four observers, twelve
   * units, values 1–5, some missing; nominal α = 0.743. By hand: 40 pairable values, Σ_{c≠k} o_ck
   * = 8 and Σ_{c≠k} n_c·n_k = 1216, so α = 1 − 39·8/1216 = 113/152.
   */
  @Test
  void krippendorffAlphaEqualsTheHandWorkedExampleWithMissingValues() {
    String[][] data = {
        {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
        {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
        {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
        {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null}};
    List<Agreement.Rating> ratings = new ArrayList<>();
    for (int o = 0; o < 4; o++)
      for (int u = 0; u < 12; u++) ratings.add(new Agreement.Rating("unit " + (u + 1), "observer " + "ABCD".charAt(o), data[o][u]));
    Agreement a = Agreement.of(ratings);
    assertEquals(113.0 / 152.0, a.krippendorffAlpha(), 1e-12);
    assertEquals(0.743, a.krippendorffAlpha(), 5e-4);
    assertEquals(12, a.nItems());
    assertEquals(4, a.nRaters());
    assertEquals(List.of("1", "2", "3", "4", "5"), a.categories());
    // units 1, 10, 11, 12 lack a rating: Fleiss' κ uses the 8 complete ones
    assertEquals(8, a.nItemsComplete());
  }

  @Test
  void percentAgreementAveragesAgreeingPairsPerItem() {
    List<Agreement.Rating> r = List.of(
        new Agreement.Rating("1", "a", "x"), new Agreement.Rating("1", "b", "x"), new Agreement.Rating("1", "c", "y"),
        new Agreement.Rating("2", "a", "y"), new Agreement.Rating("2", "b", "y"), new Agreement.Rating("2", "c", ""),
        new Agreement.Rating("3", "a", "x"));
    Agreement a = Agreement.of(r);
    // item 1: 1 of 3 pairs agree; item 2: 1 of 1; item 3 has one rating and is not pairable
    assertEquals((1.0 / 3 + 1.0) / 2, a.percentAgreement(), 1e-12);
    assertEquals(1.0, a.pairwisePercentAgreement().get("a|b"), 0);
    assertEquals(0.0, a.pairwisePercentAgreement().get("a|c"), 0);
    assertEquals(List.of("a|b", "a|c", "b|c"), List.copyOf(a.pairwiseCohenKappa().keySet()));
  }

  @Test
  void bootstrapIsSeededRecordedAndBracketsTheEstimate() throws IOException {
    Path csv = dir.resolve("boot.csv");
    List<Agreement.Rating> ratings = generate(7, 300, 3, 2, 0.1, csv);
    Agreement a = Agreement.of(ratings, 400, 99);
    Agreement b = Agreement.of(ratings, 400, 99);
    Agreement c = Agreement.of(ratings, 400, 100);
    assertArrayEquals(a.interval("fleiss_kappa"), b.interval("fleiss_kappa"));
    assertFalse(a.interval("fleiss_kappa")[0] == c.interval("fleiss_kappa")[0]);
    for (String s : List.of("fleiss_kappa", "krippendorff_alpha", "percent_agreement", "cohen_kappa rater 0|rater 2")) {
      double[] iv = a.interval(s);
      double est = a.confInt().where(a.confInt().stringColumn("statistic").isEqualTo(s)).doubleColumn("estimate").getDouble(0);
      assertTrue(iv[0] < est && est < iv[1], s + " " + iv[0] + " " + est + " " + iv[1]);
      assertTrue(iv[1] - iv[0] < 0.3, s);
    }
    JsonNode j = new ObjectMapper().readTree(a.toJson());
    for (String k : List.of("fleiss_kappa", "pairwise_cohen_kappa", "krippendorff_alpha", "percent_agreement", "n_items", "n_raters"))
      assertTrue(j.has(k), k);
    assertEquals(99, j.at("/bootstrap/seed").asLong());
    assertEquals(400, j.at("/bootstrap/rounds").asInt());
    assertEquals(a.fleissKappa(), j.get("fleiss_kappa").asDouble(), 0);
    assertEquals(a.interval("fleiss_kappa")[0], j.at("/bootstrap/intervals/fleiss_kappa/0").asDouble(), 0);
    assertEquals(300, j.get("n_items").asInt());
    assertEquals(3, j.get("n_raters").asInt());
  }

  @Test
  void badInputIsAnErrorNamingTheFileAndLine() throws IOException {
    Path dup = dir.resolve("dup.csv");
    Files.writeString(dup, "item,rater,label\n1,a,x\n1,b,y\n1,a,y\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Agreement.fromCsv(dup, 0, 1));
    assertTrue(e.getMessage().contains("dup.csv line 4") && e.getMessage().contains("line 2"), e.getMessage());
    Path noLabel = dir.resolve("nolabel.csv");
    Files.writeString(noLabel, "item,rater\n1,a\n");
    var f = assertThrows(DataFormatException.class, () -> Agreement.fromCsv(noLabel, 0, 1));
    assertTrue(f.getMessage().contains("nolabel.csv") && f.getMessage().contains("label"), f.getMessage());
    Path blankRater = dir.resolve("blank.csv");
    Files.writeString(blankRater, "item,rater,label\n1,a,x\n2,,y\n");
    var g = assertThrows(DataFormatException.class, () -> Agreement.fromCsv(blankRater, 0, 1));
    assertTrue(g.getMessage().contains("line 3"), g.getMessage());
  }
}
