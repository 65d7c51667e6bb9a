package org.mcalign.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The Java kernel: Jupyter's messaging from jjava-jupyter's {@link BaseKernel}, cells
 * evaluated by JShell in this JVM ({@link CellEvaluator}), values shown by {@link Renderers}.
 * Started by {@code mcalign kernel run CONNECTION_FILE} (what the installed kernel spec runs).
 */
public final class JavaKernel extends BaseKernel {
  private final CompletableFuture<CellEvaluator> evaluator;
  private final OutputScrubber scrubber;

  JavaKernel(OutputScrubber scrubber) {
    super("mcalign", versionOf(),
        new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build(),
        List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/index.html"),
            new HelpLink("Tablesaw", "https://jtablesaw.github.io/tablesaw/"),
            new HelpLink("XChart", "https://knowm.org/open-source/xchart/")),
        null,
        new JupyterIO(java.nio.charset.StandardCharsets.UTF_8),
        new CommManager(),
        new Renderer(),
        null,
        null,
        false,
        new StringStyler.Builder()
            .addPrimaryStyle(TextColor.BOLD_RESET_FG)
            .addSecondaryStyle(TextColor.BOLD_RED_FG)
            .addHighlightStyle(TextColor.BOLD_RESET_FG)
            .addHighlightStyle(TextColor.RED_BG)
            .build());
    this.scrubber = scrubber;
    Notebook.setScrubber(scrubber);
    Console.install();
    // JShell's compiler takes a second or two to warm up: start it now, while Jupyter connects
    this.evaluator = CompletableFuture.supplyAsync(CellEvaluator::new);
  }

  private static String versionOf() {
    try {
      return org.mcalign.data.Provenance.projectVersion();
    } catch (RuntimeException | LinkageError e) {
      return "dev";
    }
  }

  /**
   * Runs the kernel on a Jupyter connection file until Jupyter shuts it down. A kernel that cannot
   * start (a port taken by another process in the moment between Jupyter choosing it and the
   * kernel binding it, an unreadable connection file) says why on the process's own stderr, which
   * Jupyter and nbconvert show, and exits with 1: once the console is installed, System.err goes
   * to the (unconnected) notebook and the reason would be lost.
   */
  public static void run(Path connectionFile) throws Exception {
    java.io.PrintStream processErr = System.err;
    try {
      start(connectionFile);
    } catch (Throwable e) {
      processErr.println("kernel: could not start on " + connectionFile + ": " + describe(e));
      processErr.flush();
      System.exit(1);
    }
  }

  /** The exception's message and its causes', one line (a ZeroMQ bind failure names the address only in its cause). */
  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause()) {
      if (sb.length() > 0) sb.append(" <- ");
      sb.append(t.getClass().getSimpleName()).append(t.getMessage() == null ? "" : ": " + t.getMessage());
      if (t instanceof org.zeromq.ZMQException z) sb.append(" (").append(zmqError(z.getErrorCode())).append(')');
      if (t.getCause() == t) break;
    }
    return sb.toString();
  }

  /** ZeroMQ's errno as words: "Errno 48" alone does not tell a user that a port was taken. */
  private static String zmqError(int code) {
    try {
      org.zeromq.ZMQ.Error error = org.zeromq.ZMQ.Error.findByCode(code);
      return error == org.zeromq.ZMQ.Error.EADDRINUSE
          ? error.getMessage() + ": another process holds one of the connection file's ports; start the kernel again"
          : error.getMessage();
    } catch (IllegalArgumentException e) {
      return "errno " + code;
    }
  }

  private static void start(Path connectionFile) throws Exception {
    System.setProperty("java.awt.headless", "true");
    // jjava logs through SLF4J, which has no backend here: no start-up warning on every kernel start
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    // a cell that reads System.in gets end-of-input instead of blocking on the kernel's stdin pipe
    System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
    if (!Files.isRegularFile(connectionFile)) {
      throw new IllegalArgumentException("no connection file at " + connectionFile);
    }
    KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
    Path root = OutputScrubber.findProjectRoot(CellEvaluator.ownLocation(), Path.of(""));
    JavaKernel kernel = new JavaKernel(OutputScrubber.forThisMachine(root));
    JupyterConnection connection = new JupyterConnection(props);
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    kernel.ignoreSigint();
    connection.connect();
    connection.waitUntilClose();
    kernel.onShutdown(false);
    System.exit(0);
  }

  /** Ctrl-C in the terminal that started Jupyter interrupts the cell instead of killing the kernel. */
  @SuppressWarnings("restriction")
  private void ignoreSigint() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> interrupt());
    } catch (Throwable ignored) {
      // no signal support on this platform: interrupts still arrive as messages
    }
  }

  CellEvaluator evaluator() {
    try {
      return evaluator.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while JShell was starting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
    }
  }

  /**
   * After a cell fails (with stop_on_error, as "Run All" sends), the execute requests that were
   * already queued behind it are aborted, as IPython does. Queued means: sent (client clock)
   * before the failure was replied, and taken from the channel within a short window of the
   * failure or of the previous abort (the shell channel takes one queued message per 50 ms), so
   * neither a client that reacts to the error nor a skewed clock long after it is affected.
   */
  private static final long ABORT_WINDOW_NANOS = 300_000_000L;

  private long abortWindowStart = Long.MIN_VALUE;
  private long failureMillis;

  private boolean queuedBehindFailure(Message<ExecuteRequest> message) {
    if (abortWindowStart == Long.MIN_VALUE || System.nanoTime() - abortWindowStart > ABORT_WINDOW_NANOS) return false;
    long sent = sentMillis(message.getHeader().getTimestamp() == null ? null : message.getHeader().getTimestamp().getDateString());
    return sent != Long.MIN_VALUE && sent < failureMillis;
  }

  /** A header's ISO-8601 date in epoch milliseconds (UTC when it has no offset), or MIN_VALUE. */
  static long sentMillis(String date) {
    if (date == null || date.isBlank()) return Long.MIN_VALUE;
    try {
      return java.time.OffsetDateTime.parse(date).toInstant().toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(date).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
      } catch (java.time.format.DateTimeParseException e2) {
        return Long.MIN_VALUE;
      }
    }
  }

  @Override
  protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
    commManager.setMessageContext(message);
    ExecuteRequest request = message.getContent();
    if (queuedBehindFailure(message)) {
      abortWindowStart = System.nanoTime();
      env.setBusyDeferIdle();
      replyAborted(env, message);
      return;
    }
    abortWindowStart = Long.MIN_VALUE;
    int count = request.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
    env.setBusyDeferIdle();
    env.publish(new PublishExecuteInput(request.getCode(), count));
    Notebook.setOutput(new IopubOutput(env));
    CellError failure = null;
    try {
      CellEvaluator.Outcome outcome = evaluator().eval(request.getCode(), count);
      if (outcome.hasValue() && !request.isSilent()) {
        // a value with a caption shows as the value (display data) and then its caption (the result)
        List<MimeBundle> shown = Renderers.renderAll(outcome.value());
        Console.flush();
        for (int i = 0; i < shown.size() - 1; i++) env.publish(new PublishDisplayData(shown.get(i).scrubbed(scrubber).toDisplayData()));
        env.publish(new PublishExecuteResult(count, shown.get(shown.size() - 1).scrubbed(scrubber).toDisplayData()));
      }
    } catch (CellError e) {
      failure = e.scrubbed(scrubber);
    } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
      failure = StackTraces.toCellError(e, Map.of()).scrubbed(scrubber);
    } finally {
      Console.flush();
      Notebook.setOutput(null);
    }
    // the output is detached first so that no late stream message can slip into defer mode
    if (failure == null) {
      env.defer().reply(new ExecuteReply(count, Map.of()));
    } else {
      replyError(env, count, failure);
      if (request.shouldStopOnError() && !request.isSilent()) {
        abortWindowStart = System.nanoTime();
        failureMillis = System.currentTimeMillis();
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void replyAborted(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
    // jjava's ExecuteReply knows only "ok" and "error"; Jupyter's protocol also has "aborted"
    env.defer().reply(new Message(request, (org.dflib.jjava.jupyter.messages.MessageType) ExecuteReply.MESSAGE_TYPE,
        Map.of("status", "aborted")));
  }

  private void replyError(ShellReplyEnvironment env, int count, CellError e) {
    env.publish(new PublishError(e.ename(), e.evalue(), e.traceback()));
    ErrorReply reply = new ErrorReply(e.ename(), e.evalue(), e.traceback());
    reply.setExecutionCount(count);
    env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
  }

  @Override
  protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
    env.setBusyDeferIdle();
    env.reply(new HistoryReply(List.of()));
  }

  @Override
  public Object evalRaw(String source) {
    CellEvaluator.Outcome o = evaluator().eval(source, executionCount.get());
    return o.hasValue() ? o.value() : null;
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    String text = Completion.inspect(evaluator().analysis(), code, Completion.charIndex(code, at));
    if (text == null) return null;
    DisplayData d = new DisplayData();
    d.putText(scrubber.scrub(text));
    return d;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int cursor = Completion.charIndex(code, at);
    Completion.Options o = Completion.complete(evaluator().analysis(), code, cursor);
    return new ReplacementOptions(o.replacements(),
        Completion.codePointIndex(code, o.start()), Completion.codePointIndex(code, o.end()));
  }

  @Override
  public String isComplete(String code) {
    return Completion.isComplete(evaluator().analysis(), code);
  }

  @Override
  public void interrupt() {
    if (evaluator.isDone()) evaluator().interrupt();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    try {
      if (evaluator.isDone()) evaluator().close();
    } catch (RuntimeException ignored) {
      // shutting down anyway
    }
    super.onShutdown(isRestarting);
  }

  @Override
  public String getBanner() {
    return "Java " + Runtime.version().feature() + " (JShell) :: mcalign " + getVersion();
  }

  /** Cell output to the iopub channel of the request being executed. */
  private static final class IopubOutput implements CellOutput {
    private final ShellReplyEnvironment env;

    IopubOutput(ShellReplyEnvironment env) {
      this.env = env;
    }

    @Override
    public void stream(boolean err, String text) {
      env.publish(new PublishStream(err ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text));
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
      DisplayData d = bundle.toDisplayData();
      d.setDisplayId(displayId);
      env.publish(new PublishDisplayData(d));
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
      DisplayData d = bundle.toDisplayData();
      d.setDisplayId(displayId);
      env.publish(new PublishUpdateDisplayData(d));
    }
  }
}
