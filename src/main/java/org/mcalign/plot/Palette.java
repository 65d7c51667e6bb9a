package org.mcalign.plot;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.Study;

/**
 * The colours of a study's models ({@code plot.py}): one matplotlib colour family per model
 * family in the study's order (Baseline = spring, then winter, summer, autumn for the paper's
 * openai, gemma, olmo; further families get further maps, {@link Colormaps#familyMap}), with
 * one shade per model inside its family (seaborn's {@code color_palette(map, n)}); a family's
 * own colour is its last (largest) model's shade. Display names ("GPT-4o") resolve like ids.
 *
 * <pre>{@code
 * Color c = Palette.of(study).model("gpt-4o");
 * }</pre>
 */
public final class Palette {
  private final Study study;
  private final Map<String, Color> model = new LinkedHashMap<>();
  private final Map<String, Color> family = new LinkedHashMap<>();

  private static final Map<Study, Palette> CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Palette(Study study) {
    this.study = study;
    List<String> families = study.allFamilies();
    for (int i = 0; i < families.size(); i++) {
      List<String> models = study.modelsOf(families.get(i));
      Color[] shades = Colormaps.seabornPalette(Colormaps.familyMap(i), models.size());
      for (int k = 0; k < models.size(); k++) {
        model.put(models.get(k), shades[k]);
        model.putIfAbsent(study.displayName(models.get(k)), shades[k]);
      }
      family.put(families.get(i), shades[shades.length - 1]);
    }
  }

  /** The palette of a study's models and families. */
  public static Palette of(Study study) {
    return CACHE.computeIfAbsent(study, Palette::new);
  }

  /** The palette of the paper's study. */
  public static Palette paper() {
    return of(Study.paper());
  }

  /** The colour of a model (id such as {@code gpt-4o}, a path, or a display name such as {@code GPT-4o}). */
  public Color model(String name) {
    Color c = model.get(name);
    if (c == null) c = model.get(name.substring(name.lastIndexOf('/') + 1));
    if (c == null)
      throw new IllegalArgumentException("no colour for model '" + name + "': the study in use (" + study.source()
          + ") does not declare it; declared: " + study.allModels());
    return c;
  }

  /** The colour of a model family ({@code Baseline}, {@code openai}, {@code gemma}, {@code olmo}, …). */
  public Color family(String name) {
    Color c = family.get(name);
    if (c == null)
      throw new IllegalArgumentException("no colour for model family '" + name + "': the study in use (" + study.source()
          + ") does not declare it; declared: " + family.keySet());
    return c;
  }

  /** All model colours keyed by model id, in the study's order (baselines first). */
  public Map<String, Color> models() {
    Map<String, Color> m = new LinkedHashMap<>();
    for (String id : study.allModels()) m.put(id, model.get(id));
    return m;
  }

  /** Family colours in the study's order. */
  public Map<String, Color> families() {
    return java.util.Collections.unmodifiableMap(family);
  }

  /** seaborn's default colour for single-colour plots (deep blue). */
  public static final Color SEABORN_BLUE = new Color(0x4C, 0x72, 0xB0);

  /** seaborn's "deep" qualitative palette, for hues that are not models (e.g. paper vs ours). */
  public static final List<Color> DEEP =
      List.of(new Color(0x4C, 0x72, 0xB0), new Color(0xDD, 0x84, 0x52), new Color(0x55, 0xA8, 0x68), new Color(0xC4, 0x4E, 0x52),
          new Color(0x81, 0x72, 0xB3), new Color(0x93, 0x78, 0x60), new Color(0xDA, 0x8B, 0xC3), new Color(0x8C, 0x8C, 0x8C));

  /** The whisker colour of seaborn's bar plots (grey .26). */
  public static final Color WHISKER = new Color(0x42, 0x42, 0x42);

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

  /** A colour from hue, lightness and saturation (each in [0, 1]), as Python's {@code colorsys.hls_to_rgb}. */
  static Color hls(double h, double l, double s) {
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
