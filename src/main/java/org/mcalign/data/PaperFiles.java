package org.mcalign.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tech.tablesaw.api.Table;

/**
 * Typed, validated loaders for every file the paper published. Tables keep the files' column
 * names and order with explicit types (strings, doubles, ints, booleans); each call reads the
 * file afresh and returns a new table. Bad input throws {@link DataFormatException} naming the
 * file, line and column and the expected {@link Schema}.
 */
public final class PaperFiles {

  /** One classifier answer: the response's language and one opinion ("pro", "con", "NULL") per argument. */
  public record ClassifierOutput(String customId, String language, List<String> opinions) {
    public long count(String opinion) {
      return opinions.stream().filter(opinion::equals).count();
    }
  }

  /** A real model response (gemma-2-27b-it) to a prompt about {@code topic}. */
  public record ExampleResponse(String topic, String response) {}

  /** One chat message of a request. */
  public record Message(String role, String content) {}

  /** One line of an OpenAI batch request file. */
  public record BatchRequest(String customId, String method, String url, String model, List<Message> messages) {}

  private final Dataset dataset;

  private PaperFiles(Dataset dataset) {
    this.dataset = dataset;
  }

  public static PaperFiles of(Dataset dataset) {
    return new PaperFiles(dataset);
  }

  public Dataset dataset() {
    return dataset;
  }

  /** The schema of a CSV file of the paper's data, by its name inside the dataset. */
  public static Optional<Schema> schema(String localName) {
    return Optional.ofNullable(PaperSchemas.CSV.get(localName));
  }

  /** The names of the CSV files that have a schema, in a fixed order. */
  public static List<String> csvFiles() {
    return List.copyOf(PaperSchemas.CSV.keySet());
  }

  /** all_lang_model_responses_with_scores.csv: one row per scored LLM response (9,148). */
  public Table scoredResponses() {
    return csv(PaperSchemas.SCORED_RESPONSES);
  }

  /** ground_truth_global.csv: WVS pro score per question over all respondents (83; keys upper case). */
  public Table groundTruthGlobal() {
    return csv(PaperSchemas.GROUND_TRUTH_GLOBAL);
  }

  /** ground_truth_per_language.csv: pro score per interview language and question (332). */
  public Table groundTruthPerLanguage() {
    return csv(PaperSchemas.GROUND_TRUTH_PER_LANGUAGE);
  }

  /** ground_truth_every_country.csv: pro score per country and question with the country's language (1,062). */
  public Table groundTruthEveryCountry() {
    return csv(PaperSchemas.GROUND_TRUTH_EVERY_COUNTRY);
  }

  /** ground_truth_all_countries.csv: an older per-country join (1,047). */
  public Table groundTruthAllCountries() {
    return csv(PaperSchemas.GROUND_TRUTH_ALL_COUNTRIES);
  }

  /** ground_truth.csv: an older per-language join (370). */
  public Table groundTruth() {
    return csv(PaperSchemas.GROUND_TRUTH);
  }

  /** country_languages.csv: country → main interview language (13). */
  public Table countryLanguages() {
    return csv(PaperSchemas.COUNTRY_LANGUAGES);
  }

  /**
   * gt_self_consistency.csv: self-consistency of the WVS ground truth per country (13): the
   * correlation between pro scores of 10-respondent subsamples drawn in 100 rounds.
   */
  public Table gtSelfConsistency() {
    return csv(PaperSchemas.GT_SELF_CONSISTENCY);
  }

  /** multilingual_benchmarks.csv: benchmark scores per model and language (135; model display names). */
  public Table multilingualBenchmarks() {
    return csv(PaperSchemas.MULTILINGUAL_BENCHMARKS);
  }

  /** translated_prompts_with_english_no_controversy.csv: 3,600 prompts with a {topic} placeholder. */
  public Table translatedPrompts() {
    return csv(PaperSchemas.TRANSLATED_PROMPTS);
  }

