package org.mcalign.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mcalign.llm.Faults;
import org.mcalign.llm.PromptCatalog;
import org.mcalign.llm.Secret;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.llm.StanceMixModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign simulate-server}: an OpenAI-compatible server with simulated models, for demos and tests. */
@Command(name = "simulate-server", mixinStandardHelpOptions = true,
    description = {"Start a simulated OpenAI-compatible server on 127.0.0.1 (chat completions, files, batches) until stopped.",
        "Faults: --faults '429=0.1,retry-after=200ms,500=0.05,slow=0.01,slow-delay=30s,malformed=0.01,truncated=0.01,batch-line-fail=0.02,batch-expire=0.1'"})
final class SimulateServerCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8089", description = "Port (0 = any free; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--faults", defaultValue = "none", description = "Faults to inject (default: ${DEFAULT-VALUE}).")
  String faults;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Time per chat completion (default: ${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(names = "--prompts", description = "The paper's prompt table, so answers know each prompt's question and language.")
  Path prompts;

  @Option(names = "--pro", defaultValue = "0.5", description = "Probability that a statement is pro (default: ${DEFAULT-VALUE}).")
  double pro;

  @Option(names = "--noise", defaultValue = "0.1", description = "Standard deviation of per-answer noise on --pro (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--refusals", defaultValue = "0.02", description = "Chance of a refusal (default: ${DEFAULT-VALUE}).")
  double refusals;

  @Option(names = "--wrong-language", defaultValue = "0.02", description = "Chance of an answer in another language (default: ${DEFAULT-VALUE}).")
  double wrongLanguage;

  @Option(names = "--malformed-lists", defaultValue = "0.02", description = "Chance of an unnumbered list (default: ${DEFAULT-VALUE}).")
  double malformedLists;

  @Option(names = "--classifier-error", defaultValue = "0.045", description = "Chance the classifier swaps pro/con (default: ${DEFAULT-VALUE}).")
  double classifierError;

  @Option(names = "--batch-seconds", defaultValue = "1,5,1", split = ",",
      description = "Seconds a batch stays validating, in_progress, finalizing (default: ${DEFAULT-VALUE}).")
  double[] batchSeconds;

  @Option(names = "--require-key-env", description = "Require the key in this environment variable (or .env) as bearer token.")
  String requireKeyEnv;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the server's randomness (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--served-model", split = ",", paramLabel = "NAME[,NAME...]",
      description = "Behave as vLLM serving these model names: GET /v1/models lists them with --max-model-len, any other name is"
          + " answered 404 with vLLM's message, prompts over the context 400; no Batch API. Default: any name, as a mock of OpenAI.")
  java.util.List<String> servedModels;

  @Option(names = "--max-model-len", defaultValue = "4096", paramLabel = "TOKENS",
      description = "Context length of the served models, with --served-model (default: ${DEFAULT-VALUE}).")
  int maxModelLen;

  @Option(names = "--request-log", paramLabel = "FILE",
      description = "Append one JSON line per request (time, method, path, status, model, custom_id, ms) to FILE (- for stderr).")
  Path requestLog;

  @Override
  public Integer call() throws InterruptedException {
    if (batchSeconds.length != 3) throw new IllegalArgumentException("--batch-seconds needs three values: validating,in_progress,finalizing");
    SimulatedServer.Builder b = SimulatedServer.builder().port(port).faults(Faults.parse(faults))
        .latency(Duration.ofMillis(latencyMs)).seed(seed).classifierErrorRate(classifierError)
        .model(StanceMixModel.following((m, q, l) -> pro).withNoise(noise).withDefects(refusals, wrongLanguage, malformedLists))
        .batchTiming(seconds(batchSeconds[0]), seconds(batchSeconds[1]), seconds(batchSeconds[2]));
    if (prompts != null) b.prompts(PromptCatalog.fromCsv(prompts));
    if (servedModels != null) b.vllm(servedModels, maxModelLen);
    if (requestLog != null) b.requestLog(requestLog.toString().equals("-") ? System.err : log(requestLog));
    if (requireKeyEnv != null) b.requireKey(Secret.require(Secret.requireVariableName("--require-key-env", requireKeyEnv)));
    SimulatedServer server = b.start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    System.out.println(server.baseUrl());
    System.out.flush();
    System.err.println("simulate-server: listening on " + server.baseUrl() + " (faults: " + faults + "); stop with Ctrl-C");
    stop.await();
    return 0;
  }

  private static java.io.PrintStream log(Path file) {
    try {
      return new java.io.PrintStream(java.nio.file.Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND), true, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("--request-log " + file + ": cannot write (" + e.getMessage() + ")");
    }
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis((long) (s * 1000));
  }
}
