package org.mcalign.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and streams, as lower-case hex. */
public final class Checksums {
  private Checksums() {}

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  static String sha256(Path file) {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file.getFileName() + ": " + e.getMessage(), e);
    }
    return hex(md);
  }

  /** The digest of what {@code md} was given, as lower-case hex (resets it). */
  public static String hex(MessageDigest md) {
    return HexFormat.of().formatHex(md.digest());
  }
}
