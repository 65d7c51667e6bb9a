package org.mcalign.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a JSON-lines file and validates each object's fields against a {@link Schema}. */
final class JsonlReader {
  private JsonlReader() {}

  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** One validated object and the line it is on. */
  record Line(int line, ObjectNode node) {}

  static List<Line> read(Schema schema, byte[] bytes, String file, Study study) {
    String expected = schema.describe();
    String text = Utf8Text.decode(bytes, file, expected);
    if (text.isBlank()) {
      throw new DataFormatException(file, 0, null, "the file is empty; expected one JSON object per line", expected);
    }
    List<Line> out = new ArrayList<>();
    Map<String, Integer> keys = schema.key().isEmpty() ? null : new HashMap<>();
    int lineNo = 0;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) end = n;
      lineNo++;
      String line = text.substring(start, end);
      if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
      start = end + 1;
      if (line.isBlank()) continue;
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        throw new DataFormatException(file, lineNo, col > 0 ? "character " + col : null,
            "malformed JSON: " + e.getOriginalMessage(), expected);
      }
      if (!(node instanceof ObjectNode obj)) {
        throw new DataFormatException(file, lineNo, null, "the line is not a JSON object", expected);
      }
      for (Schema.Column c : schema.columns()) checkField(obj, c, file, lineNo, expected, study);
      if (keys != null) {
        StringBuilder key = new StringBuilder();
        for (String k : schema.key()) key.append(obj.get(k).asText()).append('\u0000');
        Integer first = keys.putIfAbsent(key.toString(), lineNo);
        if (first != null) {
          throw new DataFormatException(file, lineNo, "field " + schema.key().get(0),
              "duplicate key " + String.join("+", schema.key()) + "=" + key.toString().replace("\u0000", " ").trim()
                  + " (first at line " + first + ")", expected);
        }
      }
      out.add(new Line(lineNo, obj));
    }
    if (out.size() < schema.minRows()) {
      throw new DataFormatException(file, 0, null, "the file has no JSON objects", expected);
    }
    return out;
  }

  private static void checkField(ObjectNode obj, Schema.Column c, String file, int line, String expected, Study study) {
    JsonNode v = obj.get(c.name());
    String where = "field " + c.name();
    if (v == null || v.isNull()) {
      if (c.nullable()) return;
      throw new DataFormatException(file, line, where, "missing required field " + c.name(), expected);
    }
    switch (c.type()) {
      case STRING -> {
        if (!v.isTextual()) throw typeError(file, line, where, c, v, expected);
        if (!c.check().accepts(v.textValue(), study)) {
          if (c.check().fromStudy())
            throw new DataFormatException(file, line, where, study.undeclared(c.check().kind(), List.of(v.textValue()), "the file"), null);
          throw new DataFormatException(file, line, where,
              "unknown value '" + v.textValue() + "'; expected a " + c.check().label(), expected);
        }
      }
      case DOUBLE -> {
        if (!v.isNumber()) throw typeError(file, line, where, c, v, expected);
        if (!c.check().accepts(v.doubleValue())) {
          throw new DataFormatException(file, line, where, "value " + v + " is not " + c.check().label(), expected);
        }
      }
      case INTEGER -> {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw typeError(file, line, where, c, v, expected);
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) throw typeError(file, line, where, c, v, expected);
      }
      case STRING_LIST -> {
        if (!v.isArray()) throw typeError(file, line, where, c, v, expected);
        for (int i = 0; i < v.size(); i++) {
          JsonNode e = v.get(i);
          if (!e.isTextual()) {
            throw new DataFormatException(file, line, where + "[" + i + "]", "element " + e + " is not a string", expected);
          }
          if (!c.check().accepts(e.textValue(), study)) {
            throw new DataFormatException(file, line, where + "[" + i + "]",
                "unknown value '" + e.textValue() + "'; expected an " + c.check().label(), expected);
          }
        }
      }
      case OBJECT -> {
        if (!v.isObject()) throw typeError(file, line, where, c, v, expected);
      }
    }
  }

  private static DataFormatException typeError(
      String file, int line, String where, Schema.Column c, JsonNode v, String expected) {
    String shown = v.toString();
    if (shown.length() > 60) shown = shown.substring(0, 57) + "...";
    return new DataFormatException(file, line, where, "value " + shown + " is not a " + c.type().label(), expected);
  }
}
