package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoefficientNameTest {
  @Test
  void takesPatsyNamesApart() {
    CoefficientName c = CoefficientName.parse("us[T.True]:model_name[T.gpt-4-turbo-2024-04-09]:language[pt]");
    assertEquals(3, c.parts().size());
    assertEquals(new CoefficientName.Part("us", "True", true), c.parts().get(0));
    assertEquals(Optional.of("gpt-4-turbo-2024-04-09"), c.level("model_name"));
    assertEquals(new CoefficientName.Part("language", "pt", false), c.parts().get(2));
    CoefficientName m = CoefficientName.parse("multilingual:family[gemma]:language[Danish]");
    assertTrue(m.parts().get(0).isNumeric());
    assertEquals("gemma", m.levels().get("family"));
    assertTrue(m.has("multilingual"));
    assertTrue(CoefficientName.parse("Intercept").parts().isEmpty());
    assertEquals(Optional.of("a[1]"), CoefficientName.parse("x[a[1]]:y").level("x"));
    assertThrows(IllegalArgumentException.class, () -> CoefficientName.parse("x[abc"));
  }
}
