package org.mcalign.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * The small JSON files every command reads and writes (the study, provenance.json, an output
 * folder's manifest, a lock), through Jackson's streaming parser and generator: the same trees
 * as {@code ObjectMapper.readTree} and the same text as an {@code ObjectMapper} with {@code
 * INDENT_OUTPUT}, without setting up a mapper (its serialisers and deserialisers, found by
 * reflection, took 0.1–0.15 s of a short command such as stage 1).
 */
public final class Json {
  private Json() {}

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The tree of {@code text} as {@code ObjectMapper.readTree} builds it: the same node types, a
   * repeated key keeps its last value, text after the first value is ignored, a missing node
   * for no value.
   */
  public static JsonNode readTree(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      return t == null ? MissingNode.getInstance() : node(p, t);
    }
  }

  private static JsonNode node(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, node(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) a.add(node(p, k));
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new JsonParseException(p, "unexpected " + t);
    }
  }

  /** A new, empty object node (for trees built by hand). */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * {@code value} as indented JSON, as {@code ObjectMapper} with {@code INDENT_OUTPUT} writes it:
   * maps (in their order), lists and arrays, strings, numbers, booleans, null, enums (by name),
   * records (components in order) and JSON trees.
   *
   * @throws IllegalArgumentException for a value of any other type
   */
  public static String pretty(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to a string
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name());
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof JsonNode n) {
      writeTree(g, n);
    } else if (v instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object o : list) write(g, o);
      g.writeEndArray();
    } else if (v instanceof Object[] array) {
      g.writeStartArray();
      for (Object o : array) write(g, o);
      g.writeEndArray();
    } else if (v instanceof Record r) {
      g.writeStartObject();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        g.writeFieldName(c.getName());
        try {
          write(g, c.getAccessor().invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
        }
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("no JSON form for a " + v.getClass().getName());
    }
  }

  private static void writeTree(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          g.writeFieldName(e.getKey());
          writeTree(g, e.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode e : n) writeTree(g, e);
        g.writeEndArray();
      }
      case STRING -> g.writeString(n.textValue());
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NULL, MISSING -> g.writeNull();
      case NUMBER -> {
        if (n.isInt() || n.isLong() || n.isShort()) g.writeNumber(n.longValue());
        else if (n.isBigInteger()) g.writeNumber(n.bigIntegerValue());
        else if (n.isBigDecimal()) g.writeNumber(n.decimalValue());
        else if (n.isFloat()) g.writeNumber(n.floatValue());
        else g.writeNumber(n.doubleValue());
      }
      default -> throw new IllegalArgumentException("no JSON form for a " + n.getNodeType() + " node");
    }
  }
}
