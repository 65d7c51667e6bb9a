package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;

/** A column built from codes equals the one appending builds: dictionary, keys, counts, and what happens next. */
class StringColumnsTest {
  private static void assertSameColumn(StringColumn expected, StringColumn actual, String what) {
    assertEquals(expected.name(), actual.name(), what);
    assertArrayEquals(expected.asObjectArray(), actual.asObjectArray(), what);
    assertEquals(expected.getDictionary().getClass(), actual.getDictionary().getClass(), what);
    assertEquals(expected.getDictionary(), actual.getDictionary(), what + ": keys, dictionary and counts");
    assertEquals(expected.countUnique(), actual.countUnique(), what);
    assertEquals(expected.unique().asList(), actual.unique().asList(), what + ": unique values in the same order");
  }

  @Test
  void equalsAppendingOnRandomCodesWithRepeatedValues() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int t = 0; t < 200; t++) {
      int k = 1 + rng.nextInt(60), n = rng.nextInt(2000);
      String[] values = new String[k];
      // names repeat across codes, as a dictionary keyed by value must merge them
      for (int c = 0; c < k; c++) values[c] = "v" + rng.nextInt(Math.max(1, k / 2));
      int[] codes = new int[n + 5];
      for (int i = 0; i < codes.length; i++) codes[i] = rng.nextInt(k);
      StringColumn bulk = StringColumns.of("c", values, codes, n), reference = StringColumns.appended("c", values, codes, n);
      assertSameColumn(reference, bulk, "trial " + t);
      // the built dictionary goes on as Tablesaw's own: a known value, a new one, a missing one, a change
      for (StringColumn col : new StringColumn[] {bulk, reference}) {
        col.append(values[0]);
        col.append("new value");
        col.appendMissing();
        if (col.size() > 1) col.set(0, "set value");
      }
      assertSameColumn(reference, bulk, "trial " + t + " after appends");
    }
  }

  @Test
  void moreNamesThanAByteDictionaryHoldsAndMissingValuesAreAppendedAsTablesawWould() {
    String[] many = new String[300];
    for (int i = 0; i < many.length; i++) many[i] = "name " + i;
    int[] codes = new int[600];
    for (int i = 0; i < codes.length; i++) codes[i] = i % many.length;
    StringColumn wide = StringColumns.of("w", many, codes, codes.length);
    assertSameColumn(StringColumns.appended("w", many, codes, codes.length), wide, "300 names");
    assertNotEquals(tech.tablesaw.columns.strings.ByteDictionaryMap.class, wide.getDictionary().getClass(), "promoted as appending promotes");

    int[] exact = new int[254];
    for (int i = 0; i < exact.length; i++) exact[i] = i;
    assertSameColumn(StringColumns.appended("e", many, exact, 254), StringColumns.of("e", many, exact, 254), "254 names: a full byte dictionary");
    int[] over = java.util.Arrays.copyOf(exact, 255);
    over[254] = 254;
    assertSameColumn(StringColumns.appended("o", many, over, 255), StringColumns.of("o", many, over, 255), "255 names");

    String[] withMissing = {"a", null, "", "b"};
    int[] mc = {0, 1, 2, 3, 0, 1};
    assertSameColumn(StringColumns.appended("m", withMissing, mc, mc.length), StringColumns.of("m", withMissing, mc, mc.length), "missing");
    assertEquals(3, StringColumns.of("m", withMissing, mc, mc.length).countMissing(), "null and the empty string are both missing");
    assertEquals(0, StringColumns.of("z", withMissing, mc, 0).size());
  }
}
