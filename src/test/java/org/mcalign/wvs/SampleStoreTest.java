package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
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

  @Test
  void spilledStoreHoldsTheSameRecordsAndIsReadCountryByCountry() throws Exception {
    Path f = new MicrodataSynthesizer(MicrodataSynthesizer.Settings.defaults().withRespondents(1_000).withSeed(4)
        .withExtraItems(10)).write(dir.resolve("m.csv"));
    try (Microdata m = Microdata.read(f)) {
      GroundTruth gt = GroundTruth.compute(m, GroundTruthSettings.paper());
      try (SampleStore memory = gt.sampleStore(); SampleStore spilled = GroundTruth.compute(m, GroundTruthSettings.paper(), 0).sampleStore()) {
        assertTrue(memory.inMemory());
        assertFalse(spilled.inMemory());
        int countries = gt.countryLanguages().rowCount();
        assertTrue(countries >= 13, "the paper's 13 tested countries at least: " + countries);
        long total = 0;
        for (int slot = 0; slot < countries; slot++) {
          int n = memory.blockBytes(slot);
          total += n;
          assertArrayEquals(Arrays.copyOf(memory.block(slot), n), Arrays.copyOf(spilled.block(slot), n), "country slot " + slot);
        }
        assertEquals(total, spilled.bytes());
        assertEquals(countries, spilled.loads);
        spilled.block(countries - 1); // the country read last is not read again
        assertEquals(countries, spilled.loads);
      }
    }
  }

  @Test
  void rowRecordsComeBackInOrderAcrossBufferRefills() {
    int codeBytes = 700_000; // more than half the buffer: one record per write
    try (RowSpill spill = new RowSpill(codeBytes)) {
      for (int r = 0; r < 5; r++) {
        int at = spill.append(r + 0.5, 10 * r);
        spill.buffer()[at + r] = (byte) (r + 1);
        spill.buffer()[at + codeBytes - 1] = (byte) 0x7F;
      }
      List<String> seen = new ArrayList<>();
      for (int pass = 0; pass < 2; pass++) {
        spill.forEach("test", (index, weight, cell, b, at) -> {
          int set = 0;
          for (int i = 0; i < codeBytes - 1; i++) if (b[at + i] != 0) set += 1000 * i + b[at + i];
          seen.add(index + ":" + weight + ":" + cell + ":" + set + ":" + b[at + codeBytes - 1]);
        });
      }
      List<String> once = List.of("0:0.5:0:1:127", "1:1.5:10:1002:127", "2:2.5:20:2003:127", "3:3.5:30:3004:127", "4:4.5:40:4005:127");
      List<String> twice = new ArrayList<>(once);
      twice.addAll(once);
      assertEquals(twice, seen);
      assertEquals(5L * (RowSpill.CODES_AT + codeBytes), spill.bytes());
      spill.close();
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> spill.forEach("spill.csv", (i, w, c, b, at) -> {}));
      assertTrue(e.getMessage().contains("spill.csv") && e.getMessage().contains("Microdata.read"), e.getMessage());
    }
  }

  /** The heap holds the same accumulators for 300 or 3,000 respondents of the same cells: the rows are in the file. */
  @Test
  void heapAccumulatorsDoNotGrowWithRespondents() throws Exception {
    long[] retained = new long[2];
    long[] spilled = new long[2];
    int k = 0;
    for (int copies : new int[] {100, 1_000}) {
      StringBuilder csv = new StringBuilder("cntry_AN,lnge_iso,gwght,pwght,F120,E114\n");
      for (int i = 0; i < copies; i++) csv.append("DK,da,1,1,8,2\nUS,en,1,2,3,-1\nUS,es,1,2,-1,4\n");
      try (Microdata m = Microdata.read(new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
          "copies.csv", -1, Microdata.Progress.NONE)) {
        retained[k] = m.retainedBytes();
        spilled[k++] = m.spilledBytes();
      }
    }
    assertEquals(retained[0], retained[1]);
    assertEquals(10 * spilled[0], spilled[1]);
  }
}
