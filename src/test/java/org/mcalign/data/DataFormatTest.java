package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** One crafted file per kind of bad input; each message must name file, line, column and schema. */
class DataFormatTest {
  @TempDir Path dir;

  private PaperFiles files() {
    return PaperFiles.of(Dataset.at(dir));
  }

  private void write(String name, String content) throws IOException {
    write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private void write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  private DataFormatException fails(String name, String content, Function<PaperFiles, ?> load) throws IOException {
    write(name, content);
    return assertThrows(DataFormatException.class, () -> load.apply(files()));
  }

  private static void assertMentions(DataFormatException e, String... parts) {
    for (String p : parts) assertTrue(e.getMessage().contains(p), () -> "message lacks '" + p + "':\n" + e.getMessage());
  }

  @Test
  void missingRequiredColumn() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv", "question_key,score\nF117,0.5\n", PaperFiles::groundTruthGlobal);
    assertEquals("ground_truth_global.csv", e.file());
    assertEquals(1, e.line());
    assertMentions(e, "ground_truth_global.csv, line 1", "missing required column pro_score",
        "the header has question_key, score", "extra columns, allowed: score",
        "Expected schema of ground_truth_global.csv", "pro_score (number in [0, 1])", "one row per question_key");
  }

  @Test
  void columnNamesAreExactAndCaseIsPointedOut() throws IOException {
    DataFormatException e = fails("country_languages.csv", "cntry_an,lnge_iso\nNL,nl\n", PaperFiles::countryLanguages);
    assertMentions(e, "line 1", "missing required column cntry_AN", "'cntry_an' differs from 'cntry_AN' only in case");
  }

  @Test
  void extraColumnsAreAllowedAndKeptAsStrings() throws IOException {
    write("ground_truth_global.csv", "note,question_key,pro_score\nhello,F117,0.25\nworld,E004,0.5\n");
    Table t = files().groundTruthGlobal();
    assertEquals(List.of("note", "question_key", "pro_score"), t.columnNames());
    assertEquals(ColumnType.STRING, t.column("note").type());
    assertEquals(0.25, t.doubleColumn("pro_score").get(0));
  }

