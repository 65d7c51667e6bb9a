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
 * matplotlib's default. Notebook kernels display it through {@link #toHtml()}.
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

  Figure(String fileName, BufferedImage image, int width, int height) {
    this.fileName = fileName;
    this.image = image;
    this.width = width;
    this.height = height;
  }

  /** Wraps a rendered image; {@code fileName} is the name {@link #saveIn} uses. */
  public static Figure of(String fileName, BufferedImage image, int density) {
    return new Figure(fileName, image, image.getWidth() / density, image.getHeight() / density);
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

  /** The same figure under another file name. */
  public Figure renamed(String newFileName) {
    return new Figure(newFileName, image, width, height);
  }

  /** PNG bytes, with the physical resolution (100 dpi × density) recorded. */
  public byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writePng(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void writePng(OutputStream out) throws IOException {
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

  /** An {@code <img>} with the PNG inline, shown at paper size (sharp on high-density screens). */
  public String toHtml() {
    return "<img alt=\"" + fileName + "\" width=\"" + width + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png()) + "\"/>";
  }

  @Override
  public String toString() {
    return "Figure " + fileName + " (" + width + "×" + height + " at " + density() + "× density)";
  }
}