  /** demographic-all_prompts_responses.csv: demographic-prompting prompts (2,400). */
  public Table demographicPrompts() {
    return csv(PaperSchemas.DEMOGRAPHIC_PROMPTS);
  }

  /** demographic-gemma-results.csv: scored gemma-2-27b-it responses to the demographic prompts (2,242). */
  public Table demographicResults() {
    return csv(PaperSchemas.DEMOGRAPHIC_RESULTS);
  }

  /**
   * A file in the format of {@code demographic-gemma-results.csv} (e.g. the demographic stage's
   * rebuild), validated by its schema against {@code study}.
   */
  public static Table demographicResults(java.nio.file.Path file, Study study) {
    return PaperSchemas.DEMOGRAPHIC_RESULTS.read(file, study);
  }

  /** prompts/clean_english_prompts.csv: the English prompts before translation (300). */
  public Table cleanEnglishPrompts() {
    return csv(PaperSchemas.CLEAN_ENGLISH_PROMPTS);
  }

  /** Reads any CSV file of the dataset that has a schema. */
  public Table csv(String localName) {
    Schema s = PaperSchemas.CSV.get(localName);
    if (s == null) throw new IllegalArgumentException("no schema for '" + localName + "'; known: " + csvFiles());
    return csv(s);
  }

  private Table csv(Schema schema) {
    Path p = dataset.path(schema.file());
    // a user's file read in place of the dataset's is named as given in errors
    String name = dataset.replacement(schema.file()).map(Path::toString).orElse(schema.file());
    return schema.read(p, name, dataset.study());
  }

  /** stance_labels.json: lower-case question_key → [pro statement, con statement] (37). */
  public Map<String, List<String>> stanceLabels() {
    String file = "stance_labels.json";
    return JsonMapReader.read(bytes(file), file,
        "schema of " + file + ": a JSON object mapping each question_key (unique ignoring case) to a list of exactly "
            + "2 strings [pro statement, con statement].", 2, true);
  }

  /** prompts/topic_variations_en.json: question_key → English phrasings of its topic (35). */
  public Map<String, List<String>> topicVariations() {
    String file = "prompts/topic_variations_en.json";
    return JsonMapReader.read(bytes(file), file,
        "schema of " + file + ": a JSON object mapping each question_key to a non-empty list of topic strings.", -1, false);
  }

