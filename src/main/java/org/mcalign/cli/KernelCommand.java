package org.mcalign.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcalign.notebook.JavaKernel;
import org.mcalign.notebook.KernelSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcalign kernel install|uninstall|run}: the Jupyter kernel "java" of this jar. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
    description = "Install, remove or run the Jupyter kernel 'java' (Java via JShell, with the project on its classpath).",
    subcommands = {KernelCommand.Install.class, KernelCommand.Uninstall.class, KernelCommand.Run.class})
final class KernelCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Where the kernel spec goes; --user when nothing is said. */
  static final class Where {
    @Option(names = "--user", description = "Jupyter's user folder: $JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels (default).")
    boolean user;

    @Option(names = "--sys-prefix", description = "The kernels folder of the Python environment that runs jupyter.")
    boolean sysPrefix;

    @Option(names = "--prefix", paramLabel = "DIR", description = "DIR/share/jupyter/kernels.")
    Path prefix;

    Path kernelsDir() {
      if (sysPrefix) return KernelSpec.kernelsDir(KernelSpec.Scope.SYS_PREFIX, null);
      if (prefix != null) return KernelSpec.kernelsDir(KernelSpec.Scope.PREFIX, prefix);
      return KernelSpec.kernelsDir(KernelSpec.Scope.USER, null);
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Write the kernel spec 'java' (display name \"Java (mcalign)\") that runs a copy of this jar kept in the spec's folder; says when it replaces a spec installed from elsewhere.")
  static final class Install implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where = new Where();

    @Option(names = "--jar", paramLabel = "JAR", description = "The kernel jar (default: the jar running this command).")
    Path jar;

    @Option(names = "--jvm-opt", paramLabel = "OPT", description = "A JVM option for the kernel, e.g. --jvm-opt=-Xmx8g (repeatable; replaces the defaults).")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() {
      Path kernelJar = jar != null ? jar : runningJar();
      List<String> opts = jvmOptions.isEmpty() ? KernelSpec.defaultJvmOptions() : jvmOptions;
      KernelSpec.Installed done = KernelSpec.install(where.kernelsDir(), kernelJar, opts);
      if (done.replaced() != null) System.err.println("kernel: " + done.replaced());
      System.err.println("kernel: installed '" + KernelSpec.NAME + "' (" + KernelSpec.DISPLAY_NAME + ") in " + done.dir()
          + ", running its own copy of the jar (" + done.jar().getFileName() + "): mvn clean or deleting this clone does not affect it");
      return 0;
    }
  }

  @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the kernel spec 'java'.")
  static final class Uninstall implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where = new Where();

    @Override
    public Integer call() {
      Path dir = where.kernelsDir();
      boolean removed = KernelSpec.uninstall(dir);
      System.err.println(removed ? "kernel: removed '" + KernelSpec.NAME + "' from " + dir
          : "kernel: no kernel '" + KernelSpec.NAME + "' in " + dir);
      return 0;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run the kernel on a Jupyter connection file (what Jupyter starts; not for direct use).")
  static final class Run implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter wrote.")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
      JavaKernel.run(connectionFile);
      return 0;
    }
  }

  /** The jar this command runs from. */
  static Path runningJar() {
    try {
      Path p = Path.of(KernelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) return p.toAbsolutePath().normalize();
      throw new IllegalStateException("not running from a jar (" + p + "): build it with 'mvn -DskipTests package' "
          + "and run 'java -jar target/mcalign.jar kernel install', or pass --jar");
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the running jar: " + e.getMessage(), e);
    }
  }
}
