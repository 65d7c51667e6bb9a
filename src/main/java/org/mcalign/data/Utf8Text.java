package org.mcalign.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that drops a leading byte-order mark and names the line of a bad byte
 * (for a CSV file also its column; pandas' default {@code encoding="utf-8"} refuses such files too).
 */
final class Utf8Text {
  private Utf8Text() {}

  static String decode(byte[] bytes, String file, String expected) {
    return decode(bytes, file, expected, false);
  }

  /** As {@link #decode}, naming the CSV column and the character of the line where a bad byte is. */
  static String decodeCsv(byte[] bytes, String file, String expected) {
    return decode(bytes, file, expected, true);
  }

  private static String decode(byte[] bytes, String file, String expected, boolean csv) {
    // ASCII (most CSV files) is valid UTF-8 that decodes byte for byte: a third of the time
    if (isAscii(bytes)) return new String(bytes, StandardCharsets.ISO_8859_1);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int bad = in.position();
      String what = String.format("byte 0x%02X", bytes[bad] & 0xff);
      if (!csv) {
        int line = 1;
        for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
        throw new DataFormatException(file, line, null, what + " is not valid UTF-8 (the file must be UTF-8)", expected);
      }
      out.flip();
      String before = out.toString();
      if (before.startsWith("\uFEFF")) before = before.substring(1);
      CsvParser.Position at = CsvParser.positionAtEnd(before);
      String column = at.headerName() == null
          ? "header field " + (at.field() + 1)
          : CsvTableReader.columnLabel(at.field(), at.headerName());
      boolean latin1 = (bytes[bad] & 0xff) >= 0xA0;
      throw new DataFormatException(file, at.line(), column, what + " (character " + at.character()
          + " of the line) is not valid UTF-8; the file must be UTF-8"
          + (latin1 ? " (it looks like Latin-1 or Windows-1252 text: re-save it as UTF-8)" : ""), expected);
    }
    decoder.flush(out);
    out.flip();
    String s = out.toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) if (b < 0) return false;
    return true;
  }
}
