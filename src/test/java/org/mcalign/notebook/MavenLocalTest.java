package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution against a small hand-made repository whose answer is known by construction. */
class MavenLocalTest {
  private static void artifact(Path repo, String g, String a, String v, String pomBody, boolean jar) throws Exception {
    Path dir = repo.resolve(g.replace('.', '/')).resolve(a).resolve(v);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(a + "-" + v + ".pom"),
        "<project><modelVersion>4.0.0</modelVersion><groupId>" + g + "</groupId><artifactId>" + a
            + "</artifactId><version>" + v + "</version>" + pomBody + "</project>");
    if (jar) Files.writeString(dir.resolve(a + "-" + v + ".jar"), "jar");
  }

  private static String dep(String g, String a, String v, String extra) {
    return "<dependency><groupId>" + g + "</groupId><artifactId>" + a + "</artifactId>"
        + (v == null ? "" : "<version>" + v + "</version>") + extra + "</dependency>";
  }

  @Test
  void resolvesTransitiveRuntimeDependenciesWithParentsPropertiesAndBoms(@TempDir Path repo) throws Exception {
    // parent: a property and a managed version
    artifact(repo, "ex", "parent", "1", "<packaging>pom</packaging><properties><lib.version>2.0</lib.version></properties>"
        + "<dependencyManagement><dependencies>" + dep("ex", "managed", "3.1", "") + "</dependencies></dependencyManagement>", false);
    // a BOM imported by the root
    artifact(repo, "ex", "bom", "1", "<packaging>pom</packaging><dependencyManagement><dependencies>"
        + dep("ex", "fromBom", "4.2", "") + "</dependencies></dependencyManagement>", false);
    artifact(repo, "ex", "root", "1.0",
        "<parent><groupId>ex</groupId><artifactId>parent</artifactId><version>1</version></parent>"
            + "<dependencyManagement><dependencies>" + dep("ex", "bom", "1", "<type>pom</type><scope>import</scope>")
            + "</dependencies></dependencyManagement><dependencies>"
            + dep("ex", "lib", "${lib.version}", "")
            + dep("ex", "managed", null, "")
            + dep("ex", "fromBom", null, "<scope>runtime</scope>")
            + dep("ex", "testOnly", "1", "<scope>test</scope>")
            + dep("ex", "opt", "1", "<optional>true</optional>")
            + dep("ex", "provided", "1", "<scope>provided</scope>")
            + "</dependencies>", true);
    artifact(repo, "ex", "lib", "2.0", "<dependencies>" + dep("ex", "deep", "[1.5,2)", "") + "</dependencies>", true);
    artifact(repo, "ex", "managed", "3.1", "", true);
    artifact(repo, "ex", "fromBom", "4.2", "", true);
    artifact(repo, "ex", "deep", "1.5", "", true);
    List<Path> jars = new MavenLocal(repo).resolve("ex:root:1.0");
    List<String> names = jars.stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("root-1.0.jar", "lib-2.0.jar", "managed-3.1.jar", "fromBom-4.2.jar", "deep-1.5.jar"), names);
  }

  @Test
  void missingArtifactSaysHowToFetchIt(@TempDir Path repo) {
    MavenLocal.ResolutionException e = assertThrows(MavenLocal.ResolutionException.class,
        () -> new MavenLocal(repo).resolve("no:such:1"));
    assertTrue(e.getMessage().contains("no POM"), e.getMessage());
    assertThrows(MavenLocal.ResolutionException.class, () -> new MavenLocal(repo).resolve("bad-coords"));
  }
}
