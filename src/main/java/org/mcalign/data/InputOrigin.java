package org.mcalign.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where one input file came from, as {@code provenance.json} states it per file: the paper's
 * data (a mirror, or downloaded at the pinned commit; only when its SHA-256 is the manifest's),
 * the DEMO dataset, a user's file, or answers of the simulated server.
 *
 * <p>A file made by a stage ({@code respond}, {@code classify run}, {@code score}) carries a
 * sidecar {@code FILE.source.json} ({@link #sidecar(Path)}) saying where its answers came from
 * (the simulated server, or a named endpoint and model); {@link #read(Path)} finds it beside
 * the file, so a copy of the file with its sidecar keeps its origin.
 */
public record InputOrigin(Kind kind, String description) {

  /** The kinds of input. */
  public enum Kind {
    /** The paper's file (SHA-256 as pinned in the manifest) from a mirror folder. */
    PAPER_MIRROR,
    /** The paper's file (SHA-256 as pinned) downloaded from the paper's repository at the pinned commit. */
    PAPER_DOWNLOAD,
    /** A file of the generated DEMO dataset (synthetic). */
    DEMO,
    /** A user's file: made from a named endpoint and model, or of unknown origin; not the paper's. */
    USER,
    /** Made from answers of the project's simulated server: not any model's answers. */
    SIMULATED
  }


  public InputOrigin {
    java.util.Objects.requireNonNull(kind);
    java.util.Objects.requireNonNull(description);
  }

  /** The sidecar of {@code file}: {@code FILE.source.json} beside it. */
  public static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + ".source.json");
  }

  /** The origin stated by {@code file}'s sidecar, if it has one written for its present content (same SHA-256). */
  public static Optional<InputOrigin> read(Path file) {
    Path side = sidecar(file);
    if (!Files.isRegularFile(side)) return Optional.empty();
    try {
      JsonNode j = Json.readTree(Files.readString(side));
      // a sidecar of another content (the file changed or was replaced since) says nothing about this one
      if (j.hasNonNull("sha256") && !j.get("sha256").asText().equals(Checksums.sha256(file))) return Optional.empty();
      String k = j.path("kind").asText("");
      Kind kind;
      try {
        kind = Kind.valueOf(k);
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(side.toString(), 0, "kind", "\"kind\" is '" + k + "'", "one of " + java.util.List.of(Kind.values()));
      }
      return Optional.of(new InputOrigin(kind, j.path("description").asText("")));
    } catch (IOException e) {
      throw new DataFormatException(side.toString(), 0, null, "not readable JSON: " + e.getMessage(), "{\"kind\": …, \"description\": …}");
    }
  }

  /** Writes this origin as {@code file}'s sidecar (atomically) and returns the sidecar's path. */
  public Path writeFor(Path file) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind.name());
    m.put("description", description);
    m.put("file", file.getFileName().toString());
    m.put("sha256", Checksums.sha256(file));
    return AtomicFiles.writeString(sidecar(file), Json.pretty(m) + "\n");
  }

  /**
   * The origin of a file made from several inputs (e.g. scores from responses and classifier
   * answers): SIMULATED if any is, else USER; the descriptions joined.
   */
  public static InputOrigin combine(String what, Map<String, Optional<InputOrigin>> inputs) {
    boolean simulated = inputs.values().stream().anyMatch(o -> o.isPresent() && o.get().kind() == Kind.SIMULATED);
    StringBuilder sb = new StringBuilder(what);
    String sep = " from ";
    for (Map.Entry<String, Optional<InputOrigin>> e : inputs.entrySet()) {
      sb.append(sep).append(e.getKey()).append(" (")
          .append(e.getValue().map(o -> o.kind() + ": " + o.description()).orElse("no record of its origin")).append(')');
      sep = " and ";
    }
    return new InputOrigin(simulated ? Kind.SIMULATED : Kind.USER, sb.toString());
  }
}
