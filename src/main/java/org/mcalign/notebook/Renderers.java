package org.mcalign.notebook;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.table.TableSlice;

/**
 * How the kernel shows a value. In order of precedence:
 * <ul>
 *   <li>{@link MimeBundle}: as is;</li>
 *   <li>Tablesaw {@link Table} (and table slices and single columns): {@code text/html} (styled,
 *       long tables cut to head and tail with the row count) and {@code text/plain};</li>
 *   <li>XChart charts (any {@link Chart}): {@code image/png} drawn at 2× pixel density with
 *       its display size in the metadata, plus {@code image/svg+xml} when {@link #setSvg} is on;</li>
 *   <li>{@link RenderedImage} (e.g. {@link BufferedImage}): {@code image/png};</li>
 *   <li>objects with public no-argument methods, by convention: {@code toHtml()} →
 *       {@code text/html}, {@code toMarkdown()} → {@code text/markdown}, {@code toSvg()} →
 *       {@code image/svg+xml}, {@code toPng()} (byte[]) or {@code toImage()} /
 *       {@code toBufferedImage()} (a RenderedImage) → {@code image/png}; {@code summary()}
 *       (String) is then their {@code text/plain}, else {@code toString()};</li>
 *   <li>maps: a two-column table (key, value); lists and sets: a one-column table, numbers
 *       formatted, never Java's {@code toString} of the collection;</li>
 *   <li>doubles and floats: 6 significant digits; arrays: {@code Arrays.deepToString};
 *       anything else: {@code toString()}.</li>
 * </ul>
 * A value with a public {@code caption()} (e.g. a {@link org.mcalign.plot.Figure} that says what
 * its bars and whiskers are) shows as two outputs: the value, then the caption as Markdown
 * ({@link #renderAll}).
 */
public final class Renderers {
  private static volatile int tableRowLimit = 50;
  private static volatile double imageScale = 2.0;
  private static volatile boolean svg = false;

  private Renderers() {}

  /** Rows shown before a table is cut to its head and tail (default 50). */
  public static void setTableRowLimit(int rows) {
    if (rows < 2) throw new IllegalArgumentException("table row limit must be at least 2, got " + rows);
    tableRowLimit = rows;
  }

  /** Pixel density of chart images (default 2: crisp on high-density screens). */
  public static void setImageScale(double scale) {
    if (!(scale >= 0.5 && scale <= 4)) throw new IllegalArgumentException("image scale must be in [0.5, 4], got " + scale);
    imageScale = scale;
  }

  /** Also send charts as SVG (bigger notebooks; off by default). */
  public static void setSvg(boolean on) {
    svg = on;
  }

  /**
   * The outputs a value shows as: its {@link #render rendering}, followed by its caption as
   * Markdown when it has a non-blank public {@code caption()}.
   */
  public static List<MimeBundle> renderAll(Object value) {
    MimeBundle main = render(value);
    String caption = value == null || value instanceof MimeBundle ? null : call(value, "caption", String.class);
    if (caption == null || caption.isBlank()) return List.of(main);
    return List.of(main, Notebook.markdown(caption));
  }

  /** Renders {@code value} into the MIME types listed above; {@code null} renders as "null". */
  public static MimeBundle render(Object value) {
    Map<String, String> data = new LinkedHashMap<>();
    Map<String, Object> meta = new LinkedHashMap<>();
    if (value instanceof MimeBundle b) return b;
    if (value == null) {
      data.put("text/plain", "null");
    } else if (value instanceof Table t) {
      renderTable(t, data);
    } else if (value instanceof TableSlice slice) {
      renderTable(slice.asTable(), data);
    } else if (value instanceof Column<?> column) {
      Table t = Table.create(column.name());
      t.addColumns(column);
      renderTable(t, data);
    } else if (value instanceof Chart<?, ?> chart) {
      renderChart(chart, data, meta);
    } else if (value instanceof RenderedImage img) {
      data.put("text/plain", describeImage(img));
      data.put("image/png", Images.base64(Images.png(img)));
    } else if (value.getClass().isArray()) {
      data.put("text/plain", arrayText(value));
    } else if (value instanceof Map<?, ?> map) {
      renderTable(mapTable(map), data);
    } else if (value instanceof Collection<?> items) {
      renderTable(collectionTable(items), data);
    } else if (value instanceof Double || value instanceof Float) {
      data.put("text/plain", Numbers.sig(((Number) value).doubleValue(), 6));
    } else {
      byConvention(value, data, meta);
    }
    return new MimeBundle(data, meta);
  }

