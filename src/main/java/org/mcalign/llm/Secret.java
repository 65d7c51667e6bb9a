package org.mcalign.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key. Its value never appears in {@code toString}, exceptions or logs: only code of
 * this package can read it (to hand it to the HTTP client). Keys come from the environment or
 * from a {@code .env} file, never from the command line or a committed file.
 */
public final class Secret {
  /** Variables that hold keys; their values are redacted from every message even when no Secret was made of them. */
  static final Set<String> KEY_VARIABLES = ConcurrentHashMap.newKeySet();
  /** Values of every key this process has handled, for {@link #redact}. */
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
  private static final String REDACTED = "[redacted]";
  /** An {@code Authorization} header or field and its value, in header, JSON or map notation. */
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "(?i)(\"?(?:proxy-)?authorization\"?\\s*[:=]\\s*\\[?\\s*\"?)(?:(bearer|basic)\\s+)?[^\\s\",;}\\]]+");
  /** A bearer token anywhere, and OpenAI-style keys ({@code sk-…}). */
  private static final Pattern TOKEN = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=\\-]{4,}|\\bsk-[A-Za-z0-9_\\-]{8,}");

  static {
    KEY_VARIABLES.add(Endpoint.DEFAULT_KEY_NAME);
    KEY_VARIABLES.add(Endpoint.VLLM_KEY_NAME);
  }

  private final String value;
  private final String source;
  private final Optional<String> variable;

  private Secret(String value, String source, Optional<String> variable) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("empty secret from " + source);
    this.value = value.strip();
    this.source = source;
    this.variable = variable;
    KNOWN.add(this.value);
  }

  /** A secret given directly (tests, notebooks that obtained it elsewhere); {@code source} names where from. */
  public static Secret of(String value, String source) {
    return new Secret(Objects.requireNonNull(value, "value"), source, Optional.empty());
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
    KEY_VARIABLES.add(name);
    String fromEnv = env.get(name);
    if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(new Secret(fromEnv, "environment variable " + name, Optional.of(name)));
    for (Path dir = startDir; dir != null; dir = dir.getParent()) {
      Path dotEnv = dir.resolve(".env");
      if (Files.isRegularFile(dotEnv)) {
        String v = DotEnv.read(dotEnv).get(name);
        if (v != null && !v.isBlank()) return Optional.of(new Secret(v, name + " in " + dotEnv, Optional.of(name)));
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

  /** The environment variable (or .env entry) the key was read from, if it was read from one. */
  public Optional<String> variable() {
    return variable;
  }

  /**
   * {@code text} with every key value this process knows (every Secret made, the values of the
   * key variables in the environment) and every {@code Authorization} header value and bearer
   * token replaced by {@code [redacted]}. Messages and stored errors pass through here: a server
   * may echo the request's headers in its error.
   */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) return text;
    String out = text;
    for (String name : KEY_VARIABLES) {
      String v = System.getenv(name);
      if (v != null && v.strip().length() >= 4) out = out.replace(v.strip(), REDACTED);
    }
    for (String v : KNOWN) out = out.replace(v, REDACTED);
    out = AUTHORIZATION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + (m.group(2) != null ? m.group(2) + " " : "") + REDACTED));
    out = TOKEN.matcher(out).replaceAll(m -> m.group(1) != null ? Matcher.quoteReplacement(m.group(1) + " " + REDACTED) : "sk-" + REDACTED);
    return out;
  }

  /**
   * Checks that {@code value}, given to {@code option}, is the name of an environment variable
   * (letters, digits and underscores, not starting with a digit) and not, by mistake, a key:
   * otherwise refuses without repeating the value.
   */
  public static String requireVariableName(String option, String value) {
    boolean name = value != null && value.matches("[A-Za-z_][A-Za-z0-9_]{0,63}");
    boolean looksLikeKey = value != null && value.length() >= 20 && value.chars().anyMatch(Character::isDigit)
        && value.chars().anyMatch(Character::isLowerCase);
    if (!name || looksLikeKey) {
      throw new LlmException(option + " expects the NAME of an environment variable or .env entry (such as "
          + Endpoint.DEFAULT_KEY_NAME + "), not a key; what was given does not look like a name and is not shown here."
          + " Put the key in the environment or in a .env file and give its name.");
    }
    return value;
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
