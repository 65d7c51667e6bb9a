package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvRowsTest {
  private static CsvRows parse(String text) {
    return CsvRows.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv");
  }

  @Test
  void readsRecordsWithTheirLines() {
    CsvRows csv = parse("\uFEFFa,b\r\n1,\"x,\"\"y\"\"\"\n\n2,\"two\nlines\"\n3,last");
    assertEquals(List.of("a", "b"), csv.header());
    assertEquals(3, csv.rows().size());
    assertEquals("x,\"y\"", csv.rows().get(0).get("b"));
    assertEquals(2, csv.rows().get(0).line());
    assertEquals("two\nlines", csv.rows().get(1).get("b"));
    assertEquals(4, csv.rows().get(1).line(), "the blank line 3 is skipped but counted");
    assertEquals(6, csv.rows().get(2).line());
    assertEquals("last", csv.rows().get(2).get("b"));
  }

  @Test
  void badInputNamesFileAndLine() {
    DataFormatException fields = assertThrows(DataFormatException.class, () -> parse("a,b\n1,2\n1,2,3\n"));
    assertEquals("t.csv", fields.file());
    assertEquals(3, fields.line());
    assertTrue(fields.problem().contains("3 fields but the header has 2"), fields.getMessage());
    DataFormatException quote = assertThrows(DataFormatException.class, () -> parse("a,b\n1,2\n3,\"open\n"));
    assertEquals(3, quote.line());
    DataFormatException empty = assertThrows(DataFormatException.class, () -> parse("\n"));
    assertTrue(empty.problem().contains("empty"), empty.getMessage());
    DataFormatException missing = assertThrows(DataFormatException.class,
        () -> parse("prompt,lang\nx,en\n").require("the prompt table", "prompt", "topic"));
    assertEquals(1, missing.line());
    assertTrue(missing.getMessage().contains("missing column topic"), missing.getMessage());
    assertTrue(missing.getMessage().contains("the prompt table"), missing.getMessage());
  }

  @Test
  void rowsWrittenReadBackTheSame() throws IOException {
    List<String> header = List.of("prompt", "response", "empty");
    List<String> row = Arrays.asList("say \"hi\", please", "line one\r\nline two", null);
    StringWriter w = new StringWriter();
    CsvOut.writeRow(w, header);
    CsvOut.writeRow(w, row);
    assertEquals("prompt,response,empty\n\"say \"\"hi\"\", please\",\"line one\r\nline two\",\n", w.toString());
    CsvRows back = parse(w.toString());
    assertEquals(header, back.header());
    assertEquals("say \"hi\", please", back.rows().get(0).get("prompt"));
    assertEquals("", back.rows().get(0).get("empty"));
  }

  /** polars' write_csv: NaN as NaN, booleans lower case, nulls empty (as in the paper's demographic files). */
  @Test
  void writesThePolarsFormat() {
    BooleanColumn kept = BooleanColumn.create("kept", true, false, true);
    kept.set(2, (Boolean) null);
    Table t = Table.create("t", StringColumn.create("q,key", "Q1", "a,\"b\"", ""),
        DoubleColumn.create("x", 0.1, Double.NaN, 1e-5), LongColumn.create("n", 12345678901L, -2L, 3L), kept);
    assertEquals("\"q,key\",x,n,kept\nQ1,0.1,12345678901,true\n\"a,\"\"b\"\"\",NaN,-2,false\n,1e-05,3,\n",
        CsvOut.toCsv(t, CsvOut.Style.POLARS));
    assertEquals("\"q,key\",x,n,kept\nQ1,0.1,12345678901,True\n\"a,\"\"b\"\"\",,-2,False\n,1e-05,3,\n",
        CsvOut.toCsv(t, CsvOut.Style.PANDAS));
  }
}
