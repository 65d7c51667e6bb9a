package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    KernelSpec.Installed done = KernelSpec.install(kernels, jar, List.of("-Xmx1g"));
    Path spec = done.dir();
    assertEquals(kernels.resolve("java"), spec);
    assertNull(done.replaced(), "a first install replaces nothing");
    JsonNode json = new ObjectMapper().readTree(spec.resolve("kernel.json").toFile());
    assertEquals("Java (mcalign)", json.get("display_name").asText());
    assertEquals("java", json.get("language").asText());
    assertEquals("message", json.get("interrupt_mode").asText());
    JsonNode argv = json.get("argv");
    assertTrue(argv.get(0).asText().endsWith("java"));
    assertEquals("-Xmx1g", argv.get(1).asText());
    assertEquals("-jar", argv.get(2).asText());
    // the kernel runs its own versioned copy of the jar, inside the spec folder
    Path copy = Path.of(argv.get(3).asText());
    assertEquals(done.jar(), copy);
    assertEquals(spec, copy.getParent());
    assertTrue(copy.getFileName().toString().matches("mcalign-.+-[0-9a-f]{12}\\.jar"), copy.toString());
    assertEquals("not really a jar", Files.readString(copy));
    assertEquals(jar.toAbsolutePath().toString(), json.get("metadata").get("mcalign").get("installed_from").asText());
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
  void theKernelSurvivesTheDeletionOfItsSourceJarAndARebuildReplacesTheCopy(@TempDir Path dir) throws Exception {
    Path kernels = dir.resolve("kernels");
    Path jar = Files.writeString(Files.createDirectories(dir.resolve("clone/target")).resolve("mcalign.jar"), "build 1");
    Path first = KernelSpec.install(kernels, jar, List.of()).jar();
    Files.delete(jar);
    assertEquals("build 1", Files.readString(first), "the installed copy outlives the clone's jar");
    Files.writeString(jar, "build 2");
    KernelSpec.Installed second = KernelSpec.install(kernels, jar, List.of());
    assertNull(second.replaced(), "reinstalling from the same jar is not a replacement");
    assertFalse(Files.exists(first), "the earlier copy is removed");
    assertEquals("build 2", Files.readString(second.jar()));
  }

  @Test
  void replacingASpecFromAnotherCloneOrAnotherKernelIsReported(@TempDir Path dir) throws Exception {
    Path kernels = dir.resolve("kernels");
    Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("mcalign.jar"), "a");
    Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("mcalign.jar"), "b");
    KernelSpec.install(kernels, a, List.of());
    String replaced = KernelSpec.install(kernels, b, List.of()).replaced();
    assertTrue(replaced != null && replaced.contains("installed from " + a.toAbsolutePath()), String.valueOf(replaced));
    // someone else's Java kernel under the same name (e.g. IJava) is named too
    Files.writeString(kernels.resolve("java/kernel.json"),
        "{\"argv\": [\"java\", \"-jar\", \"/opt/ijava/ijava.jar\", \"{connection_file}\"], \"display_name\": \"Java\", \"language\": \"java\"}");
    String other = KernelSpec.install(kernels, b, List.of()).replaced();
    assertTrue(other != null && other.contains("another kernel named 'java'") && other.contains("ijava.jar"), String.valueOf(other));
  }

  @Test
  void missingJarIsAClearError(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KernelSpec.install(dir, dir.resolve("nope.jar"), List.of()));
    assertTrue(e.getMessage().contains("mvn -DskipTests package"), e.getMessage());
  }
}
