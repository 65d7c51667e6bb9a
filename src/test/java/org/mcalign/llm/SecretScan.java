package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks for a key in every file under a folder (bytes, so binary files such as the SQLite store count too). */
final class SecretScan {
  private SecretScan() {}

  /** Fails naming the files that contain {@code key}; {@code .env} files (where keys belong) are skipped. */
  static int assertAbsent(String key, Path... roots) throws IOException {
    byte[] needle = key.getBytes(StandardCharsets.UTF_8);
    List<String> hits = new ArrayList<>();
    int scanned = 0;
    for (Path root : roots) {
      if (!Files.exists(root)) continue;
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          if (f.getFileName().toString().equals(".env")) continue;
          scanned++;
          if (contains(Files.readAllBytes(f), needle)) hits.add(f.toString());
        }
      }
    }
    if (!hits.isEmpty()) fail("the key was written to " + hits);
    if (scanned == 0) fail("nothing scanned under " + List.of(roots));
    return scanned;
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return true;
    }
    return false;
  }
}
