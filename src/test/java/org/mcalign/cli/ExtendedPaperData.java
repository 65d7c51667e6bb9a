package org.mcalign.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.mcalign.data.Study;

/**
 * The paper's data plus a 10th model of a new family and a 5th language with its country: the
 * model's responses are gemma-2-9b-it's with seeded noise on the scores, the language's rows
 * (responses, ground truth, benchmark scores) are Danish's relabelled German, the country's
 * ground truth Denmark's relabelled Germany. {@code study.json} declares them when asked to.
 */
final class ExtendedPaperData {
  static final String MODEL = "mistral-7b-instruct", FAMILY = "mistral", DISPLAY = "Mistral 7B";
  static final String LANGUAGE = "de", LANGUAGE_NAME = "German", COUNTRY = "DE", COUNTRY_NAME = "Germany";

  private ExtendedPaperData() {}

  /** The study the extended data needs: the paper's with the model, language and country added. */
  static Study study() {
    return Study.paper()
        .withModel(new Study.Model(MODEL, FAMILY, DISPLAY, List.of(DISPLAY), "mistralai/Mistral-7B-Instruct-v0.3"))
        .withLanguage(new Study.Language(LANGUAGE, LANGUAGE_NAME, "Die Befragten kommen aus COUNTRY."))
        .withCountry(new Study.Country(COUNTRY, COUNTRY_NAME, LANGUAGE));
  }

  /** Copies the paper's data into {@code dir} and extends it; with {@code declare}, writes {@code study.json} too. */
  static Path write(Path paper, Path dir, boolean declare) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(paper)) {
        for (Path f : (Iterable<Path>) files::iterator)
          if (Files.isRegularFile(f)) Files.copy(f, dir.resolve(f.getFileName()));
      }
      Random noise = new Random(14);
      String responses = "all_lang_model_responses_with_scores.csv";
      // model_name,model_family,template_type,language,response_language,question_key,response_pro_score,ground_truth_pro_score
      addRows(dir.resolve(responses), 0, "gemma-2-9b-it", f -> {
        f[0] = MODEL;
        f[1] = FAMILY;
        if (!f[6].isEmpty()) f[6] = String.valueOf(Math.round(100 * clamp(Double.parseDouble(f[6]) + 0.1 * noise.nextGaussian())) / 100.0);
        return f;
      });
      addRows(dir.resolve(responses), 3, "da", f -> { f[3] = LANGUAGE; f[4] = LANGUAGE; return f; });
      addRows(dir.resolve("ground_truth.csv"), 2, "da", f -> { f[2] = LANGUAGE; return f; });
      addRows(dir.resolve("ground_truth_per_language.csv"), 0, "da", f -> { f[0] = LANGUAGE; return f; });
      addRows(dir.resolve("ground_truth_all_countries.csv"), 0, "DK", f -> { f[0] = COUNTRY; f[3] = LANGUAGE; return f; });
      addRows(dir.resolve("ground_truth_every_country.csv"), 0, "DK", f -> { f[0] = COUNTRY; f[3] = LANGUAGE; return f; });
      addRows(dir.resolve("gt_self_consistency.csv"), 0, "DK", f -> { f[0] = COUNTRY; return f; });
      addRows(dir.resolve("country_languages.csv"), 0, "DK", f -> { f[0] = COUNTRY; f[1] = LANGUAGE; return f; });
      // model,benchmark,language,score,family
      addRows(dir.resolve("multilingual_benchmarks.csv"), 0, "Gemma-2 9B", f -> {
        f[0] = DISPLAY;
        f[3] = String.valueOf(Double.parseDouble(f[3]) - 3);
        f[4] = FAMILY;
        return f;
      });
      addRows(dir.resolve("multilingual_benchmarks.csv"), 2, "Danish", f -> { f[2] = LANGUAGE_NAME; return f; });
      if (declare) Files.writeString(dir.resolve(Study.FILE_NAME), study().toJson() + "\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /** Appends a changed copy of every row whose {@code column} is {@code value} (the files have no quoted fields). */
  private static void addRows(Path file, int column, String value, UnaryOperator<String[]> change) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> out = new ArrayList<>(lines);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f[column].equals(value)) out.add(String.join(",", change.apply(f)));
    }
    Files.write(file, out);
  }
}
