package org.mcalign.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that drops a leading byte-order mark and names the line of a bad byte. */
final class Utf8Text {
  private Utf8Text() {}

  static String decode(byte[] bytes, String file, String expected) {
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
      int line = 1;
      for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
      throw new DataFormatException(
          file, line, null, String.format("byte 0x%02X is not valid UTF-8 (the file must be UTF-8)", bytes[bad] & 0xff), expected);
    }
    decoder.flush(out);
    out.flip();
    String s = out.toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