  private static void renderTable(Table t, Map<String, String> data) {
    data.put("text/plain", TextTables.toText(t, tableRowLimit));
    data.put("text/html", HtmlTables.toHtml(t, tableRowLimit));
  }

  /** A map as a table: key, value (numbers as a numeric column, so they are formatted). */
  static Table mapTable(Map<?, ?> map) {
    StringColumn keys = StringColumn.create("key");
    map.keySet().forEach(k -> keys.append(String.valueOf(k)));
    return Table.create("", keys, valueColumn(map.values()));
  }

  /** A list or set as a one-column table. */
  static Table collectionTable(Collection<?> items) {
    return Table.create("", valueColumn(items));
  }

  private static Column<?> valueColumn(Collection<?> values) {
    if (!values.isEmpty() && values.stream().allMatch(v -> v instanceof Number)) {
      return DoubleColumn.create("value", values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
    }
    StringColumn c = StringColumn.create("value");
    values.forEach(v -> c.append(v instanceof Double d ? Numbers.sig(d, 6) : String.valueOf(v)));
    return c;
  }

  private static void renderChart(Chart<?, ?> chart, Map<String, String> data, Map<String, Object> meta) {
    double scale = imageScale;
    String title = chart.getTitle();
    data.put("text/plain", chart.getClass().getSimpleName()
        + (title == null || title.isBlank() ? "" : " \"" + title + "\"")
        + " " + chart.getWidth() + "×" + chart.getHeight());
    data.put("image/png", Images.base64(Images.png(Images.draw(chart, scale))));
    meta.put("image/png", Map.of("width", chart.getWidth(), "height", chart.getHeight()));
    if (svg) data.put("image/svg+xml", Images.svg(chart));
  }

  private static String describeImage(RenderedImage img) {
    return img.getClass().getSimpleName() + " " + img.getWidth() + "×" + img.getHeight();
  }

  private static String arrayText(Object array) {
    if (array instanceof Object[] a) return Arrays.deepToString(a);
    if (array instanceof int[] a) return Arrays.toString(a);
    if (array instanceof long[] a) return Arrays.toString(a);
    if (array instanceof double[] a) return Arrays.toString(a);
    if (array instanceof float[] a) return Arrays.toString(a);
    if (array instanceof boolean[] a) return Arrays.toString(a);
    if (array instanceof char[] a) return Arrays.toString(a);
    if (array instanceof byte[] a) return Arrays.toString(a);
    if (array instanceof short[] a) return Arrays.toString(a);
    return String.valueOf(array);
  }

  private static void byConvention(Object value, Map<String, String> data, Map<String, Object> meta) {
    String summary = call(value, "summary", String.class);
    data.put("text/plain", summary != null ? summary : String.valueOf(value));
    String html = call(value, "toHtml", String.class);
    if (html != null) data.put("text/html", html);
    String md = call(value, "toMarkdown", String.class);
    if (md != null) data.put("text/markdown", md);
    String svgText = call(value, "toSvg", String.class);
    if (svgText != null) data.put("image/svg+xml", svgText);
    byte[] png = call(value, "toPng", byte[].class);
    if (png == null) {
      RenderedImage img = call(value, "toImage", RenderedImage.class);
      if (img == null) img = call(value, "toBufferedImage", RenderedImage.class);
      if (img != null) png = Images.png(img);
    }
    if (png != null) {
      data.put("image/png", Images.base64(png));
      // an image drawn at 2x density carries its display size, as charts do
      Integer width = call(value, "width", Integer.class), height = call(value, "height", Integer.class);
      if (width != null && height != null) meta.put("image/png", Map.of("width", width, "height", height));
    }
  }

  /** Calls a public no-argument method returning {@code type}, or returns null when there is none. */
  static <T> T call(Object value, String name, Class<T> type) {
    Method m;
    try {
      m = value.getClass().getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
    Class<?> returned = m.getReturnType() == int.class ? Integer.class : m.getReturnType();
    if (Modifier.isStatic(m.getModifiers()) || !type.isAssignableFrom(returned)) return null;
    try {
      if (!m.canAccess(value)) m.setAccessible(true);
      return type.cast(m.invoke(value));
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException(value.getClass().getSimpleName() + "." + name + "() failed: " + cause, cause);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
