package org.mcalign.plot;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Paper;

/**
 * The paper's colours ({@code plot.py}): one matplotlib colour family per model family in the
 * paper's order (Baseline = spring, openai = winter, gemma = summer, olmo = autumn), with one
 * shade per model inside its family (seaborn's {@code color_palette(map, n)}); a family's own
 * colour is its last (largest) model's shade. Display names ("GPT-4o") resolve like ids.
 */
public final class Palette {
  private Palette() {}

  private static final List<String> MAPS = List.of("spring", "winter", "summer", "autumn");
  private static final Map<String, Color> MODEL = new LinkedHashMap<>();
  private static final Map<String, Color> FAMILY = new LinkedHashMap<>();

  static {
    int i = 0;
    for (Map.Entry<String, List<String>> e : Paper.MODEL_FAMILIES.entrySet()) {
      List<String> models = e.getValue();
      Color[] shades = Colormaps.seabornPalette(MAPS.get(i++ % MAPS.size()), models.size());
      for (int k = 0; k < models.size(); k++) {
        MODEL.put(models.get(k), shades[k]);
        MODEL.put(Paper.displayName(models.get(k)), shades[k]);
      }
      FAMILY.put(e.getKey(), shades[shades.length - 1]);
    }
  }

  /** seaborn's default colour for single-colour plots (deep blue). */
  public static final Color SEABORN_BLUE = new Color(0x4C, 0x72, 0xB0);

  /** seaborn's "deep" qualitative palette, for hues that are not models (e.g. paper vs ours). */
  public static final List<Color> DEEP =
      List.of(new Color(0x4C, 0x72, 0xB0), new Color(0xDD, 0x84, 0x52), new Color(0x55, 0xA8, 0x68), new Color(0xC4, 0x4E, 0x52),
          new Color(0x81, 0x72, 0xB3), new Color(0x93, 0x78, 0x60), new Color(0xDA, 0x8B, 0xC3), new Color(0x8C, 0x8C, 0x8C));

  /** The whisker colour of seaborn's bar plots (grey .26). */
  public static final Color WHISKER = new Color(0x42, 0x42, 0x42);

  /** The colour of a model (id such as {@code gpt-4o}, a path, or a display name such as {@code GPT-4o}). */
  public static Color model(String model) {
    Color c = MODEL.get(model);
    if (c == null) c = MODEL.get(model.substring(model.lastIndexOf('/') + 1));
    if (c == null) throw new IllegalArgumentException("no colour for unknown model '" + model + "'; known: " + Paper.MODELS);
    return c;
  }

  /** The colour of a model family ({@code Baseline}, {@code openai}, {@code gemma}, {@code olmo}). */
  public static Color family(String family) {
    Color c = FAMILY.get(family);
    if (c == null) throw new IllegalArgumentException("no colour for unknown model family '" + family + "'; known: " + FAMILY.keySet());
    return c;
  }

  /** All model colours keyed by model id, in the paper's order (baselines first). */
  public static Map<String, Color> models() {
    Map<String, Color> m = new LinkedHashMap<>();
    for (String id : Paper.MODELS) m.put(id, MODEL.get(id));
    return m;
  }

  /** Family colours in the paper's order. */
  public static Map<String, Color> families() {
    return java.util.Collections.unmodifiableMap(FAMILY);
  }

  /**
   * seaborn's {@code desaturate}: scales the HLS saturation by {@code proportion}. seaborn
   * draws bars and violins at saturation 0.75, markers and lines at full saturation.
   */
  public static Color desaturate(Color c, double proportion) {
    float[] rgb = c.getRGBColorComponents(null);
    double r = rgb[0], g = rgb[1], b = rgb[2];
    double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
    double l = (max + min) / 2;
    if (max == min) return c;
    double d = max - min;
    double s = l <= 0.5 ? d / (max + min) : d / (2 - max - min);
    double h;
    double rc = (max - r) / d, gc = (max - g) / d, bc = (max - b) / d;
    if (r == max) h = bc - gc;
    else if (g == max) h = 2 + rc - bc;
    else h = 4 + gc - rc;
    h = ((h / 6) % 1 + 1) % 1;
    s *= proportion;
    return hls(h, l, s);
  }

  private static Color hls(double h, double l, double s) {
    if (s == 0) return Colormaps.rgb(l, l, l);
    double m2 = l <= 0.5 ? l * (1 + s) : l + s - l * s;
    double m1 = 2 * l - m2;
    return Colormaps.rgb(v(m1, m2, h + 1 / 3.0), v(m1, m2, h), v(m1, m2, h - 1 / 3.0));
  }

  private static double v(double m1, double m2, double hue) {
    hue = ((hue % 1) + 1) % 1;
    if (hue < 1 / 6.0) return m1 + (m2 - m1) * hue * 6;
    if (hue < 0.5) return m2;
    if (hue < 2 / 3.0) return m1 + (m2 - m1) * (2 / 3.0 - hue) * 6;
    return m1;
  }

  /** coolwarm diverging colour for {@code value} in [vmin, vmax] (the heatmaps' map). */
  public static Color coolwarm(double value, double vmin, double vmax) {
    return Colormaps.coolwarm((value - vmin) / (vmax - vmin));
  }
}
