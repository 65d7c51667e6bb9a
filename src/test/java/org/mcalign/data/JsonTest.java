package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Json} against Jackson's own {@code ObjectMapper}: the same trees read, the same text written. */
class JsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParameterizedTest
  @ValueSource(strings = {
    "{}", "[]", "{\"a\": 1, \"a\": 2}", "{\"n\": [1, -2, 2147483648, 9223372036854775808, 1.5, -0.0, 1e300, 3E-2]}",
    "{\"s\": \"caf\\u00e9 \\\"q\\\" \\n\", \"t\": true, \"f\": false, \"z\": null, \"e\": {}, \"l\": [[], [{}]]}",
    "{\"a\": 1} trailing", "  \n 42 ", "\"text\"", "[1, {\"b\": [true, null]}]"})
  void readsTheTreeJacksonReads(String text) throws Exception {
    assertEquals(MAPPER.readTree(text), Json.readTree(text), text);
    assertEquals(MAPPER.readTree(text).getClass(), Json.readTree(text).getClass(), text);
  }

  @Test
  void thePapersStudyReadsTheSame() throws Exception {
    String text;
    try (var in = Study.class.getResourceAsStream("paper-study.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonNode tree = Json.readTree(text);
    assertNotNull(tree.get("models"));
    assertEquals(MAPPER.readTree(text), tree);
    assertEquals(INDENTED.writeValueAsString(MAPPER.readTree(text)), Json.pretty(tree), "a tree written back");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": }", "{\n\"a\": 1,\n\n\"b\" 2}", "[1, 2", "{\"a\": tru}"})
  void invalidJsonFailsOnTheSameLine(String text) {
    JsonProcessingException ours = assertThrows(JsonProcessingException.class, () -> Json.readTree(text));
    JsonProcessingException theirs = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(text));
    assertEquals(theirs.getLocation().getLineNr(), ours.getLocation().getLineNr(), text);
  }

  @Test
  void noValueIsNoTree() throws Exception {
    assertEquals(MAPPER.readTree(""), Json.readTree(""));
    assertEquals(MAPPER.readTree("  \n"), Json.readTree("  \n"));
    assertTrue(Json.readTree("").isMissingNode());
  }

  enum Colour { RED, GREEN }

  record Entry(String file, long bytes, Colour colour, List<Integer> codes, Double share) {}

  /** Random documents of every kind the project writes, read back and written as the mapper writes them. */
  @Test
  void randomValuesWriteAndReadAsJacksonDoes() throws Exception {
    SplittableRandom rng = new SplittableRandom(2502);
    for (int i = 0; i < 400; i++) {
      Object v = value(rng, 0);
      String ours = Json.pretty(v);
      assertEquals(INDENTED.writeValueAsString(v), ours, String.valueOf(v));
      assertEquals(MAPPER.readTree(ours), Json.readTree(ours), ours);
    }
  }

  @Test
  void provenanceLikeStructures() throws Exception {
    Map<String, Object> settings = new TreeMap<>(Map.of("rounds", 100, "languages", List.of("da", "en"), "item_maximum_range",
        List.of(2, 11), "share", 0.1 + 0.2, "missing", Double.NaN, "infinite", Double.NEGATIVE_INFINITY));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("seed", 5125L);
    root.put("settings", settings);
    root.put("files", List.of(new Entry("m.csv", 98528207L, Colour.GREEN, List.of(1, -2), null),
        new Entry("é \"x\"", 0, Colour.RED, List.of(), 1e-300)));
    root.put("nothing", null);
    root.put("array", new String[] {"a", "b"});
    assertEquals(INDENTED.writeValueAsString(root), Json.pretty(root));
    assertThrows(IllegalArgumentException.class, () -> Json.pretty(Map.of("x", new Object())));
  }

  private static Object value(SplittableRandom rng, int depth) {
    int kind = rng.nextInt(depth > 3 ? 8 : 11);
    return switch (kind) {
      case 0 -> "s" + "é\"\\\n\t<>".substring(0, rng.nextInt(8));
      case 1 -> rng.nextLong() >> rng.nextInt(64);
      case 2 -> rng.nextInt();
      case 3 -> rng.nextDouble() * Math.pow(10, rng.nextInt(-30, 30)) * (rng.nextBoolean() ? 1 : -1);
      case 4 -> rng.nextBoolean();
      case 5 -> null;
      case 6 -> Colour.values()[rng.nextInt(2)];
      case 7 -> new Entry("f" + rng.nextInt(9), rng.nextLong(), Colour.RED, List.of(rng.nextInt(5)), rng.nextBoolean() ? null : 0.5);
      case 8 -> {
        List<Object> l = new ArrayList<>();
        for (int k = rng.nextInt(4); k > 0; k--) l.add(value(rng, depth + 1));
        yield l;
      }
      case 9 -> Arrays.asList(value(rng, depth + 1), value(rng, depth + 1));
      default -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = rng.nextInt(4); k > 0; k--) m.put("k" + rng.nextInt(5), value(rng, depth + 1));
        yield m;
      }
    };
  }
}