  @Test
  void unparsableNumber() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,0.5\nE004,abc\n",
        PaperFiles::groundTruthGlobal);
    assertEquals(3, e.line());
    assertEquals("column 2 (pro_score)", e.column());
    assertMentions(e, "ground_truth_global.csv, line 3, column 2 (pro_score): value 'abc' is not a number",
        "Expected schema of ground_truth_global.csv");
  }

  @Test
  void javaOnlyNumberSyntaxIsRejected() throws IOException {
    // Double.parseDouble would accept "0.5d" and hexadecimal; the paper's files never hold them
    DataFormatException e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,0.5d\n",
        PaperFiles::groundTruthGlobal);
    assertMentions(e, "line 2, column 2 (pro_score): value '0.5d' is not a number");
  }

  @Test
  void wrongIntegerAndBoolean() throws IOException {
    String header = "index,language,template_type,prompt,topic,question_key,controversy,cateogry,question_name,country,is_congruent\n";
    DataFormatException e = fails("demographic-all_prompts_responses.csv",
        header + "600,da,survey_hypothetical,p,t,f121,,low,n,Denmark,true\n601.5,da,s,p,t,f121,,low,n,Denmark,true\n",
        PaperFiles::demographicPrompts);
    assertMentions(e, "demographic-all_prompts_responses.csv, line 3, column 1 (index): value '601.5' is not an integer");
    e = fails("demographic-all_prompts_responses.csv",
        header + "600,da,survey_hypothetical,p,t,f121,0.3,low,n,Denmark,yes\n", PaperFiles::demographicPrompts);
    assertMentions(e, "line 2, column 11 (is_congruent): value 'yes' is not a boolean");
  }

  @Test
  void valueOutsideUnitInterval() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,1.5\n",
        PaperFiles::groundTruthGlobal);
    assertMentions(e, "line 2, column 2 (pro_score): value 1.5 is not in [0, 1]");
  }

  @Test
  void emptyRequiredValue() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,\n",
        PaperFiles::groundTruthGlobal);
    assertMentions(e, "line 2, column 2 (pro_score): empty value; expected a number");
  }

  @Test
  void nanIsMissingWhereAllowedAndAnErrorElsewhere() throws IOException {
    String header = "index,language,template_type,prompt,topic,question_key,controversy,cateogry,question_name\n";
    write("translated_prompts_with_english_no_controversy.csv",
        header + "0,da,argument,p,t,e235,NaN,difference,n\n1,da,argument,p,t,e235,-inf,difference,n\n");
    Table t = files().translatedPrompts();
    assertTrue(t.doubleColumn("controversy").isMissing(0));
    assertEquals(Double.NEGATIVE_INFINITY, t.doubleColumn("controversy").getDouble(1));
    DataFormatException e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,nan\n",
        PaperFiles::groundTruthGlobal);
    assertMentions(e, "line 2, column 2 (pro_score): value 'nan' is missing (NaN); expected a number");
    e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,inf\n", PaperFiles::groundTruthGlobal);
    assertMentions(e, "line 2, column 2 (pro_score): value inf is not in [0, 1]");
  }

  @Test
  void duplicateKey() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv",
        "question_key,pro_score\nF117,0.1\nE004,0.2\nF117,0.3\n", PaperFiles::groundTruthGlobal);
    assertEquals(4, e.line());
    assertMentions(e, "ground_truth_global.csv, line 4, column 1 (question_key): duplicate key question_key=F117 (first at line 2)");
  }

  @Test
  void duplicateCompositeKey() throws IOException {
    DataFormatException e = fails("ground_truth_per_language.csv",
        "lnge_iso,question_key,pro_score\nda,F120,0.1\nen,F120,0.2\nda,F120,0.3\n", PaperFiles::groundTruthPerLanguage);
    assertMentions(e, "line 4", "duplicate key lnge_iso=da, question_key=F120 (first at line 2)");
  }

  @Test
  void unknownLanguageCode() throws IOException {
    DataFormatException e = fails("ground_truth_per_language.csv",
        "lnge_iso,question_key,pro_score\nda,F120,0.1\nde,F120,0.2\n", PaperFiles::groundTruthPerLanguage);
    assertMentions(e, "ground_truth_per_language.csv", "column lnge_iso: language 'de' (1 row, first at line 3)", "not declared by the study", "study.json");
  }

  @Test
  void unknownCountryCode() throws IOException {
    DataFormatException e = fails("ground_truth_every_country.csv",
        "cntry_an,question_key,pro_score,lnge_iso\nDK,F120,0.1,da\nXX,F120,0.2,en\n", PaperFiles::groundTruthEveryCountry);
    assertMentions(e, "column cntry_an: country 'XX' (1 row, first at line 3)", "not declared by the study", "study.json");
  }

  @Test
  void unknownCountryName() throws IOException {
    String header = "index,language,template_type,prompt,topic,question_key,controversy,cateogry,question_name,country,is_congruent\n";
    DataFormatException e = fails("demographic-all_prompts_responses.csv",
        header + "600,da,survey_hypothetical,p,t,f121,,low,n,Danmark,true\n", PaperFiles::demographicPrompts);
    assertMentions(e, "column country: country name 'Danmark' (1 row, first at line 2)", "study.json");
  }

  @Test
  void emptyFiles() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv", "", PaperFiles::groundTruthGlobal);
    assertMentions(e, "ground_truth_global.csv: the file is empty; expected a header line question_key,pro_score",
        "Expected schema of ground_truth_global.csv");
    e = fails("ground_truth_global.csv", "\uFEFF\r\n", PaperFiles::groundTruthGlobal);
    assertMentions(e, "the file is empty");
    e = fails("ground_truth_global.csv", "question_key,pro_score\n", PaperFiles::groundTruthGlobal);
    assertMentions(e, "ground_truth_global.csv: the file has a header but no data rows");
  }

  @Test
  void crlfAndBomReadLikeTheirPlainTwin() throws IOException {
    String plain = "index,language,template_type,prompt,topic,question_key,controversy,cateogry,question_name\n"
        + "0,da,argument,\"two\nlines, quoted\",Emne,e235,0.25,difference,Importance of democracy\n"
        + "1,en,headlines,p,t,e069_20,,high,Confidence\n";
    write("translated_prompts_with_english_no_controversy.csv", plain);
    Table expected = files().translatedPrompts();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] crlf = plain.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + crlf.length];
    System.arraycopy(bom, 0, both, 0, 3);
    System.arraycopy(crlf, 0, both, 3, crlf.length);
    write("translated_prompts_with_english_no_controversy.csv", both);
    Table t = files().translatedPrompts();
    assertEquals(expected.columnNames(), t.columnNames());
    assertEquals("index", t.columnNames().get(0)); // the BOM is not part of the first name
    assertEquals(expected.toString(), t.toString());
    assertEquals("two\nlines, quoted", t.stringColumn("prompt").get(0));
    assertTrue(t.doubleColumn("controversy").isMissing(1));
  }

  @Test
  void crlfFileReportsPhysicalLines() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv",
        "question_key,pro_score\r\n\"F\n117\",0.1\r\nE004,x\r\n", PaperFiles::groundTruthGlobal);
    assertEquals(4, e.line()); // the quoted field spans lines 2 and 3
  }

  @Test
  void wrongFieldCountAndUnclosedQuote() throws IOException {
    DataFormatException e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,0.1,9\n",
        PaperFiles::groundTruthGlobal);
    assertMentions(e, "line 2: the row has 3 fields but the header has 2 columns");
    e = fails("ground_truth_global.csv", "question_key,pro_score\nF117,0.1\n\"E004,0.2\n", PaperFiles::groundTruthGlobal);
    assertMentions(e, "line 3, field 1 (character 1): quoted field is never closed");
  }

  @Test
  void invalidUtf8() throws IOException {
    write("ground_truth_global.csv", new byte[] {'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '_', 'k', 'e', 'y', ',', 'p', 'r', 'o',
        '_', 's', 'c', 'o', 'r', 'e', '\n', 'F', (byte) 0xC3, '(', ',', '0', '\n'});
    DataFormatException e = assertThrows(DataFormatException.class, () -> files().groundTruthGlobal());
    assertMentions(e, "ground_truth_global.csv, line 2, column 1 (question_key): byte 0xC3 (character 2 of the line) is not valid UTF-8");
  }

  @Test
  void jsonLinesErrors() throws IOException {
    String name = "olmo-analysis-responses.jsonl";
    Function<PaperFiles, ?> load = f -> f.classifierOutputs(name);
    String good = "{\"custom_id\": \"response-0\", \"language\": \"da\", \"opinions\": [\"pro\", \"NULL\"]}\n";
    DataFormatException e = fails(name, good + "{\"custom_id\": \"response-1\", \"language\": \"da\", \"opinions\": [\"pro\",]}\n", load);
    assertMentions(e, "olmo-analysis-responses.jsonl, line 2, character", "malformed JSON",
        "Expected schema of olmo-analysis-responses.jsonl (JSON lines");
    e = fails(name, good + "{\"custom_id\": \"response-1\", \"opinions\": []}\n", load);
    assertMentions(e, "line 2, field language: missing required field language");
    e = fails(name, good + "{\"custom_id\": \"response-1\", \"language\": \"sv\", \"opinions\": []}\n", load);
    assertMentions(e, "line 2, field language: the file holds language 'sv', not declared by the study", "study.json");
    e = fails(name, good + "{\"custom_id\": \"response-1\", \"language\": \"en\", \"opinions\": [\"pro\", \"maybe\"]}\n", load);
    assertMentions(e, "line 2, field opinions[1]: unknown value 'maybe'");
    e = fails(name, good + "{\"custom_id\": \"response-1\", \"language\": \"en\", \"opinions\": \"pro\"}\n", load);
    assertMentions(e, "line 2, field opinions: value \"pro\" is not a list of strings");
    e = fails(name, good + "\n" + good.replace("\n", "\r\n"), load);
    assertMentions(e, "line 3, field custom_id: duplicate key custom_id=response-0 (first at line 1)");
    e = fails(name, "", load);
    assertMentions(e, "olmo-analysis-responses.jsonl: the file is empty");
  }

  @Test
  void jsonLinesWithCrlfAndBom() throws IOException {
    String name = "demographic-analysis-responses.jsonl";
    write(name, "\uFEFF{\"custom_id\": \"r0\", \"language\": \"pt\", \"opinions\": [\"con\"]}\r\n"
        + "{\"custom_id\": \"r1\", \"language\": \"nl\", \"opinions\": []}");
    List<PaperFiles.ClassifierOutput> out = files().classifierOutputs(name);
    assertEquals(2, out.size());
    assertEquals("pt", out.get(0).language());
    assertEquals(List.of("con"), out.get(0).opinions());
  }

  @Test
  void stanceLabelErrors() throws IOException {
    DataFormatException e = fails("stance_labels.json",
        "{\n  \"e235\": [\"a\", \"b\"],\n  \"E235\": [\"c\", \"d\"]\n}\n", PaperFiles::stanceLabels);
    assertMentions(e, "stance_labels.json, line 3, character 3: duplicate key 'e235' (first at line 2)");
    e = fails("stance_labels.json", "{\n  \"e235\": [\"a\", \"b\"],\n  \"e235\": [\"c\", \"d\"]\n}\n", PaperFiles::stanceLabels);
    assertMentions(e, "stance_labels.json, line 3", "duplicate key");
    e = fails("stance_labels.json", "{\n  \"e235\": [\"only pro\"]\n}\n", PaperFiles::stanceLabels);
    assertMentions(e, "line 2", "value of 'e235' must be a list of exactly 2 strings");
  }

  @Test
  void batchRequestBodyErrors() throws IOException {
    DataFormatException e = fails("all-language-requests.jsonl",
        "{\"custom_id\": \"a\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", \"body\": {\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\"}]}}\n",
        PaperFiles::batchRequests);
    assertMentions(e, "all-language-requests.jsonl, line 1, field body.messages[0]: a message needs string fields role and content");
  }

  @Test
  void schemaDescribesEveryColumn() {
    Schema s = PaperFiles.schema("ground_truth_every_country.csv").orElseThrow();
    assertEquals(List.of("cntry_an", "question_key"), s.key());
    assertTrue(s.describe().contains("cntry_an (string, country code declared in the study)"), s.describe());
    assertTrue(s.describe().contains("lnge_iso (string, language code declared in the study)"), s.describe());
  }
}
