package org.mcalign.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key. Its value never appears in {@code toString}, exceptions or logs: only code of
 * this package can read it (to hand it to the HTTP client). Keys come from the environment or
 * from a {@code .env} file, never from the command line or a committed file.
 */
public final class Secret {
  private final String value;
  private final String source;

  private Secret(String value, String source) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("empty secret from " + source);
    this.value = value.strip();
    this.source = source;
  }

  /** A secret given directly (tests, notebooks that obtained it elsewhere); {@code source} names where from. */
  public static Secret of(String value, String source) {
    return new Secret(Objects.requireNonNull(value, "value"), source);
  }

  /**
   * The key named {@code name} from the environment, else from a {@code .env} file in the
   * working directory or one of its parents (the first found).
   */
  public static Optional<Secret> find(String name) {
    return find(name, System.getenv(), Path.of("").toAbsolutePath());
  }

  /** As {@link #find(String)} with an explicit environment and start folder (for tests). */
  public static Optional<Secret> find(String name, java.util.Map<String, String> env, Path startDir) {
    String fromEnv = env.get(name);
    if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(new Secret(fromEnv, "environment variable " + name));
    for (Path dir = startDir; dir != null; dir = dir.getParent()) {
      Path dotEnv = dir.resolve(".env");
      if (Files.isRegularFile(dotEnv)) {
        String v = DotEnv.read(dotEnv).get(name);
        if (v != null && !v.isBlank()) return Optional.of(new Secret(v, name + " in " + dotEnv));
      }
    }
    return Optional.empty();
  }

  /** As {@link #find(String)} but fails with a clear message when the key is nowhere. */
  public static Secret require(String name) {
    return find(name).orElseThrow(() -> new LlmException(
        "no API key: set the environment variable " + name + " or add a line " + name
            + "=... to a .env file in the working folder"));
  }

  /** Where the key came from (never the key itself). */
  public String source() {
    return source;
  }

  String reveal() {
    return value;
  }

  /** True when {@code text} contains this key (used to check that nothing leaks it). */
  public boolean occursIn(CharSequence text) {
    return text != null && text.toString().contains(value);
  }

  @Override
  public String toString() {
    return "Secret[" + source + ", redacted]";
  }
}
