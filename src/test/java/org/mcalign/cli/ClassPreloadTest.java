package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPreloadTest {
  /** A class renamed or removed since the list was written makes the list stale: this says which, and how to renew it. */
  @Test
  void everyListedClassIsInThisBuild() {
    List<String> names = ClassPreload.names();
    assertTrue(names.size() > 1000, "listed: " + names.size());
    assertTrue(names.containsAll(List.of("org.mcalign.analysis.PaperAnalysis", "org.mcalign.analysis.OutputWriter",
        "org.mcalign.data.CsvBytes", "tech.tablesaw.api.Table")), "the analyses' own classes are listed");
    List<String> missing = names.stream().filter(n -> {
      try {
        Class.forName(n, false, ClassPreloadTest.class.getClassLoader());
        return false;
      } catch (ClassNotFoundException | LinkageError e) {
        return true;
      }
    }).toList();
    assertEquals(List.of(), missing, "run environment/update-classlist.sh: the list names classes this build lacks");
  }

  @Test
  void loadsWithoutInitialisingAndSkipsWhatIsMissing() {
    ClassLoader l = getClass().getClassLoader();
    int loaded = ClassPreload.load(List.of("org.mcalign.cli.ClassPreloadTest$NotYetInitialised", "no.such.Clazz"), l);
    assertEquals(1, loaded);
    assertFalse(Flag.ran, "its static initialiser ran");
  }

  @Test
  void onlyTheBatchAnalysesPreload() {
    assertTrue(ClassPreload.appliesTo(new String[] {"analyze", "all"}));
    assertTrue(ClassPreload.appliesTo(new String[] {"evaluate"}));
    assertFalse(ClassPreload.appliesTo(new String[] {"kernel"}));
    assertFalse(ClassPreload.appliesTo(new String[0]));
  }

  static final class NotYetInitialised {

    static {
      Flag.ran = true;
    }
  }

  static final class Flag {
    static boolean ran;
  }
}
