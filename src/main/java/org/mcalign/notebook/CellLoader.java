package org.mcalign.notebook;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;
import jdk.jshell.execution.LoaderDelegate;

/**
 * Loads the classes JShell compiles from cells, in the kernel's own JVM, on top of the
 * application class loader (so cells see the project jar and its libraries as the kernel
 * does) plus whatever {@code %jars}, {@code %classpath} and {@code %maven} add.
 */
final class CellLoader implements LoaderDelegate {
  private final Map<String, byte[]> declared = new ConcurrentHashMap<>();
  private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
  private final Set<String> onAppClasspath = ConcurrentHashMap.newKeySet();
  private final Loader loader;

  CellLoader(ClassLoader parent) {
    this.loader = new Loader(parent);
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) onAppClasspath.add(Path.of(entry).toAbsolutePath().normalize().toString());
    }
  }

  ClassLoader classLoader() {
    return loader;
  }

  @Override
  public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
    boolean[] installed = new boolean[cbcs.length];
    for (int i = 0; i < cbcs.length; i++) declared.put(cbcs[i].name(), cbcs[i].bytecodes());
    for (int i = 0; i < cbcs.length; i++) {
      try {
        loaded.put(cbcs[i].name(), loader.loadClass(cbcs[i].name()));
        installed[i] = true;
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ClassInstallException("cannot load " + cbcs[i].name() + ": " + e, installed);
      }
    }
  }

  @Override
  public void classesRedefined(ClassBytecodes[] cbcs) {
    for (ClassBytecodes c : cbcs) declared.put(c.name(), c.bytecodes());
  }

  @Override
  public void addToClasspath(String path) throws InternalException {
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isBlank()) continue;
      Path p = Path.of(entry).toAbsolutePath().normalize();
      // entries the application loader already has would only shadow themselves
      if (!onAppClasspath.add(p.toString())) continue;
      try {
        loader.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new ExecutionControl.InternalException("bad classpath entry " + entry + ": " + e.getMessage());
      }
    }
  }

  @Override
  public Class<?> findClass(String name) throws ClassNotFoundException {
    Class<?> c = loaded.get(name);
    if (c == null) {
      c = loader.loadClass(name);
      loaded.put(name, c);
    }
    return c;
  }

  private final class Loader extends URLClassLoader {
    static {
      ClassLoader.registerAsParallelCapable();
    }

    Loader(ClassLoader parent) {
      super("jshell-cells", new URL[0], parent);
    }

    void add(URL url) {
      addURL(url);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = declared.get(name);
      if (bytes == null) return super.findClass(name);
      return defineClass(name, bytes, 0, bytes.length, (CodeSource) null);
    }
  }
}
