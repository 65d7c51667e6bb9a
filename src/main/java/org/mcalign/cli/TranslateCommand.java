package org.mcalign.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mcalign.prompts.BatchOutputs;
import org.mcalign.prompts.BatchRequestLine;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.Translation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign translate}: stage 2, translation requests and clean-up. */
@Command(name = "translate", mixinStandardHelpOptions = true,
    description = "Stage 2: translate English prompts: 'run' sends the requests and cleans and pairs the answers in one go;"
        + " 'requests' writes the batch request file and 'clean' reads its batch output (the paper's way).",
    subcommands = {TranslateCommand.Run.class, TranslateCommand.Requests.class, TranslateCommand.Clean.class})
final class TranslateCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("translate: subcommands run, requests, clean (see --help)");
  }

  static Map<String, String> languages(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) throw new IllegalArgumentException("--languages: expected code=Name[,code=Name], got '" + part + "'");
      m.put(kv[0].strip(), kv[1].strip());
    }
    return m;
  }

  static List<PromptRow> english(Path prompts) {
    List<PromptRow> en = PromptTable.read(prompts).stream().filter(r -> r.language().equals("en")).toList();
    if (en.isEmpty()) throw new IllegalArgumentException("--prompts " + prompts + " holds no English (en) prompts: nothing to translate");
    return en;
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Send the translation requests of every distinct English topic and template (direct mode; answers kept in"
          + " the store as they arrive, found by content on a rerun), then clean them, check placeholders and pair them per"
          + " English row (seeded) as 'clean' does → the prompt table.", Sending.EXIT_CODES})
  static final class Run implements Callable<Integer> {
    @Option(names = "--prompts", required = true, paramLabel = "CSV", description = "prompt table with English rows") Path prompts;
    @Option(names = "--languages", defaultValue = "da=Danish,nl=Dutch,pt=Portuguese", paramLabel = "CODE=NAME[,...]",
        description = "target languages as code=Name (default ${DEFAULT-VALUE})") String languages;
    @Option(names = "--model", defaultValue = Translation.MODEL, paramLabel = "ID",
        description = "translation model (default: the paper's ${DEFAULT-VALUE})") String model;
    @Option(names = "--seed", defaultValue = "0", description = "seed of the pairing (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--store", defaultValue = "out/responses.db", paramLabel = "DB",
        description = "response store (SQLite; default ${DEFAULT-VALUE})") Path store;
    @Option(names = "--out", required = true, paramLabel = "CSV",
        description = "the translated prompt table, written once every request has its answer") Path out;
    @picocli.CommandLine.Mixin RequestOptions sending;

    @Override
    public Integer call() {
      sending.check();
      new PathGuard().input("--prompts", prompts).output("--out", out).store("--store", sending.dryRun ? null : store).check();
      List<PromptRow> en = english(prompts);
      Map<String, String> langs = languages(languages);
      var units = Translation.units(en, List.copyOf(langs.keySet()));
      List<BatchRequestLine> lines = Translation.requests(units, langs, model);
      if (sending.maxTokens != null) {
        lines = lines.stream().map(l -> {
          Map<String, Object> extra = new LinkedHashMap<>(l.extraBody());
          extra.put("max_tokens", sending.maxTokens);
          return new BatchRequestLine(l.customId(), l.model(), l.messages(), extra);
        }).toList();
      }
      var chat = lines.stream().map(org.mcalign.prompts.EndpointBackend::toChatRequest).toList();
      var endpoint = sending.endpoint(model);
      String run = sending.run("translate-" + model);
      System.err.println("translate: " + units.size() + " translations (" + String.join(", ", langs.keySet()) + ") of " + en.size()
          + " English prompts → " + model + " at " + endpoint + ", run " + run + ", store " + store);
      return Sending.withStore(store, sending.dryRun, rs -> {
        Sending.Outcome o = Sending.send("translate", sending, endpoint, rs, run, chat, System.err);
        if (!o.complete()) return o.exitCode();
        List<String> texts = rs.answersOf(run, o.result().ids()).stream().map(org.mcalign.llm.ChatResponse::text).toList();
        var translated = Translation.cleanAll(units, texts);
        var problems = Translation.placeholderProblems(translated);
        for (var p : problems)
          System.err.println("translate: placeholder lost: " + p.unit().language() + " " + p.unit().kind() + " " + p.unit().key()
              + ": " + p.translation());
        var table = Translation.pair(en, translated, seed);
        PromptTable.write(table, out);
        Sending.recordOrigin(endpoint, "translations by " + model, out);
        System.out.println(o.result() + "; " + table.size() + " prompts (" + problems.size() + " translations flagged) → "
            + out.getFileName() + " (seed " + seed + ")");
        return Sending.OK;
      });
    }
  }

  @Command(name = "requests", mixinStandardHelpOptions = true,
      description = "Write the OpenAI batch input file translating every distinct English topic and template.")
  static final class Requests implements Callable<Integer> {
    @Option(names = "--prompts", required = true, description = "prompt table with English rows") Path prompts;
    @Option(names = "--languages", defaultValue = "da=Danish,nl=Dutch,pt=Portuguese",
        description = "target languages as code=Name (default ${DEFAULT-VALUE})") String languages;
    @Option(names = "--model", defaultValue = Translation.MODEL) String model;
    @Option(names = "--out", required = true) Path out;

    @Override
    public Integer call() {
      new PathGuard().input("--prompts", prompts).output("--out", out).check();
      Map<String, String> langs = languages(languages);
      var units = Translation.units(english(prompts), List.copyOf(langs.keySet()));
      BatchRequestLine.writeJsonl(Translation.requests(units, langs, model), out);
      System.err.println(units.size() + " translation requests written to " + out.getFileName());
      return 0;
    }
  }

  @Command(name = "clean", mixinStandardHelpOptions = true,
      description = "Clean batch replies, check placeholders, pair per English row (seeded) into the prompt table format.")
  static final class Clean implements Callable<Integer> {
    @Option(names = "--prompts", required = true) Path prompts;
    @Option(names = "--replies", required = true, description = "batch output JSONL of the translation requests") Path replies;
    @Option(names = "--languages", defaultValue = "da=Danish,nl=Dutch,pt=Portuguese") String languages;
    @Option(names = "--seed", defaultValue = "0") long seed;
    @Option(names = "--out", required = true) Path out;

    @Override
    public Integer call() {
      new PathGuard().input("--prompts", prompts).input("--replies", replies).output("--out", out).check();
      List<PromptRow> en = english(prompts);
      var units = Translation.units(en, List.copyOf(languages(languages).keySet()));
      var texts = BatchOutputs.read(replies).stream().map(BatchOutputs.Reply::content).toList();
      var translated = Translation.cleanAll(units, texts);
      var problems = Translation.placeholderProblems(translated);
      for (var p : problems) {
        System.err.println("placeholder lost: " + p.unit().language() + " " + p.unit().kind() + " " + p.unit().key()
            + ": " + p.translation());
      }
      var table = Translation.pair(en, translated, seed);
      PromptTable.write(table, out);
      System.out.println(table.size() + " prompts (" + problems.size() + " translations flagged) → " + out.getFileName()
          + " (seed " + seed + ")");
      return 0;
    }
  }
}
