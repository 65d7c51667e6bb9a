package org.mcalign.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.mcalign.data.AtomicFiles;

/**
 * A rendered figure: the image at {@link #density()}× the paper size (so it stays sharp when
 * zoomed or printed), the paper's file name, and its logical (paper) size in pixels at 100 dpi,
 * matplotlib's default. Notebook kernels display it through {@link #toPng()}.
 */
public final class Figure {
  /** Pixels per logical pixel of saved images. */
  public static final int DENSITY = 2;

  /** The JDK PNG writer's deflate level is (int) (9 · (1 − quality)): 0.6 → level 3. */
  static final float COMPRESSION_QUALITY = 0.6f;

  private final String fileName;
  private final BufferedImage image;
  private final int width;
  private final int height;
  /** The banner drawn above the figure by {@link #labelled}, or "" (none). */
  private final String label;
  /** What the marks are (estimate, interval type and level, n), shown below the figure; "" if none. */
  private final String caption;

  Figure(String fileName, BufferedImage image, int width, int height) {
    this(fileName, image, width, height, "", "");
  }

  private Figure(String fileName, BufferedImage image, int width, int height, String label, String caption) {
    this.fileName = fileName;
    this.image = image;
    this.width = width;
    this.height = height;
    this.label = label;
    this.caption = caption;
  }

  /** Height of the {@link #labelled} banner in logical pixels. */
  static final int BANNER_HEIGHT = 30;

  /** Background of the {@link #labelled} banner: a red no chart of the paper uses as a background. */
  static final java.awt.Color BANNER_COLOR = new java.awt.Color(0xB0, 0x00, 0x20);

  /** Wraps a rendered image; {@code fileName} is the name {@link #saveIn} uses. */
  public static Figure of(String fileName, BufferedImage image, int density) {
    return new Figure(fileName, image, image.getWidth() / density, image.getHeight() / density);
  }

  /**
   * An XChart chart drawn at {@link #DENSITY}× its size as a figure named {@code fileName} (so
   * quick-look charts get the same DEMO banner and caption as the paper's figures).
   */
  public static Figure ofChart(String fileName, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    return new Figure(fileName, draw(chart, DENSITY), chart.getWidth(), chart.getHeight());
  }

  /** Draws an XChart chart at {@code scale}× its nominal size, anti-aliased. */
  public static BufferedImage draw(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, double scale) {
    int w = chart.getWidth(), h = chart.getHeight();
    BufferedImage img = new BufferedImage((int) Math.round(w * scale), (int) Math.round(h * scale), BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS, java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.scale(scale, scale);
      chart.paint(g, w, h);
    } finally {
      g.dispose();
    }
    return img;
  }

  public BufferedImage image() {
    return image;
  }

  /** The paper's file name of this figure, e.g. {@code us_bias_coefficients.png}. */
  public String fileName() {
    return fileName;
  }

  /** Logical width (paper pixels); the image is {@code density()} times wider. */
  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int density() {
    return image.getWidth() / width;
  }

  /** The same figure under another file name (its label and caption kept). */
  public Figure renamed(String newFileName) {
    return new Figure(newFileName, image, width, height, label, caption);
  }

  /**
   * The same figure with a caption: what its bars, whiskers, points and lines are (estimate,
   * interval type and level, n). Notebooks show it as Markdown below the image.
   */
  public Figure withCaption(String text) {
    return new Figure(fileName, image, width, height, label, text == null ? "" : text.strip());
  }

  /** The caption ({@link #withCaption}), or "" when none was given. */
  public String caption() {
    return caption;
  }

