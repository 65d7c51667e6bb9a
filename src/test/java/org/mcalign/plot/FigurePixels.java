package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** What a rendered figure shows, read from its pixels: the colours of the series it draws. */
final class FigurePixels {
  private FigurePixels() {}

  /** Pixels within 3 levels per channel of {@code c}. */
  static int count(BufferedImage img, Color c) {
    return count(rgb(img), c);
  }

  static int[] rgb(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  static int count(int[] rgb, Color c) {
    int n = 0, r = c.getRed(), g = c.getGreen(), b = c.getBlue();
    for (int p : rgb)
      if (Math.abs(((p >> 16) & 0xFF) - r) <= 3 && Math.abs(((p >> 8) & 0xFF) - g) <= 3 && Math.abs((p & 0xFF) - b) <= 3) n++;
    return n;
  }

  /** Pixels in a model's colour, as markers and lines (full) or bars and violins (seaborn's saturation 0.75) draw it. */
  static int modelPixels(int[] rgb, String model) {
    Color c = Palette.paper().model(model);
    return count(rgb, c) + count(rgb, Palette.desaturate(c, 0.75));
  }

  /** Every listed model's colour is drawn (at least {@code min} pixels), the others' not at all. */
  static void assertShowsModels(Figure f, Collection<String> shown, Collection<String> absent, int min) {
    int[] rgb = rgb(f.image());
    for (String m : shown) {
      int n = modelPixels(rgb, m);
      assertTrue(n >= min, f.fileName() + ": " + m + " drawn in " + n + " pixels of its colour");
    }
    for (String m : absent) assertEquals(0, modelPixels(rgb, m), f.fileName() + ": " + m + " is not in the data");
  }

  /** Neither blank nor a solid block: between 1 % and 90 % of the pixels are not white, in at least {@code colours} colours. */
  static void assertDrawn(Figure f, int colours) {
    BufferedImage img = f.image();
    int white = Color.WHITE.getRGB(), ink = 0;
    Set<Integer> distinct = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++)
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        if (p != white) ink++;
        distinct.add(p);
      }
    double share = ink / (double) (img.getWidth() * img.getHeight());
    assertTrue(share > 0.01 && share < 0.9, f.fileName() + ": " + share + " of the pixels drawn");
    assertTrue(distinct.size() >= colours, f.fileName() + ": " + distinct.size() + " colours");
  }

  static void assertSamePixels(BufferedImage expected, BufferedImage actual, String what) {
    assertEquals(expected.getWidth(), actual.getWidth(), what);
    assertEquals(expected.getHeight(), actual.getHeight(), what);
    for (int y = 0; y < expected.getHeight(); y++)
      for (int x = 0; x < expected.getWidth(); x++)
        if ((expected.getRGB(x, y) & 0xFFFFFF) != (actual.getRGB(x, y) & 0xFFFFFF))
          throw new AssertionError(what + ": pixel (" + x + ", " + y + ") differs");
  }

  /** The plot changes when its data change (a figure that ignored its input would not). */
  static void assertDiffers(Figure a, Figure b) {
    BufferedImage x = a.image(), y = b.image();
    int differ = 0;
    for (int j = 0; j < Math.min(x.getHeight(), y.getHeight()); j++)
      for (int i = 0; i < Math.min(x.getWidth(), y.getWidth()); i++) if (x.getRGB(i, j) != y.getRGB(i, j)) differ++;
    assertTrue(differ > 100, a.fileName() + ": only " + differ + " pixels change with the data");
  }
}
