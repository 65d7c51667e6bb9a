package org.mcalign.data;

import static org.mcalign.data.Schema.Check.BENCHMARK_MODEL;
import static org.mcalign.data.Schema.Check.COUNTRY;
import static org.mcalign.data.Schema.Check.COUNTRY_NAME;
import static org.mcalign.data.Schema.Check.LANGUAGE;
import static org.mcalign.data.Schema.Check.FAMILY;
import static org.mcalign.data.Schema.Check.LANGUAGE_NAME;
import static org.mcalign.data.Schema.Check.MODEL;
import static org.mcalign.data.Schema.Check.OPINION;
import static org.mcalign.data.Schema.Check.UNIT_INTERVAL;
import static org.mcalign.data.Schema.Type.BOOLEAN;
import static org.mcalign.data.Schema.Type.DOUBLE;
import static org.mcalign.data.Schema.Type.INTEGER;
import static org.mcalign.data.Schema.Type.OBJECT;
import static org.mcalign.data.Schema.Type.STRING;
import static org.mcalign.data.Schema.Type.STRING_LIST;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema of every tabular file the paper published, worked out from the files themselves
 * (column names and case exactly as in them: {@code cntry_AN} in two files, {@code cntry_an} in
 * others; the misspelt {@code cateogry} is the paper's). Models, families, languages and
 * countries are checked against the {@link Study} the file is read with: a value it does not
 * declare is an error naming the value, the file and {@value Study#FILE_NAME}.
 */
final class PaperSchemas {
  private PaperSchemas() {}

  static final Schema SCORED_RESPONSES =
      Schema.csv("all_lang_model_responses_with_scores.csv")
          .column("model_name", STRING, MODEL)
          .column("model_family", STRING, FAMILY)
          .column("template_type", STRING)
          .column("language", STRING, LANGUAGE)
          .column("response_language", STRING, LANGUAGE)
          .column("question_key", STRING)
          .column("response_pro_score", DOUBLE, UNIT_INTERVAL)
          .column("ground_truth_pro_score", DOUBLE, UNIT_INTERVAL)
          .build();

  static final Schema GROUND_TRUTH_GLOBAL =
      Schema.csv("ground_truth_global.csv")
          .column("question_key", STRING)
          .column("pro_score", DOUBLE, UNIT_INTERVAL)
          .key("question_key")
          .build();

  static final Schema GROUND_TRUTH_PER_LANGUAGE =
      Schema.csv("ground_truth_per_language.csv")
          .column("lnge_iso", STRING, LANGUAGE)
          .column("question_key", STRING)
          .column("pro_score", DOUBLE, UNIT_INTERVAL)
          .key("lnge_iso", "question_key")
          .build();

  static final Schema GROUND_TRUTH_EVERY_COUNTRY =
      Schema.csv("ground_truth_every_country.csv")
          .column("cntry_an", STRING, COUNTRY)
          .column("question_key", STRING)
          .column("pro_score", DOUBLE, UNIT_INTERVAL)
          .column("lnge_iso", STRING, LANGUAGE)
          .key("cntry_an", "question_key")
          .build();

  /** An older join; it holds a country beyond the 13 of the other files (ZW), declared in the paper's study. */
  static final Schema GROUND_TRUTH_ALL_COUNTRIES =
      Schema.csv("ground_truth_all_countries.csv")
          .column("cntry_an", STRING, COUNTRY)
          .column("question_key", STRING)
          .column("pro_score", DOUBLE, UNIT_INTERVAL)
          .column("language", STRING, LANGUAGE)
          .key("cntry_an", "question_key")
          .build();

  static final Schema GROUND_TRUTH =
      Schema.csv("ground_truth.csv")
          .column("question_key", STRING)
          .column("pro_score", DOUBLE, UNIT_INTERVAL)
          .column("language", STRING, LANGUAGE)
          .key("question_key", "language")
          .build();

  static final Schema COUNTRY_LANGUAGES =
      Schema.csv("country_languages.csv")
          .column("cntry_AN", STRING, COUNTRY)
          .column("lnge_iso", STRING, LANGUAGE)
          .key("cntry_AN")
          .build();

  static final Schema GT_SELF_CONSISTENCY =
      Schema.csv("gt_self_consistency.csv")
          .column("cntry_AN", STRING, COUNTRY)
          .column("self_consistency", DOUBLE)
          .key("cntry_AN")
          .build();

  static final Schema MULTILINGUAL_BENCHMARKS =
      Schema.csv("multilingual_benchmarks.csv")
          .column("model", STRING, BENCHMARK_MODEL)
          .column("benchmark", STRING)
          .column("language", STRING, LANGUAGE_NAME)
          .column("score", DOUBLE)
          .column("family", STRING)
          .key("model", "benchmark", "language")
          .build();

  static final Schema TRANSLATED_PROMPTS =
      Schema.csv("translated_prompts_with_english_no_controversy.csv")
          .column("index", INTEGER)
          .column("language", STRING, LANGUAGE)
          .column("template_type", STRING)
          .column("prompt", STRING)
          .column("topic", STRING)
          .column("question_key", STRING)
          .nullable("controversy", DOUBLE)
          .column("cateogry", STRING)
          .column("question_name", STRING)
          .key("index")
          .build();

  /** Each prompt twice: once with a congruent and once with an incongruent country. */
  static final Schema DEMOGRAPHIC_PROMPTS =
      Schema.csv("demographic-all_prompts_responses.csv")
          .column("index", INTEGER)
          .column("language", STRING, LANGUAGE)
          .column("template_type", STRING)
          .column("prompt", STRING)
          .column("topic", STRING)
          .column("question_key", STRING)
          .nullable("controversy", DOUBLE)
          .column("cateogry", STRING)
          .column("question_name", STRING)
          .column("country", STRING, COUNTRY_NAME)
          .column("is_congruent", BOOLEAN)
          .key("index", "is_congruent")
          .build();

  static final Schema DEMOGRAPHIC_RESULTS =
      Schema.csv("demographic-gemma-results.csv")
          .column("index", INTEGER)
          .column("language", STRING, LANGUAGE)
          .column("prompt", STRING)
          .column("topic", STRING)
          .column("question_key", STRING)
          .column("question_name", STRING)
          .column("country", STRING, COUNTRY_NAME)
          .column("is_congruent", BOOLEAN)
          .column("model", STRING, MODEL)
          .column("model_family", STRING)
          .column("response_pro_score", DOUBLE, UNIT_INTERVAL)
          .column("response_language", STRING, LANGUAGE)
          .column("response_pro_con", STRING)
          .column("ground_truth_pro_score", DOUBLE, UNIT_INTERVAL)
          .key("index", "is_congruent")
          .build();

  static final Schema CLEAN_ENGLISH_PROMPTS =
      Schema.csv("prompts/clean_english_prompts.csv")
          .column("question_key", STRING)
          .column("language", STRING, LANGUAGE)
          .column("prompt", STRING)
          .column("topic", STRING)
          .column("question_name", STRING)
          .build();

  /** Classifier outputs; {@code file} is olmo- or demographic-analysis-responses.jsonl. */
  static Schema classifierOutputs(String file) {
    return Schema.jsonl(file)
        .column("custom_id", STRING)
        .column("language", STRING, LANGUAGE)
        .column("opinions", STRING_LIST, OPINION)
        .key("custom_id")
        .build();
  }

  static final Schema EXAMPLE_RESPONSES =
      Schema.jsonl("example-json-prompts.jsonl").column("topic", STRING).column("response", STRING).build();

  static final Schema BATCH_REQUESTS =
      Schema.jsonl("all-language-requests.jsonl")
          .column("custom_id", STRING)
          .column("method", STRING)
          .column("url", STRING)
          .column("body", OBJECT)
          .key("custom_id")
          .build();

  /** Every CSV schema by its file name inside the dataset. */
  static final Map<String, Schema> CSV = new LinkedHashMap<>();

  static {
    for (Schema s :
        new Schema[] {
          SCORED_RESPONSES, GROUND_TRUTH_GLOBAL, GROUND_TRUTH_PER_LANGUAGE, GROUND_TRUTH_EVERY_COUNTRY,
          GROUND_TRUTH_ALL_COUNTRIES, GROUND_TRUTH, COUNTRY_LANGUAGES, GT_SELF_CONSISTENCY,
          MULTILINGUAL_BENCHMARKS, TRANSLATED_PROMPTS, DEMOGRAPHIC_PROMPTS, DEMOGRAPHIC_RESULTS,
          CLEAN_ENGLISH_PROMPTS
        }) {
      CSV.put(s.file(), s);
    }
  }
}
