package org.mcalign.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reading, checking and writing the study JSON ({@link Study}); every error names the file and the field. */
final class StudyJson {
  private StudyJson() {}


  static final String EXPECTED = "a study file: a JSON object with any of the keys models (list of {name, family, "
      + "display_name?, benchmark_names?, served_name?}), languages (list of {code, name, demographic_sentence?}), countries "
      + "(list of {code, name, language}), reference_country (a country code), demographic_countries (country codes), reference_speaking_countries (country codes; default: the countries whose language is the reference country's); each key "
      + "present replaces the paper's, other keys are kept as they are.";

  static final Study PAPER = loadPaper();

  private static Study loadPaper() {
    try (InputStream in = Study.class.getResourceAsStream("paper-study.json")) {
      if (in == null) throw new IllegalStateException("paper-study.json is missing from the build");
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "paper-study.json", null, "the paper's study (built in)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Study read(Path file, Study base) {
    String name = file.getFileName().toString();
    String text = Utf8Text.decode(Schema.readBytes(file, name), name, EXPECTED);
    Path parent = file.toAbsolutePath().getParent();
    String where = name.equals(Study.FILE_NAME) && parent != null && parent.getFileName() != null
        ? Study.FILE_NAME + " of folder '" + parent.getFileName() + "'" : "study file '" + name + "'";
    return parse(text, name, base, where);
  }

  static Study parse(String text, String fileName, Study base) {
    return parse(text, fileName, base, "study file '" + fileName + "'");
  }

  private static Study parse(String text, String file, Study base, String source) {
    JsonNode root;
    try {
      root = Json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new DataFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          "not valid JSON: " + e.getOriginalMessage(), EXPECTED);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string
    }
    if (root == null || !root.isObject()) throw new DataFormatException(file, 0, null, "the file is not a JSON object", EXPECTED);
    ObjectNode merged = base == null ? Json.object() : base.jsonTree().deepCopy();
    root.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
    return build(merged, file, source);
  }

  static Study build(ObjectNode n, String file, String source) {
    List<Study.Model> models = new ArrayList<>();
    Set<String> names = new HashSet<>(Study.BASELINES);
    ArrayNode ms = array(n, "models", file);
    for (int i = 0; i < ms.size(); i++) {
      String at = "models[" + i + "]";
      JsonNode m = object(ms.get(i), at, file);
      String name = text(m, "name", at, file, true);
      String family = text(m, "family", at, file, true);
      if (!names.add(name)) throw error(file, at + ".name", "model '" + name + "' is declared twice (or is a built-in baseline)");
      if (family.equals(Study.BASELINE_FAMILY))
        throw error(file, at + ".family", "family '" + Study.BASELINE_FAMILY + "' is the built-in baselines'; choose another");
      String display = orDefault(text(m, "display_name", at, file, false), name);
      List<String> bench = strings(m, "benchmark_names", at, file);
      String served = orDefault(text(m, "served_name", at, file, false), name);
      models.add(new Study.Model(name, family, display, bench == null ? List.of(display) : bench, served));
    }
    if (models.isEmpty()) throw error(file, "models", "the study declares no model");
    List<Study.Language> languages = new ArrayList<>();
    Set<String> codes = new HashSet<>(), languageNames = new HashSet<>();
    ArrayNode ls = array(n, "languages", file);
    for (int i = 0; i < ls.size(); i++) {
      String at = "languages[" + i + "]";
      JsonNode l = object(ls.get(i), at, file);
      String code = text(l, "code", at, file, true), name = text(l, "name", at, file, true);
      if (!code.matches("[a-z]{2,3}"))
        throw error(file, at + ".code", "'" + code + "' is not a language code as in the data (lower-case ISO 639, e.g. de)");
      if (!codes.add(code)) throw error(file, at + ".code", "language '" + code + "' is declared twice");
      if (!languageNames.add(name)) throw error(file, at + ".name", "language name '" + name + "' is used twice");
      String sentence = text(l, "demographic_sentence", at, file, false);
      if (sentence != null && !sentence.contains(Study.COUNTRY_PLACEHOLDER))
        throw error(file, at + ".demographic_sentence", "the sentence has no " + Study.COUNTRY_PLACEHOLDER + " placeholder");
      languages.add(new Study.Language(code, name, sentence));
    }
    if (languages.isEmpty()) throw error(file, "languages", "the study declares no language");
    List<Study.Country> countries = new ArrayList<>();
    Set<String> countryCodes = new HashSet<>(), countryNames = new HashSet<>();
    ArrayNode cs = array(n, "countries", file);
    for (int i = 0; i < cs.size(); i++) {
      String at = "countries[" + i + "]";
      JsonNode c = object(cs.get(i), at, file);
      String code = text(c, "code", at, file, true), name = text(c, "name", at, file, true), lang = text(c, "language", at, file, true);
      if (!code.matches("[A-Z]{2,3}"))
        throw error(file, at + ".code", "'" + code + "' is not a WVS country code (2 or 3 upper-case letters, e.g. DE)");
      if (!countryCodes.add(code)) throw error(file, at + ".code", "country '" + code + "' is declared twice");
      if (!countryNames.add(name)) throw error(file, at + ".name", "country name '" + name + "' is used twice");
      if (!codes.contains(lang))
        throw error(file, at + ".language", "language '" + lang + "' of country " + code + " is not declared in \"languages\"");
      countries.add(new Study.Country(code, name, lang));
    }
    String reference = text(n, "reference_country", "", file, true);
    if (!countryCodes.contains(reference))
      throw error(file, "reference_country", "'" + reference + "' is not declared in \"countries\"");
    List<String> demographic = strings(n, "demographic_countries", "", file);
    if (demographic == null) demographic = List.of();
    for (String d : demographic)
      if (!countryCodes.contains(d)) throw error(file, "demographic_countries", "'" + d + "' is not declared in \"countries\"");
    List<String> referenceSpeaking = strings(n, "reference_speaking_countries", "", file);
    if (referenceSpeaking != null)
      for (String d : referenceSpeaking)
        if (!countryCodes.contains(d))
          throw error(file, "reference_speaking_countries", "'" + d + "' is not declared in \"countries\" (add it there, or remove it here)");
    return new Study(models, languages, countries, reference, demographic, referenceSpeaking, source, n);
  }

