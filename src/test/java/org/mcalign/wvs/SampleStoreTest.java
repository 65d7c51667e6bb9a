package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.mcalign.data.CsvOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-consistency samples drawn from the sample store are the ones the former in-memory row
 * store drew: the SHA-256 of every output table (five CSV texts) on generated microdata, as the
 * one-pass row store (commit d72a2b1) computed them, for several seeds and shapes.
 */
class SampleStoreTest {
  @TempDir Path dir;

  static String digest(GroundTruth gt) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (tech.tablesaw.api.Table t : new tech.tablesaw.api.Table[] {gt.everyCountry(), gt.perLanguage(), gt.global(),
        gt.countryLanguages(), gt.selfConsistency()}) {
      md.update(CsvOut.toCsv(t, CsvOut.Style.POLARS).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Digest of the tables computed with the sample store in memory and spilled to its temporary file. */
  String digestBothWays(int respondents, long seed, int extraItems, GroundTruthSettings s) throws Exception {
    Path f = new MicrodataSynthesizer(MicrodataSynthesizer.Settings.defaults().withRespondents(respondents).withSeed(seed)
        .withExtraItems(extraItems)).write(dir.resolve("m" + seed + ".csv"));
    try (Microdata m = Microdata.read(f)) {
      String inMemory = digest(GroundTruth.compute(m, s));
      assertEquals(inMemory, digest(GroundTruth.compute(m, s, 0)), "spilled store, read country by country in every round");
      return inMemory;
    }
  }

  @Test
  void sameTablesAsTheInMemoryRowStore() throws Exception {
    GroundTruthSettings paper = GroundTruthSettings.paper();
    assertEquals("7c931da1012b8a1e6e5b2fca71afca320d5721f2b1d62ab11bb2d08b2b0ed910",
        digestBothWays(3_000, 1, 20, paper.withSeed(5)));
    assertEquals("93933b5868ab1ae5e82b52bcb5a4981ea8dbe64bad12fe6509da0afb8b558cbf",
        digestBothWays(2_000, 7, 0, paper.withRounds(30)));
    // other tested languages: other countries and, with 400 respondents, other kept items
    assertEquals("a9543eee935258f63220c5e87797fb1198e1bc4abe00e2fca5a287f470fb1ceb",
        digestBothWays(400, 11, 40, paper.withSeed(9).withLanguages(List.of("en", "fr", "de"))));
    // 150 respondents over 23 countries: several have fewer than the sample size of 10
    assertEquals("15d2603fd10927239b40aa31ad08916c6f658b3efe56014f73f87764bfdb1c32", digestBothWays(150, 3, 5, paper));
  }
}
