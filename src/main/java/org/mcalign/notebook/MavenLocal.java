package org.mcalign.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Resolves {@code group:artifact:version} against the local Maven repository only (no
 * network): the artifact's jar and its compile and runtime dependencies, transitively,
 * reading POMs with their parents, properties and managed versions (imported BOMs too).
 * Artifacts the kernel already has (its jar embeds their {@code pom.properties}) are
 * skipped, so a notebook does not load a second copy of, say, Tablesaw.
 */
final class MavenLocal {
  private static final Pattern PROP = Pattern.compile("\\$\\{([^}]+)}");

  private final Path repo;
  private final Map<String, Pom> poms = new HashMap<>();

  static final class ResolutionException extends Exception {
    ResolutionException(String message) {
      super(message);
    }
  }

  MavenLocal(Path repo) {
    this.repo = repo;
  }

  /** {@code -Dmaven.repo.local}, else {@code localRepository} of ~/.m2/settings.xml, else ~/.m2/repository. */
  static Path defaultRepository() {
    String prop = System.getProperty("maven.repo.local");
    if (prop != null && !prop.isBlank()) return Path.of(prop);
    Path home = Path.of(System.getProperty("user.home"));
    Path settings = home.resolve(".m2/settings.xml");
    if (Files.isRegularFile(settings)) {
      try {
        Matcher m = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>").matcher(Files.readString(settings));
        if (m.find()) return Path.of(m.group(1).replace("${user.home}", home.toString()));
      } catch (Exception ignored) {
        // fall back to the default location
      }
    }
    return home.resolve(".m2/repository");
  }

  /** The jars to add for {@code coords} (g:a:v or g:a:packaging:v), dependencies first-found order. */
  List<Path> resolve(String coords) throws ResolutionException {
    String[] p = coords.split(":");
    if (p.length < 3 || p.length > 5) throw new ResolutionException("expected group:artifact:version, got " + coords);
    String g = p[0], a = p[1], v = p[p.length - 1];
    List<Path> jars = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String[]> queue = new ArrayDeque<>();
    queue.add(new String[] {g, a, v});
    boolean root = true;
    while (!queue.isEmpty()) {
      String[] d = queue.poll();
      String key = d[0] + ":" + d[1];
      if (!seen.add(key)) continue;
      if (!root && kernelHas(d[0], d[1])) continue;
      Path jar = artifact(d[0], d[1], d[2], "jar");
      Pom pom;
      try {
        pom = pom(d[0], d[1], d[2]);
      } catch (ResolutionException e) {
        if (root) throw e;
        System.err.println("%maven: skipping " + key + ":" + d[2] + " (" + e.getMessage() + ")");
        continue;
      }
      if (Files.isRegularFile(jar)) {
        jars.add(jar);
      } else if (!"pom".equals(pom.packaging)) {
        if (root) throw new ResolutionException("not in the local repository: " + displayPath(jar)
            + " (fetch it with: mvn dependency:get -Dartifact=" + coords + ")");
        System.err.println("%maven: skipping " + key + ":" + d[2] + " (no jar in the local repository)");
      }
      for (Dep dep : pom.dependencies) {
        if (dep.optional || !(dep.scope.equals("compile") || dep.scope.equals("runtime"))) continue;
        if (!dep.type.equals("jar")) continue;
        if (dep.version == null || dep.version.isBlank()) {
          System.err.println("%maven: skipping " + dep.group + ":" + dep.artifact + " (no version)");
          continue;
        }
        queue.add(new String[] {dep.group, dep.artifact, cleanVersion(dep.version)});
      }
      root = false;
    }
    return jars;
  }

  private String displayPath(Path p) {
    return p.toString();
  }

  /** Version ranges like [1.2,2.0) resolve to their lower bound (no metadata lookups offline). */
  private static String cleanVersion(String v) {
    String s = v.trim();
    if (s.startsWith("[") || s.startsWith("(")) {
      s = s.substring(1).split("[,\\])]")[0].trim();
    }
    return s;
  }

  private static boolean kernelHas(String g, String a) {
    return MavenLocal.class.getClassLoader().getResource("META-INF/maven/" + g + "/" + a + "/pom.properties") != null;
  }

