package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WvsCommandsTest {
  @TempDir Path dir;

  /** Runs the command line, returning {exit code, stderr}. */
  static Object[] run(String... args) {
    CliRun r = CliRun.of(args);
    return new Object[] {r.code(), r.err()};
  }

  /** The published file's header when the paper's data is at hand (MCA_DATA or ../shared/paper-data). */
  static String publishedHeader(String name) throws Exception {
    String env = System.getenv("MCA_DATA");
    Path folder = env != null ? Path.of(env) : Path.of("..", "shared", "paper-data");
    Path f = folder.resolve(name);
    return Files.exists(f) ? Files.readAllLines(f).get(0) : null;
  }

  @Test
  void synthesizeThenGroundTruth() throws Exception {
    Path micro = dir.resolve("micro.csv");
    Path out = dir.resolve("gt");
    Object[] s = run("wvs-synthesize", "--out", micro.toString(), "--respondents", "3000", "--seed", "5");
    assertEquals(0, s[0], (String) s[1]);
    Object[] g = run("wvs-ground-truth", "--microdata", micro.toString(), "--out", out.toString(), "--seed", "9",
        "--languages", "da,en,nl,pt", "--rounds", "20");
    assertEquals(0, g[0], (String) g[1]);
    assertTrue(((String) g[1]).contains("respondents"), "progress on stderr");
    List<String> expectedHeaders = List.of(
        "ground_truth_every_country.csv", "cntry_an,question_key,pro_score,lnge_iso",
        "ground_truth_per_language.csv", "lnge_iso,question_key,pro_score",
        "ground_truth_global.csv", "question_key,pro_score",
        "country_languages.csv", "cntry_AN,lnge_iso",
        "gt_self_consistency.csv", "cntry_AN,self_consistency");
    for (int i = 0; i < expectedHeaders.size(); i += 2) {
      String name = expectedHeaders.get(i);
      String header = Files.readAllLines(out.resolve(name)).get(0);
      assertEquals(expectedHeaders.get(i + 1), header, name);
      String published = publishedHeader(name);
      if (published != null) assertEquals(published, header, "same header as the published " + name);
    }
    String prov = Files.readString(out.resolve("provenance.json"));
    assertTrue(prov.contains("\"seed\" : 9") && prov.contains("\"rounds\" : 20"), prov);
    assertFalse(prov.contains(dir.toString()), "no absolute paths in provenance");
  }

  @Test
  void badInputExitsWithTheLineAndWritesNothing() throws Exception {
    Path micro = dir.resolve("micro.csv");
    Files.writeString(micro, "cntry_AN,lnge_iso,gwght,pwght,F120\nDK,da,1,1,3\nDK,da,1,1,x\n");
    Path out = dir.resolve("gt");
    Object[] g = run("wvs-ground-truth", "--microdata", micro.toString(), "--out", out.toString());
    assertEquals(1, g[0]);
    assertTrue(((String) g[1]).contains("micro.csv, line 3"), (String) g[1]);
    assertFalse(Files.exists(out));
  }

  @Test
  void unknownLanguagesAreRefusedNamingThoseOfTheFile() throws Exception {
    Path micro = dir.resolve("micro.csv");
    assertEquals(0, run("wvs-synthesize", "--out", micro.toString(), "--respondents", "400", "--seed", "5")[0]);
    for (String langs : List.of("xx,zz", "da,xx")) {
      Path out = dir.resolve("gt-" + langs);
      Object[] g = run("wvs-ground-truth", "--microdata", micro.toString(), "--out", out.toString(), "--languages", langs,
          "--rounds", "2");
      assertEquals(1, g[0], (String) g[1]);
      assertTrue(((String) g[1]).contains("interviewed in") && ((String) g[1]).contains("xx"), (String) g[1]);
      assertTrue(((String) g[1]).contains("lnge_iso values: "), (String) g[1]);
      assertFalse(Files.exists(out), "nothing written");
    }
    Object[] g = run("wvs-ground-truth", "--microdata", micro.toString(), "--out", dir.resolve("x").toString(), "--languages", "EN1");
    assertEquals(1, g[0]);
    assertTrue(((String) g[1]).contains("'EN1' is not a language code"), (String) g[1]);
  }
}
