package org.mcalign.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.ChatBackend;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.StageInputException;

/** Stage 5 end to end: classifier requests for responses, answered by a backend, parsed. */
public final class Classification {
  private Classification() {}

  /** One input per response row (columns question_key, response), in row order. */
  public static List<OpinionClassifier.Input> inputs(CsvRecords responses) {
    List<OpinionClassifier.Input> in = new ArrayList<>(responses.size());
    for (Map<String, String> r : responses.rows()) {
      if (!r.containsKey("response") || !r.containsKey("question_key")) {
        throw new StageInputException("responses need columns question_key and response; found " + responses.columns());
      }
      in.add(new OpinionClassifier.Input(r.get("question_key"), r.get("response")));
    }
    return in;
  }

  /** Requests, answers (tool-call arguments) and their parse, in request order; the paper's study's languages. */
  public static List<ClassifiedOpinions> run(
      CsvRecords responses, Map<String, List<String>> stances, String model, ChatBackend backend) {
    return run(responses, stances, model, backend, org.mcalign.data.Study.paper().languageCodes());
  }

  /** As {@link #run(CsvRecords, Map, String, ChatBackend)} with the tool's language list (the study's). */
  public static List<ClassifiedOpinions> run(
      CsvRecords responses, Map<String, List<String>> stances, String model, ChatBackend backend, List<String> languages) {
    List<BatchRequestLine> req = OpinionClassifier.requests(inputs(responses), stances, model, languages);
    List<String> args = backend.answer(req);
    if (args.size() != req.size()) {
      throw new StageInputException(req.size() + " classifier requests but " + args.size() + " answers");
    }
    List<ClassifiedOpinions> out = new ArrayList<>(req.size());
    for (int i = 0; i < req.size(); i++) out.add(ClassifierOutputs.parseArguments(req.get(i).customId(), args.get(i)));
    return out;
  }

  /** The parsed answers as JSONL lines {custom_id, language, opinions} (the shape of the paper's analysis-responses files). */
  public static List<String> jsonLines(List<ClassifiedOpinions> answers) {
    List<String> out = new ArrayList<>(answers.size());
    for (ClassifiedOpinions a : answers) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("custom_id", a.customId());
      m.put("language", a.language());
      m.put("opinions", a.opinions());
      out.add(org.mcalign.prompts.PythonFormat.json(m));
    }
    return out;
  }
}