  /** prompts/prompt_templates.txt: one English template per line, each with a {topic} placeholder. */
  public List<String> promptTemplates() {
    String file = "prompts/prompt_templates.txt";
    String expected = "schema of " + file + ": one prompt template per line, each containing {topic}.";
    String text = Utf8Text.decode(bytes(file), file, expected);
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      if (!lines[i].contains("{topic}")) {
        throw new DataFormatException(file, i + 1, null, "the template has no {topic} placeholder", expected);
      }
      out.add(lines[i]);
    }
    if (out.isEmpty()) throw new DataFormatException(file, 0, null, "the file is empty", expected);
    return Collections.unmodifiableList(out);
  }

  /** Classifier outputs: {@code olmo-analysis-responses.jsonl} or {@code demographic-analysis-responses.jsonl}. */
  public List<ClassifierOutput> classifierOutputs(String jsonlName) {
    Schema schema = PaperSchemas.classifierOutputs(jsonlName);
    List<ClassifierOutput> out = new ArrayList<>();
    for (JsonlReader.Line l : JsonlReader.read(schema, bytes(jsonlName), jsonlName, dataset.study())) {
      ObjectNode o = l.node();
      List<String> opinions = new ArrayList<>();
      o.get("opinions").forEach(e -> opinions.add(e.textValue()));
      out.add(new ClassifierOutput(o.get("custom_id").textValue(), o.get("language").textValue(),
          Collections.unmodifiableList(opinions)));
    }
    return Collections.unmodifiableList(out);
  }

  /** example-json-prompts.jsonl: real model responses, realistic classifier inputs (200). */
  public List<ExampleResponse> exampleResponses() {
    Schema schema = PaperSchemas.EXAMPLE_RESPONSES;
    List<ExampleResponse> out = new ArrayList<>();
    for (JsonlReader.Line l : JsonlReader.read(schema, bytes(schema.file()), schema.file(), dataset.study())) {
      out.add(new ExampleResponse(l.node().get("topic").textValue(), l.node().get("response").textValue()));
    }
    return Collections.unmodifiableList(out);
  }

  /** all-language-requests.jsonl: the OpenAI batch request lines for the translated prompts (7,200). */
  public List<BatchRequest> batchRequests() {
    Schema schema = PaperSchemas.BATCH_REQUESTS;
    String file = schema.file();
    String expected = schema.describe() + " body: {model: string, messages: non-empty list of {role, content} strings}.";
    List<BatchRequest> out = new ArrayList<>();
    for (JsonlReader.Line l : JsonlReader.read(schema, bytes(file), file, dataset.study())) {
      ObjectNode o = l.node();
      JsonNode body = o.get("body");
      JsonNode model = body.get("model");
      if (model == null || !model.isTextual()) {
        throw new DataFormatException(file, l.line(), "field body.model", "missing or not a string", expected);
      }
      JsonNode msgs = body.get("messages");
      if (msgs == null || !msgs.isArray() || msgs.isEmpty()) {
        throw new DataFormatException(file, l.line(), "field body.messages", "missing, empty or not a list", expected);
      }
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < msgs.size(); i++) {
        JsonNode m = msgs.get(i);
        JsonNode role = m.get("role");
        JsonNode content = m.get("content");
        if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
          throw new DataFormatException(file, l.line(), "field body.messages[" + i + "]",
              "a message needs string fields role and content", expected);
        }
        messages.add(new Message(role.textValue(), content.textValue()));
      }
      out.add(new BatchRequest(o.get("custom_id").textValue(), o.get("method").textValue(),
          o.get("url").textValue(), model.textValue(), Collections.unmodifiableList(messages)));
    }
    return Collections.unmodifiableList(out);
  }

  /** A file of the paper's supplementary material, e.g. {@code regressions/us_centric_bias_regression_results_normal.txt}. */
  public Path supplementary(String relative) {
    return existing("supplementary/" + relative);
  }

  /** One of the paper's figures, e.g. {@code rq1-robustness.png}. */
  public Path plot(String name) {
    return existing("plots/" + name);
  }

  /**
   * The number of records of a data file (rows of a CSV without its header, lines of a JSONL
   * file, entries of a JSON map, templates), read through its validating loader; empty for files
   * that have no records (figures, markdown).
   */
  public OptionalInt rowCount(String localName) {
    if (PaperSchemas.CSV.containsKey(localName)) return OptionalInt.of(csv(localName).rowCount());
    return switch (localName) {
      case "olmo-analysis-responses.jsonl", "demographic-analysis-responses.jsonl" ->
          OptionalInt.of(classifierOutputs(localName).size());
      case "example-json-prompts.jsonl" -> OptionalInt.of(exampleResponses().size());
      case "all-language-requests.jsonl" -> OptionalInt.of(batchRequests().size());
      case "stance_labels.json" -> OptionalInt.of(stanceLabels().size());
      case "prompts/topic_variations_en.json" -> OptionalInt.of(topicVariations().size());
      case "prompts/prompt_templates.txt" -> OptionalInt.of(promptTemplates().size());
      default -> OptionalInt.empty();
    };
  }

  private Path existing(String localName) {
    Path p = dataset.path(localName);
    if (!Files.isRegularFile(p)) {
      throw new DatasetUnavailableException(localName + " is missing from the " + dataset.describe());
    }
    return p;
  }

  private byte[] bytes(String localName) {
    return Schema.readBytes(dataset.path(localName), localName);
  }
}
