package org.mcalign.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.text.AttributedString;

/**
 * Text drawing with the little markup the paper's labels need: {@code β_{BiasUS}} draws a
 * subscript (matplotlib mathtext's {@code $\beta_{BiasUS}$}, whose subscript is italic).
 * Positions are anchors: (ha, va) in {left|center|right} × {top|center|bottom|baseline}.
 */
final class Text {
  private Text() {}

  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** The paper's sans font (DejaVu Sans as matplotlib, else the logical SansSerif). */
  static Font font(double px, boolean bold) {
    return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) px);
  }

  private static final String FAMILY = pickFamily();

  private static String pickFamily() {
    java.util.Set<String> names =
        java.util.Set.of(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    for (String f : new String[] {"Arial", "Liberation Sans", "DejaVu Sans"}) if (names.contains(f)) return f;
    return Font.SANS_SERIF;
  }

  static TextLayout layout(String text, Font font) {
    if (text.isEmpty()) text = " ";
    int us = text.indexOf("_{");
    if (us < 0) return new TextLayout(text, font, FRC);
    int close = text.indexOf('}', us);
    String plain = text.substring(0, us) + text.substring(us + 2, close) + text.substring(close + 1);
    AttributedString as = new AttributedString(plain);
    as.addAttribute(TextAttribute.FONT, font);
    int s = us, e = close - 2;
    Font sub = font.deriveFont(Font.ITALIC, font.getSize2D() * 0.72f);
    as.addAttribute(TextAttribute.FONT, sub, s, e);
    as.addAttribute(TextAttribute.TRANSFORM, AffineTransform.getTranslateInstance(0, font.getSize2D() * 0.25), s, e);
    return new TextLayout(as.getIterator(), FRC);
  }

  static double width(String text, Font font) {
    return layout(text, font).getAdvance();
  }

  static double height(Font font) {
    TextLayout l = layout("Hg", font);
    return l.getAscent() + l.getDescent();
  }

  /** Draws text with its (ha, va) anchor at (x, y), rotated by {@code degrees} counter-clockwise about the anchor's box. */
  static void draw(Graphics2D g, String text, Font font, double x, double y, String ha, String va, double degrees) {
    TextLayout l = layout(text, font);
    double w = l.getAdvance(), asc = l.getAscent(), h = asc + l.getDescent();
    if (degrees == 0) {
      double dx = ha.equals("left") ? 0 : ha.equals("right") ? -w : -w / 2;
      double dy =
          switch (va) {
            case "top" -> asc;
            case "bottom" -> asc - h;
            case "baseline" -> 0;
            default -> asc - h / 2;
          };
      l.draw(g, (float) (x + dx), (float) (y + dy));
      return;
    }
    // matplotlib's default rotation mode: rotate, then align the rotated bounding box
    double t = Math.toRadians(degrees);
    double bw = Math.abs(w * Math.cos(t)) + Math.abs(h * Math.sin(t));
    double bh = Math.abs(w * Math.sin(t)) + Math.abs(h * Math.cos(t));
    double cx = ha.equals("left") ? x + bw / 2 : ha.equals("right") ? x - bw / 2 : x;
    double cy = va.equals("top") ? y + bh / 2 : va.equals("bottom") ? y - bh / 2 : y;
    AffineTransform saved = g.getTransform();
    g.translate(cx, cy);
    g.rotate(-t);
    l.draw(g, (float) (-w / 2), (float) (asc - h / 2));
    g.setTransform(saved);
  }

  /** Size of the rotated bounding box {width, height}. */
  static double[] box(String text, Font font, double degrees) {
    TextLayout l = layout(text, font);
    double w = l.getAdvance(), h = l.getAscent() + l.getDescent();
    double t = Math.toRadians(degrees);
    return new double[] {
      Math.abs(w * Math.cos(t)) + Math.abs(h * Math.sin(t)), Math.abs(w * Math.sin(t)) + Math.abs(h * Math.cos(t))
    };
  }
}
