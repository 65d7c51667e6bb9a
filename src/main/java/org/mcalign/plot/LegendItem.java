package org.mcalign.plot;

import java.awt.Color;

/** One legend entry: a filled patch (bars), a marker (scatter) or a line (dashed or not). */
public record LegendItem(String label, Color color, Kind kind, float[] dash) {
  public enum Kind { PATCH, MARKER, LINE }

  public static LegendItem patch(String label, Color color) {
    return new LegendItem(label, color, Kind.PATCH, null);
  }

  public static LegendItem marker(String label, Color color) {
    return new LegendItem(label, color, Kind.MARKER, null);
  }

  public static LegendItem line(String label, Color color, float[] dash) {
    return new LegendItem(label, color, Kind.LINE, dash);
  }
}
