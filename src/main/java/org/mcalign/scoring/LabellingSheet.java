package org.mcalign.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mcalign.data.CsvRows;
import org.mcalign.data.DataFormatException;
import org.mcalign.prompts.CsvRecords;

/**
 * The sheet people fill in to validate the classifier: one row per statement of each sampled
 * response ({@code item} = {@code "{response}-{position}"}, the paper's statement id; then
 * {@code response_id}, {@code position}, {@code topic}, {@code statement}) and an empty
 * {@code label} column for {@code pro}, {@code con} or {@code NULL} (neither). The classifiers'
 * labels are not on the sheet, so the labelling is blind. Read back, an empty label means not
 * labelled; anything else than the three labels is an error naming the file and line.
 */
public final class LabellingSheet {
  private LabellingSheet() {}

  public static final List<String> COLUMNS = List.of("item", "response_id", "position", "topic", "statement", "label");
  public static final List<String> LABELS = List.of("pro", "con", "NULL");

  /** The sheet's rows for the responses, statements numbered from 0 as the classifiers' label positions. */
  public static CsvRecords of(List<OpinionAnnotator.Input> responses) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int r = 0; r < responses.size(); r++) {
      List<String> st = Statements.split(responses.get(r).response());
      for (int k = 0; k < st.size(); k++) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("item", r + "-" + k);
        m.put("response_id", String.valueOf(r));
        m.put("position", String.valueOf(k));
        m.put("topic", responses.get(r).topic());
        m.put("statement", st.get(k));
        m.put("label", "");
        rows.add(m);
      }
    }
    return new CsvRecords(COLUMNS, rows);
  }

  /** The labels of a filled sheet by item (pro, con or NULL; unlabelled rows left out). */
  public static Map<String, String> read(Path file) {
    CsvRows csv = CsvRows.read(file).require("a classifier-validation labelling sheet", "item", "label");
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    for (CsvRows.Row r : csv.rows()) {
      String item = r.get("item").strip(), raw = r.get("label").strip();
      if (item.isEmpty()) throw new DataFormatException(csv.file(), r.line(), "item", "empty item", "the sheet's item ids");
      Integer before = lineOf.putIfAbsent(item, r.line());
      if (before != null)
        throw new DataFormatException(csv.file(), r.line(), "item", "item '" + item + "' is also on line " + before, "one row per item");
      if (raw.isEmpty()) continue;
      String label = switch (raw.toLowerCase(Locale.ROOT)) {
        case "pro" -> "pro";
        case "con" -> "con";
        case "null", "neither", "none" -> "NULL";
        default -> throw new DataFormatException(csv.file(), r.line(), "label", "label '" + raw + "'", "pro, con or NULL (or empty: not labelled)");
      };
      out.put(item, label);
    }
    return out;
  }
}