  /**
   * The figure with {@code label} in white bold on a red banner across its top (the image grows
   * by {@value #BANNER_HEIGHT} logical pixels, so nothing of the chart is covered); labelling
   * again replaces the banner. The DEMO mark of figures made from the demo dataset.
   */
  public Figure labelled(String label) {
    if (label == null || label.isBlank()) throw new IllegalArgumentException("a figure label must not be blank");
    Figure base = unlabelled();
    int d = base.density();
    BufferedImage out = new BufferedImage(base.image.getWidth(), base.image.getHeight() + BANNER_HEIGHT * d, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.drawImage(base.image, 0, BANNER_HEIGHT * d, null);
      g.scale(d, d);
      g.setColor(BANNER_COLOR);
      g.fillRect(0, 0, base.width, BANNER_HEIGHT);
      g.setColor(java.awt.Color.WHITE);
      java.awt.Font font = Text.font(16, true);
      // shrink long labels to the figure's width
      double w = Text.width(label, font);
      if (w > base.width - 16) font = font.deriveFont((float) (16 * (base.width - 16) / w));
      Text.draw(g, label, font, 8, BANNER_HEIGHT / 2.0, "left", "center", 0);
    } finally {
      g.dispose();
    }
    return new Figure(base.fileName, out, base.width, base.height + BANNER_HEIGHT, label, caption);
  }

  /** The label drawn by {@link #labelled} (e.g. {@code "DEMO — synthetic data ..."}), or "" when none. */
  public String label() {
    return label;
  }

  /** The figure without its {@link #labelled} banner (itself when it has none). */
  Figure unlabelled() {
    if (label.isEmpty()) return this;
    int d = density();
    return new Figure(fileName, image.getSubimage(0, BANNER_HEIGHT * d, image.getWidth(), image.getHeight() - BANNER_HEIGHT * d),
        width, height - BANNER_HEIGHT, "", caption);
  }

  /** PNG bytes, with the physical resolution (100 dpi × density) recorded. */
  public byte[] png() {
    return bytes(this::writePng);
  }

  private interface PngWriter {
    void write(OutputStream out) throws IOException;
  }

  private static byte[] bytes(PngWriter writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void writePng(OutputStream out) throws IOException {
    PngEncoder.write(image, (int) Math.round(100 * density() / 0.0254), out);
  }

  /**
   * The PNG as ImageIO's writer makes it (the writer used before {@link PngEncoder}): kept as
   * the reference the encoder's pixels and metadata are tested against.
   */
  byte[] pngByImageIo() {
    return bytes(this::writePngByImageIo);
  }

  private void writePngByImageIo(OutputStream out) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      // deflate level 3: as small as the default level, a little faster
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(COMPRESSION_QUALITY);
      IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      double dotsPerMetre = 100 * density() / 0.0254;
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      phys.setAttribute("pixelsPerUnitXAxis", Integer.toString((int) Math.round(dotsPerMetre)));
      phys.setAttribute("pixelsPerUnitYAxis", Integer.toString((int) Math.round(dotsPerMetre)));
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(phys);
      meta.mergeTree("javax_imageio_png_1.0", root);
      writer.write(null, new IIOImage(image, null, meta), param);
    } finally {
      writer.dispose();
    }
  }

  /**
   * Writes the PNG atomically: to {@code target} when it names a file, or under the paper's
   * file name when {@code target} is an existing folder. Returns the file written.
   */
  public Path save(Path target) {
    if (Files.isDirectory(target)) return saveIn(target);
    return AtomicFiles.write(target, this::writePng);
  }

  /** Writes the PNG atomically into {@code folder} under the paper's file name. */
  public Path saveIn(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create folder " + folder + ": " + e.getMessage(), e);
    }
    return save(folder.resolve(fileName));
  }

  /** One line for text-only displays. */
  public String summary() {
    return toString();
  }

  /**
   * The PNG the notebook shows (as {@code image/png} with the paper size as display size, so
   * code hosts and nbconvert's HTML show it sharp at 2x density).
   */
  public byte[] toPng() {
    return png();
  }

  @Override
  public String toString() {
    return "Figure " + fileName + (label.isEmpty() ? "" : " [" + label + "]") + " (" + width + "×" + height + " at " + density() + "× density)";
  }
}
