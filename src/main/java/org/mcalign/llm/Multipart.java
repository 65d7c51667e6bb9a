package org.mcalign.llm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal multipart/form-data parsing for the simulated file upload. */
final class Multipart {
  private Multipart() {}

  record Part(String name, String filename, byte[] content) {}

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("(?<![a-z])name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  static Map<String, Part> parse(String contentType, byte[] body) {
    if (contentType == null || !contentType.startsWith("multipart/form-data")) {
      throw new IllegalArgumentException("expected multipart/form-data, got " + contentType);
    }
    Matcher bm = BOUNDARY.matcher(contentType);
    if (!bm.find()) throw new IllegalArgumentException("multipart boundary missing");
    byte[] delim = ("--" + bm.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, Part> parts = new HashMap<>();
    int pos = indexOf(body, delim, 0);
    while (pos >= 0) {
      int start = pos + delim.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break;
      start += 2; // CRLF
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headerEnd < 0) throw new IllegalArgumentException("malformed multipart part");
      String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
      int next = indexOf(body, delim, headerEnd + 4);
      if (next < 0) throw new IllegalArgumentException("multipart body not terminated");
      int contentEnd = next - 2; // CRLF before delimiter
      byte[] content = Arrays.copyOfRange(body, headerEnd + 4, Math.max(headerEnd + 4, contentEnd));
      Matcher nm = NAME.matcher(headers);
      Matcher fm = FILENAME.matcher(headers);
      if (nm.find()) parts.put(nm.group(1), new Part(nm.group(1), fm.find() ? fm.group(1) : null, content));
      pos = next;
    }
    return parts;
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