  static String write(ObjectNode n) {
    return Json.pretty(n);
  }

  static Study withModel(Study s, Study.Model m, ObjectNode json) {
    ObjectNode n = json.deepCopy();
    ObjectNode o = Json.object();
    o.put("name", m.name()).put("family", m.family()).put("display_name", m.displayName());
    ArrayNode b = o.putArray("benchmark_names");
    m.benchmarkNames().forEach(b::add);
    o.put("served_name", m.servedName());
    replaceOrAdd((ArrayNode) n.get("models"), o, "name", m.name());
    return build(n, "study", s.source() + " + model " + m.name());
  }

  static Study withLanguage(Study s, Study.Language l, ObjectNode json) {
    ObjectNode n = json.deepCopy();
    ObjectNode o = Json.object().put("code", l.code()).put("name", l.name());
    if (l.demographicSentence() != null) o.put("demographic_sentence", l.demographicSentence());
    replaceOrAdd((ArrayNode) n.get("languages"), o, "code", l.code());
    return build(n, "study", s.source() + " + language " + l.code());
  }

  static Study withCountry(Study s, Study.Country c, ObjectNode json) {
    ObjectNode n = json.deepCopy();
    ObjectNode o = Json.object().put("code", c.code()).put("name", c.name()).put("language", c.language());
    replaceOrAdd((ArrayNode) n.get("countries"), o, "code", c.code());
    return build(n, "study", s.source() + " + country " + c.code());
  }

  private static void replaceOrAdd(ArrayNode list, ObjectNode o, String key, String value) {
    for (int i = 0; i < list.size(); i++) {
      if (value.equals(list.get(i).path(key).asText(null))) {
        list.set(i, o);
        return;
      }
    }
    list.add(o);
  }

  // ------------------------------------------------------------------ field readers

  private static ArrayNode array(JsonNode n, String key, String file) {
    JsonNode v = n.get(key);
    if (v == null) throw error(file, key, "missing");
    if (!v.isArray()) throw error(file, key, "not a list");
    return (ArrayNode) v;
  }

  private static JsonNode object(JsonNode v, String at, String file) {
    if (v == null || !v.isObject()) throw error(file, at, "not an object");
    return v;
  }

  private static String text(JsonNode n, String key, String at, String file, boolean required) {
    JsonNode v = n.get(key);
    String where = at.isEmpty() ? key : at + "." + key;
    if (v == null || v.isNull()) {
      if (required) throw error(file, where, "missing");
      return null;
    }
    if (!v.isTextual() || v.textValue().isBlank()) throw error(file, where, "not a non-empty string");
    return v.textValue();
  }

  private static List<String> strings(JsonNode n, String key, String at, String file) {
    JsonNode v = n.get(key);
    String where = at.isEmpty() ? key : at + "." + key;
    if (v == null || v.isNull()) return null;
    if (!v.isArray()) throw error(file, where, "not a list of strings");
    List<String> out = new ArrayList<>();
    for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
      JsonNode e = it.next();
      if (!e.isTextual() || e.textValue().isBlank()) throw error(file, where, "not a list of non-empty strings");
      out.add(e.textValue());
    }
    return out;
  }

  private static String orDefault(String v, String d) {
    return v == null ? d : v;
  }

  private static DataFormatException error(String file, String field, String problem) {
    return new DataFormatException(file, 0, "field " + field, problem, EXPECTED);
  }
}
