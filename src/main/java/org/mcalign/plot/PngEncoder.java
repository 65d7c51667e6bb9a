package org.mcalign.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer for the figures: 8-bit RGB (RGBA when the image has alpha), one IDAT, a
 * pHYs chunk with the physical resolution. Each row takes the "Up" or "Sub" filter, whichever
 * leaves the smaller sum of absolute bytes (the PNG book's heuristic restricted to the two
 * filters that matter for flat-coloured charts), and the stream is deflated at a fast level.
 * Much cheaper than ImageIO's writer (which tries all five filters per row through generic
 * raster calls and so allocates a row array per pixel band) at about the same size; the pixels
 * are the same, which {@code PngEncoderTest} checks against ImageIO's writer.
 */
final class PngEncoder {
  private PngEncoder() {}

  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
  static final int DEFLATE_LEVEL = 1;

  static void write(BufferedImage image, int pixelsPerMetre, OutputStream out) throws IOException {
    int w = image.getWidth(), h = image.getHeight();
    boolean alpha = image.getColorModel().hasAlpha();
    int bpp = alpha ? 4 : 3, stride = w * bpp;
    out.write(SIGNATURE);
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, w);
    putInt(ihdr, 4, h);
    ihdr[8] = 8; // bit depth
    ihdr[9] = (byte) (alpha ? 6 : 2); // colour type: RGBA or RGB
    chunk(out, "IHDR", ihdr, ihdr.length);
    byte[] phys = new byte[9];
    putInt(phys, 0, pixelsPerMetre);
    putInt(phys, 4, pixelsPerMetre);
    phys[8] = 1; // unit: metre
    chunk(out, "pHYs", phys, phys.length);

    int[] argb = pixels(image);
    byte[] prev = new byte[stride], cur = new byte[stride], up = new byte[stride + 1], sub = new byte[stride + 1];
    up[0] = 2;
    sub[0] = 1;
    Deflater deflater = new Deflater(DEFLATE_LEVEL);
    Sink idat = new Sink(Math.max(1 << 16, w * h / 4));
    byte[] buf = new byte[1 << 16];
    try {
      int[] row = argb == null ? new int[w] : null, above = argb == null ? new int[w] : null;
      byte[] zeroUp = new byte[stride + 1];
      zeroUp[0] = 2;
      for (int y = 0; y < h; y++) {
        int off;
        int[] src;
        boolean sameAsAbove;
        if (argb != null) {
          src = argb;
          off = y * w;
          sameAsAbove = y > 0 && java.util.Arrays.equals(argb, off, off + w, argb, off - w, off);
        } else {
          int[] t = above;
          above = row;
          row = t;
          image.getRGB(0, y, w, 1, row, 0, w);
          src = row;
          off = 0;
          sameAsAbove = y > 0 && java.util.Arrays.equals(row, above);
        }
        if (sameAsAbove) { // most rows of a chart repeat the one above (margins, plot areas): "Up" is all zeros
          deflater.setInput(zeroUp);
          while (!deflater.needsInput()) idat.write(buf, 0, deflater.deflate(buf));
          continue; // prev still holds this row's bytes
        }
        toBytes(src, off, w, alpha, cur);
        deflater.setInput(filterUpOrSub(cur, prev, stride, bpp, up, sub) ? up : sub);
        while (!deflater.needsInput()) idat.write(buf, 0, deflater.deflate(buf));
        byte[] t = prev;
        prev = cur;
        cur = t;
      }
      deflater.finish();
      while (!deflater.finished()) idat.write(buf, 0, deflater.deflate(buf));
    } finally {
      deflater.end();
    }
    chunk(out, "IDAT", idat.bytes(), idat.size());
    chunk(out, "IEND", new byte[0], 0);
  }

  /** One row of packed pixels as PNG bytes (R, G, B[, A]). */
  static void toBytes(int[] src, int off, int w, boolean alpha, byte[] cur) {
    int p = 0;
    if (alpha) {
      for (int x = 0; x < w; x++, p += 4) {
        int c = src[off + x];
        cur[p] = (byte) (c >>> 16);
        cur[p + 1] = (byte) (c >>> 8);
        cur[p + 2] = (byte) c;
        cur[p + 3] = (byte) (c >>> 24);
      }
    } else {
      for (int x = 0; x < w; x++, p += 3) {
        int c = src[off + x];
        cur[p] = (byte) (c >>> 16);
        cur[p + 1] = (byte) (c >>> 8);
        cur[p + 2] = (byte) c;
      }
    }
  }

  /**
   * Fills {@code up} and {@code sub} (from index 1) with the row filtered by "Up" and "Sub";
   * true when "Up" leaves the smaller sum of absolute (signed) bytes, ties to "Up".
   */
  static boolean filterUpOrSub(byte[] cur, byte[] prev, int stride, int bpp, byte[] up, byte[] sub) {
    long sumUp = 0, sumSub = 0;
    for (int i = 0; i < bpp; i++) {
      byte u = (byte) (cur[i] - prev[i]);
      up[i + 1] = u;
      sub[i + 1] = cur[i];
      sumUp += Math.abs(u);
      sumSub += Math.abs(cur[i]);
    }
    for (int i = bpp; i < stride; i++) {
      byte u = (byte) (cur[i] - prev[i]);
      byte v = (byte) (cur[i] - cur[i - bpp]);
      up[i + 1] = u;
      sub[i + 1] = v;
      sumUp += Math.abs(u);
      sumSub += Math.abs(v);
    }
    return sumUp <= sumSub;
  }

  /** The image's packed pixels when it stores them as one int per pixel without offsets, else null. */
  private static int[] pixels(BufferedImage image) {
    int type = image.getType();
    if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) return null;
    if (!(image.getRaster().getDataBuffer() instanceof DataBufferInt db)) return null;
    if (image.getRaster().getParent() != null || db.getNumBanks() != 1 || db.getOffset() != 0) return null;
    if (!(image.getRaster().getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel sm)
        || sm.getScanlineStride() != image.getWidth())
      return null;
    int[] data = db.getData();
    return data.length >= image.getWidth() * image.getHeight() ? data : null;
  }

  private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
    byte[] head = new byte[8];
    putInt(head, 0, length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, head, 4, 4);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data, 0, length);
    out.write(head);
    out.write(data, 0, length);
    byte[] tail = new byte[4];
    putInt(tail, 0, (int) crc.getValue());
    out.write(tail);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** A byte buffer that hands out its array without copying. */
  private static final class Sink extends ByteArrayOutputStream {
    Sink(int size) {
      super(size);
    }

    byte[] bytes() {
      return buf;
    }
  }
}