  private Path artifact(String g, String a, String v, String ext) {
    return repo.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + "." + ext);
  }

  private record Dep(String group, String artifact, String version, String scope, String type, boolean optional) {}

  private static final class Pom {
    String packaging = "jar";
    final Map<String, String> props = new LinkedHashMap<>();
    final Map<String, Dep> managed = new LinkedHashMap<>();
    final List<Dep> dependencies = new ArrayList<>();
  }

  private Pom pom(String g, String a, String v) throws ResolutionException {
    String key = g + ":" + a + ":" + v;
    Pom cached = poms.get(key);
    if (cached != null) return cached;
    Path file = artifact(g, a, v, "pom");
    if (!Files.isRegularFile(file)) throw new ResolutionException("no POM " + file.getFileName() + " in the local repository");
    Element project;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = f.newDocumentBuilder().parse(file.toFile());
      project = doc.getDocumentElement();
    } catch (Exception e) {
      throw new ResolutionException("unreadable POM " + file.getFileName() + ": " + e.getMessage());
    }
    Pom pom = new Pom();
    Element parentEl = child(project, "parent");
    Pom parent = null;
    if (parentEl != null) {
      try {
        parent = pom(text(parentEl, "groupId"), text(parentEl, "artifactId"), text(parentEl, "version"));
      } catch (ResolutionException e) {
        System.err.println("%maven: " + key + ": parent POM missing, versions may be incomplete");
      }
    }
    if (parent != null) {
      pom.props.putAll(parent.props);
      pom.managed.putAll(parent.managed);
    }
    String groupId = text(project, "groupId") != null ? text(project, "groupId") : g;
    pom.props.put("project.groupId", groupId);
    pom.props.put("pom.groupId", groupId);
    pom.props.put("project.artifactId", a);
    pom.props.put("project.version", v);
    pom.props.put("pom.version", v);
    if (parentEl != null) {
      pom.props.put("project.parent.version", text(parentEl, "version"));
      pom.props.put("project.parent.groupId", text(parentEl, "groupId"));
    }
    Element properties = child(project, "properties");
    if (properties != null) {
      for (Element p : children(properties)) pom.props.put(p.getTagName(), p.getTextContent().trim());
    }
    String packaging = text(project, "packaging");
    if (packaging != null) pom.packaging = packaging;
    Element dm = child(project, "dependencyManagement");
    if (dm != null && child(dm, "dependencies") != null) {
      for (Element d : children(child(dm, "dependencies"))) {
        Dep dep = dep(d, pom.props, Map.of());
        if ("import".equals(dep.scope) && "pom".equals(dep.type)) {
          try {
            pom.managed.putAll(pom(dep.group, dep.artifact, dep.version).managed);
          } catch (ResolutionException e) {
            System.err.println("%maven: " + key + ": imported BOM " + dep.group + ":" + dep.artifact + " missing");
          }
        } else {
          pom.managed.put(dep.group + ":" + dep.artifact, dep);
        }
      }
    }
    Element deps = child(project, "dependencies");
    if (deps != null) {
      for (Element d : children(deps)) pom.dependencies.add(dep(d, pom.props, pom.managed));
    }
    poms.put(key, pom);
    return pom;
  }

  private static Dep dep(Element d, Map<String, String> props, Map<String, Dep> managed) {
    String g = interpolate(text(d, "groupId"), props);
    String a = interpolate(text(d, "artifactId"), props);
    Dep m = managed.get(g + ":" + a);
    String v = interpolate(text(d, "version"), props);
    if ((v == null || v.isBlank()) && m != null) v = m.version;
    String scope = text(d, "scope");
    if (scope == null) scope = m != null && m.scope != null && !m.scope.isBlank() ? m.scope : "compile";
    String type = text(d, "type") == null ? "jar" : text(d, "type");
    boolean optional = "true".equals(interpolate(text(d, "optional"), props));
    return new Dep(g, a, v, interpolate(scope, props), type, optional);
  }

  private static String interpolate(String s, Map<String, String> props) {
    if (s == null) return null;
    String out = s;
    for (int round = 0; round < 5 && out.contains("${"); round++) {
      Matcher m = PROP.matcher(out);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String val = props.get(m.group(1));
        m.appendReplacement(sb, Matcher.quoteReplacement(val != null ? val : m.group(0)));
      }
      m.appendTail(sb);
      if (sb.toString().equals(out)) break;
      out = sb.toString();
    }
    return out;
  }

  private static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el && el.getTagName().equals(name)) return el;
    }
    return null;
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    NodeList nl = e.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) if (nl.item(i) instanceof Element el) out.add(el);
    return out;
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().trim();
  }
}
