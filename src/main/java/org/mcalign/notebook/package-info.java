/**
 * The Java notebook kernel and how values show in notebooks.
 *
 * <h2>Install and run</h2>
 * <pre>
 * mvn -B -q -DskipTests package
 * java -jar target/mcalign.jar kernel install --user      # or --sys-prefix, --prefix DIR
 * jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=java nb.ipynb
 * java -jar target/mcalign.jar kernel uninstall --user
 * </pre>
 * {@code --user} honours {@code JUPYTER_DATA_DIR}: with
 * {@code JUPYTER_DATA_DIR=$PWD/target/jupyter-data} both the install and Jupyter use a private
 * kernels folder. The install copies the jar into the spec's folder under a versioned name
 * ({@code mcalign-VERSION-HASH.jar}) and the spec runs
 * {@code java -jar <that copy> kernel run {connection_file}}, so {@code mvn clean} or deleting
 * the clone leaves the kernel working; installing over a spec from another clone or another
 * Java kernel says what it replaced. JVM options come from {@code --jvm-opt} at install time or
 * {@code JDK_JAVA_OPTIONS}.
 *
 * <h2>Cells</h2>
 * A cell holds statements, declarations, imports and optionally a trailing expression; the
 * trailing expression is displayed when it is written <em>without</em> a closing semicolon
 * ({@code table} shows the table, {@code table;} does not). Every cell starts with
 * {@code java.util.*}, {@code java.util.function.*}, {@code java.util.stream.*},
 * {@code java.io.*}, {@code java.nio.file.*}, {@code tech.tablesaw.api.*},
 * {@code org.knowm.xchart.*}, {@code org.knowm.xchart.style.*}, every {@code org.mcalign.*}
 * package but {@code cli}, and {@link org.mcalign.notebook.Progress},
 * {@link org.mcalign.notebook.Renderers} and the static methods of
 * {@link org.mcalign.notebook.Notebook} ({@code display}, {@code updateDisplay}, {@code html},
 * {@code markdown}). Magics: {@code %jars}, {@code %classpath}, {@code %maven g:a:v} (local
 * repository only), {@code %%time}. Interrupt stops the cell (even a loop that never checks,
 * on Java 17–19, which still have {@code Thread.stop}), interrupts the threads the cell
 * started, and keeps the state.
 *
 * <h2>Rendering</h2>
 * See {@link org.mcalign.notebook.Renderers}: tables → HTML that reads the same without its
 * style sheet (inline alignment, types as header tooltips, wrap points in long names) and
 * aligned text, both with 4 significant digits and p-values {@code <0.001}
 * ({@link org.mcalign.notebook.Numbers}); maps and collections → tables; XChart charts → 2×
 * PNG, images → PNG, any object with a public {@code toHtml()} → HTML (its {@code summary()}
 * or {@code toString()} as text), and a value with a public {@code caption()} (a figure) is
 * followed by its caption as Markdown. All outputs have this machine's project, data and home
 * paths replaced ({@code .}, {@code $MCA_DATA}, {@code ~}), secret-looking environment values
 * masked and JShell's synthetic names mapped back to the cell's ({@code REPL.$JShell$31.o} →
 * {@code o}).
 *
 * <h2>What the notebooks say</h2>
 * {@link org.mcalign.notebook.findings} computes the sentences, captions and output lists of
 * the analysis notebooks from the results they show.
 */
package org.mcalign.notebook;
