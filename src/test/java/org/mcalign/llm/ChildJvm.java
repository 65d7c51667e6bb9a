package org.mcalign.llm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code mcalign} in a child JVM on the test classpath (so it can be killed like a real process). */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(Path workDir, Path log, Map<String, String> env, String... args) throws IOException {
    return start("256m", workDir, log, env, args);
  }

  /** As {@link #start(Path, Path, Map, String...)} with a heap of {@code heap} (e.g. "1g"). */
  public static Process start(String heap, Path workDir, Path log, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.mcalign.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().remove("OPENAI_API_KEY");
    pb.environment().putAll(env);
    return pb.start();
  }

  static String classpathSeparator() {
    return File.pathSeparator;
  }
}
