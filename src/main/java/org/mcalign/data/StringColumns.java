package org.mcalign.data;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;

/**
 * Tablesaw string columns built in one pass from a code per row, equal (dictionary, keys and
 * counts) to the column that appending the values one by one builds. The bootstrap tables hold
 * hundreds of thousands of rows over a few dozen names; appending does two hash lookups per cell,
 * which took about 0.3 s of {@code analyze all}'s main thread.
 */
public final class StringColumns {
  private StringColumns() {}

  /** Keys a byte dictionary hands out: from {@code Byte.MIN_VALUE + 1} up to, not including, the missing-value key. */
  private static final int BYTE_KEYS = Byte.MAX_VALUE - Byte.MIN_VALUE - 1;

  /**
   * The column whose row {@code i < n} holds {@code values[codes[i]]}. Values may repeat in
   * {@code values}; a missing value (null or Tablesaw's missing indicator) or more distinct
   * values than a byte dictionary holds are appended one by one instead, as Tablesaw would.
   */
  public static StringColumn of(String name, String[] values, int[] codes, int n) {
    int[] keyOfCode = new int[values.length];
    java.util.Arrays.fill(keyOfCode, Integer.MIN_VALUE); // not seen yet
    Map<String, Integer> keyOfValue = new HashMap<>();
    String[] valueOfKey = new String[BYTE_KEYS];
    int[] count = new int[BYTE_KEYS];
    byte[] keys = new byte[n];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      int c = codes[i];
      int k = keyOfCode[c];
      if (k == Integer.MIN_VALUE) {
        String v = values[c];
        if (v == null || StringColumn.valueIsMissing(v) || (!keyOfValue.containsKey(v) && distinct == BYTE_KEYS))
          return appended(name, values, codes, n);
        Integer known = keyOfValue.get(v);
        if (known == null) {
          known = distinct++;
          keyOfValue.put(v, known);
          valueOfKey[known] = v;
        }
        k = keyOfCode[c] = known;
      }
      keys[i] = (byte) (Byte.MIN_VALUE + 1 + k); // Tablesaw's first key is MIN_VALUE + 1
      count[k]++;
    }
    Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
    Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
    valueToKey.defaultReturnValue(Byte.MIN_VALUE); // as ByteDictionaryMap's constructor: "no such value"
    Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();
    keyToCount.defaultReturnValue(0);
    for (int k = 0; k < distinct; k++) {
      byte key = (byte) (Byte.MIN_VALUE + 1 + k);
      keyToValue.put(key, valueOfKey[k]);
      valueToKey.put(valueOfKey[k], key);
      keyToCount.put(key, count[k]);
    }
    ByteDictionaryMap map = new ByteDictionaryMap.ByteDictionaryBuilder()
        .setNextIndex(Byte.MIN_VALUE + distinct)
        .setKeyToValue(keyToValue)
        .setValueToKey(valueToKey)
        .setKeyToCount(keyToCount)
        .setValues(keys)
        .build();
    return StringColumn.createInternal(name, map);
  }

  /** The reference: one append per row. */
  static StringColumn appended(String name, String[] values, int[] codes, int n) {
    StringColumn c = StringColumn.create(name);
    for (int i = 0; i < n; i++) c.append(values[codes[i]]);
    return c;
  }
}
