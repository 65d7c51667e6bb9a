package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.DataReader;
import tech.tablesaw.io.DataWriter;

class TablesawStartTest {
  @Test
  void theListedClassesAreExactlyWhatTablesawsScanFinds() {
    List<String> found = new ArrayList<>();
    try (ScanResult r = new ClassGraph().enableAllInfo().acceptPackages("tech.tablesaw.io").scan()) {
      found.addAll(r.getClassesImplementing(DataWriter.class).getNames());
      found.addAll(r.getClassesImplementing(DataReader.class).getNames());
    }
    found.sort(null);
    List<String> listed = new ArrayList<>(Arrays.asList(TablesawStart.READERS_AND_WRITERS));
    listed.sort(null);
    assertEquals(found, listed);
  }

  @Test
  void readersAndWritersAreRegisteredAfterInit() {
    String classPath = System.getProperty("java.class.path");
    TablesawStart.init();
    assertEquals(classPath, System.getProperty("java.class.path"));
    assertTrue(Table.defaultReaderRegistry.getReaderForExtension("csv").isPresent());
    assertTrue(Table.defaultReaderRegistry.getReaderForMimeType("text/csv").isPresent());
    assertTrue(Table.defaultWriterRegistry.getWriterForExtension("csv") != null);
    Table t = Table.read().csv(new java.io.StringReader("a,b\n1,x\n"));
    assertEquals(1, t.rowCount());
  }
}
