package org.mcalign.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a study compares: its models (with family, display name, the names benchmark tables
 * use and the name a server knows), its prompt languages, the countries of its ground truth
 * with their main language, and the reference country (RQ2's United States). The paper's study
 * is built in ({@code paper-study.json}); a dataset folder's {@value #FILE_NAME} or a file given
 * with {@code --study} replaces the keys it has. The baselines ({@value #BASELINE_FAMILY}
 * family) are built in. Every analysis, check, palette and figure reads the study it is given;
 * a value in the data the study does not declare is an error naming it ({@link #undeclared}).
 */
public final class Study {

  /** The file a dataset folder may hold to declare its study. */
  public static final String FILE_NAME = "study.json";

  /** The family of the built-in baselines. */
  public static final String BASELINE_FAMILY = "Baseline";

  /** The built-in baselines, in the paper's order. */
  public static final List<String> BASELINES = List.of(Paper.BASELINE_UNIFORM, Paper.BASELINE_FIFTY, Paper.BASELINE_PERFECT);

  /** Placeholder of a language's demographic sentence, replaced by the country's name. */
  public static final String COUNTRY_PLACEHOLDER = "COUNTRY";

  /**
   * A model: {@code name} as in the data files, its {@code family}, the name figures print, the
   * spellings of {@code multilingual_benchmarks.csv} and the name an endpoint serves it under.
   */
  public record Model(String name, String family, String displayName, List<String> benchmarkNames, String servedName) {
    public Model {
      benchmarkNames = List.copyOf(benchmarkNames);
    }

    /** A model with the defaults: shown and served under its name, benchmark rows under its display name. */
    public static Model of(String name, String family) {
      return new Model(name, family, name, List.of(name), name);
    }
  }

  /** A prompt language: ISO code as in the data, English name, and the demographic experiment's sentence (or null). */
  public record Language(String code, String name, String demographicSentence) {}

  /** A country of the ground truth: WVS code, name, and its main interview language (a declared language code). */
  public record Country(String code, String name, String language) {}

  /** The models' families in order of their first model: asked per row by some analyses, so computed once. */
  private final List<String> families;
  private final List<Model> models;
  private final List<Language> languages;
  private final List<Country> countries;
  private final String referenceCountry;
  private final List<String> demographicCountries;
  private final List<String> referenceSpeaking; // null: derived from the countries' languages
  private final String source;
  private final ObjectNode json;

  Study(List<Model> models, List<Language> languages, List<Country> countries, String referenceCountry,
      List<String> demographicCountries, List<String> referenceSpeaking, String source, ObjectNode json) {
    this.models = List.copyOf(models);
    this.families = this.models.stream().map(Model::family).distinct().toList();
    this.languages = List.copyOf(languages);
    this.countries = List.copyOf(countries);
    this.referenceCountry = referenceCountry;
    this.demographicCountries = List.copyOf(demographicCountries);
    this.referenceSpeaking = referenceSpeaking == null ? null : List.copyOf(referenceSpeaking);
    this.source = source;
    this.json = json;
  }

  // ------------------------------------------------------------------ loading

  /** The paper's study (nine models, four languages, the ground truth's countries), built in. */
  public static Study paper() {
    return StudyJson.PAPER;
  }

  /** A study file read over the paper's: each top-level key it has replaces the paper's. */
  public static Study read(Path file) {
    return StudyJson.read(file, paper());
  }

  /** The study of a dataset folder: its {@value #FILE_NAME} over the paper's, or the paper's when it has none. */
  public static Study forFolder(Path folder) {
    Path f = folder.resolve(FILE_NAME);
    return Files.isRegularFile(f) ? StudyJson.read(f, paper()) : paper();
  }

  /** Parses study JSON over {@code base}; {@code fileName} names it in errors. */
  public static Study parse(String json, String fileName, Study base) {
    return StudyJson.parse(json, fileName, base);
  }

  /** Where this study came from, e.g. "the paper's study (built in)" or "study.json of folder 'x'". */
  public String source() {
    return source;
  }

  /** Whether this is the built-in paper's study, unchanged. */
  public boolean isPaper() {
    return this == paper();
  }

  /** The study as JSON (every key, extra keys included), as {@code study show} prints and {@code study init} writes. */
  public String toJson() {
    return StudyJson.write(json);
  }

  /** This study with one more model (or the model replaced, by name); its source says so. */
  public Study withModel(Model m) {
    return StudyJson.withModel(this, m, json);
  }

  /** This study with one more language (or the language replaced, by code). */
  public Study withLanguage(Language l) {
    return StudyJson.withLanguage(this, l, json);
  }

  /** This study with one more country (or the country replaced, by code). */
  public Study withCountry(Country c) {
    return StudyJson.withCountry(this, c, json);
  }

  // ------------------------------------------------------------------ models

  /** The declared models (no baselines), in the study's order. */
  public List<Model> models() {
    return models;
  }

  /** Names of the declared models (no baselines), in order. */
  public List<String> modelNames() {
    return models.stream().map(Model::name).toList();
  }

  /** The baselines, then the declared models: the order of tables and figures. */
  public List<String> allModels() {
    List<String> out = new ArrayList<>(BASELINES);
    out.addAll(modelNames());
    return out;
  }

  /** A declared model by its name, or by a path ending in it ({@code google/gemma-2-2b-it}). */
  public Optional<Model> model(String name) {
    if (name == null) return Optional.empty();
    for (Model m : models) if (m.name().equals(name)) return Optional.of(m);
    String base = name.substring(name.lastIndexOf('/') + 1);
    for (Model m : models) if (m.name().equals(base)) return Optional.of(m);
    return Optional.empty();
  }

  /** Whether {@code model} is a baseline or a declared model. */
  public boolean declaresModel(String model) {
    return BASELINES.contains(model) || model(model).isPresent();
  }

  /** The family of a baseline or declared model. */
  public Optional<String> familyOf(String model) {
    if (BASELINES.contains(model)) return Optional.of(BASELINE_FAMILY);
    return model(model).map(Model::family);
  }

  /** The families of the declared models in order of their first model (no baselines). */
  public List<String> families() {
    return families;
  }

  /** {@value #BASELINE_FAMILY}, then {@link #families()}. */
  public List<String> allFamilies() {
    List<String> out = new ArrayList<>();
    out.add(BASELINE_FAMILY);
    out.addAll(families());
    return out;
  }

  /** The models of a family, in order (the baselines for {@value #BASELINE_FAMILY}). */
  public List<String> modelsOf(String family) {
    if (family.equals(BASELINE_FAMILY)) return BASELINES;
    return models.stream().filter(m -> m.family().equals(family)).map(Model::name).toList();
  }

  /** Position in {@link #allModels()}; an undeclared model sorts last. */
  public int modelOrder(String model) {
    int i = BASELINES.indexOf(model);
    if (i >= 0) return i;
    for (int k = 0; k < models.size(); k++) if (models.get(k).name().equals(model)) return BASELINES.size() + k;
    return BASELINES.size() + models.size();
  }

  /** The name figures print ("GPT-4o"); a baseline's or undeclared model's own name. */
  public String displayName(String model) {
    return model(model).map(Model::displayName).orElse(model);
  }

  /** The model a display name stands for, or the value itself. */
  public String modelOfDisplayName(String value) {
    if (value == null) return null;
    String base = value.substring(value.lastIndexOf('/') + 1);
    for (Model m : models) if (m.name().equals(base)) return m.name();
    for (Model m : models) if (m.displayName().equals(base)) return m.name();
    return base;
  }

  /** The model a {@code multilingual_benchmarks.csv} spelling stands for (its benchmark names, display name or name). */
  public Optional<String> modelOfBenchmarkName(String spelling) {
    for (Model m : models) if (m.benchmarkNames().contains(spelling)) return Optional.of(m.name());
    for (Model m : models) if (m.displayName().equals(spelling) || m.name().equals(spelling)) return Optional.of(m.name());
    return Optional.empty();
  }

  /** The name an endpoint serves a model under (its {@code served_name}; an undeclared model's own name). */
  public String servedName(String model) {
    return model(model).map(Model::servedName).orElse(model);
  }

  // ------------------------------------------------------------------ languages

  public List<Language> languages() {
    return languages;
  }

  /** Language codes in the study's order (the classifier's list, the translation targets). */
  public List<String> languageCodes() {
    return languages.stream().map(Language::code).toList();
  }

  public Optional<Language> language(String code) {
    for (Language l : languages) if (l.code().equals(code)) return Optional.of(l);
    return Optional.empty();
  }

  /** "da" → "Danish"; an undeclared value passes through. */
  public String languageName(String code) {
    return language(code).map(Language::name).orElse(code);
  }

  /** "Danish" → "da". */
  public Optional<String> languageCodeOfName(String name) {
    return languages.stream().filter(l -> l.name().equals(name)).map(Language::code).findFirst();
  }

  /**
   * The demographic experiment's sentence of a language, with {@value #COUNTRY_PLACEHOLDER}
   * where the country's name goes; an error naming what to add when the study has none.
   */
  public String demographicSentence(String code) {
    Language l = language(code).orElseThrow(() -> new IllegalArgumentException(
        "language '" + code + "' is not declared in the study (" + source + "); add it to \"languages\" in " + FILE_NAME));
    if (l.demographicSentence() == null || l.demographicSentence().isBlank())
      throw new IllegalArgumentException("no demographic sentence for language '" + code + "' (" + l.name() + "): add "
          + "\"demographic_sentence\": \"<'The respondents are from COUNTRY' in " + l.name() + ">\" to its entry in \"languages\" of "
          + FILE_NAME + " (" + source + ")");
    return l.demographicSentence();
  }

  // ------------------------------------------------------------------ countries

  public List<Country> countries() {
    return countries;
  }

  public Optional<Country> country(String code) {
    for (Country c : countries) if (c.code().equals(code)) return Optional.of(c);
    return Optional.empty();
  }

  /** "DK" → "Denmark"; an undeclared value passes through. */
  public String countryName(String code) {
    return country(code).map(Country::name).orElse(code);
  }

  /** "Denmark" → "DK". */
  public Optional<String> countryCodeOfName(String name) {
    return countries.stream().filter(c -> c.name().equals(name)).map(Country::code).findFirst();
  }

  /** The reference country of RQ2 ({@code US} in the paper). */
  public String referenceCountry() {
    return referenceCountry;
  }

  /** The reference country's language ({@code en} in the paper). */
  public String referenceLanguage() {
    return country(referenceCountry).map(Country::language).orElseThrow();
  }

  /** Codes of the countries whose main language is {@code language}, in the study's order. */
  public Set<String> countriesSpeaking(String language) {
    return countries.stream().filter(c -> c.language().equals(language)).map(Country::code)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The countries counted as speaking the reference country's language in the hypotheses
   * (the paper's {@code ENGLISH_SPEAKING_COUNTRIES}): the study's
   * {@code reference_speaking_countries} when it lists them, else the countries whose language
   * is the reference country's. The paper's study lists its seven (US, NZ, CA, AU, GB, KE, ZW:
   * its {@code COUNTRY_LANG_MAP}, which leaves out NG, NIR and SG unlike the ground truth's
   * country languages).
   */
  public Set<String> referenceSpeakingCountries() {
    return referenceSpeaking != null ? new LinkedHashSet<>(referenceSpeaking) : countriesSpeaking(referenceLanguage());
  }

  /**
   * The languages spoken by at most one country of the study ("monocultural": one country's
   * values stand for the language), in the study's order; the reference language is never one.
   */
  public List<String> monoculturalLanguages() {
    return languageCodes().stream()
        .filter(l -> !l.equals(referenceLanguage()) && countriesSpeaking(l).size() <= 1).toList();
  }

  /**
   * The countries of the demographic experiment by language (names, sorted by name): the
   * study's {@code demographic_countries}, or all its countries when it lists none.
   */
  public Map<String, List<String>> demographicCountriesByLanguage() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    List<Country> chosen = demographicCountries.isEmpty() ? countries
        : demographicCountries.stream().map(c -> country(c).orElseThrow()).toList();
    for (Language l : languages) {
      List<String> names = chosen.stream().filter(c -> c.language().equals(l.code())).map(Country::name)
          .sorted(Comparator.naturalOrder()).toList();
      if (!names.isEmpty()) m.put(l.code(), names);
    }
    return m;
  }

  // ------------------------------------------------------------------ checks

  /**
   * The message for values found in {@code file} that the study does not declare ({@code what}
   * is e.g. "model"), naming each value, the file, where the study came from and what to add.
   */
  public String undeclared(String what, Collection<String> values, String file) {
    return undeclaredMessage(Map.of(what + (values.size() == 1 ? "" : "s"),
        values.stream().map(v -> "'" + v + "'").toList()), file);
  }

  /**
   * As {@link #undeclared}, several kinds at once: each key says what the values are (e.g.
   * "model_name value"), each value is shown as given (quoted, with its first line).
   */
  public String undeclaredMessage(Map<String, List<String>> shownByKind, String file) {
    List<String> parts = new ArrayList<>();
    shownByKind.forEach((kind, values) -> parts.add(kind + " " + String.join(", ", values)));
    int n = shownByKind.values().stream().mapToInt(List::size).sum();
    return file + " holds " + String.join("; ", parts) + ", not declared by the study in use (" + source + "). Declare "
        + (n == 1 ? "it" : "them") + " in " + FILE_NAME + " in the dataset folder, or in a file given with --study "
        + "(`mcalign study init` writes the paper's study as a starting file; keys: models [name, family, display_name, "
        + "benchmark_names, served_name], languages [code, name], countries [code, name, language], reference_country).";
  }

  /** The effective JSON (a copy is taken before any change). */
  ObjectNode jsonTree() {
    return json;
  }

  @Override
  public String toString() {
    return "Study(" + source + ": " + models.size() + " models in " + families().size() + " families, "
        + languages.size() + " languages, " + countries.size() + " countries, reference " + referenceCountry + ")";
  }

  /** A compact description for notebooks and {@code study show}: families with their models, languages, countries. */
  public String describe() {
    StringBuilder sb = new StringBuilder("study: ").append(source).append('\n');
    for (String f : families()) sb.append("  family ").append(f).append(": ").append(String.join(", ", modelsOf(f))).append('\n');
    sb.append("  languages: ").append(languages.stream().map(l -> l.code() + " (" + l.name() + ")").collect(Collectors.joining(", ")))
        .append('\n');
    sb.append("  countries: ").append(countries.stream().map(c -> c.code() + " (" + c.language() + ")").collect(Collectors.joining(", ")))
        .append('\n');
    sb.append("  reference country: ").append(referenceCountry).append(" (language ").append(referenceLanguage()).append(")\n");
    sb.append("  baselines (built in): ").append(String.join(", ", BASELINES));
    return sb.toString();
  }
}
