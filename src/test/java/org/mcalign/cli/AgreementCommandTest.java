package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementCommandTest {
  @TempDir Path dir;

  @Test
  void jsonHasTheDocumentedKeysAndRecordsTheSeed() throws Exception {
    Path f = dir.resolve("labels.csv");
    StringBuilder sb = new StringBuilder("item,rater,label,note\n");
    String[] a = {"pro", "con", "pro", "pro", "con", "con", "pro", "con"};
    String[] b = {"pro", "con", "con", "pro", "con", "con", "pro", "pro"};
    String[] c = {"pro", "", "pro", "pro", "con", "pro", "pro", "con"};
    for (int i = 0; i < a.length; i++) {
      sb.append("s").append(i).append(",gpt-4o,").append(a[i]).append(",x\n");
      sb.append("s").append(i).append(",gpt-4o-mini,").append(b[i]).append(",x\n");
      sb.append("s").append(i).append(",human,").append(c[i]).append(",x\n");
    }
    Files.writeString(f, sb.toString());
    CliRun r = CliRun.of("agreement", "--labels", f.toString(), "--json", "--rounds", "50", "--seed", "3");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (String k : new String[] {"fleiss_kappa", "pairwise_cohen_kappa", "krippendorff_alpha", "percent_agreement", "n_items", "n_raters"})
      assertTrue(j.has(k), k);
    assertEquals(8, j.get("n_items").asInt());
    assertEquals(3, j.get("n_raters").asInt());
    assertEquals(7, j.get("n_items_complete").asInt());
    // gpt-4o and gpt-4o-mini agree on 6 of 8: po = 0.75, both 4 pro / 4 con, pe = 0.5, κ = 0.5
    assertEquals(0.5, j.at("/pairwise_cohen_kappa/gpt-4o|gpt-4o-mini").asDouble(), 1e-12);
    assertTrue(j.get("pairwise_cohen_kappa").has("gpt-4o-mini|human"));
    assertEquals(3, j.at("/bootstrap/seed").asLong());
    assertTrue(r.err().contains("seed 3"), r.err());
    // the text summary names the statistics and the bootstrap
    CliRun t = CliRun.of("agreement", "--labels", f.toString(), "--rounds", "20");
    assertEquals(0, t.code());
    assertTrue(t.out().contains("krippendorff_alpha") && t.out().contains("seed 5125"), t.out());
  }

  @Test
  void badInputExitsWithOneAndNamesTheLine() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "item,rater,label\n1,a,x\n1,a,y\n");
    CliRun r = CliRun.of("agreement", "--labels", f.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("bad.csv line 3"), r.err());
    assertFalse(r.err().contains("at org.mcalign"), r.err());
    assertEquals(1, CliRun.of("agreement", "--labels", dir.resolve("none.csv").toString()).code());
    assertEquals(2, CliRun.of("agreement").code());
  }
}
