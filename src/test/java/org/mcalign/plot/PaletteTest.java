package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {
  static void assertRgb(double r, double g, double b, Color c, double tol) {
    float[] v = c.getRGBColorComponents(null);
    assertEquals(r, v[0], tol, "red of " + c);
    assertEquals(g, v[1], tol, "green of " + c);
    assertEquals(b, v[2], tol, "blue of " + c);
  }

  @Test
  void modelShadesAreSeabornPalettesOfTheFamilyColormaps() {
    // seaborn.color_palette("winter", 3): cmap at 1/4, 1/2, 3/4 of a 256-entry LUT → index 64, 128, 192
    assertRgb(0, 64 / 255.0, 1 - 32 / 255.0, Palette.paper().model("gpt-3.5-turbo-0125"), 1e-6);
    assertRgb(0, 128 / 255.0, 1 - 64 / 255.0, Palette.paper().model("gpt-4-turbo-2024-04-09"), 1e-6);
    // summer: (x, 0.5 + x/2, 0.4); autumn: (1, x, 0); spring: (1, x, 1 − x)
    assertRgb(192 / 255.0, 0.5 + 96 / 255.0, 0.4, Palette.paper().model("gemma-2-27b-it"), 1e-6);
    assertRgb(1, 64 / 255.0, 0, Palette.paper().model("OLMo-2-1124-7B-Instruct"), 1e-6);
    assertRgb(1, 128 / 255.0, 1 - 128 / 255.0, Palette.paper().model("Baseline_fifty_percent"), 1e-6);
  }

  @Test
  void displayNamesAndPathsResolveAndFamilyColourIsItsLastModel() {
    assertEquals(Palette.paper().model("gpt-4o"), Palette.paper().model("GPT-4o"));
    assertEquals(Palette.paper().model("gemma-2-2b-it"), Palette.paper().model("google/gemma-2-2b-it"));
    assertEquals(Palette.paper().model("OLMo-2-0325-32B-Instruct"), Palette.paper().family("olmo"));
    assertEquals(java.util.List.of("Baseline", "openai", "gemma", "olmo"), java.util.List.copyOf(Palette.paper().families().keySet()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Palette.paper().model("llama-3"));
    assertTrue(e.getMessage().contains("llama-3"));
  }

  @Test
  void coolwarmMatchesMatplotlibAtEndsAndCentre() {
    // matplotlib's _coolwarm_data: first, middle and last entries
    assertRgb(0.2298057, 0.298717966, 0.753683153, Palette.coolwarm(-1, -1, 1), 0.01);
    assertRgb(0.865395197, 0.86541021, 0.865395561, Palette.coolwarm(0, -1, 1), 0.01);
    assertRgb(0.705673158, 0.01555616, 0.150232812, Palette.coolwarm(1, -1, 1), 0.01);
  }

  @Test
  void desaturateScalesHlsSaturation() {
    // pure red: HLS (0, 0.5, 1) → saturation 0.5 → rgb (0.75, 0.25, 0.25)
    assertRgb(0.75, 0.25, 0.25, Palette.desaturate(Color.RED, 0.5), 1.0 / 255);
    Color grey = new Color(128, 128, 128);
    assertEquals(grey, Palette.desaturate(grey, 0.75));
  }
}
