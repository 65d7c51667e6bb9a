package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
  /** A chart-like image (flat fills, lines, text) plus noise, so both filters get chosen. */
  static BufferedImage sample(int type) {
    BufferedImage img = new BufferedImage(301, 157, type);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 301, 157);
    g.setColor(new Color(31, 119, 180, 200));
    g.fillRect(20, 30, 60, 100);
    g.setColor(Color.RED);
    g.drawLine(0, 0, 300, 156);
    g.drawString("Spearman 0.42", 100, 80);
    g.dispose();
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) img.setRGB(r.nextInt(301), 100 + r.nextInt(57), r.nextInt());
    return img;
  }

  static byte[] encode(BufferedImage img, int ppm) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngEncoder.write(img, ppm, out);
    return out.toByteArray();
  }

  static void assertSameArgb(BufferedImage expected, BufferedImage actual, boolean alpha) {
    assertEquals(expected.getWidth(), actual.getWidth());
    assertEquals(expected.getHeight(), actual.getHeight());
    int mask = alpha ? 0xFFFFFFFF : 0xFFFFFF;
    for (int y = 0; y < expected.getHeight(); y++)
      for (int x = 0; x < expected.getWidth(); x++)
        assertEquals(expected.getRGB(x, y) & mask, actual.getRGB(x, y) & mask, "pixel (" + x + ", " + y + ")");
  }

  @Test
  void rgbReadsBackToTheSamePixelsAsImageIosWriter() throws Exception {
    BufferedImage img = sample(BufferedImage.TYPE_INT_RGB);
    BufferedImage ours = ImageIO.read(new ByteArrayInputStream(encode(img, 7874)));
    ByteArrayOutputStream ref = new ByteArrayOutputStream();
    ImageIO.write(img, "png", ref);
    assertSameArgb(ImageIO.read(new ByteArrayInputStream(ref.toByteArray())), ours, false);
    assertSameArgb(img, ours, false);
    assertTrue(!ours.getColorModel().hasAlpha());
  }

  @Test
  void alphaAndNonIntImagesKeepTheirPixels() throws Exception {
    BufferedImage argb = sample(BufferedImage.TYPE_INT_ARGB);
    assertSameArgb(argb, ImageIO.read(new ByteArrayInputStream(encode(argb, 3937))), true);
    BufferedImage bgr = sample(BufferedImage.TYPE_3BYTE_BGR);
    assertSameArgb(bgr, ImageIO.read(new ByteArrayInputStream(encode(bgr, 3937))), false);
  }

  /** Bands of rows equal to the row above (blank margins, flat plot areas) between rows that differ, for each pixel layout. */
  @Test
  void rowsThatRepeatTheRowAboveKeepTheirPixels() throws Exception {
    for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR}) {
      BufferedImage img = new BufferedImage(97, 120, type);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 97, 120);
      g.setColor(new Color(200, 30, 60, 180));
      g.fillRect(10, 20, 50, 30); // rows 20..49 repeat row 20
      g.drawLine(0, 60, 96, 61); // two rows that differ from their neighbours
      g.fillRect(0, 90, 97, 1); // one full row, then white rows again
      g.dispose();
      boolean alpha = type == BufferedImage.TYPE_INT_ARGB;
      assertSameArgb(img, ImageIO.read(new ByteArrayInputStream(encode(img, 3937))), alpha);
    }
  }

  @Test
  void recordsThePhysicalResolution() throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encode(sample(BufferedImage.TYPE_INT_RGB), 7874)))) {
      var reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
      assertEquals("7874", phys.getAttribute("pixelsPerUnitXAxis"));
      assertEquals("7874", phys.getAttribute("pixelsPerUnitYAxis"));
      assertEquals("meter", phys.getAttribute("unitSpecifier"));
    }
  }

  @Test
  void aFigureSavesTheSamePixelsAsImageIoWouldAtNoLargerSizeThanTwice() throws Exception {
    Figure f = Figures.crossEffects(FiguresTest.gaps());
    byte[] ours = f.png(), ref = f.pngByImageIo();
    assertSameArgb(ImageIO.read(new ByteArrayInputStream(ref)), ImageIO.read(new ByteArrayInputStream(ours)), false);
    assertTrue(ours.length < 2 * ref.length, ours.length + " bytes against ImageIO's " + ref.length);
  }
}
