package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
  @Test
  void installWritesKernelJsonAndLogos(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("mcalign.jar"), "not really a jar");
    Path kernels = KernelSpec.kernelsDir(KernelSpec.Scope.PREFIX, dir.resolve("prefix"));
    assertEquals(dir.resolve("prefix/share/jupyter/kernels"), kernels);
    Path spec = KernelSpec.install(kernels, jar, List.of("-Xmx1g"));
    assertEquals(kernels.resolve("java"), spec);
    JsonNode json = new ObjectMapper().readTree(spec.resolve("kernel.json").toFile());
    assertEquals("Java (mcalign)", json.get("display_name").asText());
    assertEquals("java", json.get("language").asText());
    assertEquals("message", json.get("interrupt_mode").asText());
    JsonNode argv = json.get("argv");
    assertTrue(argv.get(0).asText().endsWith("java"));
    assertEquals("-Xmx1g", argv.get(1).asText());
    assertEquals("-jar", argv.get(2).asText());
    assertEquals(jar.toAbsolutePath().toString(), argv.get(3).asText());
    assertEquals(List.of("kernel", "run", "{connection_file}"),
        List.of(argv.get(4).asText(), argv.get(5).asText(), argv.get(6).asText()));
    for (int size : new int[] {32, 64}) {
      BufferedImage logo = ImageIO.read(spec.resolve("logo-" + size + "x" + size + ".png").toFile());
      assertEquals(size, logo.getWidth());
      assertEquals(size, logo.getHeight());
    }
    assertTrue(KernelSpec.uninstall(kernels));
    assertFalse(Files.exists(spec));
    assertFalse(KernelSpec.uninstall(kernels));
  }

  @Test
  void missingJarIsAClearError(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KernelSpec.install(dir, dir.resolve("nope.jar"), List.of()));
    assertTrue(e.getMessage().contains("mvn -DskipTests package"), e.getMessage());
  }
}
