package org.mcalign.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON object whose values are lists of strings (stance labels, topic variations),
 * naming the line and character of any bad entry.
 */
final class JsonMapReader {
  private JsonMapReader() {}

  /**
   * @param listSize the exact size each list must have, or -1 for any non-empty list
   * @param lowerCaseKeys whether keys are lower-cased (two keys equal but for case are duplicates)
   */
  static Map<String, List<String>> read(
      byte[] bytes, String file, String expected, int listSize, boolean lowerCaseKeys) {
    String text = Utf8Text.decode(bytes, file, expected);
    if (text.isBlank()) throw new DataFormatException(file, 0, null, "the file is empty", expected);
    Map<String, List<String>> out = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    try (JsonParser p = JsonlReader.MAPPER.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error(file, p.currentTokenLocation(), "the file is not a JSON object", expected);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        String key = lowerCaseKeys ? name.toLowerCase(Locale.ROOT) : name;
        p.nextToken();
        JsonNode v = p.readValueAsTree();
        if (v == null || !v.isArray() || (listSize >= 0 ? v.size() != listSize : v.isEmpty())) {
          throw error(file, at, "value of '" + name + "' must be a list of "
              + (listSize >= 0 ? "exactly " + listSize : "one or more") + " strings", expected);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode e : v) {
          if (!e.isTextual() || e.textValue().isBlank()) {
            throw error(file, at, "value of '" + name + "' holds " + e + ", not a non-empty string", expected);
          }
          items.add(e.textValue());
        }
        Integer first = lines.putIfAbsent(key, at.getLineNr());
        if (first != null) {
          throw error(file, at, "duplicate key '" + key + "' (first at line " + first + ")", expected);
        }
        out.put(key, Collections.unmodifiableList(items));
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw error(file, p.currentTokenLocation(), "unexpected " + p.currentToken(), expected);
      }
      if (p.nextToken() != null) {
        throw error(file, p.currentTokenLocation(), "unexpected content after the JSON object", expected);
      }
    } catch (JsonProcessingException e) {
      String problem = e.getOriginalMessage();
      if (problem.startsWith("Duplicate field")) problem = "duplicate key: " + problem;
      throw error(file, e.getLocation(), "malformed JSON: " + problem, expected);
    } catch (IOException e) {
      throw new DataFormatException(file, 0, null, "could not parse: " + e.getMessage(), expected);
    }
    if (out.isEmpty()) throw new DataFormatException(file, 0, null, "the JSON object is empty", expected);
    return Collections.unmodifiableMap(out);
  }

  private static DataFormatException error(String file, JsonLocation at, String problem, String expected) {
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    String col = at == null || at.getColumnNr() <= 0 ? null : "character " + at.getColumnNr();
    return new DataFormatException(file, line, col, problem, expected);
  }
}
